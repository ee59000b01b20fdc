"""Working-time arithmetic for feedback deadlines: pure functions, no database.

A :class:`Schedule` says when the commune's office works: periods of the day
(by default 07:30–11:30 and 13:30–17:00, the usual hours of a ward or commune
People's Committee), the working weekdays (Monday to Friday) and a set of holidays.
Deadlines are counted in working time only: "8 working hours" from Friday 16:00
runs 1 hour on Friday and 7 on Monday; a holiday counts as a weekend day.

A working day lasts the sum of its periods (7 h 30 by default), so "5 working days"
is 5 × that length of working time: from Monday 09:00 it ends the next Monday at
09:00. A clock started outside working hours starts at the next working period.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_PERIODS = ((time(7, 30), time(11, 30)), (time(13, 30), time(17, 0)))
MONDAY_TO_FRIDAY = frozenset({0, 1, 2, 3, 4})
#: Never look further than this for working time (a schedule of only holidays).
MAX_DAYS = 3 * 366


@dataclass(frozen=True)
class Schedule:
    periods: tuple = DEFAULT_PERIODS
    weekdays: frozenset = MONDAY_TO_FRIDAY
    holidays: frozenset = field(default_factory=frozenset)
    tz: ZoneInfo = TIME_ZONE

    def __post_init__(self):
        if not self.periods or not self.weekdays:
            raise ValueError("a schedule needs at least one period and one weekday")
        previous_end = None
        for start, end in self.periods:
            if start >= end or (previous_end is not None and start < previous_end):
                raise ValueError("periods must be ordered and must not overlap")
            previous_end = end

    @property
    def day_length(self):
        """The working time of one working day."""
        return sum(
            (
                _on(date(2000, 1, 3), end, self.tz) - _on(date(2000, 1, 3), s, self.tz)
                for s, end in self.periods
            ),
            timedelta(),
        )

    def is_working_day(self, day):
        return day.weekday() in self.weekdays and day not in self.holidays

    def periods_on(self, day):
        """[(start, end)] aware datetimes of the working periods of ``day``."""
        if not self.is_working_day(day):
            return []
        return [(_on(day, s, self.tz), _on(day, e, self.tz)) for s, e in self.periods]


def _on(day, at, tz):
    return datetime.combine(day, at, tzinfo=tz)


def _local(moment, tz):
    if moment.tzinfo is None:
        raise ValueError("aware datetimes only")
    return moment.astimezone(tz)


def add_working_time(start, amount, schedule):
    """The moment when ``amount`` (a timedelta) of working time after ``start`` ends."""
    if amount < timedelta():
        raise ValueError("amount must not be negative")
    current = _local(start, schedule.tz)
    if amount == timedelta():
        return current
    remaining = amount
    day = current.date()
    for _ in range(MAX_DAYS):
        for period_start, period_end in schedule.periods_on(day):
            if period_end <= current:
                continue
            begin = max(period_start, current)
            available = period_end - begin
            if remaining <= available:
                return begin + remaining
            remaining -= available
        day += timedelta(days=1)
    raise ValueError("no working time found within the search window")


def add_working_hours(start, hours, schedule):
    return add_working_time(start, timedelta(hours=hours), schedule)


def add_working_days(start, days, schedule):
    """``days`` working days of working time (each of ``schedule.day_length``)."""
    return add_working_time(start, days * schedule.day_length, schedule)


def working_time_between(start, end, schedule):
    """The working time from ``start`` to ``end`` (zero when ``end`` is earlier)."""
    start = _local(start, schedule.tz)
    end = _local(end, schedule.tz)
    total = timedelta()
    if end <= start:
        return total
    day = start.date()
    while day <= end.date():
        for period_start, period_end in schedule.periods_on(day):
            begin = max(period_start, start)
            finish = min(period_end, end)
            if finish > begin:
                total += finish - begin
        day += timedelta(days=1)
    return total
