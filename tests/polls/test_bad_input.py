"""Bad input: a clear message, nothing recorded, never a 500."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civic.polls.actions import close_poll, recount, stored_counts
from civic.polls.models import Ballot, Participation, PollKind

from .conftest import ids, make_poll, sign_in


def vote(client, poll, data):
    response = client.post(f"/en/binh-chon/{poll.pk}/", data, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(f"/en/binh-chon/{poll.pk}/", 302)]
    return [str(m) for m in response.context["messages"]]


def nothing_recorded(poll, participations=0):
    assert Participation.objects.filter(poll=poll).count() == participations
    assert Ballot.objects.filter(poll=poll).count() == participations
    assert stored_counts(poll) == recount(poll)
    assert sum(stored_counts(poll).values()) == participations


@pytest.fixture
def poll(tree):
    return make_poll(tree.group_1)


def test_voting_twice(client, people, poll):
    sign_in(client, people.reps[0])
    assert vote(client, poll, {"choice": ids(poll, "A")}) == [
        "Thank you: your ballot is recorded."
    ]
    assert vote(client, poll, {"choice": ids(poll, "B")}) == [
        "You have already voted in this poll."
    ]
    nothing_recorded(poll, participations=1)


def test_after_closing(client, tree, people, poll):
    close_poll(tree.leader_1, poll)
    sign_in(client, people.reps[0])
    assert vote(client, poll, {"choice": ids(poll, "A")}) == [
        "This poll is closed; no more ballots are accepted."
    ]
    nothing_recorded(poll)


def test_after_the_closing_time(client, tree, people):
    now = timezone.now()
    poll = make_poll(
        tree.group_1, opens_at=now - timedelta(days=2), closes_at=now - timedelta(1)
    )
    sign_in(client, people.reps[0])
    assert "closed" in vote(client, poll, {"choice": ids(poll, "A")})[0]
    nothing_recorded(poll)


def test_before_opening(client, tree, people):
    now = timezone.now()
    poll = make_poll(tree.group_1, opens_at=now + timedelta(hours=1))
    sign_in(client, people.reps[0])
    assert vote(client, poll, {"choice": ids(poll, "A")}) == [
        "This poll is not open yet."
    ]
    nothing_recorded(poll)


def test_in_another_groups_poll(client, tree, people):
    poll = make_poll(tree.group_2)
    sign_in(client, people.reps[0])
    assert (
        "Only verified residents of this area"
        in vote(client, poll, {"choice": ids(poll, "A")})[0]
    )
    nothing_recorded(poll)


def test_in_another_communes_poll(client, tree, people):
    poll = make_poll(tree.commune_b)
    sign_in(client, people.reps[0])
    assert (
        "Only verified residents" in vote(client, poll, {"choice": ids(poll, "A")})[0]
    )
    nothing_recorded(poll)


@pytest.mark.parametrize("forged", ["999999", "abc", "", "1.5"])
def test_forged_choice_id(client, people, poll, forged):
    sign_in(client, people.reps[0])
    messages = vote(client, poll, {"choice": [forged]})
    assert messages and messages[0] in {
        "This choice does not belong to this poll.",
        "This choice does not exist.",
        "Choose an answer before sending your ballot.",
    }
    nothing_recorded(poll)


def test_no_choice_at_all(client, people, poll):
    sign_in(client, people.reps[0])
    assert vote(client, poll, {}) == ["Choose an answer before sending your ballot."]
    nothing_recorded(poll)


def test_choice_from_another_poll(client, tree, people, poll):
    other = make_poll(tree.group_1, labels=("X", "Y"))
    sign_in(client, people.reps[0])
    assert vote(client, poll, {"choice": ids(other, "X")}) == [
        "This choice does not belong to this poll."
    ]
    nothing_recorded(poll)
    nothing_recorded(other)


def test_too_many_choices(client, tree, people):
    poll = make_poll(tree.group_1, labels=("A", "B", "C"), max_choices=2)
    sign_in(client, people.reps[0])
    assert vote(client, poll, {"choice": ids(poll, "A", "B", "C")}) == [
        "You can choose at most 2 answers."
    ]
    single = make_poll(tree.group_1)
    assert vote(client, single, {"choice": ids(single, "A", "B")}) == [
        "Choose only one answer."
    ]
    nothing_recorded(poll)
    nothing_recorded(single)


def test_for_another_household(client, tree, people):
    poll = make_poll(tree.group_1, PollKind.HOUSEHOLD)
    sign_in(client, people.reps[0])
    other = people.households[1].pk
    assert vote(
        client, poll, {"choice": ids(poll, "Đồng ý"), "household": str(other)}
    ) == ["You can only vote for your own household."]
    assert vote(client, poll, {"choice": ids(poll, "Đồng ý"), "household": "x"}) == [
        "You can only vote for your own household."
    ]
    nothing_recorded(poll)


def test_member_who_is_not_the_representative(client, tree, people):
    poll = make_poll(tree.group_1, PollKind.HOUSEHOLD)
    sign_in(client, people.member)
    assert (
        "Only the representative of a household"
        in vote(client, poll, {"choice": ids(poll, "Đồng ý")})[0]
    )
    nothing_recorded(poll)


def test_without_verification(client, tree, people, poll):
    sign_in(client, people.pending)
    assert (
        "Only verified residents" in vote(client, poll, {"choice": ids(poll, "A")})[0]
    )
    sign_in(client, tree.resident)  # no residency at all
    assert (
        "Only verified residents" in vote(client, poll, {"choice": ids(poll, "A")})[0]
    )
    nothing_recorded(poll)


def test_anonymous_is_sent_to_sign_in(client, poll):
    response = client.post(f"/en/binh-chon/{poll.pk}/", {"choice": ids(poll, "A")})
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    nothing_recorded(poll)


def test_unknown_poll_is_404(client, tree):
    assert client.get("/binh-chon/424242/").status_code == 404
    assert client.post("/binh-chon/424242/", {"choice": "1"}).status_code == 404


def test_resident_cannot_close_or_export(client, people, poll):
    sign_in(client, people.reps[0])
    assert client.post(f"/binh-chon/{poll.pk}/dong/").status_code == 403
    assert client.get(f"/binh-chon/{poll.pk}/ket-qua.csv").status_code == 403
    assert poll.result_or_none() is None


def test_other_groups_leader_cannot_close(client, tree, poll):
    sign_in(client, tree.leader_2)
    assert client.post(f"/binh-chon/{poll.pk}/dong/").status_code == 403
    poll.refresh_from_db()
    assert poll.result_or_none() is None
