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

**Known addresses.** Limit 3 alone would let a few attackers keep an account
slowed for ever: each sends one wrong guess the moment the delay runs out, and
the owner, trying at a random moment, almost always lands inside a delay. So a
successful sign-in also records the address (its /64 for IPv6) as *known* for
that account, for ``LOGIN_THROTTLE_KNOWN_DAYS`` (30) days; an attempt from a
known address skips limit 3 (it still counts under limits 1 and 2, so a known
address guesses no faster than any other). The owner, from the phone or home
network they used this month, signs in during a distributed attack at once.
Someone sharing that address (the same home Wi-Fi, the same carrier NAT) shares
the exemption, but still gets only limit 1's five guesses per quarter hour.

Every sign-in path is throttled the same way because the checks live in the
authentication backend (:class:`civic.people.backends.PhoneOrEmailBackend`),
not in a form: the site's login form and Wagtail's admin login both call
``authenticate(request, ...)``. A refused attempt raises ``PermissionDenied``
there (Django then tries no other backend) and leaves the :class:`Refusal` on
the request; :func:`refusal_message` turns it into the message both forms show.

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
from django.core.exceptions import ValidationError
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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


def _known_since():
    return timezone.now() - timedelta(days=settings.LOGIN_THROTTLE_KNOWN_DAYS)


def is_known(identifier, address):
    """Has the account signed in from ``address`` (its /64) in the last days?"""
    return ThrottleEvent.objects.filter(
        kind=ThrottleEvent.LOGIN_SUCCESS,
        account=_account(identifier),
        address=_bucket(address),
        at__gte=_known_since(),
    ).exists()


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
    if is_known(identifier, address):
        return None  # the owner's own address is not slowed by a botnet
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


def record_success(identifier, address):
    """The owner signed in from ``address``: forget their failures from there
    and remember the address as known for the account."""
    reset(identifier, address)
    account, bucket = _account(identifier), _bucket(address)
    ThrottleEvent.objects.filter(
        kind=ThrottleEvent.LOGIN_SUCCESS, at__lt=_known_since()
    ).delete()
    ThrottleEvent.objects.filter(
        kind=ThrottleEvent.LOGIN_SUCCESS, account=account, address=bucket
    ).delete()
    ThrottleEvent.objects.create(
        kind=ThrottleEvent.LOGIN_SUCCESS, account=account, address=bucket
    )


# --- telling the form why ---------------------------------------------------------

_REQUEST_ATTRIBUTE = "_login_throttle_refusal"

MESSAGES = {
    PAUSED: _(
        "Too many failed attempts. For your safety, sign-in is paused for "
        "%(minutes)d minutes."
    ),
    SLOWED: _(
        "This account has had many failed sign-in attempts from many places. "
        "For its safety, wait %(seconds)d seconds, then try again."
    ),
}


def remember_refusal(request, refusal):
    """Leave ``refusal`` on ``request`` for the form that called authenticate()."""
    if request is not None:
        setattr(request, _REQUEST_ATTRIBUTE, refusal)


def refusal_of(request):
    """The :class:`Refusal` the backend left on ``request`` this time, if any."""
    return getattr(request, _REQUEST_ATTRIBUTE, None)


def refusal_error(refusal):
    """The ``ValidationError`` a login form raises for ``refusal``."""
    return ValidationError(
        MESSAGES[refusal.reason],
        code="locked" if refusal.reason == PAUSED else "slowed",
        params={"minutes": refusal.minutes, "seconds": refusal.seconds},
    )


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
