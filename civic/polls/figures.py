"""Poll participation on the rollout dashboard (``civic.dashboard``), registered
in ``PollsConfig.ready``.

Over the polls of the commune and its groups whose result was recorded
(``PollResult.closed_at``) in the last ``POLL_WINDOW_DAYS`` days, from the figures
frozen in each result when it was recorded:

* household decisions: households that voted (online, or present at the meeting
  whose result the leader recorded) ÷ households with at least one verified
  resident at closing — ``Σ participants / Σ eligible_total``;
* consultations: ballots ÷ verified residents at closing, summed the same way.
"""

from datetime import timedelta

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from civic.core.figures import Column, Figures, Section, bar_chart, share

from .models import PollKind, PollResult

POLL_WINDOW_DAYS = 365
NAMES = (
    "household_polls",
    "household_votes",
    "household_eligible",
    "consultations",
    "consultation_ballots",
    "consultation_eligible",
)


def collect(rollout):
    """Add the participation of polls recorded in the window to the rows (one
    grouped query)."""
    for row in rollout.lines():
        for name in NAMES:
            row.add(name, 0)
    since = rollout.today - timedelta(days=POLL_WINDOW_DAYS)
    for path, kind, polls, votes, eligible in (
        PollResult.objects.filter(closed_at__date__gt=since)
        .values_list("poll__area__path", "poll__kind")
        .annotate(
            polls=Count("pk"), votes=Sum("participants"), eligible=Sum("eligible_total")
        )
    ):
        if (row := rollout.row_for(path)) is None:
            continue
        if kind == PollKind.HOUSEHOLD:
            row.add("household_polls", polls)
            row.add("household_votes", votes)
            row.add("household_eligible", eligible)
        else:
            row.add("consultations", polls)
            row.add("consultation_ballots", votes)
            row.add("consultation_eligible", eligible)
    rollout.page["poll_window_days"] = POLL_WINDOW_DAYS


def chart(figures):
    return {
        "chart": bar_chart(
            [
                (r.commune.title, r.household_participation or 0)
                for r in figures["rows"]
            ],
            maximum=100,
        )
    }


FIGURES = Figures(
    key="polls",
    order=40,
    collect=collect,
    derived={
        "household_participation": lambda r: share(
            r.household_votes, r.household_eligible
        ),
        "consultation_participation": lambda r: share(
            r.consultation_ballots, r.consultation_eligible
        ),
    },
    columns=[
        Column(
            40,
            _("Household decisions: households that voted"),
            "polls/_fig_households.html",
        ),
        Column(
            41,
            _("Consultations: ballots of verified residents"),
            "polls/_fig_consultations.html",
        ),
    ],
    sections=[Section(30, "polls/_fig_chart.html", chart)],
)
