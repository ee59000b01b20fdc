"""Daily and weekly digests: what a resident chose to receive in a digest and has
not been sent yet, one message per channel per period.

A period ends at a *boundary* in Vietnam time (``NOTIFICATION_TIME_ZONE``, UTC+7,
no DST): every day at ``NOTIFICATION_DIGEST_HOUR`` (07:00, after the quiet
hours) for the daily digest, every Monday at that hour for the weekly one.

:func:`run_digests` (``period``, ``now``):

1. takes the latest boundary at or before ``now`` and its local date, the
   period's key;
2. for every person with *queued* delivery rows of that digest made before the
   boundary and not yet in a digest, makes a ``DigestRun`` (user, period, key) —
   unique, so a second run (or a second worker) makes none — and attaches those
   rows to it (an ``UPDATE`` of the rows still unattached);
3. sends, per person and channel, every queued row attached to a run (this
   run's, and any left queued by an earlier run's transient failure), claimed
   first like any delivery (civic.people.delivery.claim): sent once.

So a run is idempotent, and when the worker was down past a boundary the late
run still closes the latest boundary: what waited is sent once, in one digest,
and the next run starts from there (nothing skipped, nothing doubled).
Scheduling: ``tasks.send_digests`` enqueues itself for the next boundary
(``run_after``); ``manage.py schedule_digests`` (run by ``make run``) seeds the
chain when none waits.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .delivery import claim, hand_over, local_zone
from .models import Delivery, DeliveryStatus, DigestRun, Frequency

PERIODS = (Frequency.DAILY, Frequency.WEEKLY)


def last_boundary(period, now):
    """The latest boundary of ``period`` at or before ``now`` (aware, local)."""
    local = now.astimezone(local_zone())
    day = local.date()
    if period == Frequency.WEEKLY:
        day -= timedelta(days=day.weekday())  # Monday
    boundary = datetime.combine(
        day, time(settings.NOTIFICATION_DIGEST_HOUR), tzinfo=local_zone()
    )
    if boundary > local:
        boundary -= timedelta(days=7 if period == Frequency.WEEKLY else 1)
    return boundary


def next_boundary(period, now):
    step = timedelta(days=7 if period == Frequency.WEEKLY else 1)
    return last_boundary(period, now) + step


def run_digests(period, now=None):
    """Close the latest period of ``period`` and send its digests; returns
    (digests made now, rows sent or failed, rows left queued for a retry)."""
    if period not in PERIODS:
        raise ValueError(period)
    now = now or timezone.now()
    boundary = last_boundary(period, now)
    key = boundary.date()
    waiting = Delivery.objects.filter(
        status=DeliveryStatus.QUEUED,
        digest=period,
        digest_run__isnull=True,
        created_at__lt=boundary,
    )
    user_ids = set(waiting.values_list("user_id", flat=True).distinct())
    made = 0
    if user_ids:
        done = set(
            DigestRun.objects.filter(
                period=period, period_key=key, user_id__in=user_ids
            ).values_list("user_id", flat=True)
        )
        new = [
            DigestRun(user_id=pk, period=period, period_key=key, created_at=now)
            for pk in sorted(user_ids - done)
        ]
        DigestRun.objects.bulk_create(new, ignore_conflicts=True)
        runs = DigestRun.objects.filter(
            period=period, period_key=key, user_id__in=user_ids - done
        ).values_list("pk", "user_id")
        for run_id, user_id in runs:
            waiting.filter(user_id=user_id).update(digest_run_id=run_id)
            made += 1
    sent, left = send_attached(period, now)
    return made, sent, left


def send_attached(period, now):
    """Send the queued rows attached to a run of ``period`` (one message per
    person and channel)."""
    claimed = claim(
        Delivery.objects.filter(
            Q(digest=period), digest_run__isnull=False, status=DeliveryStatus.QUEUED
        ),
        now,
    )
    groups = {}
    for row in claimed:
        batches = groups.setdefault(row.channel, {})
        user = row.notification.user
        batches.setdefault(user.pk, (user, []))[1].append(row)
    groups = {name: list(batches.values()) for name, batches in groups.items()}
    total = len(claimed)
    if not total:
        return 0, 0
    left = 0
    for name, batches in groups.items():
        for _user, rows in batches:
            rows.sort(key=lambda r: r.notification.created_at)
        left += hand_over({name: batches}, now, digest=period)
    return total - left, left
