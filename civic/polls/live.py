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

import json

from django.conf import settings
from django.db import connection
from django.dispatch import Signal

from .models import Choice, ChoiceMeaning, ShownTally
from .rules import is_household_majority

DEFAULT_BATCH = 5

#: sent when the figures shown of ``poll`` change (in the cast's transaction or
#: just after it: listeners act on commit); ``shown``: for a secret poll, the
#: batch just published, ``{"ballots": n, "votes": {"<choice id>": votes}}``
#: (what was published, even if a later batch is already there), else None
tally_shown = Signal()


def batch_size():
    """The least number of new ballots between two figures shown of a secret poll."""
    return max(2, int(getattr(settings, "POLLS_SECRET_TALLY_BATCH", DEFAULT_BATCH)))


def ballot_counted(poll, not_shown=0):
    """After a ballot of ``poll`` is recorded (in its transaction, or just after
    it committed: the one-statement cast on PostgreSQL): publish a new
    batch when one is due, and tell the listeners when the figures shown changed.
    ``not_shown``: how many ballots the figures shown do not count yet, as the
    cast counted them (``ShownTally.received - ShownTally.ballots``)."""
    shown = None
    if poll.secret:
        shown = _publish_batch_if_due(poll, not_shown or 0)
        if shown is None:
            return False
    tally_shown.send(sender=type(poll), poll=poll, shown=shown)
    return True


def _publish_batch_if_due(poll, not_shown):
    size = batch_size()
    if not_shown < size:
        return None  # the common case: no statement at all
    if connection.vendor == "postgresql":
        return _publish_in_one(poll, size)
    # Due (SQLite: writers are serialised, and this runs in the cast's
    # transaction, which holds the database). Counted from the ballots
    # themselves: the figures are the choices' stored counts, moved by every
    # cast together with ``received``.
    row = ShownTally.objects.select_for_update().get(poll_id=poll.pk)
    if row.received - row.ballots < size:
        return None
    row.ballots = row.received
    row.votes = {
        str(pk): votes
        for pk, votes in Choice.objects.filter(poll_id=poll.pk).values_list(
            "pk", "votes"
        )
    }
    row.save(update_fields=["ballots", "votes"])
    return {"ballots": row.ballots, "votes": row.votes}


def _publish_in_one(poll, size):
    """Publish a batch on PostgreSQL in one statement, in the cast's
    transaction or (the common cast: civic.polls.actions._cast_as_seen) after
    it committed.

    The figures are the choices' stored counts, not a count of every ballot
    (which grew with the poll). ``received`` and the counts are read in the
    statement's one snapshot, and every cast moves both in one transaction: so
    the counts read are exactly those of the ``received`` ballots read
    (tests/polls/test_concurrency.py checks it under 240 concurrent casts).
    Two publishers never show figures fewer than ``size`` ballots apart: the
    update moves ``ballots`` only while the row, re-read as last committed if
    it had to wait for another cast or publisher, is at least ``size`` behind
    what this snapshot read."""
    qn = connection.ops.quote_name
    tally = qn(ShownTally._meta.db_table)
    poll_id, received, ballots = qn("poll_id"), qn("received"), qn("ballots")
    sql = (
        f"WITH seen AS (SELECT {received} FROM {tally} WHERE {poll_id} = %s),"
        f" counts AS (SELECT COALESCE(jsonb_object_agg({qn('id')}::text,"
        f" {qn('votes')}), '{{}}'::jsonb) AS votes"
        f" FROM {qn(Choice._meta.db_table)} WHERE {poll_id} = %s)"
        f" UPDATE {tally} SET {ballots} = seen.{received}, {qn('votes')} = counts.votes"
        f" FROM seen, counts WHERE {tally}.{poll_id} = %s"
        f" AND seen.{received} - {tally}.{ballots} >= %s"
        f" RETURNING {tally}.{ballots}, {tally}.{qn('votes')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [poll.pk, poll.pk, poll.pk, size])
        row = cursor.fetchone()
    if row is None:
        return None
    votes = row[1] if isinstance(row[1], dict) else json.loads(row[1])
    return {"ballots": row[0], "votes": votes}


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
