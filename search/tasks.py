"""The search index's background work, on the ``queue`` backend (issue 19):
``index_pending`` applies the index queue (``search.PendingIndex``) in the task
worker (``manage.py db_worker --backend queue``, started by ``make run``).
Enqueued by a save, in its own transaction, unless one is already waiting
(``search/indexqueue.py``, ``ensure_task``)."""

from civic.people.tasks import retrying_task


class NotIndexed(Exception):
    """Some objects could not be written to the index (a rebuild holding its
    lock, a full disk): their rows wait, and the task is tried again."""


@retrying_task
def index_pending():
    """Index every object saved or deleted since the index last saw it; raise
    (so the task is retried with backoff, and shown as failed when it gives
    up) while some could not be written."""
    from .indexqueue import apply_pending

    applied = apply_pending()
    if applied.failed:
        shown = "; ".join(applied.failed[:5])
        more = len(applied.failed) - 5
        raise NotIndexed(
            f"{len(applied.failed)} objects not indexed: {shown}"
            + (f" (and {more} more)" if more > 0 else "")
        )
    return {"indexed": applied.written}
