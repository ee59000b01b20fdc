"""A meeting scheduled and its minutes published, told to the followers of the
meeting and its area by the worker, once, never to the actor
(civic/meetings/actions.py, civic/people/announce.py)."""

from datetime import datetime, timedelta

import pytest
from django.utils import formats, timezone, translation

from civic.people.follows import follow
from civic.people.tasks import run_queued_tasks
from tests.conftest import make_user
from tests.notified import recipients, speaks, told

from .conftest import schedule
from .test_minutes import published

pytestmark = pytest.mark.django_db


def test_a_scheduled_meeting_is_told_to_the_area_followers(tree, people):
    fan = speaks(make_user("Follower", "0905666001"), "en")
    follow(fan, tree.group_1)
    follow(tree.leader_1, tree.group_1)
    outsider = make_user("Người tổ 2", "0905666002")
    follow(outsider, tree.group_2)
    meeting = schedule(tree)
    assert recipients("meetings.scheduled") == []
    run_queued_tasks()
    run_queued_tasks()
    assert recipients("meetings.scheduled") == [fan.pk]
    (note,) = told(fan, "meetings.scheduled")
    with translation.override("en"):
        when = formats.date_format(
            timezone.localtime(datetime.fromisoformat(meeting.starts_at.isoformat())),
            "DATETIME_FORMAT",
        )
    assert note.text() == (
        f"A meeting of Tổ dân phố 1 is scheduled: “Họp tổ dân phố tháng 12”, {when}."
    )
    assert note.url == meeting.get_absolute_url()


def test_published_minutes_reach_the_meeting_followers(tree, people, held):
    fan = make_user("Theo dõi cuộc họp", "0905666003")
    follow(fan, held)
    follow(tree.leader_1, held)  # the author: told by the existing notification
    follow(tree.editor_a, held)  # the approver: the actor
    run_queued_tasks()
    published(tree, held)
    run_queued_tasks()
    assert recipients("meetings.minutes_for_followers") == [fan.pk]
    (note,) = told(fan, "meetings.minutes_for_followers")
    assert note.text() == (
        "Biên bản cuộc họp “Họp tổ dân phố tháng 12” (Tổ dân phố 1) đã được công bố."
    )
    assert len(told(tree.leader_1, "meetings.minutes_published")) == 1


def test_a_past_meeting_recorded_late_is_not_announced(tree, people):
    follow(make_user("Follower", "0905666004"), tree.group_1)
    schedule(tree, start=timezone.now() - timedelta(days=10))
    run_queued_tasks()
    assert recipients("meetings.scheduled") == []
