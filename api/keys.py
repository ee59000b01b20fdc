"""Creating and checking API keys (``models.ApiKey``).

A key reads ``kdc_<prefix>_<secret>``: the prefix finds the row, the SHA-256 of
the whole key is compared in constant time. The key itself is never stored.
"""

import hashlib
import hmac
import secrets

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civic.people.models import User

from .models import ApiKey

KEY_START = "kdc_"


def digest(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


def new_secret():
    """(prefix, whole key) of a fresh random key."""
    prefix = secrets.token_hex(4)
    return prefix, f"{KEY_START}{prefix}_{secrets.token_urlsafe(32)}"


@transaction.atomic
def create_key(organisation, *, created_by=None, expires_at=None, contact_email=""):
    """A new key and its service account; returns ``(ApiKey, raw key)``. The raw
    key is shown once and cannot be read again."""
    prefix, raw = new_secret()
    while ApiKey.objects.filter(prefix=prefix).exists():  # 1 in 4 billion
        prefix, raw = new_secret()
    account = User.objects.create(
        username=f"api-{prefix}",
        full_name=organisation[:150],
        password=make_password(None),  # unusable: the account never signs in
    )
    key = ApiKey.objects.create(
        organisation=organisation,
        contact_email=contact_email,
        prefix=prefix,
        key_hash=digest(raw),
        account=account,
        created_by=created_by,
        expires_at=expires_at,
    )
    return key, raw


def fill_new_key(key):
    """Give an unsaved ``ApiKey`` (the admin's create form) its secret and service
    account; returns the raw key."""
    prefix, raw = new_secret()
    while ApiKey.objects.filter(prefix=prefix).exists():
        prefix, raw = new_secret()
    key.prefix = prefix
    key.key_hash = digest(raw)
    key.account = User.objects.create(
        username=f"api-{prefix}",
        full_name=key.organisation[:150],
        password=make_password(None),
    )
    return raw


class KeyRefused(Exception):
    def __init__(self, message, status=401):
        super().__init__(str(message))
        self.message = message
        self.status = status


def prefix_of(raw):
    raw = (raw or "").strip()
    if not raw.startswith(KEY_START) or raw.count("_") < 2 or len(raw) > 200:
        return None
    return raw[len(KEY_START) :].split("_", 1)[0] or None


def authenticate(raw, now=None):
    """The usable ``ApiKey`` for ``raw``; :class:`KeyRefused` (with a message for
    the caller, in their language) otherwise."""
    prefix = prefix_of(raw)
    key = ApiKey.objects.select_related("account").filter(prefix=prefix).first()
    if key is None or not hmac.compare_digest(key.key_hash, digest(raw.strip())):
        raise KeyRefused(_("This API key is not valid."))
    now = now or timezone.now()
    if key.revoked:
        raise KeyRefused(_("This API key has been revoked."))
    if key.expires_at is not None and key.expires_at <= now:
        raise KeyRefused(_("This API key has expired."))
    if not key.account.is_active:
        raise KeyRefused(_("This API key has been revoked."))
    if key.last_used_at is None or (now - key.last_used_at).total_seconds() > 60:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
    return key


def key_from_request(request):
    """The raw key a request carries (``X-Api-Key``, ``Authorization: Bearer``, or
    Open311's ``api_key`` parameter), or ``""``."""
    raw = request.headers.get("X-Api-Key", "")
    if not raw:
        auth = request.headers.get("Authorization", "")
        if auth[:7].lower() == "bearer ":
            raw = auth[7:]
    if not raw:
        raw = request.GET.get("api_key", "") or (
            request.POST.get("api_key", "") if request.method == "POST" else ""
        )
    return raw.strip()
