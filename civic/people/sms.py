"""SMS and Zalo: short texts to a resident's phone through a gateway.

The channel (:class:`SmsChannel`, the contract of civic.people.delivery) writes
one short text in the recipient's language and hands it to the backend named by
``SMS_BACKEND``, as Django's ``EMAIL_BACKEND`` chooses how mail leaves:

* :class:`FileBackend` (the default): one JSON line per text in
  ``SMS_FILE_PATH`` (``var/sms/``), for development and demonstrations;
* :class:`ConsoleBackend`: the text on standard output;
* :class:`LocmemBackend`: kept in :data:`outbox`, for tests;
* :class:`HttpBackend`: a JSON ``POST`` to a provider's gateway (an SMS
  brandname or Zalo ZNS service), configured by ``SMS_HTTP_URL``,
  ``SMS_HTTP_TOKEN`` and ``SMS_SENDER`` (docs/sms-gateway.md). A 4xx answer is
  permanent (:class:`Undeliverable`: a wrong number, a refused text); a 5xx,
  408, 429, a timeout or no connection is raised to be tried again.
"""

import json
import sys
import threading
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from .channel_errors import Undeliverable
from .delivery import Channel


@dataclass
class SmsMessage:
    to: str  # +84…
    text: str
    kind: str = ""  # the notification kind, for a gateway's approved templates
    url: str = ""
    reference: str = ""  # the notification ids, for the provider's reports


class SmsFailed(Exception):
    """The gateway failed for a reason worth trying again."""


# --- backends -----------------------------------------------------------------------


class BaseBackend:
    def available(self):
        return True

    def send(self, message):
        raise NotImplementedError


class ConsoleBackend(BaseBackend):
    def send(self, message):
        sys.stdout.write(f"SMS to {message.to}: {message.text}\n")
        sys.stdout.flush()


#: the texts :class:`LocmemBackend` sent (tests empty it)
outbox = []


class LocmemBackend(BaseBackend):
    def send(self, message):
        outbox.append(message)


class FileBackend(BaseBackend):
    """Appends each text, as one JSON line, to ``SMS_FILE_PATH/sms-<date>.jsonl``."""

    _lock = threading.Lock()

    def send(self, message):
        folder = settings.SMS_FILE_PATH
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"sms-{timezone.localdate():%Y%m%d}.jsonl"
        line = json.dumps(
            {"at": timezone.now().isoformat(), **asdict(message)}, ensure_ascii=False
        )
        with self._lock, path.open("a", encoding="utf-8") as f:
            f.write(line + "\n")


class HttpBackend(BaseBackend):
    """A provider's HTTP gateway; the request's shape is in docs/sms-gateway.md."""

    def __init__(self):
        self.url = settings.SMS_HTTP_URL
        self.token = settings.SMS_HTTP_TOKEN
        self.sender = settings.SMS_SENDER
        self.timeout = settings.SMS_HTTP_TIMEOUT

    def available(self):
        return bool(self.url)

    def send(self, message):
        import requests

        if not self.url:
            raise ImproperlyConfigured("SMS_HTTP_URL is not set")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        body = {"sender": self.sender, **asdict(message)}
        try:
            response = requests.post(
                self.url,
                data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                headers=headers,
                timeout=(min(self.timeout, 5), self.timeout),
            )
        except requests.RequestException as exc:  # timeouts, refused connections
            raise SmsFailed(f"SMS gateway unreachable: {exc!r}") from exc
        status = response.status_code
        if 200 <= status < 300:
            return
        detail = f"SMS gateway answered {status}: {response.text[:200]}"
        if 400 <= status < 500 and status not in (408, 429):
            raise Undeliverable(detail)
        raise SmsFailed(detail)


def get_backend():
    try:
        backend = import_string(settings.SMS_BACKEND)
    except ImportError as exc:
        raise ImproperlyConfigured(f"SMS_BACKEND: {exc}") from exc
    return backend()


# --- the text -----------------------------------------------------------------------


def absolute(url):
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def cut(text, length):
    """``text`` in at most ``length`` characters, cut between words with "…"."""
    text = " ".join(str(text).split())
    if len(text) <= length:
        return text
    if length < 2:
        return text[:length]
    head = text[: length - 1]
    if " " in head and text[length - 1] != " ":
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,.;:-") + "…"


def sms_text(user, notifications, digest=None):
    """``(text, url)``: the text in ``user``'s language, at most
    ``SMS_MAX_LENGTH`` characters with the link that follows it."""
    language = getattr(user, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        if len(notifications) == 1 and digest is None:
            text = notifications[0].text(language)
            url = notifications[0].url
        else:
            count = len(notifications)
            text = ngettext(
                "%(count)d new notification", "%(count)d new notifications", count
            ) % {"count": count}
            if notifications:
                text += ": " + notifications[0].text(language)
            url = ""
        if not url:
            from django.urls import reverse

            url = reverse("people:account")
    url = absolute(url)
    room = settings.SMS_MAX_LENGTH - (len(url) + 1 if url else 0)
    text = cut(text, max(room, 20))
    return (f"{text} {url}" if url else text), url


class SmsChannel(Channel):
    """A short text to the phone number of the account (the one it signs in with)."""

    name = "sms"
    label = _lazy("SMS / Zalo")

    def carries(self, urgent):
        # a text costs the commune money: urgent notices only, unless configured
        return urgent or not getattr(settings, "SMS_URGENT_ONLY", True)

    def available_for(self, user):
        return bool(user.is_active and user.phone) and get_backend().available()

    def send(self, user, notifications, *, digest=None):
        if not user.phone:
            with translation.override(getattr(user, "language", "") or None):
                raise Undeliverable(_("no phone number on the account"))
        text, url = sms_text(user, notifications, digest)
        kinds = {n.kind for n in notifications} if digest is None else set()
        message = SmsMessage(
            to=user.phone,
            text=text,
            kind=kinds.pop() if len(kinds) == 1 else "digest",
            url=url,
            reference=",".join(str(n.pk) for n in notifications)[:200],
        )
        get_backend().send(message)
