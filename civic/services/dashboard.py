"""The rollout dashboard: figures per commune and for the whole portal.

Every figure is one grouped query over the whole tree, mapped to its commune by
the commune's materialised-path prefix, so the page costs the same number of
queries for 2 communes or 200.

Poll participation, over the polls of the commune and its groups whose result was
recorded (``PollResult.closed_at``) in the last ``POLL_WINDOW_DAYS`` days, from the
figures frozen in each result when it was recorded:

* household decisions: households that voted (online, or present at the meeting
  whose result the leader recorded) ÷ households with at least one verified
  resident at closing — ``Σ participants / Σ eligible_total``;
* consultations: ballots ÷ verified residents at closing, summed the same way.

Feedback on-time rate comes from ``civic.feedback.stats.on_time_rate(commune)``
(a percentage or None) when that app is installed; otherwise it is "not available".
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from civic.people.models import Household, Residency, ResidencyStatus, Role, RoleKind
from content.models import COMMUNE_KINDS, GROUP_KINDS, AreaPage

from .models import AssistedSession, SupportPoint

MONTHS_SHOWN = 6
POLL_WINDOW_DAYS = 365


def point_target():
    """(minimum, maximum) support points per commune; ``SUPPORT_POINT_TARGET``."""
    low, high = getattr(settings, "SUPPORT_POINT_TARGET", (2, 4))
    return int(low), int(high)


def share(part, whole):
    return round(100 * part / whole) if whole else None


@dataclass
class CommuneFigures:
    commune: AreaPage
    points_open: int = 0
    groups: int = 0
    groups_with_leader: int = 0
    residents_registered: int = 0
    residents_verified: int = 0
    households: int = 0
    households_verified: int = 0
    sessions: dict = field(default_factory=dict)  # month (date) → count
    household_polls: int = 0
    household_votes: int = 0
    household_eligible: int = 0
    consultations: int = 0
    consultation_ballots: int = 0
    consultation_eligible: int = 0
    #: percentage from civic.feedback, or None ("not available")
    feedback_on_time: float | None = None

    @property
    def household_participation(self):
        return share(self.household_votes, self.household_eligible)

    @property
    def consultation_participation(self):
        return share(self.consultation_ballots, self.consultation_eligible)

    @property
    def households_verified_share(self):
        return share(self.households_verified, self.households)

    @property
    def groups_covered_share(self):
        return share(self.groups_with_leader, self.groups)

    @property
    def meets_target(self):
        return self.points_open >= point_target()[0]

    @property
    def sessions_total(self):
        return sum(self.sessions.values())


def _months(today, n=MONTHS_SHOWN):
    months = []
    year, month = today.year, today.month
    for _ in range(n):
        months.append(date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(months))


def _month_key(value):
    if hasattr(value, "date"):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value
    return date(value.year, value.month, 1)


def rollout(today=None):
    """A dict with ``rows`` (one ``CommuneFigures`` per live commune), ``total``,
    ``months`` and the province-level counts."""
    today = today or timezone.localdate()
    communes = list(
        AreaPage.objects.live().filter(kind__in=COMMUNE_KINDS).order_by("title")
    )
    rows = {c.path: CommuneFigures(c) for c in communes}
    lengths = sorted({len(p) for p in rows})

    def row_for(path):
        for n in lengths:
            if path[:n] in rows:
                return rows[path[:n]]
        return None

    group_paths = list(
        AreaPage.objects.live()
        .filter(kind__in=GROUP_KINDS)
        .values_list("path", flat=True)
    )
    for path in group_paths:
        if (row := row_for(path)) is not None:
            row.groups += 1
    led = (
        Role.objects.filter(
            kind=RoleKind.GROUP_LEADER,
            user__is_active=True,
            area__live=True,
            area__kind__in=GROUP_KINDS,
        )
        .values_list("area__path", flat=True)
        .distinct()
    )
    for path in led:
        if (row := row_for(path)) is not None:
            row.groups_with_leader += 1
    for path, n in (
        SupportPoint.objects.filter(is_open=True)
        .values_list("area__path")
        .annotate(n=Count("pk"))
    ):
        if (row := row_for(path)) is not None:
            row.points_open += n
    for path, status, n in (
        Residency.objects.filter(
            status__in=[ResidencyStatus.PENDING, ResidencyStatus.VERIFIED]
        )
        .values_list("household__area__path", "status")
        .annotate(n=Count("pk"))
    ):
        if (row := row_for(path)) is not None:
            row.residents_registered += n
            if status == ResidencyStatus.VERIFIED:
                row.residents_verified += n
    for path, n in Household.objects.values_list("area__path").annotate(n=Count("pk")):
        if (row := row_for(path)) is not None:
            row.households += n
    for path, n in (
        Household.objects.filter(residencies__status=ResidencyStatus.VERIFIED)
        .values_list("area__path")
        .annotate(n=Count("pk", distinct=True))
    ):
        if (row := row_for(path)) is not None:
            row.households_verified += n
    months = _months(today)
    for path, month, n in (
        AssistedSession.objects.filter(
            happened_at__date__gte=months[0],
        )
        .annotate(month=TruncMonth("happened_at"))
        .values_list("point__area__path", "month")
        .annotate(n=Count("pk"))
    ):
        if (row := row_for(path)) is not None:
            key = _month_key(month)
            row.sessions[key] = row.sessions.get(key, 0) + n

    _poll_participation(row_for, today)
    feedback = feedback_available()
    if feedback:
        from civic.feedback.stats import on_time_rate

        for row in rows.values():
            row.feedback_on_time = _percent(on_time_rate(row.commune))

    rows = list(rows.values())
    total = CommuneFigures(commune=None)
    if feedback and rows:
        # the province: every commune's resolved reports counted together
        total.feedback_on_time = _percent(on_time_rate([r.commune for r in rows]))
    for row in rows:
        for name in (
            "points_open",
            "groups",
            "groups_with_leader",
            "residents_registered",
            "residents_verified",
            "households",
            "households_verified",
            "household_polls",
            "household_votes",
            "household_eligible",
            "consultations",
            "consultation_ballots",
            "consultation_eligible",
        ):
            setattr(total, name, getattr(total, name) + getattr(row, name))
        for month, n in row.sessions.items():
            total.sessions[month] = total.sessions.get(month, 0) + n
    low, high = point_target()
    return {
        "rows": rows,
        "total": total,
        "months": months,
        "target": (low, high),
        "communes": len(rows),
        "communes_with_point": sum(1 for r in rows if r.points_open),
        "communes_on_target": sum(1 for r in rows if r.points_open >= low),
        "feedback_available": feedback,
        "poll_window_days": POLL_WINDOW_DAYS,
    }


def _percent(share):
    """``civic.feedback`` gives a share (0.0–1.0) or None; the table shows %."""
    return None if share is None else round(100 * share, 1)


def feedback_available():
    """Is the feedback app (``civic.feedback``) part of this site?"""
    return apps.is_installed("civic.feedback")


def _poll_participation(row_for, today):
    """Add the participation of polls recorded in the window to the rows (one
    grouped query)."""
    from civic.polls.models import PollKind, PollResult

    since = today - timedelta(days=POLL_WINDOW_DAYS)
    for path, kind, polls, votes, eligible in (
        PollResult.objects.filter(closed_at__date__gt=since)
        .values_list("poll__area__path", "poll__kind")
        .annotate(
            polls=Count("pk"), votes=Sum("participants"), eligible=Sum("eligible_total")
        )
    ):
        if (row := row_for(path)) is None:
            continue
        if kind == PollKind.HOUSEHOLD:
            row.household_polls += polls
            row.household_votes += votes or 0
            row.household_eligible += eligible or 0
        else:
            row.consultations += polls
            row.consultation_ballots += votes or 0
            row.consultation_eligible += eligible or 0


def bar_chart(items, maximum=None, width=300, bar=18, gap=8, label_width=0):
    """Bars for a server-rendered SVG: ``items`` is [(label, value)]; returns the
    geometry the template draws (no JavaScript, readable without the picture
    because the same figures are in the table)."""
    values = [v or 0 for _, v in items]
    top = maximum or max(values + [1])
    out = []
    for i, (label, value) in enumerate(items):
        value = value or 0
        out.append(
            {
                "label": label,
                "value": value,
                "y": i * (bar + gap),
                "width": round(width * min(value, top) / top, 1) if top else 0,
            }
        )
    return {"bars": out, "height": len(items) * (bar + gap), "width": width, "bar": bar}
