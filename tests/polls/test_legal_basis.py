"""Art. 15: items 1–5 are decided at a meeting or by paper ballot (the leader records
the result, nobody votes online); item 6 and household polls without an item are
voted online (the ballots decide, no tally can be recorded over them). Each refusal
lives in the action; the views only show its message."""

import pytest

from civic.core.errors import ActionRefused
from civic.polls.actions import (
    cast_ballot,
    close_poll,
    record_meeting_result,
    recount,
    stored_counts,
)
from civic.polls.models import (
    MEETING_ITEMS,
    LegalBasis,
    Outcome,
    Participation,
    PollKind,
    PollResult,
    ResultSource,
)
from content.models import NoticePage

from .conftest import ids, make_poll, sign_in

#: every value a household poll's legal basis can take, "no item" included
BASES = [None, *LegalBasis.values]


def household_poll(tree, basis):
    return make_poll(tree.group_1, PollKind.HOUSEHOLD, legal_basis=basis)


def test_every_item_is_either_online_or_at_a_meeting():
    assert set(MEETING_ITEMS) < set(LegalBasis.values)
    assert set(LegalBasis.values) - set(MEETING_ITEMS) == {LegalBasis.OTHER}


@pytest.mark.parametrize("basis", BASES)
def test_the_legal_basis_decides_how_the_result_comes(tree, people, basis):
    poll = household_poll(tree, basis)
    yes, no = ids(poll, "Đồng ý", "Không đồng ý")
    if basis in MEETING_ITEMS:
        # no online ballot for a matter decided at a meeting or by paper ballot
        with pytest.raises(ActionRefused) as refused:
            cast_ballot(people.reps[0], poll, [yes])
        assert refused.value.code == "not_open"
        assert not Participation.objects.filter(poll=poll).exists()
        assert set(stored_counts(poll).values()) == {0}
        with pytest.raises(ActionRefused) as refused:
            close_poll(tree.leader_1, poll)
        assert refused.value.messages == [
            "Record the result of the meeting or paper ballot for this decision."
        ]
        result = record_meeting_result(tree.leader_1, poll, 4, {yes: 3, no: 1})
        assert result.source == ResultSource.MEETING
        assert result.outcome == Outcome.PASSED
    else:
        cast_ballot(people.reps[0], poll, [no])
        cast_ballot(people.reps[1], poll, [no])
        # a meeting's tally cannot replace the online ballots
        with pytest.raises(ActionRefused) as refused:
            record_meeting_result(tree.leader_1, poll, 5, {yes: 5})
        assert refused.value.code == "wrong_kind"
        assert "voted online" in refused.value.messages[0]
        assert PollResult.objects.filter(poll=poll).count() == 0
        assert stored_counts(poll) == recount(poll)
        assert stored_counts(poll)[no] == 2
        result = close_poll(tree.leader_1, poll)
        assert result.source == ResultSource.ONLINE
        assert result.outcome == Outcome.REJECTED
        assert result.approvals == 0


def test_posting_a_meeting_result_over_an_online_decision_is_refused(
    client, tree, people
):
    """The issue's reproduction: the record form is not shown for an online
    household decision, but a leader posts to it anyway."""
    poll = household_poll(tree, LegalBasis.OTHER)
    yes, no = ids(poll, "Đồng ý", "Không đồng ý")
    for rep in people.reps[:3]:
        cast_ballot(rep, poll, [no])
    before = stored_counts(poll)
    sign_in(client, tree.leader_1)
    html = client.get(f"/en/binh-chon/{poll.pk}/").content.decode()
    assert f"/binh-chon/{poll.pk}/ghi-ket-qua/" not in html
    response = client.post(
        f"/en/binh-chon/{poll.pk}/ghi-ket-qua/",
        {"households_present": "5", f"votes-{yes}": "5", f"votes-{no}": "0"},
        follow=True,
    )
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "This decision is voted online: its result is counted from the ballots "
        "when the poll is closed, not recorded from a meeting."
    ]
    poll.refresh_from_db()
    assert poll.result_or_none() is None
    assert stored_counts(poll) == before == recount(poll)
    assert Participation.objects.filter(poll=poll).count() == 3
    assert not NoticePage.objects.exists()
    # and in Vietnamese
    response = client.post(
        f"/binh-chon/{poll.pk}/ghi-ket-qua/",
        {"households_present": "5", f"votes-{yes}": "5"},
        follow=True,
    )
    message = str(list(response.context["messages"])[0])
    assert "bỏ phiếu trực tuyến" in message
    assert not NoticePage.objects.exists()
    # the ballots still decide: closing counts them
    assert close_poll(tree.leader_1, poll).outcome == Outcome.REJECTED
