"""Poll events told to the followers of the poll and its area, by the worker,
once, in each recipient's language (civic/polls/tasks.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from civic.people.follows import follow
from civic.people.tasks import run_queued_tasks
from civic.polls import actions
from civic.polls.models import Participation
from civic.polls.tasks import tell_poll_opened
from tests.conftest import make_user
from tests.notified import recipients, speaks, told

from .conftest import make_poll

pytestmark = pytest.mark.django_db


@pytest.fixture
def followers(tree):
    """``vi`` follows group 1, ``en`` its commune (in English), ``poll_fan``
    will follow the poll itself; ``far`` follows commune B."""
    f = type("F", (), {})()
    f.vi = make_user("Theo dõi tổ", "0905555001")
    f.en = speaks(make_user("Follows the ward", "0905555002"), "en")
    f.far = make_user("Xa", "0905555003")
    follow(f.vi, tree.group_1)
    follow(f.en, tree.commune_a)
    follow(f.far, tree.commune_b)
    return f


def test_a_poll_opened_is_told_once_to_the_followers(tree, followers):
    poll = make_poll(tree.commune_a)
    assert recipients("polls.opened") == []  # not in the request
    run_queued_tasks()
    assert recipients("polls.opened") == sorted([followers.en.pk])
    (note,) = told(followers.en, "polls.opened")
    assert note.text() == "A poll is open in Phường A: Chọn ngày tổng vệ sinh"
    assert note.url == poll.get_absolute_url()
    poll.save()  # saved again: enqueued again, told nobody twice
    run_queued_tasks()
    assert recipients("polls.opened") == [followers.en.pk]


def test_a_group_poll_reaches_the_group_followers_in_their_language(tree, followers):
    make_poll(tree.group_1)
    run_queued_tasks()
    assert recipients("polls.opened") == [followers.vi.pk]
    (note,) = told(followers.vi, "polls.opened")
    assert note.text() == (
        "Một cuộc lấy ý kiến đang mở tại Tổ dân phố 1: Chọn ngày tổng vệ sinh"
    )


def test_a_future_poll_is_told_when_it_opens(tree, followers):
    now = timezone.now()
    poll = make_poll(
        tree.group_1,
        opens_at=now + timedelta(days=2),
        closes_at=now + timedelta(days=5),
    )
    run_queued_tasks()
    assert recipients("polls.opened") == []
    waiting = DBTaskResult.objects.filter(
        task_path__endswith="tell_poll_opened", status="READY"
    ).get()
    assert abs(waiting.run_after - poll.opens_at) < timedelta(seconds=1)
    # run early (the poll moved later meanwhile): nothing, it is not open
    assert tell_poll_opened.call(poll.pk) == 0
    assert recipients("polls.opened") == []


def test_closing_within_a_day_reminds_who_has_not_voted(tree, followers):
    poll = make_poll(tree.group_1, closes_at=timezone.now() + timedelta(hours=10))
    voter = make_user("Đã bỏ phiếu", "0905555004")
    follow(voter, tree.group_1)
    Participation.objects.create(poll=poll, user=voter)
    run_queued_tasks()
    assert recipients("polls.closing") == [followers.vi.pk]
    run_queued_tasks()
    poll.save()
    run_queued_tasks()
    assert len(told(followers.vi, "polls.closing")) == 1


def test_a_poll_closing_in_three_days_is_not_reminded_yet(tree, followers):
    make_poll(tree.group_1)
    run_queued_tasks()
    assert recipients("polls.closing") == []


def test_the_result_is_told_once_not_to_who_closed_it(tree, followers):
    poll = make_poll(tree.group_1)
    follow(tree.leader_1, poll)
    run_queued_tasks()
    actions.close_poll(tree.leader_1, poll)
    run_queued_tasks()
    assert recipients("polls.result") == [followers.vi.pk]
    (note,) = told(followers.vi, "polls.result")
    assert note.actor == tree.leader_1
    assert "Chọn ngày tổng vệ sinh" in note.text()
