"""Per-user limits counted from the database (they hold across processes): one
comment per 15 s, 30 a day, tighter for accounts younger than a day, the same text
twice within a minute refused, reports per day limited."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civic.comments import actions
from civic.comments.models import Comment, Report
from civic.core.errors import ActionRefused

from .conftest import backdate, comment, post_data, resident, url


def test_a_second_comment_within_15_seconds_is_refused(client, people, news_1):
    client.force_login(people.r1)
    assert (
        client.post(url("comments:post"), post_data(news_1, "Một")).status_code == 302
    )
    response = client.post(url("comments:post"), post_data(news_1, "Hai"))
    assert response.status_code == 400
    assert "Please wait" in response.content.decode()
    assert Comment.objects.count() == 1
    backdate(Comment.objects.all(), 16)
    assert (
        client.post(url("comments:post"), post_data(news_1, "Hai")).status_code == 302
    )


def test_the_same_text_twice_within_a_minute_is_refused(people, news_1, notice_1):
    actions.post_comment(people.r1, news_1, "Giống nhau")
    backdate(Comment.objects.all(), 20)  # past the 15 s interval
    with pytest.raises(ActionRefused, match="same text"):
        actions.post_comment(people.r1, notice_1, "Giống nhau")
    backdate(Comment.objects.all(), 60)
    assert actions.post_comment(people.r1, notice_1, "Giống nhau")


def test_thirty_comments_a_day(people, news_1):
    for i in range(30):
        comment(people.r1, news_1, f"Ý kiến {i}")
    with pytest.raises(ActionRefused, match="30 comments a day"):
        actions.post_comment(people.r1, news_1, "Ý kiến 31")
    assert Comment.objects.count() == 30
    # the day is a sliding 24 hours
    backdate(Comment.objects.all(), 24 * 3600)
    assert actions.post_comment(people.r1, news_1, "Hôm sau")


def test_deleting_does_not_reset_the_limit(people, news_1):
    c = actions.post_comment(people.r1, news_1, "Một")
    actions.delete_comment(people.r1, c)
    with pytest.raises(ActionRefused, match="Please wait"):
        actions.post_comment(people.r1, news_1, "Hai")


def test_new_accounts_have_tighter_limits(tree, people, news_1):
    newcomer = resident("Người mới", "0913000099", tree.group_1, old=False)
    actions.post_comment(newcomer, news_1, "Một")
    backdate(Comment.objects.all(), 20)
    with pytest.raises(ActionRefused, match="Please wait"):
        actions.post_comment(newcomer, news_1, "Hai")  # 60 s for new accounts
    backdate(Comment.objects.all(), 60)
    for i in range(4):
        actions.post_comment(newcomer, news_1, f"Ý kiến {i}")
        backdate(Comment.objects.all(), 61)
    with pytest.raises(ActionRefused, match="5 comments a day"):
        actions.post_comment(newcomer, news_1, "Thứ sáu")
    # a day later the account is no longer new
    type(newcomer).objects.filter(pk=newcomer.pk).update(
        date_joined=timezone.now() - timedelta(days=2)
    )
    newcomer.refresh_from_db()
    assert actions.post_comment(newcomer, news_1, "Thứ sáu")


def test_limits_come_from_settings(settings, people, news_1):
    settings.COMMENTS_MIN_INTERVAL = 0
    settings.COMMENTS_PER_DAY = 2
    actions.post_comment(people.r1, news_1, "Một")
    actions.post_comment(people.r1, news_1, "Hai")
    with pytest.raises(ActionRefused, match="2 comments a day"):
        actions.post_comment(people.r1, news_1, "Ba")


def test_reports_per_day_are_limited(settings, tree, people, news_1):
    settings.COMMENTS_REPORTS_PER_DAY = 3
    settings.COMMENTS_AUTO_HIDE_REPORTS = 100
    authors = [people.r2, people.r3, people.r4, people.r5]
    comments = [comment(a, news_1, f"Bình luận {i}") for i, a in enumerate(authors)]
    for c in comments[:3]:
        actions.report(people.r1, c, "spam")
    with pytest.raises(ActionRefused, match="3 reports a day"):
        actions.report(people.r1, comments[3], "spam")
    assert Report.objects.count() == 3
    Report.objects.update(created_at=timezone.now() - timedelta(days=1, seconds=1))
    assert actions.report(people.r1, comments[3], "spam")
