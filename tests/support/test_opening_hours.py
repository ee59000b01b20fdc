"""Opening hours: open now, days off, periods running past midnight, slots."""

from datetime import datetime, time

import pytest
from django.core.exceptions import ValidationError

from civic.support.models import OpeningHours

from .conftest import make_point

# 2026-11-27 is a Friday; 28 Saturday; 29 Sunday; 30 Monday.
FRI, SAT, SUN, MON = 27, 28, 29, 30


def at(day, hour, minute=0):
    return datetime(2026, 11, day, hour, minute)


@pytest.fixture
def night_point(tree):
    """Open Friday 18:00–02:00 (into Saturday) and Saturday 08:00–11:00."""
    return make_point(
        tree.commune_a,
        "Điểm hỗ trợ trực đêm",
        12.25,
        109.19,
        [(4, time(18), time(2)), (5, time(8), time(11))],
    )


@pytest.mark.parametrize(
    "moment,expected",
    [
        (at(FRI, 17, 59), False),
        (at(FRI, 18, 0), True),
        (at(FRI, 23, 59), True),
        (at(SAT, 0, 30), True),  # Friday's period, past midnight
        (at(SAT, 1, 59), True),
        (at(SAT, 2, 0), False),  # closes at 02:00 sharp
        (at(SAT, 7, 59), False),
        (at(SAT, 8, 0), True),
        (at(SAT, 11, 0), False),
        (at(SUN, 0, 30), False),  # Saturday's period does not run past midnight
        (at(SUN, 12, 0), False),  # day off
        (at(MON, 1, 0), False),
    ],
)
def test_open_now_across_midnight_and_days_off(night_point, moment, expected):
    assert night_point.is_open_at(moment) is expected


def test_office_hours_with_lunch_break(svc):
    point = svc.point_a
    assert point.is_open_at(at(MON, 7, 30))
    assert not point.is_open_at(at(MON, 12, 0))  # lunch
    assert point.is_open_at(at(MON, 16, 59))
    assert not point.is_open_at(at(MON, 17, 0))
    assert point.is_open_at(at(SAT, 9, 0))
    assert not point.is_open_at(at(SAT, 14, 0))
    assert not point.is_open_at(at(SUN, 9, 0))


def test_a_point_marked_closed_is_never_open(svc):
    svc.point_a.is_open = False
    assert not svc.point_a.is_open_at(at(MON, 9, 0))


def test_slots_follow_opening_hours(svc, night_point):
    monday = datetime(2026, 11, 30).date()
    slots = svc.point_a.slots_on(monday)
    assert slots[0] == time(7, 30) and slots[7] == time(11, 0)
    assert time(11, 30) not in slots and time(12, 0) not in slots
    assert time(13, 30) in slots and slots[-1] == time(16, 30)
    assert len(slots) == 8 + 7
    assert svc.point_a.slots_on(datetime(2026, 11, 29).date()) == []  # Sunday
    friday = night_point.slots_on(datetime(2026, 11, 27).date())
    assert friday[0] == time(18) and friday[-1] == time(23, 30)


def test_equal_opening_and_closing_is_refused(svc):
    hours = OpeningHours(point=svc.point_a, weekday=6, opens=time(8), closes=time(8))
    with pytest.raises(ValidationError) as info:
        hours.full_clean()
    assert "differ" in str(info.value)
