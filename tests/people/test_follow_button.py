"""The shared follow button and its endpoint (civic/people/follow_views.py):
every kind of followable object, bad input refused with a message and nothing
changed."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from civic.people.follows import follow, followers_of, is_following
from civic.people.models import Follow
from civic.polls.models import Poll
from tests.conftest import make_user
from tests.factories import sign_in

pytestmark = pytest.mark.django_db

FOLLOW = "/tai-khoan/theo-doi/"


def post(client, kind, pk, wanted="1", next_url="/"):
    return client.post(
        FOLLOW, {"kind": kind, "id": pk, "follow": wanted, "next": next_url}
    )


@pytest.fixture
def resident_user(tree, client):
    user = make_user("Người theo dõi", "0905444001")
    sign_in(client, user)
    return user


def make_poll(area):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    return Poll.objects.create(
        area=area,
        title="Chọn ngày tổng vệ sinh",
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=3),
    )


def test_following_and_unfollowing_an_area(tree, client, resident_user):
    response = post(client, "area", tree.group_1.pk, next_url=tree.group_1.url)
    assert response.status_code == 302
    assert response["Location"] == tree.group_1.url
    assert is_following(resident_user, tree.group_1)
    page = client.get(tree.group_1.url).content.decode()
    assert 'aria-pressed="true"' in page
    # a toggle keeps its name; the state is aria-pressed and a visible hint
    assert ">Theo dõi khu vực này</button>" in page
    assert "Bấm lần nữa để thôi theo dõi." in page
    assert post(client, "area", tree.group_1.pk, "0").status_code == 302
    assert not is_following(resident_user, tree.group_1)
    page = client.get(tree.group_1.url).content.decode()
    assert 'aria-pressed="false"' in page
    assert ">Theo dõi khu vực này</button>" in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_every_kind_can_be_followed(tree, client, resident_user):
    poll = make_poll(tree.group_1)
    assert post(client, "poll", poll.pk).status_code == 302
    assert list(followers_of(poll)) == [resident_user]
    page = client.get(reverse("polls:detail", args=[poll.pk])).content.decode()
    assert 'aria-pressed="true"' in page


def test_a_visitor_sees_a_sign_in_link_and_cannot_post(tree, client):
    page = client.get(tree.group_1.url).content.decode()
    assert "follow-signin" in page and "aria-pressed" not in page
    response = post(client, "area", tree.group_1.pk)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("people:login"))
    assert not Follow.objects.exists()


@pytest.mark.parametrize(
    "kind, pk, status",
    [
        ("nothing", "1", 400),
        ("area", "9999999999999999999999999", 404),
        ("area", "-1", 404),
        ("area", "²", 404),
        ("poll", "999999", 404),
    ],
)
def test_bad_input_is_refused_with_a_message(
    tree, client, resident_user, kind, pk, status
):
    before = Follow.objects.count()
    response = post(client, kind, pk)
    assert response.status_code == status
    text = response.content.decode()
    assert 'role="alert"' in text
    # Vietnamese, the site's default language
    assert "Không thực hiện được" in text
    assert Follow.objects.count() == before


def test_bad_follow_value_is_refused(tree, client, resident_user):
    assert post(client, "area", tree.group_1.pk, wanted="2").status_code == 400
    assert not is_following(resident_user, tree.group_1)


def test_a_restricted_page_cannot_be_followed(tree, client, resident_user):
    PageViewRestriction.objects.create(
        page=tree.group_2, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    response = post(client, "area", tree.group_2.pk)
    assert response.status_code == 404
    assert "không có quyền xem" in response.content.decode()
    assert not is_following(resident_user, tree.group_2)


def test_an_unpublished_area_cannot_be_followed(tree, client, resident_user):
    tree.group_2.unpublish()
    assert post(client, "area", tree.group_2.pk).status_code == 404
    assert not is_following(resident_user, tree.group_2)


def test_an_unsafe_next_goes_back_to_the_object(tree, client, resident_user):
    response = post(client, "area", tree.group_1.pk, next_url="https://evil.example/")
    assert response["Location"] == tree.group_1.url


def test_reports_use_their_own_followers(tree, client, resident_user):
    from civic.feedback import actions
    from civic.feedback.models import Category
    from civic.feedback.models import Follow as ReportFollow

    reporter = make_user("Người phản ánh", "0905444002")
    report = actions.submit_report(
        reporter,
        tree.group_1,
        category=Category.LIGHTING,
        title="Đèn đường hỏng",
        description="Đèn đường trước nhà số 12 không sáng từ ba hôm nay.",
        address="Trước số 12 Hòn Chồng",
    )
    assert is_following(reporter, report)  # their own, automatically
    assert post(client, "report", report.pk).status_code == 302
    assert ReportFollow.objects.filter(report=report, user=resident_user).exists()
    assert set(followers_of(report)) == {reporter, resident_user}
    page = client.get(report.get_absolute_url()).content.decode()
    assert 'aria-pressed="true"' in page
    # the reporter follows their own report until it is closed
    sign_in(client, reporter)
    response = post(client, "report", report.pk, "0")
    assert response.status_code == 400
    assert is_following(reporter, report)


def test_a_closed_report_cannot_be_followed(tree, client, resident_user):
    from civic.feedback import actions
    from civic.feedback.models import Category, Status

    reporter = make_user("Người phản ánh", "0905444003")
    report = actions.submit_report(
        reporter,
        tree.group_1,
        category=Category.LIGHTING,
        title="Đèn đường hỏng",
        description="Đèn đường trước nhà số 12 không sáng từ ba hôm nay.",
        address="Trước số 12 Hòn Chồng",
    )
    actions.mark_out_of_scope(tree.editor_a, report, "Việc của điện lực")
    report.refresh_from_db()
    assert report.status == Status.OUT_OF_SCOPE
    response = post(client, "report", report.pk)
    assert response.status_code == 400
    assert not is_following(resident_user, report)


def test_follow_is_idempotent_in_the_store(tree, resident_user):
    assert follow(resident_user, tree.group_2) is True
    assert follow(resident_user, tree.group_2) is False


def test_the_state_is_per_user_with_the_shared_parts_cached(tree, client, settings):
    """The area page's shared parts are cached for everyone; the button is not in
    them: a second reader sees their own state, a visitor the sign-in link."""
    settings.PAGE_CACHE_ENABLED = True
    first, second = make_user("Một", "0905444011"), make_user("Hai", "0905444012")
    follow(first, tree.group_1)
    sign_in(client, first)
    assert 'aria-pressed="true"' in client.get(tree.group_1.url).content.decode()
    sign_in(client, second)
    page = client.get(tree.group_1.url).content.decode()
    assert 'aria-pressed="false"' in page and 'aria-pressed="true"' not in page
    client.logout()
    for _ in range(2):  # stored, then served from the page cache
        page = client.get(tree.group_1.url).content.decode()
        assert "follow-signin" in page and "csrfmiddlewaretoken" not in page


def test_the_button_is_on_every_followable_page(tree, client, resident_user):
    from datetime import timedelta

    from django.utils import timezone

    from civic.meetings.actions import schedule_meeting
    from content.models import NoticePage
    from realtime.actions import area_channel

    start = timezone.now() + timedelta(days=3)
    meeting = schedule_meeting(
        tree.leader_1,
        tree.group_1,
        {
            "title": "Họp tổ",
            "kind": "regular",
            "starts_at": start,
            "ends_at": start + timedelta(hours=2),
            "place": "Nhà văn hóa",
            "online_url": "",
            "description": "",
        },
    )
    notice = NoticePage(title="Cắt nước", body="<p>Thứ Hai</p>")
    tree.group_1.add_child(instance=notice)
    notice.save_revision().publish()
    channel = area_channel(tree.group_1)
    channel.is_public = True  # readable by this (unverified) user
    channel.save()
    for kind, obj, address in [
        ("meeting", meeting, meeting.get_absolute_url()),
        ("notice", notice, notice.url),
        ("channel", channel, channel.get_absolute_url()),
    ]:
        page = client.get(address).content.decode()
        assert f'name="kind" value="{kind}"' in page, kind
        assert f'name="id" value="{obj.pk}"' in page, kind
        assert post(client, kind, obj.pk).status_code == 302
        assert is_following(resident_user, obj)
