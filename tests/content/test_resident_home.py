"""A signed-in resident's home on the portal (issue 19): my group's and my
commune's urgent notices, the polls waiting for my vote, my reports, my
appointments, my unread notifications; an invitation to join without a group."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from civic.feedback.models import Report
from civic.people.models import Notification, ResidencyStatus
from civic.polls.models import Participation, Poll, PollKind
from civic.support.models import Appointment, AppointmentStatus, SupportPoint
from content.models import NoticePage
from tests.factories import make_user, resident


def notice(area, title, urgent=True, **extra):
    page = NoticePage(title=title, body="<p>Nội dung</p>", is_urgent=urgent, **extra)
    area.add_child(instance=page)
    return page


def poll(area, title, **extra):
    now = timezone.now()
    fields = {
        "opens_at": now - timedelta(hours=1),
        "closes_at": now + timedelta(days=2),
    }
    fields.update(extra)
    return Poll.objects.create(area=area, title=title, **fields)


def report(user, area, commune, title, **extra):
    return Report.objects.create(
        area=area,
        commune=commune,
        reporter=user,
        category="lighting",
        title=title,
        description="Đèn không sáng.",
        address="Số 12",
        accept_due=timezone.now() + timedelta(hours=8),
        **extra,
    )


def appointment(user, point, days, need, status=AppointmentStatus.CONFIRMED):
    return Appointment.objects.create(
        point=point,
        resident=user,
        date=timezone.localdate() + timedelta(days=days),
        slot="09:00",
        need=need,
        status=status,
    )


@pytest.fixture
def me(tree):
    return resident("Chị Lan", "0912000123", tree.group_1, rep=True)


def fill(tree, me, tag="", n=0):
    """What the resident's home shows, and what it must not show."""
    notice(tree.commune_a, f"Cắt nước toàn phường{tag}")
    notice(tree.group_1, f"Tổ 1 họp gấp{tag}")
    notice(tree.group_1, f"Tổ 1 thông báo thường{tag}", urgent=False)
    notice(tree.group_2, f"Tổ 2 khẩn{tag}")
    notice(tree.commune_b, f"Xã B khẩn{tag}")
    poll(tree.commune_a, f"Phường hỏi ý kiến{tag}")
    poll(tree.group_1, f"Hộ gia đình quyết định{tag}", kind=PollKind.HOUSEHOLD)
    poll(tree.group_2, f"Tổ 2 hỏi{tag}")
    poll(tree.commune_b, f"Xã B hỏi{tag}")
    ended = timezone.now() - timedelta(days=1)
    poll(
        tree.group_1,
        f"Đã đóng{tag}",
        opens_at=ended - timedelta(days=2),
        closes_at=ended,
    )
    voted = poll(tree.group_1, f"Đã bỏ phiếu{tag}")
    Participation.objects.create(poll=voted, user=me)
    report(me, tree.group_1, tree.commune_a, f"Đèn hỏng{tag}")
    other = make_user(f"Người khác{tag}", f"0912000{900 + n}")
    report(other, tree.group_1, tree.commune_a, f"Của người khác{tag}")
    point = SupportPoint.objects.create(
        area=tree.commune_a,
        name=f"Nhà văn hóa{tag}",
        address="1 Lê Lợi",
        latitude="12.25",
        longitude="109.19",
    )
    appointment(me, point, 2, "Đăng ký tạm trú")
    appointment(me, point, 3, "Đã hủy", status=AppointmentStatus.CANCELLED)
    Notification.objects.create(user=me, message="Có tin mới")


def test_the_portal_leads_with_my_group(client, tree, me):
    fill(tree, me)
    client.force_login(me)
    html = client.get("/en/").content.decode()
    mine = html[html.index('class="my-home"') : html.index('id="communes-heading"')]
    assert "My group: Tổ dân phố 1" in mine
    for shown in (
        "Cắt nước toàn phường",
        "Tổ 1 họp gấp",
        "Phường hỏi ý kiến",
        "Hộ gia đình quyết định",
        "Đèn hỏng",
        "Nhà văn hóa",
        "1 unread notification",
    ):
        assert shown in mine, shown
    for hidden in (
        "Tổ 1 thông báo thường",
        "Tổ 2 khẩn",
        "Xã B khẩn",
        "Tổ 2 hỏi",
        "Xã B hỏi",
        "Đã đóng",
        "Đã bỏ phiếu",
        "Của người khác",
    ):
        assert hidden not in mine, hidden
    assert 'href="/en/tai-khoan/thong-bao/"' in mine or "thong-bao" in mine


def test_a_member_who_does_not_represent_the_household_is_not_asked_its_vote(
    client, tree, me
):
    household = me.residencies.get().household
    member = resident("Anh Nam", "0912000124", household)
    poll(tree.group_1, "Hộ gia đình quyết định", kind=PollKind.HOUSEHOLD)
    poll(tree.group_1, "Ai cũng hỏi")
    client.force_login(member)
    html = client.get("/en/").content.decode()
    assert "Ai cũng hỏi" in html
    assert "Hộ gia đình quyết định" not in html


def test_without_a_verified_group_an_invitation_to_join(client, tree):
    newcomer = make_user("Người mới", "0912000125")
    client.force_login(newcomer)
    html = client.get("/en/").content.decode()
    assert "Join your residential group" in html
    assert 'href="/en/tham-gia/"' in html
    waiting = resident("Chờ duyệt", "0912000126", tree.group_1, ResidencyStatus.PENDING)
    client.force_login(waiting)
    html = client.get("/en/").content.decode()
    assert "waiting for the group leader" in html
    assert 'href="/en/tham-gia/"' not in html


def test_in_vietnamese(client, tree, me):
    client.force_login(me)
    html = client.get("/").content.decode()
    assert "Tổ của tôi: Tổ dân phố 1" in html


def test_the_anonymous_portal_stays_cached_and_shows_nobody_s_home(client, tree, me):
    fill(tree, me)
    first = client.get("/")
    assert 'class="my-home"' not in first.content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"
    # a signed-in resident never gets the kept page, nor leaves theirs
    client.force_login(me)
    assert client.get("/")["X-Page-Cache"] != "hit"
    assert 'class="my-home"' in client.get("/").content.decode()
    client.logout()
    page = client.get("/")
    assert 'class="my-home"' not in page.content.decode()


@pytest.mark.usefixtures("uncached")
def test_my_home_costs_a_fixed_number_of_queries(client, tree, me):
    fill(tree, me)
    client.force_login(me)
    client.get("/")  # warm Wagtail's site root paths and the memos
    with CaptureQueriesContext(connection) as few:
        assert client.get("/").status_code == 200
    for i in range(6):
        fill(tree, me, tag=f" {i}", n=i + 1)
    client.get("/")
    with CaptureQueriesContext(connection) as many:
        assert client.get("/").status_code == 200
    assert len(many) <= len(few) <= 20, [q["sql"] for q in many.captured_queries]


def test_the_apps_register_their_home_sections(client, tree, me, monkeypatch):
    import copy

    from civic.core import registry
    from civic.core.registry import HomeSection

    assert [s.key for s in registry.home_sections()] == ["polls", "feedback", "support"]
    report(me, tree.group_1, tree.commune_a, "Đèn hỏng")
    client.force_login(me)
    assert "Đèn hỏng" in client.get("/en/").content.decode()
    # as if civic.feedback were not installed: no section of it, no error
    entries = copy.copy(registry._entries)
    entries[HomeSection] = {
        k: v for k, v in entries[HomeSection].items() if k != "feedback"
    }
    monkeypatch.setattr(registry, "_entries", entries)
    html = client.get("/en/").content.decode()
    assert "Đèn hỏng" not in html
    assert 'class="my-home"' in html
