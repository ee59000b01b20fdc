"""One resident sends many proposals at the same moment, on PostgreSQL: the row
lock on the resident makes the daily limit hold exactly."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from civic.core.errors import ActionRefused
from civic.directory.models import Business

from .test_businesses import propose, verified

pytestmark = [pytest.mark.postgres]

WORKERS = 8


@pytest.fixture
def pg(transactional_db, django_db_serialized_rollback):
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is tested on PostgreSQL (scripts/with-postgres)")


def test_daily_limit_holds_under_concurrent_proposals(pg, settings, tree):
    settings.BUSINESS_SUBMISSIONS_PER_DAY = 3
    settings.BUSINESS_PENDING_PER_RESIDENT = 100
    lan = verified(tree)
    barrier = threading.Barrier(WORKERS)
    outcomes = []
    lock = threading.Lock()

    def worker(i):
        try:
            barrier.wait(timeout=30)
            try:
                propose(lan, f"Cửa hàng {i}")
                outcome = "saved"
            except ActionRefused:
                outcome = "refused"
            with lock:
                outcomes.append(outcome)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(WORKERS) as pool:
        for future in [pool.submit(worker, i) for i in range(WORKERS)]:
            future.result()
    assert outcomes.count("saved") == 3
    assert outcomes.count("refused") == WORKERS - 3
    assert Business.objects.filter(submitted_by=lan).count() == 3
