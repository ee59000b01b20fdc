"""Web Push: notifications shown by the phone even when the site is closed.

The site signs its pushes with a VAPID key pair (RFC 8292). Like the secret key,
the private key is generated once into ``var/`` (``VAPID_PRIVATE_KEY_FILE``) on
first use, unless the deployment provides one; the public key is given to the
page (``applicationServerKey``) when a resident turns notifications on.

Each device a resident turns notifications on is a :class:`PushSubscription`
(its push service's ``endpoint`` and keys). :class:`PushChannel` is the delivery
channel (the contract in civic.people.delivery): it encrypts a small JSON payload
(title, body in the recipient's language, url) to every device of the recipient.
A push service that answers 404 or 410 has dropped the subscription: the row is
deleted. Any other failure (5xx, 429, a timeout) is raised so the task is tried
again; :class:`Undeliverable` when the recipient has no device left.
"""

import base64
import json
import logging
import os
import tempfile
import threading
from pathlib import Path

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from .channel_errors import Undeliverable
from .delivery import Channel

logger = logging.getLogger(__name__)

#: seconds to wait for a push service (connect, then read)
TIMEOUT = 10
#: what a push service keeps while the device is offline (seconds)
TTL = 24 * 60 * 60
#: push payloads must stay under ~4 kB once encrypted
BODY_LENGTH = 300


# --- the VAPID key pair -------------------------------------------------------------


def _key_file():
    return Path(settings.VAPID_PRIVATE_KEY_FILE)


def _generate(path):
    """Write a new private key to ``path`` unless another process did first."""
    from py_vapid import Vapid

    key = Vapid()
    key.generate_keys()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".vapid-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(key.private_pem())
        os.chmod(tmp, 0o600)
        try:
            os.link(tmp, path)  # atomic: fails if another process was first
        except FileExistsError:
            pass
    finally:
        os.unlink(tmp)


_keys = {}


def vapid():
    """The site's VAPID key (``py_vapid.Vapid``), generated on first use."""
    path = _key_file()
    cached = _keys.get(path)
    if cached is not None:
        return cached
    from py_vapid import Vapid

    if not path.exists():
        _generate(path)
    key = Vapid.from_file(private_key_file=str(path))
    _keys[path] = key
    return key


def public_key():
    """The public key as the browser's ``applicationServerKey`` wants it: the
    uncompressed P-256 point, base64url without padding."""
    from cryptography.hazmat.primitives import serialization

    raw = vapid().public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


# --- the payload --------------------------------------------------------------------


def _cut(text, length):
    text = " ".join(str(text).split())
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"


def payload(user, notifications, digest=None):
    """``{"title", "body", "url", "tag", "lang"}`` in ``user``'s language."""
    language = getattr(user, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        title = _("Electronic residential area")
        if len(notifications) == 1 and digest is None:
            note = notifications[0]
            body = note.text(language)
            url = note.url or ""
            tag = f"notification-{note.pk}"
        else:
            count = len(notifications)
            body = ngettext(
                "%(count)d new notification", "%(count)d new notifications", count
            ) % {"count": count}
            if notifications:
                body += ": " + notifications[0].text(language)
            url = ""
            tag = f"digest-{digest or 'many'}"
        if not url:
            from django.urls import reverse

            url = reverse("people:account")
    return {
        "title": title,
        "body": _cut(body, BODY_LENGTH),
        "url": url,
        "tag": tag,
        "lang": language,
    }


# --- the channel --------------------------------------------------------------------


class PushFailed(Exception):
    """A push service refused or failed for a reason worth trying again."""


class PushChannel(Channel):
    """Web Push to every device of the recipient."""

    name = "push"
    label = _lazy("Notifications on your phone")

    def prefetch(self, users):
        # the dispatcher's users: whether each has a device, in one query
        prefetch_related_objects(users, "push_subscriptions")

    def available_for(self, user):
        if not user.is_active:
            return False
        # a dispatcher that prefetched ``push_subscriptions`` asks no query
        prefetched = getattr(user, "_prefetched_objects_cache", {})
        if "push_subscriptions" in prefetched:
            return bool(prefetched["push_subscriptions"])
        return user.push_subscriptions.exists()

    def send(self, user, notifications, *, digest=None):
        from pywebpush import WebPushException, webpush
        from requests import RequestException

        from .models import PushSubscription

        data = json.dumps(payload(user, notifications, digest), ensure_ascii=False)
        key = vapid()
        delivered = 0
        errors = []
        for subscription in PushSubscription.objects.filter(user=user):
            try:
                webpush(
                    subscription.subscription_info(),
                    data,
                    vapid_private_key=key,
                    # a fresh dict: pywebpush writes "aud" and "exp" into it
                    vapid_claims={"sub": settings.VAPID_CONTACT},
                    timeout=TIMEOUT,
                    ttl=TTL,
                    requests_session=_session(),
                )
            except WebPushException as exc:
                status = exc.response.status_code if exc.response is not None else None
                if status in (404, 410):
                    # the browser unsubscribed or the subscription expired
                    subscription.delete()
                    continue
                errors.append(f"{status or ''} {exc}".strip())
                _failed(subscription)
            except RequestException as exc:
                errors.append(repr(exc))
                _failed(subscription)
            else:
                delivered += 1
                PushSubscription.objects.filter(pk=subscription.pk).update(
                    last_success_at=timezone.now(), failures=0
                )
        if delivered:
            # one device has it: trying again would show it twice on that one
            return
        if errors:
            raise PushFailed("; ".join(errors)[:500])
        with translation.override(getattr(user, "language", "") or None):
            raise Undeliverable(_("no device is registered for notifications"))


_local = threading.local()


def _session():
    """One HTTP session per worker thread: pushes to the same push service reuse
    its connection instead of a new TLS handshake each."""
    session = getattr(_local, "session", None)
    if session is None:
        import requests

        session = _local.session = requests.Session()
    return session


def _failed(subscription):
    from django.db.models import F

    type(subscription).objects.filter(pk=subscription.pk).update(
        failures=F("failures") + 1
    )
