"""A notification is stored as kind + object + actor + language-neutral values and
rendered in the reader's language: a leader working in English tells a resident
who reads Vietnamese in Vietnamese (civic/people/notifications.py)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from civic.people.actions import notify, verify_residency
from civic.people.models import Household, Notification, Residency, User
from tests.conftest import make_user
from tests.people.conftest import page_text, sign_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def verified(tree):
    """``tree.leader_1``, working in English, verifies a newcomer of group 1."""
    newcomer = make_user("Người mới", "0905222001")
    home = Household.objects.create(
        area=tree.group_1, address="45 Đặng Tất", representative=newcomer
    )
    residency = Residency.objects.create(user=newcomer, household=home)
    with translation.override("en"):
        verify_residency(tree.leader_1, residency)
    return Notification.objects.get(user=newcomer)


def test_stored_as_kind_object_and_actor_not_as_the_actors_text(tree, verified):
    assert verified.kind == "people.residency_verified"
    assert verified.content_type == ContentType.objects.get_for_model(Residency)
    assert verified.object.household.address == "45 Đặng Tất"
    assert verified.actor == tree.leader_1
    assert verified.params == {"area": "Tổ dân phố 1"}


def test_rendered_in_the_recipients_language(verified):
    assert verified.user.language == "vi"
    with translation.override("en"):  # whatever the worker's language
        assert verified.text() == "Bạn đã được xác minh là người dân của Tổ dân phố 1."
    User.objects.filter(pk=verified.user.pk).update(language="en")
    verified.user.refresh_from_db()
    assert verified.text() == "You are now a verified resident of Tổ dân phố 1."


def test_the_account_page_shows_it_in_the_pages_language(client, verified):
    sign_in(client, verified.user)
    assert "You are now a verified resident of Tổ dân phố 1." in page_text(
        client.get(url("account"))
    )
    assert "Bạn đã được xác minh là người dân của Tổ dân phố 1." in page_text(
        client.get(url("account", lang="vi"))
    )


def test_old_rows_and_unknown_kinds_show_their_stored_text(tree):
    old = notify(tree.resident, "Một dòng cũ", "/")
    assert old.kind == "" and old.text("en") == "Một dòng cũ"
    gone = Notification.objects.create(
        user=tree.resident, kind="removed.kind", message="Văn bản dự phòng"
    )
    assert gone.text("en") == "Văn bản dự phòng"


def test_switching_the_language_is_remembered_for_notifications(client, tree):
    sign_in(client, tree.resident)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    tree.resident.refresh_from_db()
    assert tree.resident.language == "en"


def test_every_kind_has_a_vietnamese_text():
    from civic.people.notifications import KINDS, autodiscover

    autodiscover()
    assert len(KINDS) > 40
    with translation.override("vi"):
        untranslated = [
            k.name for k in KINDS.values() if str(k.text) == k.text._args[0]
        ]
    assert untranslated == []
