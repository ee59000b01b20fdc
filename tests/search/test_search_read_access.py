"""Audit hole 2: the search page listed the title and snippet of feedback reports,
meetings and minutes (and polls) of unpublished areas, which no visitor may read.

Every non-page source is searched through ``Source.shown()``: its ``visible()``
items, only in areas a visitor sees listed. The class-wide test walks every
registered source: what it shows passes the item's read check for a visitor
(``can_read(AnonymousUser(), item)``) where the model has one, and belongs to a
listed area otherwise."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from civic.comments.moderation import can_read, read_check
from civic.feedback.actions import submit_report
from civic.meetings.models import Meeting, Minutes, MinutesStatus
from civic.polls.models import Poll
from content.models import AreaKind, AreaPage, listed
from search import sources as registry

from ..comments.conftest import resident
from ..conftest import add_area

pytestmark = [pytest.mark.django_db, pytest.mark.backends("whoosh", "postgres")]
SECRET = "Kênh kín Xylophon"


def fill(area, who):
    """One item of each civic kind that takes comments, in ``area``."""
    report = submit_report(
        who,
        area,
        category="lighting",
        title=SECRET,
        description="Đèn đường Xylophon không sáng.",
        address="Số 12",
    )
    now = timezone.now()
    meeting = Meeting.objects.create(
        area=area,
        title="Họp Xylophon kín",
        starts_at=now - timedelta(days=3),
        ends_at=now - timedelta(days=3) + timedelta(hours=2),
        place="Nhà văn hóa",
    )
    minutes = Minutes.objects.create(
        meeting=meeting,
        chair="Chủ trì",
        secretary="Thư ký",
        summary="Biên bản Xylophon",
        households_total=7,
        households_represented=4,
        status=MinutesStatus.PUBLISHED,
        published_at=now,
    )
    poll = Poll.objects.create(
        area=area,
        title="Bình chọn Xylophon",
        description="Ý kiến",
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=2),
    )
    return [report, meeting, minutes, poll]


def test_feedback_of_an_unpublished_area_is_not_searchable(client, tree):
    area = add_area(tree.commune_a, "Tổ dân phố 7", AreaKind.RESIDENTIAL_GROUP)
    r = resident("Cư dân", "0913000099", area)
    submit_report(
        r,
        area,
        category="lighting",
        title=SECRET,
        description="Đèn đường Xylophon không sáng.",
        address="Số 12",
    )
    area.unpublish()
    html = client.get("/tim-kiem/", {"q": "Xylophon"}).content.decode()
    assert SECRET not in html


def test_meeting_of_an_unpublished_area_is_not_searchable(client, tree):
    start = timezone.now() + timedelta(days=3)
    Meeting.objects.create(
        area=tree.group_2,
        title="Họp Xylophon kín",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        place="Nhà văn hóa",
    )
    tree.group_2.unpublish()
    html = client.get("/tim-kiem/", {"q": "Xylophon"}).content.decode()
    assert "Họp Xylophon kín" not in html


def test_every_source_shows_only_what_a_visitor_may_read(tree):
    """The whole class: for every registered source, each item it would search
    passes the model's read check for a visitor, and lies in a listed area. Items
    of an unpublished area are made for every commentable civic kind, so that a
    source that forgets the rule fails here."""
    hidden_area = add_area(tree.commune_a, "Tổ dân phố 7", AreaKind.RESIDENTIAL_GROUP)
    hidden = fill(hidden_area, resident("Cư dân", "0913000099", hidden_area))
    shown = fill(tree.group_1, resident("Cư dân 2", "0913000097", tree.group_1))
    hidden_area.unpublish()
    listed_areas = set(listed(AreaPage.objects.all()).values_list("pk", flat=True))
    visitor = AnonymousUser()
    for item in hidden:
        assert not can_read(visitor, item)
    seen = set()
    for source in registry.sources():
        model = source.get_model()
        checked = read_check(model._meta.label_lower) is not None
        for item in source.shown():
            seen.add(item)
            if checked:
                assert can_read(visitor, item), (source.key, item)
            if not source.is_page:
                area = getattr(item, "area", None) or item.meeting.area
                assert area.pk in listed_areas, (source.key, item)
    assert not seen & set(hidden)
    assert set(shown) <= seen
