"""Household decisions: one ballot per household, by its representative; passed
when approvals are more than half of ALL the area's households."""

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
    Choice,
    LegalBasis,
    Outcome,
    Participation,
    PollKind,
    ResultSource,
)

from .conftest import ids, make_poll, sign_in


def test_two_approvals_of_five_households_do_not_pass(tree, people):
    poll = make_poll(tree.group_1, PollKind.HOUSEHOLD)
    cast_ballot(people.reps[0], poll, ids(poll, "Đồng ý"))
    cast_ballot(people.reps[1], poll, ids(poll, "Đồng ý"))
    # every ballot cast approves, but 2 of 5 households is not a majority
    result = close_poll(tree.leader_1, poll)
    assert result.households_total == 5
    assert result.households_represented == 2
    assert result.approvals == 2
    assert result.outcome == Outcome.REJECTED


def test_three_approvals_of_five_households_pass(tree, people, client):
    # open ballots: the live figures follow every ballot (a secret poll's move by
    # batches, test_live_tally.py)
    poll = make_poll(tree.group_1, PollKind.HOUSEHOLD, secret=False)
    for rep in people.reps[:3]:
        cast_ballot(rep, poll, ids(poll, "Đồng ý"))
    cast_ballot(people.reps[3], poll, ids(poll, "Không đồng ý"))
    assert stored_counts(poll) == recount(poll)
    # the live rule is shown before closing
    sign_in(client, people.reps[0])
    html = client.get(f"/en/binh-chon/{poll.pk}/").content.decode()
    assert "At this moment the majority is reached." in html
    assert "at least 3" in html
    result = close_poll(tree.editor_a, poll)
    assert result.outcome == Outcome.PASSED
    html = client.get(f"/en/binh-chon/{poll.pk}/").content.decode()
    assert "Outcome: passed." in html
    assert "4 of 5 households (80" in html


def test_one_ballot_per_household_even_by_another_member(tree, people):
    poll = make_poll(tree.group_1, PollKind.HOUSEHOLD, secret=False)
    cast_ballot(people.reps[0], poll, ids(poll, "Đồng ý"))
    # the representative changes; the new one cannot vote again for the household
    h1 = people.households[0]
    h1.representative = people.member
    h1.save()
    with pytest.raises(ActionRefused) as refused:
        cast_ballot(people.member, poll, ids(poll, "Không đồng ý"))
    assert refused.value.messages == ["Your household has already voted in this poll."]
    assert Participation.objects.filter(poll=poll).count() == 1
    assert stored_counts(poll) == recount(poll)


def test_default_choices_are_yes_no_abstain(tree):
    from civic.polls.actions import ensure_default_choices

    poll = make_poll(tree.group_1, PollKind.HOUSEHOLD, labels=())
    ensure_default_choices(poll)
    assert list(poll.choices.values_list("meaning", flat=True)) == [
        "approve",
        "reject",
        "abstain",
    ]


def test_art15_items_1_to_5_are_recorded_from_a_meeting(tree, people, client):
    poll = make_poll(
        tree.group_1, PollKind.HOUSEHOLD, legal_basis=LegalBasis.PUBLIC_WORKS
    )
    with pytest.raises(ActionRefused) as refused:
        cast_ballot(people.reps[0], poll, ids(poll, "Đồng ý"))
    assert refused.value.code == "not_open"
    sign_in(client, people.reps[0])
    html = client.get(f"/en/binh-chon/{poll.pk}/").content.decode()
    assert "decided by the households at a meeting" in html
    assert 'name="choice"' not in html
    yes, no, _abstain = ids(poll, "Đồng ý", "Không đồng ý", "Không ý kiến")
    sign_in(client, tree.leader_1)
    response = client.post(
        f"/binh-chon/{poll.pk}/ghi-ket-qua/",
        {"households_present": "4", f"votes-{yes}": "3", f"votes-{no}": "1"},
    )
    assert response.status_code == 302
    result = poll.result
    assert result.source == ResultSource.MEETING
    assert result.households_total == 5 and result.households_represented == 4
    assert result.outcome == Outcome.PASSED
    assert not Choice.objects.filter(poll=poll, votes__gt=0).exists()
    html = client.get(f"/en/binh-chon/{poll.pk}/").content.decode()
    assert "Recorded by the group leader" in html


def test_meeting_result_cannot_exceed_households(tree, people):
    poll = make_poll(
        tree.group_1, PollKind.HOUSEHOLD, legal_basis=LegalBasis.VILLAGE_RULES
    )
    yes = ids(poll, "Đồng ý")[0]
    with pytest.raises(ActionRefused) as refused:
        record_meeting_result(tree.leader_1, poll, 9, {yes: 9})
    assert refused.value.messages == [
        "More households present than the 5 households of the area."
    ]
    with pytest.raises(ActionRefused) as refused:
        record_meeting_result(tree.leader_1, poll, 2, {yes: 3})
    assert refused.value.messages == [
        "More ballots than households present at the meeting or returned."
    ]
    assert not hasattr(poll, "result") or poll.result_or_none() is None


def test_closing_a_household_decision_posts_its_result_on_the_area_page(
    tree, people, client
):
    from content.models import NoticePage

    poll = make_poll(tree.group_1, PollKind.HOUSEHOLD, title="Làm mái che nhà văn hóa")
    for rep in people.reps[:3]:
        cast_ballot(rep, poll, ids(poll, "Đồng ý"))
    close_poll(tree.leader_1, poll)
    notice = NoticePage.objects.live().child_of(tree.group_1).get()
    assert "Làm mái che nhà văn hóa" in notice.title
    assert "3" in notice.intro and "5" in notice.intro
    html = client.get(tree.group_1.url).content.decode()
    assert notice.title in html
    assert client.get(notice.url).status_code == 200


def test_closing_a_consultation_posts_no_notice(tree, people):
    from content.models import NoticePage

    poll = make_poll(tree.group_1)
    cast_ballot(people.reps[0], poll, ids(poll, "A"))
    close_poll(tree.leader_1, poll)
    assert not NoticePage.objects.exists()
