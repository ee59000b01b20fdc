"""What a poll's results page shows: rows with numbers and percentages, the
household rule, and the geometry of the server-rendered SVG bar chart."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .live import shown_tally
from .models import ChoiceMeaning
from .rules import approvals_needed, is_household_majority, percent

BAR_MAX = 300  # px width of a 100 % bar in the SVG's user units
ROW_HEIGHT = 44
LABEL_WIDTH = 0  # labels are written above each bar: phones are narrow


def public_polls():
    """Polls anyone may see (their pages, the open API, the open data): those of
    a published area."""
    from .models import Poll

    return Poll.objects.filter(area__live=True)


def results_public(poll, now=None):
    """Whether anyone, without voting or managing, may see the figures: once the
    poll is closed, or always when its results are shown at all times. (The
    figures of a secret poll still open are then its published batches:
    :func:`civic.polls.live.shown_tally`.)"""
    from .models import ResultsVisibility

    now = now or timezone.now()
    return poll.is_closed(now) or poll.results_visibility == ResultsVisibility.ALWAYS


def results_for(poll):
    """The figures to show: the stored result once closed; before, the live figures
    that may be shown (:func:`civic.polls.live.shown_tally`: a secret poll's by
    batches of ballots)."""
    result = poll.result_or_none()
    if result is not None:
        rows = [(t["label"], t["votes"], t.get("meaning", "")) for t in result.tallies]
        participants = result.participants
        eligible = result.eligible_total
        final = True
        batch = None
    else:
        live = shown_tally(poll)
        rows = [(c.label, c.votes, c.meaning) for c in live["choices"]]
        participants = live["participants"]
        eligible = live["eligible"]
        final = False
        batch = live["batch"]
    # a household decision is judged against ALL households; a consultation's
    # percentages are of the ballots cast
    base = eligible if poll.is_household else participants
    approvals = sum(v for _label, v, m in rows if m == ChoiceMeaning.APPROVE)
    out_rows = []
    for i, (label, votes, meaning) in enumerate(rows):
        pct = percent(votes, base)
        out_rows.append(
            {
                "label": label,
                "votes": votes,
                "meaning": meaning,
                "percent": pct,
                "y": i * ROW_HEIGHT,
                "bar_y": i * ROW_HEIGHT + 18,
                "width": round(BAR_MAX * pct / 100, 1),
                "text_x": round(BAR_MAX * pct / 100, 1) + 6,
            }
        )
    data = {
        "final": final,
        "batch": batch,
        "rows": out_rows,
        "participants": participants,
        "eligible": eligible,
        "participation_percent": percent(participants, eligible),
        "base": base,
        "base_label": _("of all households of the area")
        if poll.is_household
        else _("of the ballots cast"),
        "chart_width": BAR_MAX + 90,
        "chart_height": max(len(out_rows), 1) * ROW_HEIGHT,
    }
    if poll.is_household:
        data.update(
            approvals=approvals,
            approvals_needed=approvals_needed(eligible),
            passed=is_household_majority(approvals, eligible),
        )
    return data
