"""The arithmetic of meetings: quorum and decisions.

* **Quorum.** A meeting of the household representatives may decide when *more than
  half of the households of the area* are represented (Decree 59/2023 on community
  meetings; the Law on Grassroots Democracy 2022, Art. 15–16). The denominator is
  :func:`civic.people.residents.households_in` of the meeting's area — every
  household of the area's subtree with at least one verified resident, the very
  denominator of household polls — counted when the minutes are written and frozen
  when they are published.
* **Decisions.** A decision taken at the meeting passes by the rule of household
  decisions, :func:`civic.polls.rules.is_household_majority` — the *same function*
  the polls use, imported, never copied — with the households that voted for it as
  the approvals and all the households of the area as the total.
"""

from civic.polls.rules import approvals_needed, is_household_majority, percent

__all__ = [
    "approvals_needed",
    "decision_passed",
    "has_quorum",
    "is_household_majority",
    "percent",
]


def has_quorum(represented, households_total):
    """More than half of all the households of the area are represented.

    Integer arithmetic (``represented * 2 > total``), so 3 of 6 is not a quorum and
    4 of 7 is; an area with no household has none.
    """
    represented = int(represented)
    households_total = int(households_total)
    if households_total <= 0 or represented < 0:
        return False
    return represented * 2 > households_total


def decision_passed(votes_for, households_total):
    """Is a decision recorded at a meeting passed? The polls' own rule decides."""
    return is_household_majority(votes_for, households_total)
