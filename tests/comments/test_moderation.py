"""The permission matrix of moderation and the admin queue: leaders hide and unhide
in their group; commune editors also dismiss and mute in their commune; nobody acts
outside their areas; every action is logged; mutes expire."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from civic.comments import actions
from civic.comments.models import (
    Comment,
    LogAction,
    ModerationLog,
    Mute,
    Report,
    Resolution,
)
from civic.comments.moderation import is_muted
from civic.core.errors import ActionForbidden, ActionRefused
from civic.people.models import Notification

from ..factories import assert_refused_by_admin, assert_sent_to_admin_login
from .conftest import comment, page_url, post_data, report_type, url

QUEUE = "comments_moderation_queue"
ACTION = "comments_moderation_action"
LOG = "comments_moderation_log"


def act(client, target, action, **extra):
    data = {
        "action": action,
        "content_type": report_type(target),
        "object_id": target.pk,
    }
    data.update(extra)
    return client.post(reverse(ACTION), data)


@pytest.fixture
def reported(people, news_1):
    """A comment in Tổ dân phố 1 with two open reports (not yet hidden)."""
    c = comment(people.r1, news_1, "Lời lẽ khiếm nhã")
    actions.report(people.r2, c, "offensive")
    actions.report(people.r3, c, "offensive", "Xúc phạm hàng xóm")
    return c


# --- who may do what -------------------------------------------------------------

HIDE_MATRIX = [
    ("admin", True),
    ("editor_a", True),
    ("leader_1", True),
    ("leader_2", False),  # the other group of the same commune
    ("editor_b", False),  # another commune
    ("leader_b", False),
    ("helper_a", False),
    ("resident", False),
]


@pytest.mark.parametrize("who,allowed", HIDE_MATRIX)
def test_who_may_hide_and_unhide(tree, reported, who, allowed):
    user = getattr(tree, who)
    if not allowed:
        with pytest.raises(ActionForbidden):
            actions.hide(user, reported, "Vi phạm")
        reported.refresh_from_db()
        assert not reported.is_hidden
        return
    actions.hide(user, reported, "Vi phạm")
    reported.refresh_from_db()
    assert reported.is_hidden and reported.hidden_reason == "Vi phạm"
    assert set(Report.objects.values_list("resolution", flat=True)) == {
        Resolution.UPHELD
    }
    actions.unhide(user, reported)
    reported.refresh_from_db()
    assert not reported.is_hidden


@pytest.mark.parametrize(
    "who,allowed",
    [
        ("admin", True),
        ("editor_a", True),
        ("leader_1", False),  # leaders hide, they do not overrule reports or mute
        ("leader_2", False),
        ("editor_b", False),
        ("helper_a", False),
        ("resident", False),
    ],
)
def test_who_may_dismiss_and_mute(tree, people, reported, who, allowed):
    user = getattr(tree, who)
    if not allowed:
        with pytest.raises(ActionForbidden):
            actions.dismiss_reports(user, reported)
        with pytest.raises(ActionForbidden):
            actions.mute_user(user, people.r1, reported.area, "1d", "Xúc phạm")
        assert not Mute.objects.exists()
        assert Report.objects.filter(resolution="").count() == 2
        return
    actions.dismiss_reports(user, reported, "Góp ý thẳng thắn, không vi phạm")
    assert not Report.objects.filter(resolution="").exists()
    mute = actions.mute_user(user, people.r1, reported.area, "7d", "Xúc phạm")
    assert mute.area == tree.commune_a  # a mute covers the whole commune


def test_leader_hides_in_the_admin_queue(client, tree, reported, news_1):
    client.force_login(tree.leader_1)
    html = client.get(reverse(QUEUE)).content.decode()
    assert "Lời lẽ khiếm nhã" in html and "Xúc phạm hàng xóm" in html
    assert 'value="hide"' in html
    assert 'value="mute"' not in html and 'value="dismiss"' not in html
    response = act(client, reported, "hide", reason="Khiếm nhã")
    assert response.status_code == 302
    reported.refresh_from_db()
    assert reported.is_hidden
    # a leader cannot mute by forging the form either
    response = act(client, reported, "mute", duration="permanent", reason="x")
    assert not Mute.objects.exists()
    assert ModerationLog.objects.filter(action=LogAction.HIDE, actor=tree.leader_1)
    # the author is told
    assert Notification.objects.filter(user=reported.author).exists()
    html = client.get(page_url(news_1)).content.decode()
    assert "Lời lẽ khiếm nhã" not in html


def test_queue_shows_only_items_of_ones_areas(client, tree, people, reported):
    other = comment(people.rb, _page_in(tree.group_b), "Chuyện ở thôn Đông")
    actions.report(people.r2, other, "spam")
    client.force_login(tree.leader_2)
    html = client.get(reverse(QUEUE)).content.decode()
    assert "Lời lẽ khiếm nhã" not in html and "Chuyện ở thôn Đông" not in html
    client.force_login(tree.editor_b)
    html = client.get(reverse(QUEUE)).content.decode()
    assert "Lời lẽ khiếm nhã" not in html and "Chuyện ở thôn Đông" in html
    # nor can they act on it by forging the form
    act(client, reported, "hide")
    reported.refresh_from_db()
    assert not reported.is_hidden
    client.force_login(tree.admin)
    html = client.get(reverse(QUEUE)).content.decode()
    assert "Lời lẽ khiếm nhã" in html and "Chuyện ở thôn Đông" in html


def test_queue_is_sorted_by_report_count(client, tree, people, news_1, reported):
    lesser = comment(people.r4, news_1, "Ít báo cáo hơn")
    actions.report(people.r5, lesser, "spam")
    client.force_login(tree.editor_a)
    html = client.get(reverse(QUEUE)).content.decode()
    assert html.index("Lời lẽ khiếm nhã") < html.index("Ít báo cáo hơn")


def test_menu_and_queue_only_for_moderators(client, tree, people):
    client.force_login(tree.helper_a)  # has the admin, not moderation
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(QUEUE) not in home
    assert_refused_by_admin(client.get(reverse(QUEUE)))
    assert_refused_by_admin(client.get(reverse(LOG)))
    client.force_login(tree.leader_1)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(QUEUE) in home
    client.force_login(people.r1)  # no admin at all
    assert_sent_to_admin_login(client.get(reverse(QUEUE)))


def test_editor_unhides_an_auto_hidden_comment(client, tree, people, reported):
    actions.report(people.r4, reported, "offensive")
    reported.refresh_from_db()
    assert reported.is_hidden
    client.force_login(tree.editor_a)
    html = client.get(reverse(QUEUE)).content.decode()
    assert 'value="unhide"' in html
    assert act(client, reported, "unhide", reason="Không vi phạm").status_code == 302
    reported.refresh_from_db()
    assert not reported.is_hidden
    assert not Report.objects.filter(resolution="").exists()
    assert "Lời lẽ khiếm nhã" not in client.get(reverse(QUEUE)).content.decode()


def test_hidden_tab_lists_hidden_comments(client, tree, reported):
    actions.hide(tree.editor_a, reported, "Khiếm nhã")
    client.force_login(tree.leader_1)
    html = client.get(reverse(QUEUE) + "?status=hidden").content.decode()
    assert "Lời lẽ khiếm nhã" in html and 'value="unhide"' in html


def test_mute_from_the_queue_stops_posting_and_says_why(
    client, tree, people, reported, news_1, notice_1
):
    client.force_login(tree.editor_a)
    response = act(client, reported, "mute", duration="1d", reason="Xúc phạm nhiều lần")
    assert response.status_code == 302
    mute = Mute.objects.get()
    assert mute.user == people.r1 and mute.by == tree.editor_a
    assert mute.until and mute.until - timezone.now() > timedelta(hours=23)
    assert is_muted(people.r1, tree.group_1) and is_muted(people.r1, tree.group_2)
    assert not is_muted(people.r1, tree.group_b)
    client.force_login(people.r1)
    response = client.post(url("comments:post"), post_data(notice_1, "Lại là tôi"))
    assert response.status_code == 403
    assert "Xúc phạm nhiều lần" in response.content.decode()
    html = client.get(page_url(news_1)).content.decode()
    assert "Xúc phạm nhiều lần" in html  # the muted user sees why
    assert "Lời lẽ khiếm nhã" in html  # and can still read
    assert Comment.objects.count() == 1
    assert Notification.objects.filter(user=people.r1).exists()


@pytest.mark.parametrize(
    "duration,expires", [("1d", True), ("7d", True), ("permanent", False)]
)
def test_mute_expiry(tree, people, news_1, duration, expires):
    actions.mute_user(tree.editor_a, people.r1, tree.group_1, duration, "Spam")
    assert is_muted(people.r1, tree.group_1)
    later = timezone.now() + timedelta(days=8)
    assert is_muted(people.r1, tree.group_1, now=later) is not expires
    if expires:
        Mute.objects.update(until=timezone.now() - timedelta(seconds=1))
        assert actions.post_comment(people.r1, news_1, "Đã hết hạn")


def test_bad_mute_input_is_refused(client, tree, people, reported):
    with pytest.raises(ActionRefused):
        actions.mute_user(tree.editor_a, people.r1, tree.group_1, "1y", "Spam")
    with pytest.raises(ActionRefused):
        actions.mute_user(tree.editor_a, people.r1, tree.group_1, "1d", "  ")
    with pytest.raises(ActionRefused):
        actions.mute_user(tree.editor_a, tree.editor_a, tree.group_1, "1d", "x")
    client.force_login(tree.editor_a)
    act(client, reported, "mute", duration="forever", reason="Spam")
    act(client, reported, "explode")
    client.post(reverse(ACTION), {"action": "hide", "content_type": "x"})
    client.post(reverse(ACTION), {"action": "hide", "object_id": "999999"})
    assert not Mute.objects.exists()
    reported.refresh_from_db()
    assert not reported.is_hidden
    assert client.get(reverse(ACTION)).status_code == 405


def test_every_moderation_action_is_logged_and_listed(client, tree, people, reported):
    actions.hide(tree.leader_1, reported, "Khiếm nhã")
    actions.unhide(tree.editor_a, reported, "Xem lại: không sao")
    actions.report(people.r4, reported, "spam")
    actions.dismiss_reports(tree.editor_a, reported, "Đã xem")
    actions.mute_user(tree.editor_a, people.r1, tree.group_1, "1d", "Cảnh cáo")
    logged = list(ModerationLog.objects.values_list("action", "actor", "reason"))
    for entry in [
        (LogAction.HIDE, tree.leader_1.pk, "Khiếm nhã"),
        (LogAction.UNHIDE, tree.editor_a.pk, "Xem lại: không sao"),
        (LogAction.DISMISS, tree.editor_a.pk, "Đã xem"),
        (LogAction.MUTE, tree.editor_a.pk, "Cảnh cáo"),
    ]:
        assert entry in logged
    client.force_login(tree.editor_a)
    html = client.get(reverse(LOG)).content.decode()
    assert "Cảnh cáo" in html and "Xem lại: không sao" in html
    client.force_login(tree.editor_b)
    assert "Cảnh cáo" not in client.get(reverse(LOG)).content.decode()


def test_reported_page_is_in_the_queue_and_editor_dismisses(
    client, tree, people, news_1
):
    actions.report(people.r1, news_1, "other", "Sai ngày")
    client.force_login(tree.editor_a)
    html = client.get(reverse(QUEUE)).content.decode()
    assert "Sai ngày" in html and news_1.title in html
    assert act(client, news_1, "dismiss").status_code == 302
    assert not Report.objects.filter(resolution="").exists()


def _page_in(area):
    from content.models import NewsPage

    page = NewsPage(title="Tin thôn Đông", slug="tin-thon-dong")
    area.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
