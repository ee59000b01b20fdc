"""Indexing in the background (issues 17 and 19): a save never writes the index.

modelsearch's own ``post_save``/``post_delete`` handlers index in the request
(its task runs on django-tasks' immediate backend; deletes run inline). They are
replaced (``install()``, from ``SearchConfig.ready``) by handlers that record the
object in ``PendingIndex`` — one small row, written in the save's own
transaction, so a save that commits is never lost — and make sure an
``index_pending`` task (``search/tasks.py``) waits on the ``queue`` backend, in
the same transaction: the task worker (``manage.py db_worker --backend queue``,
started by ``make run``) applies the queue there, never the serving process.

One task for a burst: a save enqueues none when an ``index_pending`` task is
already waiting to run now (``READY``, due) — it will read the rows after it
starts, and so after this save's commit (:func:`ensure_task`). Each object is
indexed as the database holds it *when the task runs* (deleted or no longer
indexable: removed), so many saves of one object cost one indexing. A row is
deleted only after its object was written to the index; an object that could
not be written keeps its rows (``attempts`` counts the passes that failed) and
the task raises, so it is retried with backoff (``retrying_task``) and, when it
gives up, shown to the administrators as a failed task; the rows wait for the
next pass.

The worker's writes bump the page cache's ``SEARCH_INDEX`` (``index_changed``)
in the worker's process; in the embedded default that bump reaches the
serving process through ``PAGE_CACHE_FLUSH_FILE``, name by name
(``civic/core/pagecache.py``), so only pages that showed search results are
forgotten; with Redis the versions are shared.

``SEARCH_INDEX_QUEUE = False`` (the tests' default, tests/conftest.py) indexes
in the request as modelsearch does. ``manage.py index_queue`` applies the queue
once, in its own process (after an import run while no worker was up).
"""

import logging

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)

#: rows read at once
BATCH = 200


def queue_enabled():
    return getattr(settings, "SEARCH_INDEX_QUEUE", True)


def _auto_updating():
    from modelsearch.backends import get_search_backends_with_name

    return any(True for _ in get_search_backends_with_name(with_auto_update=True))


# --- recording (in the request) ----------------------------------------------


def record(instance):
    """Queue ``instance`` for the worker, in the current transaction."""
    from .models import PendingIndex

    PendingIndex.objects.create(
        model=instance._meta.label_lower, object_pk=str(instance.pk)
    )
    ensure_task()


def ensure_task():
    """Make sure an ``index_pending`` task will run after the rows recorded so
    far in this transaction are committed: enqueue one (in this transaction,
    so it commits with them) unless one is waiting to run now. Called after
    the row's insert.

    Why a waiting task W is enough: W is ``READY`` when this looks, and the
    worker reads the rows only after claiming W (``RUNNING``, committed).
    * In a transaction, W is locked here until the commit (``FOR UPDATE SKIP
      LOCKED``, as the worker's own claim): the worker skips it meanwhile and
      claims it only after this commit, so it sees the row. A W the worker is
      claiming right now is locked by the worker and skipped here: a new task
      is enqueued. On SQLite (no row locks) the row's insert already holds
      the database's one write lock until the commit: the worker's claim
      (a write) cannot come between.
    * Outside a transaction the row is committed before this looks: W,
      claimed later, reads after it.
    """
    from django_tasks_db.models import DBTaskResult

    from .tasks import index_pending

    waiting = (
        DBTaskResult.objects.ready()
        .filter(
            task_path=index_pending.module_path,
            backend_name=index_pending.backend,
        )
        .order_by()
    )
    if connection.in_atomic_block:
        waiting = waiting.select_for_update(skip_locked=True)
    if list(waiting.values_list("id", flat=True)[:1]):
        return False
    index_pending.enqueue()
    return True


def pending_without_task():
    """Enqueue an ``index_pending`` task when rows wait and no task is waiting
    to run now (``manage.py index_queue --enqueue``, run by ``make run``: rows
    of a task that was running when the worker was killed would otherwise wait
    for the next save). Returns whether one was enqueued."""
    from django.db import transaction

    from .models import PendingIndex

    with transaction.atomic():
        if not PendingIndex.objects.exists():
            return False
        return ensure_task()


_table = {"exists": False}


def _queue_table_exists():
    """False before ``migrate`` created the queue's tables (a save in an older
    migration, with real models): those saves index in the request."""
    if not _table["exists"]:
        from django_tasks_db.models import DBTaskResult

        from .models import PendingIndex

        tables = set(connection.introspection.table_names())
        _table["exists"] = {
            PendingIndex._meta.db_table,
            DBTaskResult._meta.db_table,
        } <= tables
    return _table["exists"]


def _post_save(instance, **kwargs):
    from modelsearch.signal_handlers import post_save_signal_handler

    if kwargs.get("raw", False):
        return
    if not queue_enabled() or not _queue_table_exists():
        post_save_signal_handler(instance, **kwargs)
    elif _auto_updating():
        record(instance)


def _post_delete(instance, **kwargs):
    from modelsearch.signal_handlers import post_delete_signal_handler

    if not queue_enabled() or not _queue_table_exists():
        post_delete_signal_handler(instance, **kwargs)
    elif _auto_updating():
        record(instance)


def install():
    """Replace modelsearch's handlers (connected by its ``ready()``, which runs
    before ours) with the queue's, for the same models."""
    from modelsearch import index
    from modelsearch.signal_handlers import (
        post_delete_signal_handler,
        post_save_signal_handler,
    )

    for model in index.get_indexed_models():
        if not getattr(model, "search_auto_update", True):
            continue
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_delete.disconnect(post_delete_signal_handler, sender=model)
        post_save.connect(_post_save, sender=model, dispatch_uid=f"iq-s-{model}")
        post_delete.connect(_post_delete, sender=model, dispatch_uid=f"iq-d-{model}")


# --- applying (the worker) ---------------------------------------------------


def _write(model, pk):
    """Write one object to every auto-updated backend as the database holds it
    now: indexed, or removed when it is gone or no longer indexable. Raises
    what a backend raised (the row is kept and retried)."""
    from modelsearch import index
    from modelsearch.backends import get_search_backends_with_name

    obj = model._default_manager.filter(pk=pk).first()
    indexed = index.get_indexed_instance(obj) if obj is not None else None
    for _name, backend in get_search_backends_with_name(with_auto_update=True):
        if indexed is not None:
            backend.add(indexed)
        else:
            # removed by primary key; a bare instance is enough for the backends
            # (``obj`` itself when it exists but is no longer indexable)
            backend.delete(obj if obj is not None else model(pk=pk))


class Applied:
    """What one pass over the queue did: objects written, and those that
    could not be (``"label pk: error"``; their rows wait for the next pass)."""

    __slots__ = ("written", "failed")

    def __init__(self):
        self.written = 0
        self.failed = []


def apply_queue(batch=BATCH):
    """Index every object queued now; returns how many objects were written
    (``manage.py index_queue``; the task uses :func:`apply_pending`)."""
    return apply_pending(batch).written


def apply_pending(batch=BATCH):
    """Index every object queued now, as the database holds it now; rows whose
    object was written are deleted, the others get one more ``attempts``.
    Returns an :class:`Applied`."""
    from django.db.models import F

    from .models import PendingIndex

    applied = Applied()
    last = 0
    while True:
        rows = list(
            PendingIndex.objects.filter(id__gt=last)
            .order_by("id")
            .values_list("id", "model", "object_pk")[:batch]
        )
        if not rows:
            return applied
        last = rows[-1][0]
        by_object = {}
        for row_id, label, pk in rows:
            by_object.setdefault((label, pk), []).append(row_id)
        done, failed = [], []
        for (label, pk), ids in by_object.items():
            try:
                model = apps.get_model(label)
            except LookupError:
                done += ids  # a model that no longer exists: nothing to index
                continue
            try:
                _write(model, pk)
            except Exception as exc:
                logger.exception("search index: %s %s not written", label, pk)
                failed += ids
                applied.failed.append(f"{label} {pk}: {exc!r}")
                continue
            done += ids
            applied.written += 1
        PendingIndex.objects.filter(id__in=done).delete()
        if failed:
            PendingIndex.objects.filter(id__in=failed).update(
                attempts=F("attempts") + 1
            )
