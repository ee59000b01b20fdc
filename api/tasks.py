"""The nightly open-data export (``opendata``), on the database queue.

The project had no scheduler (no cron, no beat); the decision: the task
schedules its own next run. ``schedule_nightly()`` enqueues ``build_open_data``
with ``run_after`` the next ``OPEN_DATA_HOUR`` (02:00 Asia/Ho_Chi_Minh) unless
a run is already waiting; each run first schedules the next night, then writes
the ZIPs, so a failed night (retried by ``retrying_task``) never breaks the
chain. ``make run`` calls ``manage.py opendata_schedule`` before it starts the
worker, so a fresh or restarted site has its next night queued; a run missed
while the worker was down happens when it comes back.
``manage.py opendata_export`` writes the ZIPs at once.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone

from civic.people.tasks import retrying_task


def next_run(now=None):
    local = timezone.localtime(now or timezone.now())
    at = time(getattr(settings, "OPEN_DATA_HOUR", 2))
    run = timezone.make_aware(datetime.combine(local.date(), at))
    if run <= local:
        run = timezone.make_aware(datetime.combine(local.date() + timedelta(1), at))
    return run


def schedule_nightly(now=None):
    """Enqueue the next night's run unless one waits; returns it or None."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=build_open_data.module_path, status="READY"
    ).exists()
    if waiting:
        return None
    return build_open_data.using(run_after=next_run(now)).enqueue()


@retrying_task
def build_open_data():
    from .opendata import build_all

    schedule_nightly()
    return build_all()
