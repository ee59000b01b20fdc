"""Audit hole 3: a report hidden from the public showed its title on the page of
a report marked as its duplicate. Cross-links between reports now show the other
report's title only to who may read it (the ``readable_by`` filter, i.e.
``moderation.can_read``), else its number; the reporter of the duplicate follows
the original only if they may read it; the "is it one of these?" suggestions hold
only reports a visitor may read."""

import pytest

from civic.feedback.actions import (
    mark_duplicate,
    set_public,
    similar_open_reports,
    submit_report,
)
from civic.feedback.models import Follow
from content.models import AreaKind

from ..comments.conftest import resident
from ..conftest import add_area

pytestmark = pytest.mark.django_db
SECRET = "Nhà ông Xylophon lấn chiếm"


def hidden_and_duplicate(tree):
    r1 = resident("Cư dân 1", "0913000091", tree.group_1)
    r2 = resident("Cư dân 2", "0913000092", tree.group_1)
    hidden = submit_report(
        r1,
        tree.group_1,
        category="lighting",
        title=SECRET,
        description="Tên người cụ thể ở đây.",
        address="Số 1",
    )
    set_public(tree.editor_a, hidden, False, "Nêu tên một người")
    hidden.refresh_from_db()
    assert not hidden.is_public
    shown = submit_report(
        r2,
        tree.group_1,
        category="lighting",
        title="Đèn hỏng",
        description="Đèn đường hỏng.",
        address="Số 2",
    )
    mark_duplicate(tree.editor_a, shown, "Trùng", hidden)
    return hidden, shown, r2


def test_a_hidden_reports_title_is_not_shown_on_its_public_duplicate(client, tree):
    hidden, shown, reporter = hidden_and_duplicate(tree)
    assert client.get(f"/phan-anh/{hidden.pk}/").status_code == 404
    html = client.get(f"/phan-anh/{shown.pk}/").content.decode()
    assert SECRET not in html
    assert f"#{hidden.pk}" in html
    client.force_login(reporter)
    assert SECRET not in client.get(f"/phan-anh/{shown.pk}/").content.decode()
    assert not Follow.objects.filter(report=hidden, user=reporter).exists()


def test_a_handler_still_sees_the_originals_title(client, tree):
    _hidden, shown, _reporter = hidden_and_duplicate(tree)
    client.force_login(tree.editor_a)
    assert SECRET in client.get(f"/phan-anh/{shown.pk}/").content.decode()


def test_suggestions_leave_out_reports_of_unpublished_areas(tree):
    area = add_area(tree.commune_a, "Tổ dân phố 7", AreaKind.RESIDENTIAL_GROUP)
    report = submit_report(
        resident("Cư dân", "0913000093", area),
        area,
        category="lighting",
        title=SECRET,
        description="Đèn đường hỏng.",
        address="Số 3",
        latitude=16.0,
        longitude=108.0,
    )
    near = similar_open_reports(tree.group_1, "lighting", 16.0, 108.0)
    assert report in near
    area.unpublish()
    assert report not in similar_open_reports(tree.group_1, "lighting", 16.0, 108.0)
