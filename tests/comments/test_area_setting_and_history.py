"""The per-area "any registered user may comment" setting, comments under polls, and
the earlier versions of an edited comment kept for moderators."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civic.comments import actions
from civic.comments.models import Comment, CommentRevision
from civic.core.errors import ActionForbidden
from civic.polls.models import Poll

from ..conftest import make_user
from .conftest import page_url, post_data, url


@pytest.fixture
def outsider(db):
    """Signed up, not a resident anywhere, account older than a day."""
    return make_user(
        "Khách ghé thăm", "0913000099", date_joined=timezone.now() - timedelta(days=9)
    )


def test_by_default_only_verified_residents_comment(client, tree, outsider, notice_1):
    client.force_login(outsider)
    response = client.post(url("comments:post"), post_data(notice_1, "Cho hỏi"))
    assert response.status_code == 403
    assert not Comment.objects.exists()
    html = client.get(page_url(notice_1)).content.decode()
    assert "Only verified residents of" in html


def test_an_area_opened_to_all_lets_any_signed_in_user_comment(
    client, tree, outsider, notice_1
):
    tree.group_1.comments_open_to_all = True
    tree.group_1.save_revision().publish()
    client.force_login(outsider)
    response = client.post(url("comments:post"), post_data(notice_1, "Cho hỏi"))
    assert response.status_code == 302
    assert Comment.objects.get().author == outsider


def test_a_commune_opened_to_all_opens_its_groups_but_not_other_communes(
    tree, outsider, notice_1
):
    tree.commune_a.comments_open_to_all = True
    tree.commune_a.save(update_fields=["comments_open_to_all"])
    assert actions.comment_refusal(outsider, tree.group_1) is None
    assert actions.comment_refusal(outsider, tree.group_b) is not None
    actions.post_comment(outsider, notice_1, "Ý kiến của khách")
    assert Comment.objects.count() == 1


def test_an_open_area_still_refuses_muted_users_and_visitors(tree, outsider):
    from civic.comments.models import Mute

    tree.commune_a.comments_open_to_all = True
    tree.commune_a.save(update_fields=["comments_open_to_all"])
    Mute.objects.create(
        user=outsider, area=tree.commune_a, reason="spam", by=tree.admin
    )
    from django.contrib.auth.models import AnonymousUser
    from django.utils.translation import override

    with override("en"):
        assert "stopped you from commenting" in actions.comment_refusal(
            outsider, tree.group_1
        )
        assert actions.comment_refusal(AnonymousUser(), tree.group_1) == (
            "Sign in to comment."
        )


def test_residents_comment_under_a_poll_of_their_area(client, tree, people):
    now = timezone.now()
    poll = Poll.objects.create(
        area=tree.group_1,
        title="Chọn ngày tổng vệ sinh",
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=2),
    )
    client.force_login(people.r1)
    response = client.post(url("comments:post"), post_data(poll, "Tôi chọn Chủ nhật"))
    assert response.status_code == 302
    c = Comment.objects.get()
    assert response["Location"].endswith(f"#comment-{c.pk}")
    assert poll.get_absolute_url().split("/")[-2] in response["Location"]
    html = client.get(url("polls:detail", poll.pk)).content.decode()
    assert "Tôi chọn Chủ nhật" in html
    # a resident of another commune may not
    with pytest.raises(ActionForbidden):
        actions.post_comment(people.rb, poll, "Không liên quan")
    assert Comment.objects.count() == 1


def test_an_edit_keeps_the_earlier_text_for_moderators(client, tree, people, notice_1):
    c = actions.post_comment(people.r1, notice_1, "Đồ ngốc")
    actions.edit_comment(people.r1, c, "Xin lỗi, tôi viết nhầm")
    c.refresh_from_db()
    assert c.body == "Xin lỗi, tôi viết nhầm" and c.edited_at is not None
    (rev,) = CommentRevision.objects.filter(comment=c)
    assert rev.body == "Đồ ngốc" and rev.written_at is None
    # the public page shows only the current text, marked as edited
    html = client.get(page_url(notice_1)).content.decode()
    assert "Đồ ngốc" not in html and "Xin lỗi, tôi viết nhầm" in html
    # the editor sees the earlier version in the moderation queue once reported
    actions.report(people.r2, c, "offensive")
    client.force_login(tree.editor_a)
    queue = client.get("/quan-tri/kiem-duyet/").content.decode()
    assert "Đồ ngốc" in queue and "<details>" in queue


def test_an_unchanged_edit_keeps_no_revision(tree, people, notice_1):
    c = actions.post_comment(people.r1, notice_1, "Giống hệt")
    actions.edit_comment(people.r1, c, "  Giống hệt  ")
    assert not CommentRevision.objects.exists()
