"""The language switch: the same address in the other language.

Every page for people is under ``i18n_patterns(prefix_default_language=False)``:
Vietnamese at ``/…``, English at ``/en/…``. Django's ``set_language`` finds the
other language's address with ``translate_url``, which first *resolves* the path
in the current language: with Vietnamese active, Wagtail's catch-all matches
``/en/dich-vu-cong/`` as the Vietnamese page path ``en/dich-vu-cong/``, so
"Tiếng Việt" sent the visitor back to the same English address.

The address of a page in a language is its address without a language prefix,
with that language's prefix added (none for the default language): no URL
segment is translated, so nothing needs resolving. Addresses outside the
language patterns (the admin, documents, the sitemap) are left as they are.
"""

from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import LocalePrefixPattern, URLResolver, get_resolver
from django.urls.exceptions import Resolver404
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

LANGUAGE_FIELD = "language"


def _prefixed_languages():
    return [
        code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
    ]


def strip_language_prefix(path):
    """``path`` without its language prefix: ``/en/dich-vu-cong/`` →
    ``/dich-vu-cong/``; a path without one is returned as it is."""
    for code in _prefixed_languages():
        if path == f"/{code}":
            return "/"
        if path.startswith(f"/{code}/"):
            return path[len(code) + 1 :]
    return path


def _has_language_versions(path):
    """Whether ``path`` (without prefix) is served under the language patterns,
    i.e. no pattern before them in the root URLconf takes it."""
    return _under_language_patterns(get_resolver(), path)


@lru_cache(maxsize=4096)
def _under_language_patterns(resolver, path):
    # per root URLconf (Django's get_resolver is cached the same way) and path:
    # every page's header asks it; bounded, so odd paths cannot grow it
    rest = path.lstrip("/")
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver) and isinstance(
            pattern.pattern, LocalePrefixPattern
        ):
            return True
        try:
            if pattern.resolve(rest):
                return False
        except Resolver404:
            continue
    return False


def language_url(url, language):
    """``url`` (a path or an absolute URL of this site, with its query) in
    ``language``."""
    parts = urlsplit(url)
    path = strip_language_prefix(parts.path or "/")
    if not _has_language_versions(path):
        return url
    if language != settings.LANGUAGE_CODE:
        path = f"/{language}{path}"
    return urlunsplit(parts._replace(path=path))


@require_http_methods(["GET", "POST"])
def set_language(request):
    """Django's ``set_language``, with the address built by :func:`language_url`:
    a POST with ``language`` and ``next`` sets the language cookie and redirects
    to ``next`` in that language; anything else redirects to ``next`` unchanged."""
    next_url = request.POST.get("next", request.GET.get("next"))
    allowed = {
        "allowed_hosts": {request.get_host()},
        "require_https": request.is_secure(),
    }
    if not url_has_allowed_host_and_scheme(next_url, **allowed):
        next_url = request.META.get("HTTP_REFERER")
        if not url_has_allowed_host_and_scheme(next_url, **allowed):
            next_url = "/"
    language = request.POST.get(LANGUAGE_FIELD, "")
    if request.method != "POST" or language not in dict(settings.LANGUAGES):
        return HttpResponseRedirect(next_url)
    user = request.user
    if user.is_authenticated and getattr(user, "language", language) != language:
        # what their notifications are written in outside a page (email, push)
        user._meta.model._default_manager.filter(pk=user.pk).update(language=language)
    response = HttpResponseRedirect(language_url(next_url, language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def other_language(request):
    """Context processor: the switch in the header is a plain link to the same
    address in the other language (``other_language_url``), not a form - so a
    page carries no CSRF token and no cookie, and can be served from the page
    cache to every visitor (civic.core.pagecache). The address alone says the
    language (no cookie is read: ``prefix_default_language=False``)."""
    if not hasattr(request, "path"):
        return {}
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    other = next(
        (code for code, _name in settings.LANGUAGES if code != current),
        settings.LANGUAGE_CODE,
    )
    return {
        "other_language_code": other,
        "other_language_name": dict(settings.LANGUAGES)[other],
        "other_language_url": language_url(request.get_full_path(), other),
    }
