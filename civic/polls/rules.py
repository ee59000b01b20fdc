"""The decision rules of household votes, in one place.

Meetings (issue 7) reuse :func:`is_household_majority` for the decisions they
record, so that an online vote, a paper ballot and a meeting are judged alike.
"""


def is_household_majority(approvals, households_total):
    """Is a household decision passed?

    Law on Grassroots Democracy 2022: a matter the residents decide is passed when
    **more than half of all the households of the area** approve it — of all
    households (the denominator is every household of the area's subtree, whether it
    voted or not), not of the ballots cast. Integer arithmetic, so it is exact:
    ``approvals * 2 > households_total``. An area with no household passes nothing.
    """
    approvals = int(approvals)
    households_total = int(households_total)
    if households_total <= 0 or approvals < 0:
        return False
    return approvals * 2 > households_total


def approvals_needed(households_total):
    """The smallest number of approvals that passes (``total // 2 + 1``)."""
    return int(households_total) // 2 + 1


def percent(part, whole):
    """``part`` as a percentage of ``whole`` (0 when ``whole`` is 0), one decimal."""
    if not whole:
        return 0.0
    return round(100.0 * part / whole, 1)
