"""Turning Web Push on and off for a device (civic.people.push).

``subscribe`` and ``unsubscribe`` take the browser's ``PushSubscription`` as JSON
(``static/js/pwa.js`` posts it with the CSRF token); ``remove`` is the account
page's button. Signed-in people only; bad input is a 400 with a message in the
visitor's language, never a 500.
"""

import base64
import binascii
import ipaddress
import json
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .models import PushSubscription


class BadSubscription(ValueError):
    pass


def _refused(message, status=400):
    return JsonResponse({"ok": False, "error": message}, status=status)


def _b64url(value, length=None):
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z0-9_\-]+=*", value):
        raise BadSubscription
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError) as exc:
        raise BadSubscription from exc
    if length is not None and len(raw) != length:
        raise BadSubscription
    return raw


def _local_host(host):
    if host in ("localhost",) or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return not address.is_global


def clean_endpoint(endpoint):
    """A push service's URL: HTTPS to a public host (the site's worker posts to
    it, so no address inside the site's own network), unless
    ``WEBPUSH_ALLOW_LOCAL_ENDPOINTS`` (tests, a local push service)."""
    if not isinstance(endpoint, str) or not 10 <= len(endpoint) <= 1000:
        raise BadSubscription
    try:
        parts = urlsplit(endpoint)
        host = (parts.hostname or "").lower()
    except ValueError as exc:
        raise BadSubscription from exc
    if not host or parts.username or parts.password:
        raise BadSubscription
    if getattr(settings, "WEBPUSH_ALLOW_LOCAL_ENDPOINTS", False):
        if parts.scheme not in ("https", "http"):
            raise BadSubscription
    elif parts.scheme != "https" or _local_host(host):
        raise BadSubscription
    return endpoint


def clean_subscription(data):
    """``(endpoint, p256dh, auth)`` from the JSON of ``PushSubscription.toJSON()``."""
    if not isinstance(data, dict):
        raise BadSubscription
    endpoint = clean_endpoint(data.get("endpoint"))
    keys = data.get("keys")
    if not isinstance(keys, dict):
        raise BadSubscription
    p256dh, auth = keys.get("p256dh"), keys.get("auth")
    point = _b64url(p256dh, 65)
    if point[0] != 4:  # an uncompressed P-256 point
        raise BadSubscription
    _b64url(auth, 16)
    return endpoint, p256dh.rstrip("="), auth.rstrip("=")


def device_label(user_agent):
    """ "Chrome · Android" from a User-Agent header (what the resident recognises)."""
    ua = user_agent or ""
    browser = next(
        (
            name
            for token, name in (
                ("Zalo", "Zalo"),
                ("coc_coc", "Cốc Cốc"),
                ("SamsungBrowser", "Samsung Internet"),
                ("Edg", "Edge"),
                ("OPR", "Opera"),
                ("Firefox", "Firefox"),
                ("Chrome", "Chrome"),
                ("Chromium", "Chromium"),
                ("Safari", "Safari"),
            )
            if token in ua
        ),
        "",
    )
    system = next(
        (
            name
            for token, name in (
                ("Android", "Android"),
                ("iPhone", "iPhone"),
                ("iPad", "iPad"),
                ("Windows", "Windows"),
                ("Mac OS X", "macOS"),
                ("CrOS", "ChromeOS"),
                ("Linux", "Linux"),
            )
            if token in ua
        ),
        "",
    )
    return " · ".join(part for part in (browser, system) if part)[:100]


def _json_body(request):
    if len(request.body) > 4096:
        raise BadSubscription
    try:
        return json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadSubscription from exc


def _signed_in_json(view):
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return _refused(_("Please sign in first."), status=403)
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@never_cache
@require_POST
@_signed_in_json
def subscribe_view(request):
    """Store (or move to this user) the device's subscription."""
    try:
        endpoint, p256dh, auth = clean_subscription(_json_body(request))
    except BadSubscription:
        return _refused(
            _("This device's notification subscription is not valid. Please try again.")
        )
    label = device_label(request.headers.get("User-Agent"))
    defaults = {"user": request.user, "p256dh": p256dh, "auth": auth, "label": label}
    defaults["failures"] = 0
    try:
        with transaction.atomic():
            subscription, created = PushSubscription.objects.update_or_create(
                endpoint=endpoint, defaults=defaults
            )
    except IntegrityError:  # the same device, subscribed twice at once
        subscription = PushSubscription.objects.get(endpoint=endpoint)
        created = False
    return JsonResponse(
        {"ok": True, "id": subscription.pk, "created": created, "label": label}
    )


@never_cache
@require_POST
@_signed_in_json
def unsubscribe_view(request):
    """Forget the device (its browser unsubscribed, or its person signs out)."""
    try:
        data = _json_body(request)
        endpoint = clean_endpoint(
            data.get("endpoint") if isinstance(data, dict) else None
        )
    except BadSubscription:
        return _refused(_("This device's notification subscription is not valid."))
    deleted, _rows = PushSubscription.objects.filter(
        user=request.user, endpoint=endpoint
    ).delete()
    return JsonResponse({"ok": True, "deleted": bool(deleted)})


@login_required
@require_POST
def remove_view(request, pk):
    """The account page's "Remove" button for one device."""
    deleted, _rows = PushSubscription.objects.filter(user=request.user, pk=pk).delete()
    if deleted:
        messages.success(
            request, _("This device will no longer receive notifications.")
        )
    return redirect("people:account")
