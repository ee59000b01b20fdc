"""Login and registration throttles that a stranger cannot turn against the owner.

Failed sign-ins are rows of :class:`~civic.people.models.ThrottleEvent` in the
database (not Django's cache: exact across processes, never evicted), counted
over ``LOGIN_THROTTLE_WINDOW`` seconds (15 minutes) with three limits:

1. **one account from one address** — ``LOGIN_THROTTLE_FAILURES`` (5) failures
   pause that account *from that address* for the window. A stranger who types
   wrong passwords for someone else's phone number pauses only themself: the
   owner, from their own address, signs in as usual.
2. **one address, any accounts** — ``LOGIN_THROTTLE_ADDRESS_FAILURES`` (20)
   failures pause the address, whatever account it tries (one machine trying
   many phone numbers).
3. **one account, all addresses** — a botnet tries one account from many
   addresses, each under limits 1 and 2. Past ``LOGIN_THROTTLE_ACCOUNT_FAILURES``
   (20) failures in the window the account is not locked but *slowed*: after the
   n-th failure the next attempt, from anywhere, is accepted only
   2^(n − limit) seconds later, at most ``LOGIN_THROTTLE_MAX_DELAY`` (60 s).
   An attempt inside the delay is refused without checking the password and is
   not counted, so the attackers get at most one guess a minute while the owner
   waits at most a minute, never a quarter of an hour.

A successful sign-in clears the failures of that account from that address; the
failures from other addresses stay (they are someone else's).

Addresses come from :func:`civic.core.clients.client_address` (``X-Forwarded-For``
only from ``TRUSTED_PROXIES``); an IPv6 address counts as its /64 network, since
one subscriber usually holds a whole /64.

Registration: at most ``REGISTRATION_THROTTLE_ACCOUNTS`` (5) accounts per address
per ``REGISTRATION_THROTTLE_WINDOW`` (one hour).

People behind one shared address (a carrier's NAT, an office) share limits 1
and 2; that is the price of counting per address at all, and why limit 2 is
four times limit 1.
"""

import hashlib
import math
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone

from civic.core.clients import client_bucket

from .models import ThrottleEvent

PAUSED = "paused"  # limits 1 and 2: wait for the window to pass
SLOWED = "slowed"  # limit 3: wait a few seconds


@dataclass(frozen=True)
class Refusal:
    reason: str
    seconds: int

    @property
    def minutes(self):
        return max(1, math.ceil(self.seconds / 60))


def _identity(identifier):
    """One key per account, however its phone number or email is spelled."""
    from .backends import find_user

    user = find_user(identifier)
    if user is not None:
        return f"user:{user.pk}"
    return (identifier or "").strip().lower()


def _account(identifier):
    return hashlib.sha256(_identity(identifier).encode()).hexdigest()


def _bucket(address):
    """What one client is counted as (``civic.core.clients.client_bucket``)."""
    return client_bucket(address)


def _window():
    return timedelta(seconds=settings.LOGIN_THROTTLE_WINDOW)


def delay_after(failures):
    """Seconds the account waits after its ``failures``-th failure in the window."""
    over = failures - settings.LOGIN_THROTTLE_ACCOUNT_FAILURES
    if over < 0:
        return 0
    return min(settings.LOGIN_THROTTLE_MAX_DELAY, 2 ** min(over, 30))


def check(identifier, address):
    """A :class:`Refusal` if a sign-in attempt must not be tried now, else None."""
    now = timezone.now()
    failures = ThrottleEvent.objects.filter(
        kind=ThrottleEvent.LOGIN_FAILURE, at__gte=now - _window()
    )
    account, bucket = _account(identifier), _bucket(address)
    paused = Refusal(PAUSED, settings.LOGIN_THROTTLE_WINDOW)
    if (
        failures.filter(account=account, address=bucket).count()
        >= settings.LOGIN_THROTTLE_FAILURES
    ):
        return paused
    if (
        failures.filter(address=bucket).count()
        >= settings.LOGIN_THROTTLE_ADDRESS_FAILURES
    ):
        return paused
    on_account = failures.filter(account=account).aggregate(
        count=Count("pk"), last=Max("at")
    )
    delay = delay_after(on_account["count"])
    if delay:
        wait = (on_account["last"] + timedelta(seconds=delay) - now).total_seconds()
        if wait > 0:
            return Refusal(SLOWED, math.ceil(wait))
    return None


def is_locked(identifier, address):
    return check(identifier, address) is not None


def record_failure(identifier, address):
    now = timezone.now()
    ThrottleEvent.objects.filter(
        kind=ThrottleEvent.LOGIN_FAILURE, at__lt=now - _window()
    ).delete()
    ThrottleEvent.objects.create(
        kind=ThrottleEvent.LOGIN_FAILURE,
        account=_account(identifier),
        address=_bucket(address),
        at=now,
    )


def reset(identifier, address):
    """The owner signed in from ``address``: forget their failures from there."""
    ThrottleEvent.objects.filter(
        kind=ThrottleEvent.LOGIN_FAILURE,
        account=_account(identifier),
        address=_bucket(address),
    ).delete()


# --- registration ---------------------------------------------------------------


def _registration_window():
    return timedelta(seconds=settings.REGISTRATION_THROTTLE_WINDOW)


def check_registration(address):
    """A :class:`Refusal` if ``address`` has created enough accounts for now."""
    now = timezone.now()
    recent = ThrottleEvent.objects.filter(
        kind=ThrottleEvent.REGISTRATION,
        address=_bucket(address),
        at__gte=now - _registration_window(),
    )
    if recent.count() < settings.REGISTRATION_THROTTLE_ACCOUNTS:
        return None
    oldest = recent.order_by("at").values_list("at", flat=True).first() or now
    wait = (oldest + _registration_window() - now).total_seconds()
    return Refusal(PAUSED, max(1, math.ceil(wait)))


def record_registration(address):
    now = timezone.now()
    ThrottleEvent.objects.filter(
        kind=ThrottleEvent.REGISTRATION, at__lt=now - _registration_window()
    ).delete()
    ThrottleEvent.objects.create(
        kind=ThrottleEvent.REGISTRATION, address=_bucket(address), at=now
    )
