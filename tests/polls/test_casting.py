"""Consultations: eligible residents vote once; counts stay equal to the ballots."""

import pytest

from civic.polls.actions import cast_ballot, close_poll, recount, stored_counts
from civic.polls.models import Ballot, BallotHistory, Participation, PollResult
from civic.polls.rules import is_household_majority

from .conftest import ids, make_poll


def test_single_choice_consultation(tree, people):
    poll = make_poll(tree.commune_a)
    cast_ballot(people.reps[0], poll, ids(poll, "A"))
    cast_ballot(people.member, poll, ids(poll, "B"))
    cast_ballot(people.rep6, poll, ids(poll, "A"))  # group 2 is in commune A
    assert stored_counts(poll) == recount(poll)
    assert [c.votes for c in poll.choices.all()] == [2, 1, 0]
    assert Participation.objects.filter(poll=poll).count() == 3


def test_secret_ballot_is_not_linked_to_its_voter(tree, people):
    poll = make_poll(tree.group_1, secret=True)
    ballot = cast_ballot(people.reps[0], poll, ids(poll, "C"))
    ballot.refresh_from_db()
    assert ballot.voter_id is None and ballot.household_id is None
    field_names = {f.name for f in Ballot._meta.get_fields()}
    assert not field_names & {"created_at", "voted_at", "user", "participation"}
    assert Participation.objects.get(poll=poll).user == people.reps[0]


def test_multiple_choice_up_to_the_maximum(tree, people):
    poll = make_poll(tree.group_1, labels=("A", "B", "C", "D"), max_choices=2)
    cast_ballot(people.reps[0], poll, ids(poll, "A", "D"))
    cast_ballot(people.reps[1], poll, ids(poll, "D"))
    assert stored_counts(poll) == recount(poll)
    assert dict(poll.choices.values_list("label", "votes")) == {
        "A": 1,
        "B": 0,
        "C": 0,
        "D": 2,
    }


def test_open_ballot_can_be_changed_and_history_is_kept(tree, people):
    poll = make_poll(tree.group_1, secret=False, allow_change=True)
    cast_ballot(people.reps[0], poll, ids(poll, "A"))
    ballot = cast_ballot(people.reps[0], poll, ids(poll, "B"))
    assert ballot.voter == people.reps[0]
    assert dict(poll.choices.values_list("label", "votes")) == {"A": 0, "B": 1, "C": 0}
    assert stored_counts(poll) == recount(poll)
    history = BallotHistory.objects.get()
    assert history.choice_labels == ["A"]
    assert Participation.objects.get(poll=poll).changes == 1


def test_secret_and_changeable_is_refused(tree):
    from django.core.exceptions import ValidationError

    poll = make_poll(tree.group_1)
    poll.secret = True
    poll.allow_change = True
    with pytest.raises(ValidationError) as err:
        poll.full_clean()
    assert "allow_change" in err.value.message_dict


def test_close_poll_writes_the_result(tree, people):
    poll = make_poll(tree.group_1)
    for rep in people.reps[:3]:
        cast_ballot(rep, poll, ids(poll, "B"))
    result = close_poll(tree.leader_1, poll)
    assert result.participants == 3
    assert result.eligible_total == 6  # 5 representatives + 1 verified member
    assert [t["votes"] for t in result.tallies] == [0, 3, 0]
    assert result.closed_by == tree.leader_1
    assert PollResult.objects.filter(poll=poll).count() == 1


def test_majority_rule_counts_all_households():
    assert not is_household_majority(0, 0)
    assert not is_household_majority(2, 4)  # half is not more than half
    assert is_household_majority(3, 4)
    assert is_household_majority(3, 5)
    assert not is_household_majority(2, 5)
    assert is_household_majority(51, 100) and not is_household_majority(50, 100)
