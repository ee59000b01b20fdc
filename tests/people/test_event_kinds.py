"""Issue 19's verification outcome: told to the resident (not the verifier),
once, in the resident's language."""

import pytest

from civic.people.actions import reject_residency, verify_residency
from civic.people.models import Household, Residency
from tests.conftest import make_user
from tests.notified import recipients, speaks, told

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicant(tree):
    user = speaks(make_user("Newcomer", "0905888001"), "en")
    home = Household.objects.create(area=tree.group_1, address="3 Lý Tự Trọng")
    return Residency.objects.create(user=user, household=home)


def test_verified(tree, applicant):
    verify_residency(tree.leader_1, applicant)
    assert recipients("people.residency_verified") == [applicant.user_id]
    (note,) = told(applicant.user, "people.residency_verified")
    assert note.text() == "You are now a verified resident of Tổ dân phố 1."


def test_rejected(tree, applicant):
    reject_residency(tree.leader_1, applicant, "Không đúng địa chỉ")
    assert recipients("people.residency_rejected") == [applicant.user_id]
    (note,) = told(applicant.user, "people.residency_rejected")
    assert note.text() == (
        "Your request to join Tổ dân phố 1 was not accepted: Không đúng địa chỉ"
    )
