"""What one ballot costs the database (civic/polls/README.md, "Cost of a ballot"):
the statements of a cast through the poll page are pinned, so that their number
cannot grow unnoticed. Counted by the test client's connection: the user (read
once, then kept: civic.people.backends.get_user; the session comes from the
session cache, settings.SESSION_ENGINE), then the cast; the test's transaction
turns the cast's BEGIN / COMMIT into SAVEPOINT / RELEASE, counted too."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civic.polls.actions import recount, stored_counts
from civic.polls.models import Ballot, Participation, ResultsVisibility

from .conftest import ids, make_poll, sign_in

#: (vendor, secret): user (first request), residency; then on PostgreSQL the poll
#: as last seen (then kept: actions._poll_as_seen) and ONE statement, in no
#: transaction of its own, that locks the poll if it is still that version and
#: records the participation, the ballot, its marks, the counts and (secret) the
#: ballots received; on SQLite SAVEPOINT, poll (locked), one statement for each
#: (participation, ballot, marks, counts, received), then RELEASE
BALLOT = {
    ("postgresql", True): 4,
    ("postgresql", False): 4,
    ("sqlite", True): 10,
    ("sqlite", False): 9,
}
#: the user, the residency and (PostgreSQL) the poll are kept since the first
#: ballot (residents.verified_home): on PostgreSQL the one statement, refused (it
#: says why: already voted, not a result); on SQLite SAVEPOINT, poll (locked),
#: participation (refused), whether the poll has a result, ROLLBACK TO
#: SAVEPOINT, RELEASE
DUPLICATE = {"postgresql": 1, "sqlite": 6}


def post(client, poll, choice):
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(f"/binh-chon/{poll.pk}/", {"choice": choice})
    assert response.status_code == 302
    return [q["sql"] for q in ctx.captured_queries]


@pytest.mark.parametrize("secret", [True, False])
def test_a_ballot_costs_a_fixed_number_of_statements(client, tree, people, secret):
    poll = make_poll(
        tree.group_1, secret=secret, results_visibility=ResultsVisibility.ALWAYS
    )
    (a,) = ids(poll, "A")
    sign_in(client, people.reps[0])
    statements = post(client, poll, a)
    # whether a batch of a secret poll's figures is due needs no statement
    expected = BALLOT[connection.vendor, secret]
    assert len(statements) == expected, "\n".join(statements)
    assert Participation.objects.filter(poll=poll).count() == 1
    assert Ballot.objects.filter(poll=poll).count() == 1
    assert stored_counts(poll) == recount(poll) == {**stored_counts(poll), a: 1}

    statements = post(client, poll, a)  # the same voter again: refused
    assert len(statements) == DUPLICATE[connection.vendor], "\n".join(statements)
    assert Participation.objects.filter(poll=poll).count() == 1
    assert sum(stored_counts(poll).values()) == 1
