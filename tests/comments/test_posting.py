"""Verified residents comment on news and notices, reply one level deep, edit within
five minutes and delete their own; everyone else gets a clear refusal and nothing
is saved."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import override

from civic.comments import actions
from civic.comments.models import Comment, LogAction, ModerationLog
from civic.core.errors import ActionForbidden, ActionRefused
from civic.people.models import Residency, ResidencyStatus

from .conftest import backdate, comment, page_url, post_data, url


def test_resident_comments_on_a_notice_and_it_is_shown(client, people, notice_1):
    client.force_login(people.r1)
    response = client.post(
        url("comments:post"), post_data(notice_1, "Xin hỏi cắt nước mấy giờ?")
    )
    assert response.status_code == 302
    c = Comment.objects.get()
    assert response["Location"].endswith(f"#comment-{c.pk}")
    assert c.area.pk == notice_1.get_parent().pk
    assert c.author == people.r1
    html = client.get(page_url(notice_1)).content.decode()
    assert "Xin hỏi cắt nước mấy giờ?" in html
    assert "Cư dân 1" in html and "Tổ dân phố 1" in html  # name and group
    assert ModerationLog.objects.filter(action=LogAction.POST, actor=people.r1).exists()


def test_visitors_read_comments_and_are_asked_to_sign_in(client, people, news_1):
    comment(people.r1, news_1, "Đồng ý tham gia")
    html = client.get(page_url(news_1)).content.decode()
    assert "Đồng ý tham gia" in html
    assert "Sign in to comment." in html
    assert 'name="body"' not in html


def test_comments_are_shown_oldest_first_with_replies_one_level_deep(
    client, people, news_1
):
    first = comment(people.r1, news_1, "Thứ nhất")
    comment(people.r2, news_1, "Thứ hai")
    reply = comment(people.r3, news_1, "Trả lời thứ nhất", parent=first)
    deeper = comment(people.r4, news_1, "Trả lời câu trả lời", parent=reply)
    assert reply.parent == first
    assert deeper.parent == first  # a reply to a reply joins the same thread
    html = client.get(page_url(news_1)).content.decode()
    assert (
        html.index("Thứ nhất")
        < html.index("Trả lời thứ nhất")
        < html.index("Trả lời câu trả lời")
        < html.index("Thứ hai")
    )


def test_a_reply_must_belong_to_the_same_item(people, news_1, notice_1):
    other = comment(people.r1, notice_1)
    with pytest.raises(ActionRefused):
        actions.post_comment(people.r2, news_1, "Trả lời", parent=other)
    assert Comment.objects.count() == 1


def test_edit_within_five_minutes_is_marked_edited(client, people, news_1):
    c = actions.post_comment(people.r1, news_1, "Họp lúc 7 giờ")
    client.force_login(people.r1)
    assert client.get(url("comments:edit", c.pk)).status_code == 200
    response = client.post(url("comments:edit", c.pk), {"body": "Họp lúc 8 giờ"})
    assert response.status_code == 302
    c.refresh_from_db()
    assert c.body == "Họp lúc 8 giờ" and c.edited_at is not None
    html = client.get(page_url(news_1)).content.decode()
    assert "Họp lúc 8 giờ" in html and "edited" in html


def test_editing_after_five_minutes_is_refused(client, people, news_1):
    c = actions.post_comment(people.r1, news_1, "Họp lúc 7 giờ")
    backdate(c, 301)
    client.force_login(people.r1)
    response = client.post(url("comments:edit", c.pk), {"body": "Sửa muộn"})
    assert response.status_code == 400
    assert "first 5 minutes" in response.content.decode()
    c.refresh_from_db()
    assert c.body == "Họp lúc 7 giờ" and c.edited_at is None


def test_editing_or_deleting_someone_elses_comment_is_refused(client, people, news_1):
    c = actions.post_comment(people.r1, news_1, "Của tôi")
    client.force_login(people.r2)
    response = client.post(url("comments:edit", c.pk), {"body": "Của bạn"})
    assert response.status_code == 403
    assert "your own comments" in response.content.decode()
    response = client.post(url("comments:delete", c.pk))
    assert response.status_code == 403
    c.refresh_from_db()
    assert c.body == "Của tôi" and not c.deleted


def test_author_deletes_own_comment_and_replies_keep_their_place(
    client, people, news_1
):
    c = comment(people.r1, news_1, "Nội dung sẽ xoá")
    comment(people.r2, news_1, "Câu trả lời còn lại", parent=c)
    client.force_login(people.r1)
    assert client.post(url("comments:delete", c.pk)).status_code == 302
    c.refresh_from_db()
    assert c.deleted and c.body == ""
    html = client.get(page_url(news_1)).content.decode()
    assert "Nội dung sẽ xoá" not in html
    assert "Comment deleted by its author." in html
    assert "Câu trả lời còn lại" in html
    # deleting twice is refused, not a 500
    assert client.post(url("comments:delete", c.pk)).status_code == 400


@pytest.mark.parametrize(
    "who,expected",
    [
        ("waiting", "Only verified residents"),
        ("rb", "Only verified residents"),  # lives in another commune
        ("r6", "Only verified residents"),  # lives in the other group of the commune
        ("resident", "Only verified residents"),  # registered, no residency
    ],
)
def test_people_who_do_not_live_there_cannot_comment(
    client, tree, people, news_1, who, expected
):
    user = getattr(people, who, None) or getattr(tree, who)
    client.force_login(user)
    response = client.post(url("comments:post"), post_data(news_1, "Xin chào"))
    assert response.status_code == 403
    assert expected in response.content.decode()
    assert "Xin chào" in response.content.decode()  # the text is kept
    assert not Comment.objects.exists()
    html = client.get(page_url(news_1)).content.decode()
    assert expected in html and 'id="comment-body"' not in html


def test_a_resident_who_moved_away_can_no_longer_comment(people, news_1):
    Residency.objects.filter(user=people.r1).update(status=ResidencyStatus.MOVED)
    with pytest.raises(ActionForbidden):
        actions.post_comment(people.r1, news_1, "Xin chào")


def test_anonymous_post_is_sent_to_sign_in(client, people, news_1):
    response = client.post(url("comments:post"), post_data(news_1, "Xin chào"))
    assert response.status_code == 302
    assert "next=" in response["Location"]
    assert not Comment.objects.exists()


def test_the_areas_moderators_may_comment(tree, people, news_1):
    assert actions.post_comment(tree.leader_1, news_1, "Tổ trưởng trả lời")
    assert actions.post_comment(tree.editor_a, news_1, "Phường trả lời khác")
    with pytest.raises(ActionForbidden):
        actions.post_comment(tree.leader_2, news_1, "Không phải tổ của tôi")


@pytest.mark.parametrize(
    "body,message",
    [
        ("", "Write something"),
        ("   \n\t  ", "Write something"),
        ("x" * 1001, "at most 1000 characters"),
    ],
)
def test_empty_or_too_long_text_is_refused(client, people, news_1, body, message):
    client.force_login(people.r1)
    response = client.post(url("comments:post"), post_data(news_1, body))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Comment.objects.exists()


def test_exactly_1000_characters_is_accepted(people, news_1):
    assert len(actions.post_comment(people.r1, news_1, "ư" * 1000).body) == 1000


@pytest.mark.parametrize(
    "change",
    [
        {"object_id": "999999"},
        {"object_id": "abc"},
        {"object_id": "99999999999999999999999999"},
        {"content_type": "999999"},
        {"content_type": ""},
        {"parent": "999999"},
        {"parent": "x"},
    ],
)
def test_forged_ids_are_refused(client, people, news_1, change):
    client.force_login(people.r1)
    data = post_data(news_1, "Xin chào")
    data.update(change)
    response = client.post(url("comments:post"), data)
    assert response.status_code == 400
    assert "does not exist" in response.content.decode()
    assert not Comment.objects.exists()


def test_only_news_and_notices_take_comments(client, tree, people, news_1):
    client.force_login(people.r1)
    # an area page, or a user, is not a commentable item
    for target in (tree.group_1, people.r2):
        data = post_data(news_1, "Xin chào")
        data["content_type"] = ContentType.objects.get_for_model(target).pk
        data["object_id"] = target.pk
        response = client.post(url("comments:post"), data)
        assert response.status_code == 400
    assert not Comment.objects.exists()


def test_unpublished_pages_take_no_comments(client, people, news_1):
    news_1.unpublish()
    news_1.refresh_from_db()
    client.force_login(people.r1)
    response = client.post(url("comments:post"), post_data(news_1, "Xin chào"))
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_get_is_not_allowed_on_post(client, people):
    client.force_login(people.r1)
    assert client.get(url("comments:post")).status_code == 405


def test_editing_a_missing_comment_is_a_clear_404(client, people):
    client.force_login(people.r1)
    assert client.get(url("comments:edit", 424242)).status_code == 404


def test_comments_work_on_any_model_with_an_area(settings, tree, people):
    """Polls, meetings, feedback later: any model with an ``area`` attribute."""
    from civic.comments.moderation import area_of

    class Item:
        pk = 1
        area = tree.group_1

    assert area_of(Item()) == tree.group_1
    assert area_of(tree.group_1) == tree.group_1


def test_refused_edit_keeps_comment_unchanged_on_too_long_text(people, news_1):
    c = actions.post_comment(people.r1, news_1, "Ngắn")
    with pytest.raises(ActionRefused):
        actions.edit_comment(people.r1, c, "y" * 1001)
    c.refresh_from_db()
    assert c.body == "Ngắn"


def test_forms_carry_csrf_tokens_and_posts_without_one_are_refused(people, news_1):
    import re

    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(people.r1)
    html = client.get(page_url(news_1)).content.decode()
    form = html[html.index('class="form comment-form"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = client.post(url("comments:post"), post_data(news_1, "Không có mã"))
    assert response.status_code == 403
    assert not Comment.objects.exists()
    data = post_data(news_1, "Có mã")
    data["csrfmiddlewaretoken"] = token
    assert client.post(url("comments:post"), data).status_code == 302
    assert Comment.objects.get().body == "Có mã"


def test_the_vietnamese_page_shows_comments_and_the_form(client, people, notice_1):
    comment(people.r2, notice_1, "Cảm ơn tổ trưởng")
    client.force_login(people.r1)
    with override("vi"):
        address = notice_1.get_url()  # the default language, no prefix
    assert not address.startswith("/en/")
    response = client.get(address)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cảm ơn tổ trưởng" in html and 'id="comment-body"' in html
