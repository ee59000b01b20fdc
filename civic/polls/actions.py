"""Every change of a poll's state: casting, closing, recording a meeting's result.

Views, the admin and the benchmark call these; they never write ballots themselves.

Why a ballot cannot slip past closing (PostgreSQL, READ COMMITTED): a cast takes
``FOR KEY SHARE`` on the poll row before it records anything (casts share it, so
they do not wait for each other). ``close_poll`` takes ``SELECT … FOR UPDATE`` on
the same row, which conflicts with ``FOR KEY SHARE``: it waits for every cast
already in flight (whose ballots it then counts), and every later cast waits for
the close to commit. The close rewrites the poll's row; a one-statement cast that
waited finds a newer version than the one it checked, records nothing and takes
the locked path, whose next statement sees the result and refuses.
(The implicit foreign-key lock is not enough: Django creates PostgreSQL foreign keys
``DEFERRABLE INITIALLY DEFERRED``, so that lock is only taken at COMMIT — a test
caught ballots committed after the count.) SQLite serialises writers anyway
(``transaction_mode = IMMEDIATE``).

A ballot usually costs one statement and one round trip (README, "Cost of a
ballot"; a test pins the count): the voter's residency and the poll are kept
between requests (page-cache memos), checked in Python, and ONE data-modifying
``WITH`` (:func:`_cast_in_one`), in no transaction of its own, locks the poll
row — only while it is the version the checks were made on — and records the
participation (``ON CONFLICT DO NOTHING``, no savepoint, and only while the
poll has no result and the choices are its own), the ballot, its marks, the
counts and, for a secret poll, the ballots received, which says whether a
batch of figures is due without counting the ballots. Nothing is read back.
Whatever that statement does not decide takes the locked path (a transaction:
the poll row locked and read, then the same statement).
"""

import functools
import re
import uuid

from django.db import connection, transaction
from django.db.models import Case, Count, F, Value, When
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Page

from civic.core import pagecache
from civic.core.errors import ActionForbidden, ActionRefused
from civic.core.ids import parse_id, require_id
from civic.core.text import clean_text
from civic.people.models import Household
from civic.people.permissions import can
from civic.people.residents import (
    households_in,
    verified_home,
    verified_residents_in,
)
from content.actions import publish_result_notice

from . import live
from .models import (
    DEFAULT_HOUSEHOLD_CHOICES,
    Ballot,
    BallotChoice,
    BallotHistory,
    Choice,
    ChoiceMeaning,
    Outcome,
    Participation,
    Poll,
    PollResult,
    ResultSource,
    ShownTally,
)
from .rules import is_household_majority

# Refusals are ``ActionRefused`` (civic.core.errors) with a ``code`` naming the case:
# "not_open", "not_eligible", "invalid_choice", "already_voted", "wrong_kind",
# "counts_differ"; a user who may not manage the poll gets ``ActionForbidden``.


# --- checks --------------------------------------------------------------------


def _closed_message():
    return _("This poll is closed; no more ballots are accepted.")


def _dates(poll, now):
    """The voting period and the kind of decision (the result is checked apart)."""
    if now >= poll.closes_at:
        raise ActionRefused(_closed_message(), code="not_open")
    if now < poll.opens_at:
        raise ActionRefused(_("This poll is not open yet."), code="not_open")
    if poll.decided_at_meeting:
        raise ActionRefused(
            _(
                "This matter is decided at a meeting of the households or by paper "
                "ballot; the group leader records the result here."
            ),
            code="not_open",
        )


def _not_verified_message():
    return _(
        "Only verified residents of this area can vote. Ask your group leader to "
        "verify your residency."
    )


def _standing(user, poll, area_path, home):
    """The id of the household ``user`` votes for (None in a consultation), from
    their verified ``home`` (``residents.verified_home``); raise ``ActionRefused``
    (``not_eligible``) when they may not vote."""
    if home is None or not home[2].startswith(area_path):
        raise ActionRefused(_not_verified_message(), code="not_eligible")
    if not poll.is_household:
        return None
    household_id, representative_id, _path = home
    if representative_id != user.pk:
        raise ActionRefused(
            _(
                "Only the representative of a household of this area casts the "
                "household's ballot."
            ),
            code="not_eligible",
        )
    return household_id


def eligible_household(user, poll):
    """The household ``user`` votes for in a household decision (or refuse)."""
    household_id = _standing(user, poll, poll.area.path, verified_home(user))
    return Household.objects.get(pk=household_id)


def check_eligible(user, poll):
    """Raise ``ActionRefused`` (``not_eligible``) unless ``user`` may vote; return
    the household's id or None."""
    if not user or not user.is_authenticated:
        raise ActionRefused(_("Sign in to vote."), code="not_eligible")
    return _standing(user, poll, poll.area.path, verified_home(user))


def _count(value):
    """A whole number typed in a form (ASCII digits, at most 9 of them)."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if not re.fullmatch(r"-?[0-9]{1,9}", text, flags=re.ASCII):
        raise ValueError(value)
    return int(text)


def _clean_choice_ids(poll, choice_ids):
    """The ids in ``choice_ids`` (strings or ints), sorted, without repeats.
    Whether they are choices of ``poll`` is checked when they are counted
    (:func:`_mark`), with no statement of its own."""
    ids = [parse_id(c if isinstance(c, int) else str(c)) for c in choice_ids or ()]
    if None in ids:
        raise ActionRefused(_("This choice does not exist."), code="invalid_choice")
    ids = sorted(set(ids))
    if not ids:
        raise ActionRefused(
            _("Choose an answer before sending your ballot."), code="invalid_choice"
        )
    if len(ids) > poll.max_choices:
        raise ActionRefused(
            _("You can choose at most %(n)d answers.") % {"n": poll.max_choices}
            if poll.max_choices > 1
            else _("Choose only one answer."),
            code="invalid_choice",
        )
    return ids


# --- casting -------------------------------------------------------------------


def cast_ballot(user, poll, choice_ids, household=None, public=False):
    """Record ``user``'s ballot for ``choice_ids`` in ``poll`` (a ``Poll`` or its id).

    ``household``, if given (e.g. from a form), must be the one ``user`` represents.
    Raises ``ActionRefused`` with a message for the resident; on any error nothing is
    recorded. ``Poll.DoesNotExist`` when there is no such poll or, with ``public``
    (the public page), when its area page is not published. Returns the ``Ballot``.
    """
    if not user or not user.is_authenticated:
        raise ActionRefused(_("Sign in to vote."), code="not_eligible")
    poll_id = int(getattr(poll, "pk", poll))
    # where the voter lives does not depend on the poll's lock: read it before
    home = verified_home(user)
    if connection.vendor == "postgresql":
        ballot = _cast_as_seen(poll_id, user, home, household, choice_ids, public)
        if ballot is not None:
            return ballot
    with transaction.atomic():
        poll = _lock_poll(poll_id)
        if public and not poll.area_live:
            raise Poll.DoesNotExist("the poll's area is not published")
        now = timezone.now()
        own_household, choice_ids = _checked(
            poll, user, home, household, choice_ids, now
        )
        ballot = _new_ballot(poll, user, own_household)
        not_shown = _cast(poll, user, own_household, now, ballot, choice_ids)
        if not_shown is None:
            if not poll.allow_change or poll.secret:
                raise _already_voted(poll)
            ballot = _change_ballot(user, poll, own_household, choice_ids)
        # what may be shown of the tally now (a secret poll's in batches)
        live.ballot_counted(poll, not_shown)
        return ballot


def _checked(poll, user, home, household, choice_ids, now):
    """What a cast checks in Python before recording anything: the voting
    period, the voter's standing and household, the choices' form. Returns
    ``(household id or None, choice ids)``; raises ``ActionRefused``."""
    _dates(poll, now)
    own_household = _standing(user, poll, poll.area_path, home)
    if household is not None and (
        own_household is None
        or int(getattr(household, "pk", household)) != own_household
    ):
        raise ActionRefused(
            _("You can only vote for your own household."), code="not_eligible"
        )
    return own_household, _clean_choice_ids(poll, choice_ids)


def _new_ballot(poll, user, household_id):
    return Ballot(
        poll_id=poll.pk,
        voter=None if poll.secret else user,
        household_id=None if poll.secret else household_id,
    )


def _already_voted(poll):
    return ActionRefused(
        _("Your household has already voted in this poll.")
        if poll.is_household
        else _("You have already voted in this poll."),
        code="already_voted",
    )


def _poll_as_seen(poll_id):
    """The poll with its area's path and publication and its row version
    (PostgreSQL's ``xmin``), kept across requests (``pagecache.memo``: until a
    poll or page changes). Whether it is still so is checked by the cast's own
    statement, never assumed (:func:`_cast_as_seen`)."""

    def read():
        table = connection.ops.quote_name(Poll._meta.db_table)
        return (
            Poll.objects.annotate(
                area_path=F("area__path"),
                area_live=F("area__live"),
                row_version=RawSQL(f"{table}.xmin::text", ()),
            )
            .filter(pk=poll_id)
            .first()
        )

    return pagecache.memo("polls.cast", [poll_id], read)


def _cast_as_seen(poll_id, user, home, household, choice_ids, public):
    """The common cast on PostgreSQL, in ONE statement and no transaction of
    its own (a statement is one): the poll as last seen (:func:`_poll_as_seen`)
    is checked in Python, then the statement locks the poll's row only if it
    is still that version (``xmin``) and its area still has that path (and, for
    the public page, is published), and records the ballot only then.

    Returns the ``Ballot``, or raises the refusals the statement itself decides
    (already voted, a result recorded, a choice of another poll). Returns None
    when anything else must be decided, and the locked path then decides it
    from the poll as it is: no poll, a refusal of the checks (they may have
    been made on a poll that changed since), a poll that changed, a ballot
    that may be changed.

    A close rewrites the poll's row (:func:`close_poll`): a cast that waited for
    the close's lock finds a newer version and takes the locked path, which
    sees the result."""
    poll = _poll_as_seen(poll_id)
    if poll is None or (public and not poll.area_live):
        return None
    now = timezone.now()
    try:
        own_household, choice_ids = _checked(
            poll, user, home, household, choice_ids, now
        )
    except ActionRefused:
        return None
    ballot = _new_ballot(poll, user, own_household)
    seen = (poll.row_version, poll.area_path, public)
    not_shown = _cast_in_one(poll, user, own_household, now, ballot, choice_ids, seen)
    if not_shown is _CHANGED or (
        not_shown is None and poll.allow_change and not poll.secret
    ):
        return None
    if not_shown is None:
        raise _already_voted(poll)
    live.ballot_counted(poll, not_shown)
    return ballot


#: what :func:`_cast_in_one` returns when the poll is no longer as seen
_CHANGED = object()


def _lock_poll(poll_id):
    """The poll, read in the statement that holds its row against ``close_poll``
    (``FOR KEY SHARE`` on PostgreSQL: casts share it, a close's ``FOR UPDATE``
    waits for them and they for it) until commit. After waiting, PostgreSQL
    returns the row as last committed. The area's path and whether it is
    published come along as ``area_path`` and ``area_live``.
    Its result is NOT read here: a table read in the locking statement is seen as
    it was before the wait, so it is read by the next statement (``_take_part``).
    """
    with connection.cursor() as cursor:
        cursor.execute(_lock_poll_sql(connection.vendor), [poll_id])
        row = cursor.fetchone()
    if row is not None:
        # the model built from the row as Django's own queries do (a raw
        # queryset costs more Python than the statement itself)
        names, converters = _poll_columns(connection.vendor)
        values = list(row[: len(names)])
        for i, column, functions in converters:
            for function in functions:
                values[i] = function(values[i], column, connection)
        poll = Poll.from_db(connection.alias, names, values)
        poll.area_path, poll.area_live = row[len(names)], bool(row[len(names) + 1])
        return poll
    raise Poll.DoesNotExist(f"no poll {poll_id}")


def _cast(poll, user, household, now, ballot, choice_ids):
    """Record THAT ``user`` (for ``household``) took part and, if they had not,
    ``ballot`` with its marks for ``choice_ids``, the choices' counts and, for a
    secret poll, the ballots received (``ShownTally.received``). Returns None when
    they (or their household) already took part, else how many ballots the
    figures shown do not count yet (0 for an open poll, whose figures are
    exact); refuses ("not_open") when the poll has a result.

    On PostgreSQL this is one statement (see :func:`_cast_in_one`); elsewhere one
    statement per step."""
    if connection.vendor == "postgresql":
        return _cast_in_one(poll, user, household, now, ballot, choice_ids)
    if not _take_part(poll, user, household, now):
        if PollResult.objects.filter(poll_id=poll.pk).exists():
            raise ActionRefused(_closed_message(), code="not_open")
        return None
    ballot.save(force_insert=True)
    _mark(ballot, choice_ids)
    if not poll.secret:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(_received_sql("VALUES (%s, 0, %s, 1)"), [poll.pk, "{}"])
        return cursor.fetchone()[0]


def _received_sql(source):
    """The upsert that counts one more ballot received by a secret poll (its
    ``ShownTally`` row made by the first) and returns how many the figures shown
    do not count; ``source``: the row to insert (a VALUES or a SELECT)."""
    qn = connection.ops.quote_name
    table = qn(ShownTally._meta.db_table)
    received = qn("received")
    sql = (
        f"INSERT INTO {table} ({qn('poll_id')}, {qn('ballots')}, {qn('votes')},"
        f" {received}) {source}"
        f" ON CONFLICT ({qn('poll_id')}) DO UPDATE"
        f" SET {received} = {table}.{received} + 1"
        f" RETURNING {received} - {qn('ballots')}"
    )
    return sql


@functools.cache
def _poll_columns(vendor):
    """The poll's field names, and the converters of the columns that have any
    (the backend's and the field's, as a queryset applies them: dates on SQLite,
    JSON, booleans)."""
    fields = Poll._meta.concrete_fields
    converters = []
    for i, field in enumerate(fields):
        column = field.get_col(Poll._meta.db_table)
        functions = connection.ops.get_db_converters(column) + column.get_db_converters(
            connection
        )
        if functions:
            converters.append((i, column, functions))
    return [f.attname for f in fields], converters


@functools.cache
def _lock_poll_sql(vendor):
    qn = connection.ops.quote_name
    columns = ", ".join(f"p.{qn(f.column)}" for f in Poll._meta.concrete_fields)
    sql = (
        f"SELECT {columns}, a.{qn('path')} AS area_path, a.{qn('live')} AS area_live"
        f" FROM {qn(Poll._meta.db_table)} p"
        f" INNER JOIN {qn(Page._meta.db_table)} a ON a.{qn('id')} = p.{qn('area_id')}"
        f" WHERE p.{qn('id')} = %s"
    )
    if vendor == "postgresql":
        sql += " FOR KEY SHARE OF p"
    return sql


def _take_part(poll, user, household, now):
    """Record THAT ``user`` (for ``household``) took part, in one statement: False
    when they (or their household) already have, or when the poll has a result.
    ``ON CONFLICT DO NOTHING`` stands for the unique constraints' refusal without
    a savepoint; a concurrent cast of the same voter waits for the first to
    commit, as with a plain insert."""
    sql, params = _participation_sql(poll, user, household, now)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone() is not None


def _participation_sql(poll, user, household, now):
    qn = connection.ops.quote_name
    table = qn(Participation._meta.db_table)
    result = qn(PollResult._meta.db_table)
    sql = (
        f"INSERT INTO {table}"
        f" ({qn('poll_id')}, {qn('user_id')}, {qn('household_id')},"
        f" {qn('voted_at')}, {qn('changes')})"
        f" SELECT %s, %s, %s, %s, 0"
        f" WHERE NOT EXISTS (SELECT 1 FROM {result} WHERE {qn('poll_id')} = %s)"
        f" ON CONFLICT DO NOTHING RETURNING {qn('id')}"
    )
    params = [
        poll.pk,
        user.pk,
        household,
        connection.ops.adapt_datetimefield_value(now),
        poll.pk,
    ]
    return sql, params


def _cast_in_one(poll, user, household, now, ballot, choice_ids, seen=None):
    """:func:`_cast` on PostgreSQL, in one data-modifying ``WITH``
    (:func:`_cast_sql`): the poll's row locked (``FOR KEY SHARE``, as
    :func:`_lock_poll`; with ``seen`` — its row version, its area's path,
    whether the area must be published — only while it is still so: else
    nothing is recorded and this returns :data:`_CHANGED`); the participation
    (``part``: empty when refused — already voted, a result recorded, or a
    choice that is not the poll's — and then every other part inserts or moves
    nothing); the ballot and its marks (their foreign key to the ballot is
    checked at commit); the choices' rows locked in id order, as
    :func:`_move_counts` does, and their counts moved; then, for a secret poll,
    the ballots received — after the counts (it reads ``moved``), so every cast
    takes its row locks in the same order.

    After waiting for a lock, PostgreSQL re-reads the locked row as last
    committed but every other table as the statement first saw it: hence the
    version check on the poll's row, which a close rewrites."""
    sql = _cast_sql(poll.secret, len(choice_ids), seen is not None and seen[2])
    version, area_path = seen[:2] if seen is not None else (None, None)
    # no version (None): not checked, the caller holds the poll's lock
    params = [poll.pk, version, version, area_path]
    params += [poll.pk, poll.pk, choice_ids, len(choice_ids)]
    params += [poll.pk, user.pk, household, now]
    params += [ballot.pk, ballot.poll_id, ballot.voter_id, ballot.household_id]
    marks = [uuid.uuid4() for _ in choice_ids]
    params += [ballot.pk, marks, choice_ids, poll.pk, choice_ids]
    if poll.secret:
        params.append(poll.pk)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        locked, taken, moved, not_shown, has_result, valid = cursor.fetchone()
    if not locked:
        if seen is None:
            raise Poll.DoesNotExist(f"no poll {poll.pk}")
        return _CHANGED
    if not taken:
        if has_result:
            raise ActionRefused(_closed_message(), code="not_open")
        if not valid:
            raise _not_the_polls_choice()
        return None
    if moved != len(choice_ids):  # pragma: no cover - a choice deleted meanwhile
        raise _not_the_polls_choice()
    ballot._state.adding = False
    ballot._state.db = connection.alias
    return not_shown


@functools.cache
def _cast_sql(secret, choices, public):
    """The statement of :func:`_cast_in_one` for a poll that is ``secret`` or
    not, a ballot of ``choices`` choices and, when the area must be published,
    ``public`` (the text depends on nothing else: it is built once). Its
    parameters, in order: the poll; the row version and area path seen (NULL:
    not checked); poll, poll, choice ids (an array), how many (the checks);
    the participation's poll, user, household, time; the ballot's id, poll,
    voter, household; the ballot's id, the marks' ids and choice ids (arrays),
    poll, choice ids (the counts); for a secret poll, the poll (received)."""
    qn = connection.ops.quote_name
    choice = qn(Choice._meta.db_table)
    result = qn(PollResult._meta.db_table)
    poll_id, pk = qn("poll_id"), qn("id")
    live = f" AND a.{qn('live')}" if public else ""
    sql = (
        # the poll's row, locked; with a version seen, only while it is that
        # version and its area is at that path (published, for the public page)
        f"WITH poll AS MATERIALIZED (SELECT p.{pk} FROM {qn(Poll._meta.db_table)} p"
        f" WHERE p.{pk} = %s AND (%s::xid IS NULL OR (p.xmin = %s::xid"
        f" AND EXISTS (SELECT 1 FROM {qn(Page._meta.db_table)} a"
        f" WHERE a.{pk} = p.{qn('area_id')} AND a.{qn('path')} = %s{live})))"
        f" FOR KEY SHARE OF p),"
        # read once, in this statement's snapshot: a result recorded; the
        # choices named are the poll's
        f" checks AS MATERIALIZED (SELECT EXISTS (SELECT 1 FROM {result}"
        f" WHERE {poll_id} = %s) AS closed, (SELECT COUNT(*) FROM {choice}"
        f" WHERE {poll_id} = %s AND {pk} = ANY(%s::bigint[])) = %s AS valid),"
        f" part AS (INSERT INTO {qn(Participation._meta.db_table)}"
        f" ({poll_id}, {qn('user_id')}, {qn('household_id')},"
        f" {qn('voted_at')}, {qn('changes')})"
        f" SELECT %s, %s, %s, %s, 0 FROM poll, checks"
        f" WHERE NOT checks.closed AND checks.valid"
        f" ON CONFLICT DO NOTHING RETURNING {pk}),"
        f" ballot AS (INSERT INTO {qn(Ballot._meta.db_table)}"
        f" ({pk}, {poll_id}, {qn('voter_id')}, {qn('household_id')})"
        f" SELECT %s, %s, %s, %s FROM part),"
        f" marks AS (INSERT INTO {qn(BallotChoice._meta.db_table)}"
        f" ({pk}, {qn('ballot_id')}, {qn('choice_id')})"
        f" SELECT m.id, %s, m.choice FROM unnest(%s::uuid[], %s::bigint[])"
        f" AS m (id, choice), part),"
        f" locked AS MATERIALIZED (SELECT {pk} FROM {choice}"
        f" WHERE {poll_id} = %s AND {pk} = ANY(%s::bigint[])"
        f" AND EXISTS (SELECT 1 FROM part) ORDER BY {pk} FOR NO KEY UPDATE),"
        f" moved AS (UPDATE {choice} SET {qn('votes')} = {choice}.{qn('votes')} + 1"
        f" FROM locked WHERE {choice}.{pk} = locked.{pk}"
        f" RETURNING {choice}.{pk})"
    )
    if secret:
        received = _received_sql(
            "SELECT %s, 0, '{}'::jsonb, 1 FROM part, (SELECT COUNT(*) FROM moved) AS m"
        )
        sql += f", received AS ({received})"
        shown = "(SELECT * FROM received)"
    else:
        shown = "0"
    return sql + (
        f" SELECT (SELECT COUNT(*) FROM poll), (SELECT COUNT(*) FROM part),"
        f" (SELECT COUNT(*) FROM moved), {shown}, checks.closed, checks.valid"
        f" FROM checks"
    )


def _not_the_polls_choice():
    return ActionRefused(
        _("This choice does not belong to this poll."), code="invalid_choice"
    )


def _mark(ballot, choice_ids, unmarked=()):
    """Mark ``ballot`` for ``choice_ids`` and move the counts (one up for
    ``choice_ids``, one down for ``unmarked``, a changed ballot's previous
    choices)."""
    BallotChoice.objects.bulk_create(
        [BallotChoice(ballot=ballot, choice_id=pk) for pk in choice_ids]
    )
    _move_counts(ballot.poll_id, choice_ids, unmarked)


def _move_counts(poll_id, up, down=()):
    """``Choice.votes`` one up for ``up``, one down for ``down``, in one update.
    Several rows are first locked in id order, so that concurrent casts never
    wait for each other's rows crosswise (voters changing A→B and B→A at once
    deadlocked). The counts move only for choices of the poll: if fewer rows
    moved than ids given, one of them is not a choice of this poll and the cast
    is refused (the transaction rolls back, marks included)."""
    touched = sorted(set(up) | set(down))
    rows = Choice.objects.filter(poll_id=poll_id, pk__in=touched)
    if len(touched) > 1 and connection.features.has_select_for_update:
        list(rows.order_by("pk").select_for_update(no_key=True).values_list("pk"))
    step = 1
    if down:
        step = Case(When(pk__in=up, then=Value(1)), default=Value(0)) - Case(
            When(pk__in=down, then=Value(1)), default=Value(0)
        )
    if rows.update(votes=F("votes") + step) != len(touched):
        raise _not_the_polls_choice()


def _change_ballot(user, poll, household, choice_ids):
    """Replace an open ballot, keeping the old one in ``BallotHistory``."""
    lookup = {"poll": poll}
    if household is not None:
        lookup["household"] = household
    else:
        lookup["user"] = user
        lookup["household__isnull"] = True
    participation = Participation.objects.select_for_update().get(**lookup)
    if participation.user_id != user.pk:
        raise ActionRefused(
            _("Your household has already voted in this poll."), code="already_voted"
        )
    ballot = Ballot.objects.select_for_update().get(poll=poll, voter=user)
    old = list(Choice.objects.filter(marks__ballot=ballot).order_by("pk"))
    BallotHistory.objects.create(
        poll=poll,
        voter=user,
        household_id=household,
        choice_ids=[c.pk for c in old],
        choice_labels=[c.label for c in old],
    )
    BallotChoice.objects.filter(ballot=ballot).delete()
    _mark(ballot, choice_ids, unmarked=[c.pk for c in old])
    Participation.objects.filter(pk=participation.pk).update(
        changes=F("changes") + 1, voted_at=timezone.now()
    )
    return ballot


# --- counting ------------------------------------------------------------------


def recount(poll):
    """{choice id: votes} recomputed from the ballots (not from the stored counts)."""
    counted = dict(
        BallotChoice.objects.filter(ballot__poll=poll)
        .values_list("choice")
        .annotate(n=Count("pk"))
        .values_list("choice", "n")
    )
    return {pk: counted.get(pk, 0) for pk in poll.choices.values_list("pk", flat=True)}


def stored_counts(poll):
    return dict(poll.choices.values_list("pk", "votes"))


def eligible_total(poll):
    if poll.is_household:
        return households_in(poll.area).count()
    return verified_residents_in(poll.area).count()


def tally(poll):
    """The live figures of a poll, from the stored counts (few queries)."""
    choices = list(poll.choices.all())
    participants = poll.participations.count()
    total = eligible_total(poll)
    approvals = sum(c.votes for c in choices if c.meaning == ChoiceMeaning.APPROVE)
    return {
        "choices": choices,
        "participants": participants,
        "eligible": total,
        "approvals": approvals,
        "passed": is_household_majority(approvals, total)
        if poll.is_household
        else None,
    }


# --- closing -------------------------------------------------------------------


def _require_manager(user, poll):
    if not can(user, "open_polls", poll.area):
        raise ActionForbidden(
            _("Only the leaders and editors of this area manage its polls.")
        )


@transaction.atomic
def close_poll(user, poll, now=None):
    """Close ``poll`` and write its result. Any time before ``closes_at`` ends the
    vote early; after it, this records the result of the vote that ran."""
    _require_manager(user, poll)
    poll = Poll.objects.select_for_update().get(pk=poll.pk)
    if PollResult.objects.filter(poll=poll).exists():
        raise ActionRefused(_("This poll is already closed."), code="not_open")
    if poll.decided_at_meeting:
        raise ActionRefused(
            _("Record the result of the meeting or paper ballot for this decision."),
            code="wrong_kind",
        )
    now = now or timezone.now()
    counts = stored_counts(poll)
    if counts != recount(poll):  # never expected: the counts are transactional
        raise ActionRefused(
            _("The stored counts differ from the ballots; not closed."),
            code="counts_differ",
        )
    choices = list(poll.choices.all())
    participants = poll.participations.count()
    total = eligible_total(poll)
    result = PollResult(
        poll=poll,
        source=ResultSource.ONLINE,
        eligible_total=total,
        participants=participants,
        tallies=[
            {"choice": c.pk, "label": c.label, "meaning": c.meaning, "votes": c.votes}
            for c in choices
        ],
        closed_at=now,
        closed_by=user,
    )
    if poll.is_household:
        result.households_total = total
        result.households_represented = participants
        result.outcome = (
            Outcome.PASSED
            if is_household_majority(result.approvals, total)
            else Outcome.REJECTED
        )
    result.save()
    _new_row_version(poll)
    log(poll, "kdcdt.poll.close", user=user)
    if poll.is_household:
        post_result_notice(poll, result, user)
    return result


@transaction.atomic
def record_meeting_result(user, poll, households_present, votes, note=""):
    """Record the result of a meeting or paper ballot (Art. 15 items 1–5).

    ``votes`` maps choice ids to the number of households for each choice.
    """
    _require_manager(user, poll)
    poll = Poll.objects.select_for_update().get(pk=poll.pk)
    if PollResult.objects.filter(poll=poll).exists():
        raise ActionRefused(_("This poll is already closed."), code="not_open")
    if not poll.is_household:
        raise ActionRefused(
            _("Only household decisions are recorded from a meeting."),
            code="wrong_kind",
        )
    if not poll.decided_at_meeting:
        # voted online (Art. 15 item 6 or no item): the ballots decide, not a tally
        # typed in afterwards
        raise ActionRefused(
            _(
                "This decision is voted online: its result is counted from the "
                "ballots when the poll is closed, not recorded from a meeting."
            ),
            code="wrong_kind",
        )
    total = households_in(poll.area).count()
    choices = list(poll.choices.all())
    try:
        votes = {require_id(k): _count(v) for k, v in votes.items()}
        households_present = _count(households_present)
    except (TypeError, ValueError):
        raise ActionRefused(_("Give whole numbers."), code="invalid_choice") from None
    if set(votes) - {c.pk for c in choices}:
        raise ActionRefused(
            _("This choice does not belong to this poll."), code="invalid_choice"
        )
    if any(v < 0 for v in votes.values()) or households_present < 0:
        raise ActionRefused(_("Give whole numbers."), code="invalid_choice") from None
    if households_present > total:
        raise ActionRefused(
            _("More households present than the %(n)d households of the area.")
            % {"n": total},
            code="invalid_choice",
        )
    if sum(votes.values()) > households_present:
        raise ActionRefused(
            _("More ballots than households present at the meeting or returned."),
            code="invalid_choice",
        )
    result = PollResult(
        poll=poll,
        source=ResultSource.MEETING,
        eligible_total=total,
        participants=households_present,
        households_total=total,
        households_represented=households_present,
        tallies=[
            {
                "choice": c.pk,
                "label": c.label,
                "meaning": c.meaning,
                "votes": votes.get(c.pk, 0),
            }
            for c in choices
        ],
        closed_by=user,
        note=clean_text(note, multiline=True),
    )
    result.outcome = (
        Outcome.PASSED
        if is_household_majority(result.approvals, total)
        else Outcome.REJECTED
    )
    result.save()
    _new_row_version(poll)
    log(poll, "kdcdt.poll.record_meeting", user=user)
    post_result_notice(poll, result, user)
    return result


def _new_row_version(poll):
    """Rewrite the poll's row (locked ``FOR UPDATE`` by the caller) when its
    result is written: a cast that waited for this lock then finds the row
    changed and takes the locked path, which sees the result
    (:func:`_cast_as_seen`; tests/polls/test_concurrency.py)."""
    Poll.objects.filter(pk=poll.pk).update(closes_at=F("closes_at"))


def post_result_notice(poll, result, user):
    """A household decision's result, posted as a notice on the poll's area page
    (in Vietnamese, the language of the site's content)."""
    from django.urls import reverse
    from django.utils.html import escape
    from django.utils.translation import override

    with override("vi"):
        outcome = result.get_outcome_display()
        title = _("Result of the household decision: %(title)s") % {"title": poll.title}
        intro = _(
            "%(represented)d of %(total)d households took part; approvals: "
            "%(approvals)d. The decision is %(outcome)s."
        ) % {
            "represented": result.households_represented or 0,
            "total": result.households_total or 0,
            "approvals": result.approvals,
            "outcome": outcome,
        }
        rows = "".join(
            f"<li>{escape(t['label'])}: {t['votes']}</li>" for t in result.tallies
        )
        url = reverse("polls:detail", args=[poll.pk])
        link = _("Full result and minutes-style record")
        body = (
            f"<p>{escape(intro)}</p><ul>{rows}</ul>"
            f'<p><a href="{escape(url)}">{escape(link)}</a></p>'
        )
    return publish_result_notice(poll.area.specific, title, intro, body, user=user)


def ensure_default_choices(poll):
    """Give a household decision without choices Yes / No / Abstain."""
    if poll.is_household and not poll.choices.exists():
        for order, (label, meaning) in enumerate(DEFAULT_HOUSEHOLD_CHOICES):
            Choice.objects.create(
                poll=poll, label=str(label), meaning=meaning, sort_order=order
            )
