"""Django's conditional GET, without an ETag that could never match.

A page that carries a CSRF token (every signed-in page: its sign-out form) is
different on every response, because Django masks the token afresh each time
(BREACH). An ETag for it is an MD5 of the whole body that no later request can
ever match: work for nothing on every signed-in page (and the digest lets go of
the GIL, so under load it also costs a thread switch). Such a response gets no
ETag; everything else is Django's ``ConditionalGetMiddleware`` (anonymous pages
carry the page cache's own ``ETag`` and ``Last-Modified``: civic/core/pagecache.py).
"""

from django.conf import settings
from django.middleware.http import ConditionalGetMiddleware as DjangoConditionalGet


def _carries_a_csrf_token(request, response):
    # a rendered token makes Django send its cookie again (to renew it); the key
    # is put in META by django.middleware.csrf.get_token alone (and reset to
    # False, not removed, once the cookie is set)
    return (
        settings.CSRF_COOKIE_NAME in response.cookies
        or "CSRF_COOKIE_NEEDS_UPDATE" in request.META
    )


class ConditionalGetMiddleware(DjangoConditionalGet):
    def process_response(self, request, response):
        if _carries_a_csrf_token(request, response) and not response.has_header("ETag"):
            response._body_unique = True
        return super().process_response(request, response)

    def needs_etag(self, response):
        if getattr(response, "_body_unique", False):
            return False
        return super().needs_etag(response)
