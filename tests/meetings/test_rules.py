"""Quorum arithmetic, and the decision outcome decided by the polls' own rule."""

import pytest

from civic.meetings import actions, rules
from civic.meetings.models import AgendaRecord
from civic.polls import rules as poll_rules
from civic.polls.actions import record_meeting_result
from civic.polls.models import Choice, ChoiceMeaning, Outcome, Poll, PollKind

from .conftest import schedule


@pytest.mark.parametrize(
    "represented, total, quorum",
    [
        (0, 0, False),
        (1, 1, True),
        (1, 2, False),
        (2, 3, True),
        (3, 6, False),  # exactly half is not more than half
        (4, 6, True),
        (3, 7, False),
        (4, 7, True),
        (50, 100, False),
        (51, 100, True),
        (5, 0, False),
    ],
)
def test_quorum_is_more_than_half_of_all_households(represented, total, quorum):
    assert rules.has_quorum(represented, total) is quorum


def test_meetings_use_the_polls_function_itself():
    # one function, imported, not a copy
    assert rules.is_household_majority is poll_rules.is_household_majority
    assert rules.decision_passed.__code__.co_names.count("is_household_majority") == 1


def test_the_shared_function_decides_a_meeting_decision(
    monkeypatch, tree, people, held
):
    minutes = actions.save_minutes(
        tree.leader_1,
        held,
        "Tổ trưởng 1",
        "Thư ký",
        {held.agenda_items.first().pk: {"decision": "Làm", "for": 4, "against": 0}},
    )
    record = minutes.records.get()
    assert record.outcome is True  # 4 of 7 households
    calls = []

    def spy(approvals, total):
        calls.append((approvals, total))
        return False

    monkeypatch.setattr(rules, "is_household_majority", spy)
    assert AgendaRecord.objects.get(pk=record.pk).outcome is False
    assert calls == [(4, 7)]


@pytest.mark.parametrize("approvals", [0, 3, 4, 5])
def test_meeting_tallies_and_a_recorded_poll_agree(tree, people, held, approvals):
    """The same households for, out of the same total: the same outcome, whether
    recorded in the minutes or in a household poll."""
    poll = Poll.objects.create(
        area=tree.group_1,
        kind=PollKind.HOUSEHOLD,
        title="Đóng góp quỹ",
        opens_at=held.starts_at,
        closes_at=held.ends_at,
        legal_basis=1,
    )
    labels = [
        ("Đồng ý", ChoiceMeaning.APPROVE),
        ("Không", ChoiceMeaning.REJECT),
        ("Không ý kiến", ChoiceMeaning.ABSTAIN),
    ]
    choices = [
        Choice.objects.create(poll=poll, label=label, meaning=meaning, sort_order=i)
        for i, (label, meaning) in enumerate(labels)
    ]
    result = record_meeting_result(
        tree.leader_1, poll, 7, {choices[0].pk: approvals, choices[1].pk: 7 - approvals}
    )
    items = list(held.agenda_items.all())
    minutes = actions.save_minutes(
        tree.leader_1,
        held,
        "Chủ trì",
        "Thư ký",
        {
            items[0].pk: {
                "for": approvals,
                "against": 4 - min(approvals, 4),
                "abstain": 0,
            }
            if approvals <= 4
            else {"decision": "—"},
            items[1].pk: {"poll": poll.pk},
        },
    )
    by_poll = minutes.records.get(agenda_item=items[1]).outcome
    assert by_poll is (result.outcome == Outcome.PASSED)
    assert by_poll is poll_rules.is_household_majority(approvals, 7)
    if approvals <= 4:
        assert minutes.records.get(agenda_item=items[0]).outcome is by_poll


def test_figures_count_only_living_households_of_the_area(tree, people, held):
    # h_empty (only a rejected resident) is not in the denominator
    figures = actions.attendance_figures(held)
    assert figures["households_total"] == 7
    assert figures["households_represented"] == 4
    assert figures["quorum"] is True
    assert figures["needed"] == 4
    actions.record_attendance(
        tree.leader_1, held, [h.pk for h in people.households[:3]]
    )
    figures = actions.attendance_figures(held)
    assert (figures["households_represented"], figures["quorum"]) == (3, False)


def test_commune_meeting_counts_every_group(tree, people):
    meeting = schedule(
        tree, user=tree.editor_a, area=tree.commune_a, start=people.h_other.created_at
    )
    actions.record_attendance(
        tree.editor_a,
        meeting,
        [people.h_other.pk] + [h.pk for h in people.households[:4]],
    )
    figures = actions.attendance_figures(meeting)
    assert (figures["households_represented"], figures["households_total"]) == (5, 8)
    assert figures["quorum"] is True
