"""Notifications handed to the channels of their recipients (email, push, SMS).

A notification row *is* the in-app channel. When ``notify()`` / ``notify_many()``
make rows, they enqueue (in the same transaction: nothing is sent for a change
that rolls back, nothing is lost once it commits) the task
``tasks.deliver_notifications`` for each chunk of ``CHUNK`` rows. The worker then:

1. **plans** (:func:`plan`): for each notification and each channel of
   ``NOTIFICATION_CHANNELS`` that can reach the recipient (``available_for``), one
   ``Delivery`` row, inserted in bulk and at most once (a unique constraint;
   conflicts ignored, so a repeated or retried dispatch adds nothing): *skipped*
   when the recipient turned the kind off, *queued for a digest* (daily / weekly),
   or *queued* with ``due_at`` = now, or the end of the quiet hours. Urgent kinds
   (``Kind.urgent``) are queued due now for everyone, whatever their preferences
   and the hour.
2. **sends** what is due (:func:`send_due`): the queued rows are *claimed* by one
   ``UPDATE`` (queued → sending, a token, ``attempts + 1``), so only one worker
   sends a row; each is handed to its channel (one SMTP connection per chunk:
   ``Channel.batch()``); then *sent*, or *failed* with the reason when the channel
   raises ``Undeliverable`` (never retried) or on the last attempt, or back to
   *queued* for a retry (the task raises, ``retrying_task`` runs it again later).
   Rows postponed by the quiet hours are sent by the same task enqueued again with
   ``run_after`` = their ``due_at``.

Digests: :mod:`civic.people.digests`.

A channel (the contract with ``civic.people.push``) is a class with ``name``,
``label``, ``available_for(user)`` and ``send(user, notifications, *, digest=None)``
that raises ``Undeliverable(reason)`` for a permanent failure; any other exception
is retried. Optional: ``batch()`` (a context manager around a chunk's sends) and
``prefetch(users)`` (load in one query what ``available_for`` needs).
"""

import contextlib
import json
import logging
import re
import uuid
from datetime import datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _lazy

from .channel_errors import Undeliverable
from .models import (
    Delivery,
    DeliveryStatus,
    Frequency,
    Notification,
    NotificationPreference,
)
from .notifications import KINDS, autodiscover, get_kind, render

__all__ = ["Channel", "EmailChannel", "Undeliverable", "channels", "plan"]

logger = logging.getLogger(__name__)

#: notifications per dispatch task (and per SMTP connection)
CHUNK = 500


class Channel:
    """The interface of a channel (PLAN.md: the contract with ``push``)."""

    name = ""
    label = ""

    def available_for(self, user):
        raise NotImplementedError

    def send(self, user, notifications, *, digest=None):
        raise NotImplementedError

    def carries(self, urgent):
        """Whether this channel carries notifications that are (not) urgent (an
        SMS costs money: by default only urgent ones, ``SMS_URGENT_ONLY``)."""
        return True

    def batch(self):
        return contextlib.nullcontext()

    def prefetch(self, users):
        pass


@cache
def _channel_classes(paths):
    return [import_string(path) for path in paths]


def channels():
    """The channels of ``NOTIFICATION_CHANNELS``, fresh instances."""
    return [cls() for cls in _channel_classes(tuple(settings.NOTIFICATION_CHANNELS))]


def channel_label(name):
    for channel in channels():
        if channel.name == name:
            return channel.label
    return name


# --- time: quiet hours ------------------------------------------------------------


def local_zone():
    return ZoneInfo(settings.NOTIFICATION_TIME_ZONE)


def quiet_until(now):
    """The end of the quiet hours if ``now`` is in them, else None."""
    hours = settings.NOTIFICATION_QUIET_HOURS
    if not hours:
        return None
    start, end = hours
    local = now.astimezone(local_zone())
    hour = local.hour
    quiet = (hour >= start or hour < end) if start > end else start <= hour < end
    if not quiet:
        return None
    day = local.date()
    if start > end and hour >= start:
        day += timedelta(days=1)
    return datetime.combine(day, time(end), tzinfo=local_zone())


# --- preferences --------------------------------------------------------------------


def kind_default(kind_name):
    kind = get_kind(kind_name) if kind_name else None
    return getattr(kind, "default", Frequency.IMMEDIATELY)


def is_urgent(kind_name):
    kind = get_kind(kind_name) if kind_name else None
    return bool(getattr(kind, "urgent", False))


def frequency_for(user, kind_name, preferences=None):
    """``user``'s frequency for the kind (urgent: always immediately)."""
    if is_urgent(kind_name):
        return Frequency.IMMEDIATELY
    if preferences is None:
        preferences = dict(
            NotificationPreference.objects.filter(user=user).values_list(
                "kind", "frequency"
            )
        )
    return preferences.get(kind_name) or kind_default(kind_name)


def set_preference(user, kind_name, frequency):
    """Record ``user``'s choice (a row only when it differs from the default)."""
    if frequency == kind_default(kind_name):
        NotificationPreference.objects.filter(user=user, kind=kind_name).delete()
    else:
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind_name, defaults={"frequency": frequency}
        )


_PLACEHOLDER = re.compile(r"%\(\w+\)s")


def kind_label(kind):
    """The kind's text with its values as "…": "Your report: …"."""
    return _PLACEHOLDER.sub("…", str(kind.subject or kind.text)).strip()


#: groups of the preferences page: the app part of the kind's name
GROUPS = {
    "content": _lazy("Notices and pages"),
    "feedback": _lazy("Feedback reports"),
    "people": _lazy("Your account and residency"),
    "polls": _lazy("Polls"),
    "meetings": _lazy("Meetings"),
    "comments": _lazy("Comments"),
    "directory": _lazy("Local businesses"),
    "support": _lazy("Support appointments"),
}


def grouped_kinds():
    """[(group label, [kind, …]), …] of every declared kind, in a stable order."""
    autodiscover()
    groups = {}
    for name in sorted(KINDS):
        groups.setdefault(name.split(".", 1)[0], []).append(KINDS[name])
    return [
        (GROUPS.get(app, app.capitalize()), kinds)
        for app, kinds in sorted(groups.items())
    ]


# --- unsubscribe links ---------------------------------------------------------------

UNSUBSCRIBE_SALT = "civic.people.delivery.unsubscribe"


def unsubscribe_token(user, kind_names):
    return signing.dumps(
        {"u": user.pk, "k": sorted(set(kind_names))},
        salt=UNSUBSCRIBE_SALT,
        compress=True,
    )


def read_unsubscribe_token(token):
    """(user id, [kind names]) or raises ``signing.BadSignature``."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(data, dict) or not isinstance(data.get("k"), list):
        raise signing.BadSignature("malformed")
    return data["u"], [str(k) for k in data["k"]]


def absolute(url):
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


#: where a message's own unsubscribe link goes (EmailChannel._rendered)
_UNSUBSCRIBE = "https://unsubscribe.invalid/link"


# --- email ----------------------------------------------------------------------------


class EmailChannel(Channel):
    """Plain text + HTML, in the recipient's language, with a one-click
    unsubscribe link for the kinds it carries (RFC 8058), none for urgent ones."""

    name = "email"
    label = _lazy("email")

    def __init__(self):
        self.connection = None
        self._cache = {}

    def available_for(self, user):
        return bool(user.email) and user.is_active

    @contextlib.contextmanager
    def batch(self):
        self.connection = get_connection(fail_silently=False)
        try:
            self.connection.open()
            yield
        finally:
            with contextlib.suppress(Exception):
                self.connection.close()
            self.connection = None

    def message(self, user, notifications, *, digest=None):
        language = user.language or settings.LANGUAGE_CODE
        kinds = {n.kind for n in notifications if n.kind and not is_urgent(n.kind)}
        subject, body, html = self._rendered(language, notifications, digest, kinds)
        headers = {}
        if kinds:
            link = absolute(
                reverse("people:unsubscribe", args=[unsubscribe_token(user, kinds)])
            )
            body = body.replace(_UNSUBSCRIBE, link)
            html = html.replace(_UNSUBSCRIBE, link)
            headers["List-Unsubscribe"] = f"<{link}>"
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        message = EmailMultiAlternatives(
            subject,
            body,
            None,
            [user.email],
            headers=headers,
            connection=self.connection,
        )
        message.attach_alternative(html, "text/html")
        return message

    def _rendered(self, language, notifications, digest, kinds):
        """(subject, text, HTML) of these notifications in ``language``, the
        unsubscribe link left as a placeholder: rendered once per channel
        instance for identical notifications (an urgent notice to a commune)."""
        key = (
            language,
            digest,
            bool(kinds),
            tuple(
                (
                    n.kind,
                    n.message if not n.kind else "",
                    json.dumps(n.params, sort_keys=True, default=str),
                    n.url,
                    n.actor_id,
                    n.content_type_id,
                    n.object_id,
                )
                for n in notifications
            ),
        )
        if key in self._cache:
            return self._cache[key]
        with translation.override(language):
            items = [
                {"text": render(n, language), "url": absolute(n.url) if n.url else ""}
                for n in notifications
            ]
            if digest is None:
                subject = render(notifications[0], language, part="subject")
            elif digest == Frequency.WEEKLY:
                subject = str(_lazy("Your weekly digest: %(n)s notifications")) % {
                    "n": len(items)
                }
            else:
                subject = str(_lazy("Your daily digest: %(n)s notifications")) % {
                    "n": len(items)
                }
            context = {
                "language": language,
                "items": items,
                "digest": digest,
                "subject": subject,
                "settings_url": absolute(reverse("people:notification_settings")),
                "unsubscribe_url": _UNSUBSCRIBE if kinds else "",
            }
            body = render_to_string("people/email/notification.txt", context)
            html = render_to_string("people/email/notification.html", context)
        if len(self._cache) > 1000:
            self._cache.clear()
        self._cache[key] = (" ".join(subject.split())[:150], body, html)
        return self._cache[key]

    def send(self, user, notifications, *, digest=None):
        import smtplib

        try:
            self.message(user, notifications, digest=digest).send(fail_silently=False)
        except smtplib.SMTPRecipientsRefused as exc:
            raise Undeliverable(
                str(_lazy("the address %(email)s was refused")) % {"email": user.email}
            ) from exc


# --- planning and sending ---------------------------------------------------------


def plan(notification_ids, now=None):
    """The ``Delivery`` rows of these notifications (made once); returns the ids
    of the rows queued to be sent on their own (due now or later)."""
    now = now or timezone.now()
    notes = list(
        Notification.objects.filter(pk__in=notification_ids).select_related("user")
    )
    if not notes:
        return []
    users = {n.user_id: n.user for n in notes}
    preferences = {}
    for user_id, kind, frequency in NotificationPreference.objects.filter(
        user_id__in=list(users)
    ).values_list("user_id", "kind", "frequency"):
        preferences.setdefault(user_id, {})[kind] = frequency
    active = channels()
    for channel in active:
        channel.prefetch(list(users.values()))
    later = quiet_until(now)
    rows = []
    for note in notes:
        user = note.user
        if not user.is_active:
            continue
        frequency = frequency_for(user, note.kind, preferences.get(user.pk, {}))
        urgent = is_urgent(note.kind)
        for channel in active:
            if not channel.carries(urgent) or not channel.available_for(user):
                continue
            row = Delivery(
                notification_id=note.pk,
                user_id=user.pk,
                channel=channel.name,
                created_at=now,
            )
            if frequency == Frequency.OFF:
                row.status = DeliveryStatus.SKIPPED
            elif frequency in (Frequency.DAILY, Frequency.WEEKLY):
                row.digest = frequency
            else:
                row.due_at = now if urgent or later is None else later
            rows.append(row)
    Delivery.objects.bulk_create(rows, batch_size=CHUNK, ignore_conflicts=True)
    return list(
        Delivery.objects.filter(
            notification_id__in=[n.pk for n in notes],
            status=DeliveryStatus.QUEUED,
            digest="",
        ).values_list("pk", flat=True)
    )


def claim(queryset, now):
    """Move the queued rows of ``queryset`` to *sending* under a fresh token;
    return the claimed rows (only this caller gets them)."""
    token = uuid.uuid4().hex
    queryset.filter(status=DeliveryStatus.QUEUED).update(
        status=DeliveryStatus.SENDING,
        claim=token,
        claimed_at=now,
        attempts=F("attempts") + 1,
    )
    return list(
        Delivery.objects.filter(claim=token, status=DeliveryStatus.SENDING)
        .select_related("notification__user", "notification__actor")
        .order_by("user_id", "notification_id")
    )


def hand_over(groups, now, digest=None):
    """Send ``groups`` ({channel name: [(user, [rows])]}) and record each outcome.
    Returns how many rows remain queued for a retry."""
    by_name = {channel.name: channel for channel in channels()}
    sent, retry, failed = [], [], {}
    limit = settings.TASK_MAX_ATTEMPTS
    for name, batches in groups.items():
        channel = by_name.get(name)
        if channel is None:
            for _user, rows in batches:
                failed.setdefault("channel removed", []).extend(r.pk for r in rows)
            continue
        with channel.batch():
            for user, rows in batches:
                try:
                    channel.send(user, [r.notification for r in rows], digest=digest)
                except Undeliverable as exc:
                    reason = str(exc.reason or exc)[:500]
                    failed.setdefault(reason, []).extend(r.pk for r in rows)
                except Exception as exc:  # a transient failure: retried
                    logger.warning("channel %s: %r", name, exc)
                    for row in rows:
                        if row.attempts >= limit:
                            failed.setdefault(repr(exc)[:500], []).append(row.pk)
                        else:
                            retry.append(row.pk)
                else:
                    sent.extend(r.pk for r in rows)
    done = timezone.now()
    for ids in _chunks(sent):
        Delivery.objects.filter(pk__in=ids).update(
            status=DeliveryStatus.SENT, sent_at=done, claim="", error=""
        )
    for reason, ids in failed.items():
        for part in _chunks(ids):
            Delivery.objects.filter(pk__in=part).update(
                status=DeliveryStatus.FAILED, claim="", error=reason
            )
    for ids in _chunks(retry):
        Delivery.objects.filter(pk__in=ids).update(
            status=DeliveryStatus.QUEUED, claim=""
        )
    return len(retry)


#: a row *sending* for longer was abandoned (its worker was killed mid-send)
STALE_CLAIM = timedelta(minutes=15)


def release_stale(now=None):
    """Queue again the rows a killed worker left *sending* (they may have been
    sent: at least once rather than never). Returns the ids of the notifications
    whose immediate rows need a new dispatch (``tasks.release_stale_deliveries``
    enqueues it; the digest rows wait for the next run)."""
    now = now or timezone.now()
    stale = Delivery.objects.filter(
        status=DeliveryStatus.SENDING, claimed_at__lt=now - STALE_CLAIM
    )
    immediate = set(stale.filter(digest="").values_list("notification_id", flat=True))
    stale.update(status=DeliveryStatus.QUEUED, claim="")
    return sorted(immediate)


def _chunks(ids, size=CHUNK):
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def send_due(delivery_ids, now=None):
    """Send the rows of ``delivery_ids`` that are queued and due; returns
    (sent or failed now, left queued for a retry, the next ``due_at`` of the
    others, or None)."""
    now = now or timezone.now()
    rows = Delivery.objects.filter(pk__in=delivery_ids, digest="")
    claimed = claim(rows.filter(due_at__lte=now), now)
    groups = {}
    for row in claimed:
        batches = groups.setdefault(row.channel, [])
        batches.append((row.notification.user, [row]))
    remaining = hand_over(groups, now) if groups else 0
    later = (
        rows.filter(status=DeliveryStatus.QUEUED, due_at__gt=now)
        .order_by("due_at")
        .values_list("due_at", flat=True)
        .first()
    )
    return len(claimed) - remaining, remaining, later


def problems(user, days=30):
    """The latest permanent failure per channel of ``user``'s last ``days`` days,
    unless something was sent by that channel since (shown to them: "we could
    not reach you by …")."""
    since = timezone.now() - timedelta(days=days)
    rows = Delivery.objects.filter(
        user=user,
        status__in=[DeliveryStatus.FAILED, DeliveryStatus.SENT],
        created_at__gte=since,
    ).order_by("-created_at", "-pk")
    latest = {}
    for channel, status, error, at in rows.values_list(
        "channel", "status", "error", "created_at"
    )[:200]:
        latest.setdefault(channel, (status, error, at))
    return [
        {"channel": channel_label(name), "reason": error, "at": at}
        for name, (status, error, at) in latest.items()
        if status == DeliveryStatus.FAILED
    ]
