"""Reports take comments through ``civic.comments`` (``register_target``): verified
residents of the area comment on a public report; a hidden report takes none."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from civic.comments.actions import post_comment
from civic.core.errors import ActionRefused
from civic.feedback import actions
from civic.people.models import Household, Residency, ResidencyStatus

from ..conftest import make_user
from .conftest import make_report, url

pytestmark = pytest.mark.django_db


def neighbour(area):
    user = make_user(
        "Hàng xóm", "0905777888", date_joined=timezone.now() - timedelta(days=30)
    )
    home = Household.objects.create(area=area, address="Số 14 Hòn Chồng")
    Residency.objects.create(user=user, household=home, status=ResidencyStatus.VERIFIED)
    return user


def test_neighbours_comment_on_a_report(fb):
    report = make_report(fb.reporter, fb.group_1)
    comment = post_comment(neighbour(fb.group_1), report, "Nhà tôi cũng bị tối.")
    assert comment.area == fb.group_1
    html = Client().get(url("report", report.pk)).content.decode()
    assert "Nhà tôi cũng bị tối." in html


def test_hidden_reports_take_no_comments(fb):
    report = make_report(fb.reporter, fb.group_1)
    actions.set_public(fb.editor_a, report, False, "Có thông tin cá nhân")
    report.refresh_from_db()
    with pytest.raises(ActionRefused) as refused:
        post_comment(neighbour(fb.group_1), report, "Ý kiến")
    assert refused.value.messages == ["This item does not exist."]
