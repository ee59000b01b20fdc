"""Many residents ask for the same slot at the same moment, on PostgreSQL: the
partial unique constraint lets exactly one win; the others get a clear refusal."""

from datetime import time

import pytest

from civic.support import actions
from civic.support.models import Appointment, AppointmentStatus

from ..concurrency import labels
from ..concurrency import run_at_once as race
from ..conftest import make_user
from .conftest import next_weekday

pytestmark = [pytest.mark.postgres]

WORKERS = 16


def run_at_once(jobs):
    return labels(race(jobs, actions.SlotTaken), ok="booked", refused="taken")


def test_one_slot_many_requests(pg, svc):
    monday = next_weekday(0)
    people = [
        make_user(f"Cư dân {i}", email=f"dong-thoi-{i}@example.vn")
        for i in range(WORKERS)
    ]
    jobs = [
        (lambda p=p: actions.request_appointment(p, svc.point_a, monday, time(9), "x"))
        for p in people
    ]
    outcomes = run_at_once(jobs)
    assert outcomes.count("booked") == 1
    assert outcomes.count("taken") == WORKERS - 1
    assert Appointment.objects.filter(point=svc.point_a, date=monday).count() == 1


def test_proposals_and_requests_race_for_a_slot(pg, tree, svc):
    monday = next_weekday(0)
    waiting = [
        actions.request_appointment(
            make_user(f"Chờ {i}", email=f"cho-{i}@example.vn"),
            svc.point_a,
            monday,
            slot,
            "x",
        )
        for i, slot in enumerate([time(7, 30), time(8), time(8, 30)])
    ]
    newcomers = [
        make_user(f"Mới {i}", email=f"moi-{i}@example.vn") for i in range(WORKERS - 3)
    ]
    target = time(15)
    jobs = [
        (lambda a=a: actions.propose_slot(tree.helper_a, a, monday, target))
        for a in waiting
    ] + [
        (lambda p=p: actions.request_appointment(p, svc.point_a, monday, target, "y"))
        for p in newcomers
    ]
    outcomes = run_at_once(jobs)
    assert outcomes.count("booked") == 1
    holders = Appointment.objects.filter(
        point=svc.point_a,
        date=monday,
        slot=target,
        status__in=[AppointmentStatus.REQUESTED, AppointmentStatus.PROPOSED],
    )
    assert holders.count() == 1
    # the proposals that lost kept their original slot; a losing newcomer got none
    newcomer_won = Appointment.objects.filter(resident__in=newcomers).count()
    assert newcomer_won in (0, 1)
    assert Appointment.objects.filter(point=svc.point_a, date=monday).count() == (
        3 + newcomer_won
    )
    moved = Appointment.objects.filter(pk__in=[a.pk for a in waiting], slot=target)
    assert moved.count() == 1 - newcomer_won
