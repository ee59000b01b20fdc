"""Indexing in the background (issue 17): a save never writes the index.

modelsearch's own ``post_save``/``post_delete`` handlers index in the request
(its task runs on django-tasks' immediate backend; deletes run inline). They are
replaced (``install()``, from ``SearchConfig.ready``) by handlers that record the
object in ``PendingIndex`` — one small row, written in the save's own
transaction, so a save that commits is never lost — and wake the worker.

The worker is a thread of the serving process (``start_worker()``, called by
``config/asgi.py`` and ``config/wsgi.py``). Decision (README, search/README.md):
a thread, not a second process, because the embedded default's page cache keeps
its version tokens in the serving process: the worker's ``index_changed()`` then
bumps ``SEARCH_INDEX`` there, precisely, whereas a bump from another process can
only touch ``PAGE_CACHE_FLUSH_FILE``, which forgets *every* cached page. With
Redis (shared versions) several serving processes each run a worker; indexing
an object twice is harmless (``update_document`` by primary key).

The worker applies the queue at start-up (what a stopped process left), then
whenever a save commits in this process, and every ``SEARCH_INDEX_POLL`` seconds
(saves made by ``manage.py`` commands or another process). Each object is
indexed as the database holds it *when the worker runs* (deleted or no longer
indexable: removed), so many saves of one object cost one indexing. A row is
deleted only after its object was written to the index; a failed write (the
index locked by a rebuild) is retried, ``MAX_ATTEMPTS`` times.

``SEARCH_INDEX_QUEUE = False`` (the tests' default, tests/conftest.py) indexes
in the request as modelsearch does. ``manage.py index_queue`` applies the queue
once (a cron job, or a deployment without a serving process of ours).
"""

import logging
import threading

from django.apps import apps
from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)

#: seconds between two looks at the queue when nothing woke the worker
POLL_SECONDS = 5.0
#: rows read at once
BATCH = 200
#: a row whose object could not be written this many times is dropped (logged)
MAX_ATTEMPTS = 5


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
    transaction.on_commit(_wake)


_table = {"exists": False}


def _queue_table_exists():
    """False before ``migrate`` created the queue's table (a save in an older
    migration, with real models): those saves index in the request."""
    if not _table["exists"]:
        from .models import PendingIndex

        tables = connection.introspection.table_names()
        _table["exists"] = PendingIndex._meta.db_table in tables
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


def apply_queue(batch=BATCH):
    """Index every object queued now; returns how many objects were written.
    Rows queued while this runs are left for the next call."""
    from .models import PendingIndex

    written = 0
    last = 0
    while True:
        rows = list(
            PendingIndex.objects.filter(id__gt=last)
            .order_by("id")
            .values_list("id", "model", "object_pk", "attempts")[:batch]
        )
        if not rows:
            return written
        last = rows[-1][0]
        by_object = {}
        for row_id, label, pk, attempts in rows:
            by_object.setdefault((label, pk), []).append((row_id, attempts))
        done, failed, dropped = [], [], []
        for (label, pk), found in by_object.items():
            ids = [row_id for row_id, _a in found]
            try:
                model = apps.get_model(label)
            except LookupError:
                done += ids  # a model that no longer exists: nothing to index
                continue
            try:
                _write(model, pk)
            except Exception:
                logger.exception("search index: %s %s not written", label, pk)
                if max(a for _i, a in found) + 1 >= MAX_ATTEMPTS:
                    dropped += ids
                else:
                    failed += ids
                continue
            done += ids
            written += 1
        if dropped:
            logger.error("search index: %d queued rows dropped", len(dropped))
        PendingIndex.objects.filter(id__in=done + dropped).delete()
        if failed:
            from django.db.models import F

            PendingIndex.objects.filter(id__in=failed).update(
                attempts=F("attempts") + 1
            )


class Worker(threading.Thread):
    """Applies the queue at start, after each commit that queued something in
    this process (``wake``) and every ``poll`` seconds."""

    def __init__(self, poll=POLL_SECONDS):
        super().__init__(name="search-index-queue", daemon=True)
        self.poll = poll
        self.event = threading.Event()
        self.stopping = False

    def run(self):
        while not self.stopping:
            self.run_once()
            self.event.wait(self.poll)
            self.event.clear()

    def run_once(self):
        """One pass over the queue (the first one applies what a stopped
        process left)."""
        own_thread = threading.current_thread() is self
        try:
            if own_thread:
                close_old_connections()
            return apply_queue()
        except Exception:  # the database away for a moment: try again later
            logger.exception("search index queue")
            return 0
        finally:
            if own_thread:
                connection.close()

    def wake(self):
        self.event.set()

    def stop(self):
        self.stopping = True
        self.event.set()


_worker = {"thread": None}
_lock = threading.Lock()


def start_worker(poll=None):
    """Start this process's worker (once); ``None`` when the queue is off."""
    if not queue_enabled():
        return None
    with _lock:
        thread = _worker["thread"]
        if thread is None or not thread.is_alive():
            thread = Worker(
                getattr(settings, "SEARCH_INDEX_POLL", POLL_SECONDS)
                if poll is None
                else poll
            )
            thread.start()
            _worker["thread"] = thread
    return thread


def _wake():
    thread = _worker["thread"]
    if thread is not None:
        thread.wake()
