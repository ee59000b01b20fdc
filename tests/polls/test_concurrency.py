"""Hundreds of concurrent ballots on PostgreSQL: nobody counted twice, no valid
ballot lost, stored tallies equal to the ballots, nothing slips past closing."""

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections, transaction

from civic.core.errors import ActionRefused
from civic.people.models import Household, Residency, ResidencyStatus
from civic.polls.actions import (
    cast_ballot,
    close_poll,
    recount,
    stored_counts,
)
from civic.polls.live import batch_size, tally_shown
from civic.polls.models import Ballot, Participation, PollKind, ShownTally

from ..conftest import make_user
from .conftest import make_poll

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrency is tested on PostgreSQL (scripts/with-postgres)",
    ),
]

VOTERS = 80
ATTEMPTS_EACH = 3  # 240 attempts; the same voter is repeated, in parallel
WORKERS = 24


@pytest.fixture
def pg(transactional_db, django_db_serialized_rollback):
    """Committed rows (the threads have their own connections); the flush after
    the test restores the migrations' data (the portal page)."""


def make_voters(area, n, prefix):
    voters = []
    for i in range(n):
        h = Household.objects.create(area=area, address=f"{i} Đường {prefix}")
        user = make_user(f"Cư dân {prefix}{i}", email=f"c{prefix}-{i}@example.vn")
        Residency.objects.create(
            user=user, household=h, status=ResidencyStatus.VERIFIED
        )
        h.representative = user
        h.save()
        voters.append(user)
    return voters


def run_concurrently(jobs):
    """Run ``jobs`` (callables) on a thread pool, all released at once."""
    barrier = threading.Barrier(WORKERS)
    outcomes = []
    lock = threading.Lock()

    def worker(chunk):
        try:
            barrier.wait(timeout=30)
            for job in chunk:
                try:
                    job()
                    outcome = "accepted"
                except ActionRefused as refused:
                    outcome = {"already_voted": "duplicate", "not_open": "closed"}[
                        refused.code
                    ]
                with lock:
                    outcomes.append(outcome)
        finally:
            connections.close_all()

    chunks = [jobs[i::WORKERS] for i in range(WORKERS)]
    with ThreadPoolExecutor(WORKERS) as pool:
        for future in [pool.submit(worker, c) for c in chunks]:
            future.result()
    return outcomes


def test_concurrent_consultation_ballots(pg, tree):
    voters = make_voters(tree.group_1, VOTERS, "1")
    poll = make_poll(tree.group_1, labels=("A", "B", "C", "D"))
    assert poll.secret
    choice_ids = list(poll.choices.values_list("pk", flat=True))
    wanted = {v.pk: choice_ids[i % 4] for i, v in enumerate(voters)}
    jobs = [
        (lambda v=v: cast_ballot(v, poll, [wanted[v.pk]]))
        for v in voters
        for _ in range(ATTEMPTS_EACH)
    ]
    random.Random(3).shuffle(jobs)
    published = []  # the secret poll's figures as each batch was published

    def seen(sender, poll, shown, **kwargs):
        published.append((shown["ballots"], sum(shown["votes"].values())))

    tally_shown.connect(seen, weak=False, dispatch_uid="test_concurrency")
    try:
        outcomes = run_concurrently(jobs)
    finally:
        tally_shown.disconnect(dispatch_uid="test_concurrency")

    assert len(outcomes) == VOTERS * ATTEMPTS_EACH >= 200
    assert outcomes.count("accepted") == VOTERS  # nobody lost, nobody twice
    assert outcomes.count("duplicate") == VOTERS * (ATTEMPTS_EACH - 1)
    assert Participation.objects.filter(poll=poll).count() == VOTERS
    assert set(
        Participation.objects.filter(poll=poll).values_list("user", flat=True)
    ) == {v.pk for v in voters}
    assert Ballot.objects.filter(poll=poll).count() == VOTERS
    expected = {pk: list(wanted.values()).count(pk) for pk in choice_ids}
    assert stored_counts(poll) == recount(poll) == expected
    # casts finishing together never published two figures less than a batch apart
    sizes = sorted(n for n, _ in published)
    assert published and all(n == votes for n, votes in published)
    assert all(
        later - earlier >= batch_size()
        for earlier, later in zip([0, *sizes], sizes, strict=False)
    )
    assert ShownTally.objects.get(poll=poll).ballots == sizes[-1] <= VOTERS


def test_concurrent_household_ballots(pg, tree):
    reps = make_voters(tree.group_1, 70, "2")
    poll = make_poll(tree.group_1, PollKind.HOUSEHOLD)
    yes, no, _abstain = poll.choices.values_list("pk", flat=True)
    jobs = [
        (lambda r=r, i=i: cast_ballot(r, poll, [yes if i % 3 else no]))
        for i, r in enumerate(reps)
        for _ in range(ATTEMPTS_EACH)
    ]
    random.Random(5).shuffle(jobs)
    outcomes = run_concurrently(jobs)
    assert len(outcomes) == 210
    assert outcomes.count("accepted") == 70
    assert (
        Participation.objects.filter(poll=poll).values("household").distinct().count()
        == 70
    )
    counts = stored_counts(poll)
    assert counts == recount(poll)
    assert counts[no] == len(range(0, 70, 3)) and counts[yes] == 70 - counts[no]
    result = close_poll(tree.leader_1, poll)
    assert result.households_total == 70 and result.households_represented == 70
    assert result.outcome == "passed"


def test_nothing_slips_past_a_concurrent_close(pg, tree):
    voters = make_voters(tree.group_1, 200, "3")
    poll = make_poll(tree.group_1, labels=("A", "B"))
    a, b = poll.choices.values_list("pk", flat=True)
    jobs = [
        (lambda v=v, i=i: cast_ballot(v, poll, [a if i % 2 else b]))
        for i, v in enumerate(voters)
    ]
    jobs.insert(100, lambda: close_poll(tree.leader_1, poll) and None)
    outcomes = run_concurrently(jobs)
    poll.refresh_from_db()
    result = poll.result
    accepted = outcomes.count("accepted") - 1  # the close itself
    assert accepted == Participation.objects.filter(poll=poll).count()
    assert result.participants == accepted
    assert {t["choice"]: t["votes"] for t in result.tallies} == stored_counts(poll)
    assert stored_counts(poll) == recount(poll)
    assert outcomes.count("closed") == 200 - accepted


def test_a_cast_waiting_for_a_close_is_refused(pg, tree):
    """The common cast is one statement that checks the poll as last seen
    (actions._cast_as_seen). A cast that has to wait for a close's lock must be
    refused once the close commits: after the wait PostgreSQL re-reads the
    poll's row but sees the results table as before it, so the close rewrites
    the row (actions._new_row_version) and the cast, finding a newer version,
    takes the locked path, which sees the result. Deterministic: the cast is
    seen waiting for the lock before the close commits."""
    first, second = make_voters(tree.group_1, 2, "5")
    poll = make_poll(tree.group_1, labels=("A", "B"))
    a, b = poll.choices.values_list("pk", flat=True)
    cast_ballot(first, poll, [a])  # the poll is now kept as seen
    closed, release = threading.Event(), threading.Event()
    outcome = {}

    def close():
        try:
            with transaction.atomic():
                close_poll(tree.leader_1, poll)
                closed.set()
                release.wait(30)
        finally:
            connections.close_all()

    def cast():
        try:
            closed.wait(30)
            cast_ballot(second, poll, [b])
            outcome["cast"] = "accepted"
        except ActionRefused as refused:
            outcome["cast"] = refused.code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=close), threading.Thread(target=cast)]
    for thread in threads:
        thread.start()
    try:
        assert closed.wait(30)
        deadline = time.monotonic() + 30
        with connection.cursor() as cursor:
            while True:  # until the cast waits for the close's row lock
                cursor.execute(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type ="
                    " 'Lock' AND datname = current_database()"
                )
                if cursor.fetchone()[0] or time.monotonic() > deadline:
                    break
                time.sleep(0.01)
    finally:
        release.set()
        for thread in threads:
            thread.join(30)
    assert outcome == {"cast": "not_open"}
    poll.refresh_from_db()
    assert poll.result.participants == 1
    assert Participation.objects.filter(poll=poll).count() == 1
    assert stored_counts(poll) == recount(poll) == {a: 1, b: 0}


def test_concurrent_changes_of_open_ballots_and_forged_choices(pg, tree):
    """An open poll whose voters may change their ballot: each voter sends three
    ballots at once, mixed with ballots naming another poll's choice. Each voter
    keeps one ballot with one mark, every change is in the history, the forged
    ballots leave nothing, and the stored counts equal the ballots."""
    from civic.polls.models import BallotChoice, BallotHistory

    voters = make_voters(tree.group_1, 40, "4")
    poll = make_poll(tree.group_1, secret=False, allow_change=True)
    other = make_poll(tree.group_1, title="Khác")
    choice_ids = list(poll.choices.values_list("pk", flat=True))
    forged = other.choices.first().pk
    refused = []

    def forge(v):
        try:
            cast_ballot(v, poll, [forged])
        except ActionRefused as error:
            assert error.code == "invalid_choice"
            refused.append(v.pk)

    jobs = [
        (lambda v=v, c=choice_ids[(i + k) % 3]: cast_ballot(v, poll, [c]))
        for i, v in enumerate(voters)
        for k in range(ATTEMPTS_EACH)
    ] + [(lambda v=v: forge(v)) for v in voters[:10]]
    random.Random(7).shuffle(jobs)
    outcomes = run_concurrently(jobs)

    assert len(refused) == 10
    assert outcomes.count("accepted") == 40 * ATTEMPTS_EACH + 10  # forge() returns
    assert Participation.objects.filter(poll=poll).count() == 40
    assert Ballot.objects.filter(poll=poll).count() == 40
    assert BallotChoice.objects.filter(ballot__poll=poll).count() == 40
    assert not BallotChoice.objects.filter(choice=forged).exists()
    assert BallotHistory.objects.filter(poll=poll).count() == 40 * (ATTEMPTS_EACH - 1)
    assert stored_counts(poll) == recount(poll)
    assert sum(stored_counts(poll).values()) == 40
    assert sum(stored_counts(other).values()) == 0
