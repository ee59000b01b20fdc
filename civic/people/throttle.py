"""Login throttling: too many failures for one identifier or one address lock it.

Counts live in Django's cache (per process in memory by default; shared through
Redis when ``REDIS_URL`` is set), so a locked identifier stays locked across
daphne processes in a scaled-out deployment.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


def _identity(identifier):
    """One key per account, however its phone number or email is spelled."""
    from .backends import find_user

    user = find_user(identifier)
    if user is not None:
        return f"user:{user.pk}"
    return (identifier or "").strip().lower()


def _keys(identifier, address):
    ident = hashlib.sha256(_identity(identifier).encode()).hexdigest()
    return [f"login-fail:id:{ident}", f"login-fail:ip:{address or '-'}"]


def _address_limit():
    return settings.LOGIN_THROTTLE_FAILURES * 4


def is_locked(identifier, address):
    id_key, ip_key = _keys(identifier, address)
    return (
        cache.get(id_key, 0) >= settings.LOGIN_THROTTLE_FAILURES
        or cache.get(ip_key, 0) >= _address_limit()
    )


def record_failure(identifier, address):
    for key in _keys(identifier, address):
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, settings.LOGIN_THROTTLE_WINDOW)


def reset(identifier, address):
    cache.delete(_keys(identifier, address)[0])


def client_address(request):
    return request.META.get("REMOTE_ADDR", "")
