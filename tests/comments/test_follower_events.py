"""A reply tells the author of the comment it answers; a comment on a followed
notice tells the notice's followers; by the worker, once, never the author
(civic/comments/tasks.py)."""

import pytest

from civic.comments import actions
from civic.people.follows import follow
from civic.people.tasks import run_queued_tasks
from tests.notified import recipients, speaks, told

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_comment_interval(settings):
    settings.COMMENTS_MIN_INTERVAL = 0


def test_a_reply_tells_the_answered_author_once(tree, people, notice_1):
    speaks(people.r1, "en")
    first = actions.post_comment(people.r1, notice_1, "Mấy giờ cắt nước?")
    run_queued_tasks()
    assert recipients("comments.reply") == []  # a first comment answers nobody
    reply = actions.post_comment(people.r2, notice_1, "Từ 8 giờ sáng.", parent=first)
    assert recipients("comments.reply") == []  # not in the request
    run_queued_tasks()
    run_queued_tasks()
    (note,) = told(people.r1, "comments.reply")
    assert note.text() == "Cư dân 2 replied to your comment on “Thông báo cắt nước”."
    assert note.url.endswith(f"#comment-{reply.pk}")
    # answering one's own comment tells nobody
    actions.post_comment(people.r1, notice_1, "Cảm ơn.", parent=first)
    run_queued_tasks()
    assert len(told(people.r1, "comments.reply")) == 1


def test_the_followers_of_a_notice_hear_of_its_comments(tree, people, notice_1):
    follow(people.r3, notice_1)
    follow(people.r1, notice_1)
    follow(people.r2, notice_1)
    first = actions.post_comment(people.r1, notice_1, "Mấy giờ cắt nước?")
    run_queued_tasks()
    assert recipients("comments.new_in_thread") == sorted([people.r2.pk, people.r3.pk])
    (note,) = told(people.r3, "comments.new_in_thread")
    assert note.text() == (
        "Cư dân 1 đã bình luận về “Thông báo cắt nước” mà bạn đang theo dõi."
    )
    actions.post_comment(people.r2, notice_1, "Từ 8 giờ.", parent=first)
    run_queued_tasks()
    # r1 is told of the reply only, not twice
    assert len(told(people.r1, "comments.reply")) == 1
    assert told(people.r1, "comments.new_in_thread") == []
    assert len(told(people.r3, "comments.new_in_thread")) == 2


def test_a_comment_hidden_before_the_worker_runs_tells_nobody(tree, people, notice_1):
    follow(people.r3, notice_1)
    comment = actions.post_comment(people.r1, notice_1, "Mấy giờ cắt nước?")
    comment.is_hidden = True
    comment.save()
    run_queued_tasks()
    assert recipients("comments.new_in_thread") == []
