"""Which live figures of an open poll may be shown, and when they change.

The rule (README, "Live figures of a secret poll"): while a SECRET poll is open,
the figures anyone sees — the poll page, its CSV, the live frames of the area pages
— are those of the last *published batch*. A batch is published when at least
``batch_size()`` ballots (``POLLS_SECRET_TALLY_BATCH``, default 5, never below 2)
have been cast since the last one; until the first batch nothing is counted. So
two successive figures differ by at least that many ballots, and watching them
before and after someone votes does not tell what they chose. Once the poll is
closed its exact result is shown. Open (not secret) polls show every ballot at
once: their voters' choices are recorded with their names anyway.

This module is the only place that decides it: ``results.results_for`` shows
:func:`shown_tally`, and :data:`tally_shown` is the one signal the live pages
listen to (``realtime.signals``), sent by :func:`ballot_counted` when the shown
figures change.
"""

from django.conf import settings
from django.dispatch import Signal

from .models import Choice, ChoiceMeaning, ShownTally
from .rules import is_household_majority

DEFAULT_BATCH = 5

#: sent (inside the casting transaction) when the figures shown of ``poll`` change
tally_shown = Signal()


def batch_size():
    """The least number of new ballots between two figures shown of a secret poll."""
    return max(2, int(getattr(settings, "POLLS_SECRET_TALLY_BATCH", DEFAULT_BATCH)))


def ballot_counted(poll, not_shown=0):
    """After a ballot of ``poll`` is recorded (same transaction): publish a new
    batch when one is due, and tell the listeners when the figures shown changed.
    ``not_shown``: how many ballots the figures shown do not count yet, as the
    cast counted them (``ShownTally.received - ShownTally.ballots``)."""
    if poll.secret and not _publish_batch_if_due(poll, not_shown or 0):
        return False
    tally_shown.send(sender=type(poll), poll=poll)
    return True


def _publish_batch_if_due(poll, not_shown):
    size = batch_size()
    if not_shown < size:
        return False  # the common case: no statement at all
    # Due. The cast holds the poll's ShownTally row since it counted its ballot
    # (the upsert of ``received``), so two casts finishing together cannot both
    # publish (the second would show a figure one ballot apart from the first's):
    # the second waits for the first to commit, and then reads ``received`` and
    # ``ballots`` as the first left them. Counted from the ballots themselves.
    #
    # The figures are the choices' stored counts, not a count of every ballot
    # (which grew with the poll): every cast moves its choices' counts *before*
    # ``received`` (one statement, in that order), and holds both until commit.
    # So while this cast holds the row, every cast counted in ``received`` has
    # committed its counts, and every cast not yet counted waits for the row
    # with its counts uncommitted: the counts read now are exactly those of the
    # ``received`` ballots (tests/polls/test_concurrency.py checks it).
    row = ShownTally.objects.select_for_update().get(poll_id=poll.pk)
    if row.received - row.ballots < size:
        return False
    row.ballots = row.received
    row.votes = {
        str(pk): votes
        for pk, votes in Choice.objects.filter(poll_id=poll.pk).values_list(
            "pk", "votes"
        )
    }
    row.save(update_fields=["ballots", "votes"])
    return True


def shown_tally(poll):
    """The figures of a poll without a result that may be shown to anyone (leaders
    too): the exact ones for an open ballot or once the voting period is over, the
    last published batch for a secret poll still open.
    Same keys as :func:`civic.polls.actions.tally`, plus ``batch`` (the batch size,
    or None when every ballot is shown at once)."""
    from .actions import eligible_total, tally

    if not poll.secret or poll.is_closed():
        # no ballot can come after closing: its exact figures link nobody
        return {**tally(poll), "batch": None}
    row = ShownTally.objects.filter(poll=poll).first()
    votes = row.votes if row else {}
    choices = list(poll.choices.all())
    for choice in choices:
        choice.votes = votes.get(str(choice.pk), 0)
    total = eligible_total(poll)
    approvals = sum(c.votes for c in choices if c.meaning == ChoiceMeaning.APPROVE)
    return {
        "choices": choices,
        "participants": row.ballots if row else 0,
        "eligible": total,
        "approvals": approvals,
        "passed": is_household_majority(approvals, total)
        if poll.is_household
        else None,
        "batch": batch_size(),
    }
