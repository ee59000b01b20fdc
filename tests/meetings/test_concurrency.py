"""Races on PostgreSQL: parallel checklists, corrections, approvals and attendance
intents. The meeting row lock and the unique constraints let exactly one win."""

import random
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from civic.core.errors import ActionRefused
from civic.meetings import actions
from civic.meetings.models import AttendanceIntent, Minutes, MinutesStatus

from ..concurrency import run_at_once
from .conftest import schedule

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrency is tested on PostgreSQL (scripts/with-postgres)",
    ),
]


def run_together(jobs):
    """Run the callables at once on threads; return their outcomes (an
    IntegrityError would be a bug: it comes back as an "error")."""
    return run_at_once(jobs, ActionRefused)


def test_parallel_checklists_end_in_one_of_them(pg, tree, people):
    meeting = schedule(tree, start=timezone.now() - timedelta(hours=1))
    ids = [h.pk for h in people.households]
    rng = random.Random(7)
    sets = [sorted(rng.sample(ids, rng.randint(1, len(ids)))) for _ in range(16)]
    users = [tree.leader_1, tree.editor_a]
    outcomes = run_together(
        [
            (lambda s=s, u=users[i % 2]: actions.record_attendance(u, meeting, s))
            for i, s in enumerate(sets)
        ]
    )
    assert [o[0] for o in outcomes] == ["ok"] * len(sets), outcomes
    final = sorted(meeting.attendances.values_list("household_id", flat=True))
    assert final in sets
    assert len(final) == len(set(final))


def _published(tree, meeting):
    minutes = actions.save_minutes(
        tree.leader_1,
        meeting,
        "Chủ trì",
        "Thư ký",
        {meeting.agenda_items.first().pk: {"decision": "Đồng ý", "for": 0}},
    )
    actions.submit_minutes(tree.leader_1, minutes)
    return minutes


def test_parallel_approvals_publish_once(pg, tree, people):
    meeting = schedule(tree, start=timezone.now() - timedelta(hours=1))
    minutes = _published(tree, meeting)
    outcomes = run_together(
        [lambda: actions.approve_minutes(tree.editor_a, minutes) for _ in range(8)]
    )
    assert sorted(o[0] for o in outcomes) == ["ok"] + ["refused"] * 7, outcomes
    assert Minutes.objects.get(pk=minutes.pk).status == MinutesStatus.PUBLISHED


def test_parallel_corrections_open_one_revision(pg, tree, people):
    meeting = schedule(tree, start=timezone.now() - timedelta(hours=1))
    minutes = _published(tree, meeting)
    actions.approve_minutes(tree.editor_a, minutes)
    outcomes = run_together(
        [
            (lambda n=n: actions.start_correction(tree.leader_1, meeting, f"Sửa {n}"))
            for n in range(8)
        ]
    )
    assert sorted(o[0] for o in outcomes) == ["ok"] + ["refused"] * 7, outcomes
    assert meeting.minutes_revisions.filter(status=MinutesStatus.DRAFT).count() == 1
    assert meeting.minutes_revisions.count() == 2


def test_parallel_attend_clicks_count_once(pg, tree, people):
    meeting = schedule(tree)
    rep = people.reps[0]
    outcomes = run_together(
        [lambda: actions.set_attendance_intent(rep, meeting) for _ in range(10)]
    )
    assert [o[0] for o in outcomes] == ["ok"] * 10, outcomes
    assert AttendanceIntent.objects.filter(meeting=meeting).count() == 1
