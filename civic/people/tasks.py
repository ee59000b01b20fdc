"""Background work on the database queue (django-tasks + django-tasks-db).

A task is enqueued in the request (a row of ``django_tasks_db.DBTaskResult``) and
run by ``manage.py db_worker --backend queue``, which ``make run`` starts beside
daphne. A task
enqueued while no worker runs waits in its table until one does.

The framework does not retry a task that raised, so :func:`retrying_task` does:
an attempt that raises enqueues the next one ``TASK_RETRY_DELAY * 4**(n-1)``
seconds later (``run_after``) and ends as *successful* with a return value that
says so (``{"retry": n, "error": …}``); the last of ``TASK_MAX_ATTEMPTS`` attempts
raises, and its result is *failed*, with the exception and traceback. So a failed
result means "given up", and the administrators' list of failed tasks
(``civic.people.admin_views.failed_tasks``, Settings → Failed tasks) shows exactly
those.

Tests run the queue with :func:`run_queued_tasks`: the worker's own loop, in
batch mode, in the test's process.

These live in the core layer (civic.people) because every layer above sends
mail or notifications through them.
"""

import functools
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


def retry_delay(attempt):
    """Seconds before attempt ``attempt + 1`` (after ``attempt`` failed)."""
    return settings.TASK_RETRY_DELAY * 4 ** (attempt - 1)


#: the TASKS alias of the database backend (config/settings.py)
BACKEND = "queue"


def retrying_task(function=None, *, max_attempts=None, **options):
    """``django_tasks.task`` whose failures are retried with a growing delay.

    The attempt number travels as the keyword argument ``_attempt``; the function
    itself does not see it. ``max_attempts`` defaults to ``TASK_MAX_ATTEMPTS``.
    """

    def decorate(func):
        @functools.wraps(func)
        def attempt(*args, _attempt=1, **kwargs):
            try:
                return func(*args, **kwargs)
            except Exception as exc:
                limit = max_attempts or settings.TASK_MAX_ATTEMPTS
                if _attempt >= limit:
                    logger.error(
                        "task %s failed after %s attempts: %r",
                        the_task.name,
                        _attempt,
                        exc,
                    )
                    raise
                delay = retry_delay(_attempt)
                the_task.using(
                    run_after=timezone.now() + timedelta(seconds=delay)
                ).enqueue(*args, _attempt=_attempt + 1, **kwargs)
                logger.warning(
                    "task %s attempt %s failed (%r), retried in %ss",
                    the_task.name,
                    _attempt,
                    exc,
                    delay,
                )
                return {"retry": _attempt + 1, "in_seconds": delay, "error": repr(exc)}

        the_task = task(**{"backend": BACKEND, **options})(attempt)
        return the_task

    if function is not None:
        return decorate(function)
    return decorate


@retrying_task
def send_email(subject, body, to, *, from_email=None, headers=None):
    """One email, sent by the worker (raises on a refused send, so it is retried)."""
    EmailMessage(subject, body, from_email, list(to), headers=headers or None).send(
        fail_silently=False
    )


@retrying_task
def email_notification(notification_id):
    """The email of a notification, written in its recipient's language when the
    worker sends it (``User.language``), to their address as it is then.

    No longer enqueued (``notify()`` hands notifications to
    ``deliver_notifications``); kept so that tasks enqueued before still run."""
    from .models import Notification
    from .notifications import render

    note = Notification.objects.select_related("user", "actor").filter(
        pk=notification_id
    )
    note = note.first()
    if note is None or not note.user.email or not note.user.is_active:
        return "nothing to send"
    body = render(note)
    if note.url:
        base = getattr(settings, "BASE_URL", "").rstrip("/")
        body = f"{body}\n\n{base}{note.url}"
    EmailMessage(
        render(note, part="subject")[:150], body, None, [note.user.email]
    ).send(fail_silently=False)
    return "sent"


def run_queued_tasks(backend=BACKEND, queue_names=("default",), max_tasks=None):
    """Run every task that is ready now, as ``db_worker --batch`` does, in this
    process (for tests and benchmarks); return how many ran.

    On SQLite the worker takes its lock with a raw ``BEGIN EXCLUSIVE``, which
    cannot run inside a test's transaction; there ``transaction.atomic`` stands
    in for it (SQLite has one writer at a time anyway), and the worker's
    ``close_old_connections`` between tasks is skipped (inside a transaction it
    would close the connection, and the test's transaction with it).
    """
    from django.db import connections
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    worker = db_worker.Worker(
        queue_names=list(queue_names),
        interval=0,
        batch=True,
        backend_name=backend,
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id="in-process",
    )
    db = DBTaskResult.objects.db
    patched = connections[db].vendor == "sqlite" and connections[db].in_atomic_block
    originals = db_worker.exclusive_transaction, db_worker.close_old_connections
    if patched:
        db_worker.exclusive_transaction = lambda using=None: transaction.atomic(
            using=using
        )
    if connections[db].in_atomic_block:
        db_worker.close_old_connections = lambda: None
    try:
        worker.run()
    finally:
        db_worker.exclusive_transaction, db_worker.close_old_connections = originals
    return worker._run_tasks


# --- delivery of notifications (civic/people/delivery.py, digests.py) ------------


class DeliveryPending(Exception):
    """Some deliveries failed for a reason that may pass: the task is retried."""


@retrying_task
def deliver_notifications(notification_ids):
    """Hand these notifications to their recipients' channels (delivery.py):
    plan the rows once, send what is due, enqueue this task again for the end of
    the quiet hours if some wait for it; raise (so it is retried with backoff)
    while some rows failed for a reason that may pass."""
    from .delivery import plan, send_due

    now = timezone.now()
    queued = plan(notification_ids, now)
    handed, left, later = send_due(queued, now)
    if later is not None:
        # the same task: planning again makes no row, sending takes the due ones
        deliver_notifications.using(run_after=later).enqueue(notification_ids)
    if left:
        raise DeliveryPending(f"{left} deliveries to retry")
    return {"handed": handed, "postponed_to": later.isoformat() if later else None}


def enqueue_delivery(notification_ids):
    """One ``deliver_notifications`` task per chunk of ids (in the caller's
    transaction: sent only if it commits)."""
    from .delivery import CHUNK

    ids = list(notification_ids)
    for start in range(0, len(ids), CHUNK):
        deliver_notifications.enqueue(ids[start : start + CHUNK])


def release_stale_deliveries(now=None):
    """``delivery.release_stale`` and a new dispatch for the immediate rows;
    returns how many notifications are dispatched again."""
    from .delivery import release_stale

    ids = release_stale(now)
    enqueue_delivery(ids)
    return len(ids)


@task(backend=BACKEND)
def send_digests(period, reschedule=True):
    """Close the latest ``period`` ("daily" / "weekly") and send its digests
    (digests.py), then enqueue itself for the next boundary unless a run for it
    already waits. Rows left queued by a failure that may pass are tried again
    in ``TASK_RETRY_DELAY`` seconds by a run that does not reschedule."""
    from .digests import run_digests

    try:
        release_stale_deliveries()
        made, sent, left = run_digests(period)
        if left:
            send_digests.using(
                run_after=timezone.now() + timedelta(seconds=retry_delay(1))
            ).enqueue(period, reschedule=False)
    finally:
        if reschedule:
            schedule_digests(periods=[period])
    return {"digests": made, "sent": sent, "retry": left}


def schedule_digests(periods=("daily", "weekly"), now=None):
    """Make sure one ``send_digests`` task waits for each period's next boundary
    (``manage.py schedule_digests``, run by ``make run``; the task itself).
    Returns the periods enqueued now."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from .digests import next_boundary

    now = now or timezone.now()
    waiting = DBTaskResult.objects.filter(
        task_path=send_digests.module_path, status=TaskResultStatus.READY
    ).values_list("args_kwargs", flat=True)
    waiting_for = {
        (args.get("args") or [None])[0]
        for args in waiting
        if (args.get("kwargs") or {}).get("reschedule", True)
    }
    enqueued = []
    for period in periods:
        if period not in waiting_for:
            send_digests.using(run_after=next_boundary(period, now)).enqueue(period)
            enqueued.append(period)
    return enqueued
