"""Parallel requests on PostgreSQL: several people declaring the same new address
at the same moment make one household, not several."""

import threading

import pytest
from django.db import connection, connections
from django.utils import translation

from civic.people import actions
from civic.people.models import Household, Residency

from ..conftest import make_user

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrency is tested on PostgreSQL (scripts/with-postgres)",
    ),
]

WORKERS = 6


@pytest.fixture
def pg(transactional_db, django_db_serialized_rollback):
    """Committed rows (the threads have their own connections)."""


def test_parallel_declarations_of_one_address_make_one_household(pg, tree):
    people = [make_user(f"Người khai {i}", f"09052220{i:02d}") for i in range(WORKERS)]
    # Spelled differently, meant the same.
    spellings = ["27 Trần Phú", "27 trần phú", "27  TRẦN PHÚ", "27 Trần  Phú"]
    barrier = threading.Barrier(WORKERS)
    outcomes = []
    lock = threading.Lock()

    def declare(i):
        translation.deactivate_all()  # a new thread starts in the default language
        try:
            barrier.wait(timeout=30)
            try:
                actions.request_residency(
                    people[i], tree.group_1, address=spellings[i % len(spellings)]
                )
                outcome = "accepted"
            except actions.Refused as refused:
                outcome = "refused: " + str(refused)
            with lock:
                outcomes.append(outcome)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=declare, args=(i,)) for i in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)

    assert outcomes.count("accepted") == 1, outcomes
    assert all("already registered" in o for o in outcomes if o != "accepted"), outcomes
    assert len(outcomes) == WORKERS
    assert Household.objects.filter(area=tree.group_1).count() == 1
    assert Residency.objects.filter(household__area=tree.group_1).count() == 1
