"""Parallel requests on PostgreSQL: several people declaring the same new address
at the same moment make one household, not several."""

import pytest

from civic.core.errors import ActionRefused
from civic.people import actions
from civic.people.models import Household, Residency

from ..concurrency import labels, run_at_once
from ..conftest import make_user

pytestmark = pytest.mark.postgres

WORKERS = 6


def test_parallel_declarations_of_one_address_make_one_household(pg, tree):
    people = [make_user(f"Người khai {i}", f"09052220{i:02d}") for i in range(WORKERS)]
    # Spelled differently, meant the same.
    spellings = ["27 Trần Phú", "27 trần phú", "27  TRẦN PHÚ", "27 Trần  Phú"]
    outcomes = run_at_once(
        [
            lambda i=i: actions.request_residency(
                people[i], tree.group_1, address=spellings[i % len(spellings)]
            )
            for i in range(WORKERS)
        ],
        ActionRefused,
    )
    assert sorted(labels(outcomes)) == ["ok"] + ["refused"] * (WORKERS - 1)
    for kind, value in outcomes:
        if kind == "refused":
            assert "already registered" in str(value)
    assert Household.objects.filter(area=tree.group_1).count() == 1
    assert Residency.objects.filter(household__area=tree.group_1).count() == 1
