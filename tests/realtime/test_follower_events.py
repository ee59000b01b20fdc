"""The followers of a channel hear of new messages by the worker: one unread
notification per channel at a time, never the author, only readers
(realtime/tasks.py)."""

import pytest

from civic.people.actions import mark_notifications_read
from civic.people.follows import follow
from civic.people.tasks import run_queued_tasks
from realtime.actions import area_channel, post_message
from tests.notified import recipients, speaks, told

pytestmark = pytest.mark.django_db


def test_followers_of_a_channel_are_told_once_until_they_read(tree, people):
    channel = area_channel(tree.group_1)
    speaks(people.r2, "en")
    follow(people.r2, channel)
    follow(people.r1, channel)
    post_message(people.r1, channel, "Chào cả tổ")
    post_message(people.r1, channel, "Mai họp nhé")
    run_queued_tasks()
    assert recipients("realtime.new_messages") == [people.r2.pk]
    (note,) = told(people.r2, "realtime.new_messages")
    assert note.text() == f"New messages in “{channel.title}”, which you follow."
    mark_notifications_read(people.r2)
    post_message(people.r1, channel, "Nhớ mang ghế")
    run_queued_tasks()
    assert len(told(people.r2, "realtime.new_messages")) == 2


def test_a_follower_who_may_no_longer_read_is_not_told(tree, people):
    channel = area_channel(tree.group_1)
    channel.is_public = False
    channel.save()
    follow(people.r6, channel)  # of group 2: not a member of group 1's channel
    post_message(people.r1, channel, "Chào cả tổ")
    run_queued_tasks()
    assert recipients("realtime.new_messages") == []


def test_a_channel_without_followers_enqueues_nothing(tree, people):
    from django_tasks_db.models import DBTaskResult

    channel = area_channel(tree.group_1)
    before = DBTaskResult.objects.count()
    post_message(people.r1, channel, "Chào cả tổ")
    assert DBTaskResult.objects.count() == before
