"""What every answer of the API and of Open311 shares: JSON errors in the
client's language, CORS headers for reads, and the rate limit per client.

The rate limit counts requests per client in fixed one-minute windows in the
``default`` cache (Redis in production, so every process shares the count): a
client is its API key's prefix when it sends one, else its address as the
sign-in throttle counts it (``civic.core.clients.client_bucket``: an IPv6
client by its /64). ``API_RATE_LIMIT`` requests a minute without a key,
``API_KEY_RATE_LIMIT`` with one. Past it: 429 with ``Retry-After``.
"""

import functools
import json
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from civic.core.clients import client_address, client_bucket

from .keys import KeyRefused, authenticate, key_from_request, prefix_of

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match",
    "Access-Control-Expose-Headers": "ETag, Retry-After, X-RateLimit-Limit, "
    "X-RateLimit-Remaining",
    "Access-Control-Max-Age": "86400",
}


def error_body(code, message, errors=None):
    body = {"error": {"code": code, "message": str(message)}}
    if errors:
        body["errors"] = errors
    return body


def error_response(status, code, message, errors=None, headers=None):
    response = JsonResponse(
        error_body(code, message, errors),
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def client_of(request):
    """What the request is counted as: its key, when it carries a valid one (a
    made-up key must not buy a fresh count), else its address."""
    raw = key_from_request(request)
    if prefix_of(raw):
        try:
            key = authenticate(raw)
        except KeyRefused:
            key = None
        if key is not None:
            return f"key:{key.prefix}", settings.API_KEY_RATE_LIMIT
    return f"ip:{client_bucket(client_address(request))}", settings.API_RATE_LIMIT


def take(request):
    """Count the request; ``(allowed, limit, remaining, retry_after)``."""
    client, limit = client_of(request)
    now = time.time()
    window = int(now // 60)
    key = f"api-rate:{client}:{window}"
    cache.add(key, 0, 120)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, 120)
        count = 1
    retry = int(60 - now % 60) + 1
    return count <= limit, limit, max(limit - count, 0), retry


def public_endpoint(view):
    """Wrap a view of the API or of Open311: preflight and CORS for reads, the
    rate limit, and a JSON 4xx instead of any refusal page."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        # the site's pages take their language from the address (no prefix:
        # Vietnamese); an API client says it with Accept-Language
        language = translation.get_language_from_request(request, check_path=False)
        request.LANGUAGE_CODE = language
        with translation.override(language):
            return answer(request, *args, **kwargs)

    def answer(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            for name, value in CORS_HEADERS.items():
                response[name] = value
            return response
        allowed, limit, remaining, retry = take(request)
        if not allowed:
            response = error_response(
                429,
                "rate_limited",
                _("Too many requests; try again in %(n)s seconds.") % {"n": retry},
                headers={"Retry-After": str(retry)},
            )
        else:
            response = view(request, *args, **kwargs)
        response["X-RateLimit-Limit"] = str(limit)
        response["X-RateLimit-Remaining"] = str(remaining)
        if request.method in ("GET", "HEAD"):
            for name, value in CORS_HEADERS.items():
                response[name] = value
        response.setdefault("Vary", "Accept-Language")
        if "Accept-Language" not in response["Vary"]:
            response["Vary"] += ", Accept-Language"
        response["Content-Language"] = (
            request.LANGUAGE_CODE
            if hasattr(request, "LANGUAGE_CODE")
            else settings.LANGUAGE_CODE
        )
        return response

    wrapped.csrf_exempt = True
    return wrapped


def not_found(request, exception=None):
    """The site's 404 (``handler404``): JSON for the API and Open311 (an id no
    column holds is refused before any view, by ``civic.core.ids``), Django's
    page for everything else."""
    path = request.path
    if path.startswith(("/api/", "/open311/")):
        language = translation.get_language_from_request(request, check_path=False)
        with translation.override(language):
            message = _("Not found.")
        if path.startswith("/open311/"):
            response = HttpResponse(
                json.dumps([{"code": 404, "description": message}], ensure_ascii=False),
                status=404,
                content_type="application/json; charset=utf-8",
            )
        else:
            response = error_response(404, "not_found", message)
        response["Content-Language"] = language
        return response
    from django.views.defaults import page_not_found

    return page_not_found(request, exception)
