"""Working-time arithmetic: pure functions, across lunch breaks, nights, weekends
and holidays (Asia/Ho_Chi_Minh, Monday–Friday 07:30–11:30 and 13:30–17:00)."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from civic.feedback.workingtime import (
    TIME_ZONE,
    Schedule,
    add_working_days,
    add_working_hours,
    add_working_time,
    working_time_between,
)

WEEK = Schedule()
# 2026-11-23 is a Monday.
MON, TUE, WED, THU, FRI, SAT, SUN = (
    date(2026, 11, 23) + timedelta(i) for i in range(7)
)


def at(day, hh, mm=0):
    return datetime.combine(day, time(hh, mm), tzinfo=TIME_ZONE)


def test_day_length_is_seven_and_a_half_hours():
    assert WEEK.day_length == timedelta(hours=7, minutes=30)


def test_within_one_period():
    assert add_working_hours(at(MON, 8), 2, WEEK) == at(MON, 10)


def test_ending_exactly_at_the_end_of_a_period_stays_there():
    assert add_working_hours(at(MON, 7, 30), 4, WEEK) == at(MON, 11, 30)


def test_lunch_break_is_skipped():
    # 10:00–11:30, then 30 minutes after lunch
    assert add_working_hours(at(MON, 10), 2, WEEK) == at(MON, 14)


def test_night_is_skipped():
    assert add_working_hours(at(MON, 16), 2, WEEK) == at(TUE, 8, 30)


def test_eight_working_hours_from_friday_afternoon_end_on_monday():
    # 1 h on Friday (16:00–17:00), then 4 h Monday morning, 3 h Monday afternoon
    assert add_working_hours(at(FRI, 16), 8, WEEK) == at(MON + timedelta(7), 16, 30)


def test_started_on_a_weekend_the_clock_starts_on_monday():
    assert add_working_hours(at(SAT, 10), 4, WEEK) == at(MON + timedelta(7), 11, 30)
    assert add_working_hours(at(SUN, 23), 1, WEEK) == at(MON + timedelta(7), 8, 30)


def test_started_at_night_or_at_lunch():
    assert add_working_hours(at(TUE, 5), 1, WEEK) == at(TUE, 8, 30)
    assert add_working_hours(at(TUE, 12), 1, WEEK) == at(TUE, 14, 30)
    assert add_working_hours(at(TUE, 20), 1, WEEK) == at(WED, 8, 30)


def test_holidays_are_skipped_like_weekends():
    schedule = Schedule(holidays=frozenset({TUE, WED}))
    assert add_working_hours(at(MON, 16), 2, schedule) == at(THU, 8, 30)


def test_a_long_holiday_across_a_weekend():
    # Friday and the next Monday off: from Thursday 16:00, 8 working hours
    nxt_mon, nxt_tue = MON + timedelta(7), TUE + timedelta(7)
    schedule = Schedule(holidays=frozenset({FRI, nxt_mon}))
    assert add_working_hours(at(THU, 16), 8, schedule) == at(nxt_tue, 16, 30)


def test_five_working_days_land_on_the_same_time_a_week_later():
    assert add_working_days(at(MON, 9), 5, WEEK) == at(MON + timedelta(7), 9)
    assert add_working_days(at(WED, 15), 5, WEEK) == at(WED + timedelta(7), 15)


def test_five_working_days_with_a_holiday_take_one_more_day():
    schedule = Schedule(holidays=frozenset({THU}))
    assert add_working_days(at(MON, 9), 5, schedule) == at(TUE + timedelta(7), 9)


def test_aware_input_in_another_zone_is_converted():
    utc = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 08:00 in Hà Nội time
    assert add_working_hours(utc, 1, WEEK) == at(MON, 9)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        add_working_hours(datetime(2026, 11, 23, 8), 1, WEEK)


def test_zero_and_negative_amounts():
    assert add_working_time(at(SAT, 10), timedelta(), WEEK) == at(SAT, 10)
    with pytest.raises(ValueError):
        add_working_time(at(MON, 8), timedelta(hours=-1), WEEK)


def test_custom_hours():
    schedule = Schedule(periods=((time(8), time(12)), (time(14), time(17, 30))))
    assert schedule.day_length == timedelta(hours=7, minutes=30)
    assert add_working_hours(at(MON, 11), 2, schedule) == at(MON, 15)


def test_bad_schedules_are_refused():
    with pytest.raises(ValueError):
        Schedule(periods=((time(13), time(12)),))
    with pytest.raises(ValueError):
        Schedule(periods=((time(8), time(12)), (time(11), time(17))))
    with pytest.raises(ValueError):
        Schedule(weekdays=frozenset())


def test_a_schedule_of_only_holidays_does_not_loop_forever():
    every_day = frozenset(MON + timedelta(i) for i in range(-3, 3 * 366 + 10))
    with pytest.raises(ValueError):
        add_working_hours(at(MON, 8), 1, Schedule(holidays=every_day))


def test_working_time_between():
    assert working_time_between(at(MON, 8), at(MON, 10), WEEK) == timedelta(hours=2)
    assert working_time_between(at(MON, 10), at(MON, 14), WEEK) == timedelta(
        hours=2
    )  # 10:00–11:30 and 13:30–14:00
    assert working_time_between(at(FRI, 16), at(MON + timedelta(7), 8, 30), WEEK) == (
        timedelta(hours=2)
    )
    assert working_time_between(at(MON, 10), at(MON, 9), WEEK) == timedelta()
    assert working_time_between(at(SAT, 8), at(SUN, 17), WEEK) == timedelta()


@pytest.mark.parametrize("hours", [1, 3, 4, 7, 8, 12, 40])
@pytest.mark.parametrize(
    "start", [(MON, 7, 0), (TUE, 11, 45), (FRI, 16, 59), (SAT, 9, 0)]
)
def test_adding_then_measuring_gives_the_same_amount(hours, start):
    begin = at(*start)
    schedule = Schedule(holidays=frozenset({WED}))
    end = add_working_hours(begin, hours, schedule)
    assert working_time_between(begin, end, schedule) == timedelta(hours=hours)
