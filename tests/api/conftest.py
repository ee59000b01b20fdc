"""Open API fixtures on top of ``tree``: one public item of each kind and, beside
it, the ones an anonymous visitor must never see (restricted page, future
notice, draft, hidden report, secret ballot still open, draft minutes)."""

from datetime import time, timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import PageViewRestriction

from api.keys import create_key
from civic.directory.models import UtilityLink
from civic.feedback import actions as feedback
from civic.feedback.models import Category, Report
from civic.meetings.models import Meeting, Minutes, MinutesStatus
from civic.polls.models import Choice, Poll, PollResult, ResultsVisibility
from civic.services.models import Procedure
from civic.support.models import OpeningHours, SupportPoint
from content.models import NewsPage, NoticePage

from ..conftest import make_user


def add_page(parent, page, live=True):
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.live = False
        page.save_revision()
        page.save()
    return page


def make_report(user, area, title="Đèn đường hỏng", **extra):
    fields = {
        "category": Category.LIGHTING,
        "title": title,
        "description": "Đèn đường trước nhà số 5 không sáng.",
        "address": "5 Hà Ra",
    }
    fields.update(extra)
    return feedback.submit_report(user, area, **fields)


class Data:
    pass


@pytest.fixture
def data(tree):
    cache.clear()  # the rate limit's counters
    d = Data()
    today = timezone.localdate()
    now = timezone.now()
    d.notice = add_page(
        tree.group_1,
        NoticePage(
            body="<p>x</p>",
            title="Lịch cắt nước",
            intro="Thứ Bảy",
            posting_starts=today,
        ),
    )
    d.future_notice = add_page(
        tree.group_1,
        NoticePage(
            body="<p>x</p>",
            title="Thông báo tương lai",
            posting_starts=today + timedelta(3),
        ),
    )
    d.draft_notice = add_page(
        tree.group_1,
        NoticePage(body="<p>x</p>", title="Bản nháp", posting_starts=today),
        live=False,
    )
    d.secret_notice = add_page(
        tree.group_2,
        NoticePage(body="<p>x</p>", title="Chỉ cư dân", posting_starts=today),
    )
    PageViewRestriction.objects.create(
        page=d.secret_notice, restriction_type=PageViewRestriction.LOGIN
    )
    d.news = add_page(tree.commune_a, NewsPage(title="Ngày hội", intro="Vui"))
    # polls: one closed with its result, one secret and open (figures hidden)
    d.closed_poll = Poll.objects.create(
        area=tree.group_1,
        title="Chọn ngày",
        opens_at=now - timedelta(days=5),
        closes_at=now - timedelta(days=1),
        results_visibility=ResultsVisibility.AFTER_CLOSING,
    )
    Choice.objects.create(poll=d.closed_poll, label="Thứ Bảy", sort_order=0)
    PollResult.objects.create(
        poll=d.closed_poll,
        eligible_total=10,
        participants=4,
        tallies=[{"choice": 1, "label": "Thứ Bảy", "meaning": "", "votes": 4}],
    )
    d.open_poll = Poll.objects.create(
        area=tree.group_1,
        title="Bỏ phiếu kín",
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=2),
        results_visibility=ResultsVisibility.AFTER_VOTING,
        secret=True,
    )
    Choice.objects.create(poll=d.open_poll, label="Có", sort_order=0)
    d.meeting = Meeting.objects.create(
        area=tree.group_1,
        title="Họp tổ",
        starts_at=now - timedelta(days=2),
        ends_at=now - timedelta(days=2) + timedelta(hours=2),
        place="Nhà văn hóa",
    )
    Minutes.objects.create(
        meeting=d.meeting,
        status=MinutesStatus.PUBLISHED,
        chair="Tổ trưởng",
        secretary="Thư ký",
        households_total=10,
        households_represented=7,
    )
    d.draft_meeting = Meeting.objects.create(
        area=tree.group_2,
        title="Họp tổ 2",
        starts_at=now - timedelta(days=1),
        ends_at=now - timedelta(days=1) + timedelta(hours=2),
        place="Nhà văn hóa 2",
    )
    Minutes.objects.create(
        meeting=d.draft_meeting,
        chair="Tổ trưởng 2",
        secretary="Bí mật nháp",
        households_total=10,
        households_represented=2,
    )
    d.reporter = make_user("Người phản ánh Bí Danh", "0905111222", "pa@example.vn")
    d.other = make_user("Người khác", "0905333444")
    d.report = make_report(d.reporter, tree.group_1)
    d.hidden = make_report(d.other, tree.group_2, title="Nêu tên hàng xóm")
    Report.objects.filter(pk=d.hidden.pk).update(is_public=False)
    d.procedure = Procedure.objects.create(
        area=tree.commune_a,
        code="1.001193",
        name="Đăng ký khai sinh",
        field="civil_status",
        level="full",
        authority="UBND phường",
        documents="Tờ khai\nGiấy chứng sinh",
        portal_url="https://dichvucong.gov.vn/",
    )
    d.point = SupportPoint.objects.create(
        area=tree.commune_a,
        name="Điểm hỗ trợ A",
        address="1 Hà Ra",
        latitude="16.06",
        longitude="108.22",
    )
    for weekday in range(7):
        OpeningHours.objects.create(
            point=d.point, weekday=weekday, opens=time(7, 30), closes=time(21, 0)
        )
    d.utility = UtilityLink.objects.create(
        area=tree.commune_a, kind="water", name="Cấp nước Đà Nẵng", phone="1900"
    )
    return d


@pytest.fixture
def key(tree):
    api_key, raw = create_key("Ứng dụng Đà Nẵng Smart City", created_by=tree.admin)
    api_key.raw = raw
    return api_key
