"""What the PostgreSQL concurrency tests share (with the ``pg`` fixture of
``tests/conftest.py``): a way to start several calls at the same instant, each on
its own thread (and so its own database connection)."""

import threading

from django.db import connections
from django.utils import translation


def run_at_once(jobs, refused=(Exception,)):
    """Call ``jobs`` (callables) together: each thread waits at a barrier, then
    calls its job. Returns, in the jobs' order, ``("ok", result)`` or
    ``("refused", exception)`` for an exception of a ``refused`` type; any other
    exception is ``("error", exception)``."""
    barrier = threading.Barrier(len(jobs))
    outcomes = [None] * len(jobs)

    def worker(i, job):
        translation.deactivate_all()  # as in the tests' own thread
        try:
            barrier.wait(timeout=30)
            try:
                outcomes[i] = ("ok", job())
            except refused as error:
                outcomes[i] = ("refused", error)
            except Exception as error:  # noqa: BLE001 - reported to the test
                outcomes[i] = ("error", error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, j)) for i, j in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return outcomes


def labels(outcomes, ok="ok", refused="refused"):
    """``run_at_once``'s outcomes as words; an unexpected error fails the test."""
    for kind, value in outcomes:
        if kind == "error":
            raise value
    return [ok if kind == "ok" else refused for kind, _value in outcomes]
