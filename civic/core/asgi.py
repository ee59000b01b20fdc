"""Django's ASGI handler, with one thread hop per request instead of about twenty.

Django's own ``ASGIHandler`` runs the middleware chain in async mode: every
``MiddlewareMixin`` middleware (sessions, locale, CSRF, auth, messages…) hops to a
worker thread for its ``process_request`` and again for its ``process_response``,
about twenty hops for this project's chain, and each request gets a new thread
(``ThreadSensitiveContext``) with a new database connection. Measured in-process on
a signed-in ward page, that was more than half of the request's time (README,
"Where a page's time goes").

``PooledASGIHandler`` loads the same middleware in sync mode and runs the whole
chain and the view in one call on a fixed pool of worker threads
(``WEB_THREADS``). Each worker keeps its database connection between requests
(``WEB_CONN_MAX_AGE`` seconds, with Django's health checks), so a request no
longer pays for a connection either. Everything else is Django's: reading the
body, signals, the disconnect watch, streaming the response.

Code that the view reaches through ``async_to_sync`` (the channel layer, on
commit) still runs on the server's event loop, and what it hands back with
``sync_to_async`` runs on the same worker: the pool's calls go through
asgiref's ``SyncToAsync``, which records the loop and the worker for them.
"""

import gc
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIHandler
from django.db import close_old_connections, connections

#: a young-generation collection after this many new objects (Python's default:
#: 2,000; a page makes tens of thousands that live until its response is sent)
GC_YOUNG = 20_000


def tune_gc():
    """Collect garbage for a server, not a script (called once, at start).

    ``gc.freeze()`` moves everything made while starting (modules, Django's and
    Wagtail's registries, the URL resolver…) out of the collector's sight: a
    full collection no longer walks it (measured on the poll page: 180–220 ms
    each before, 75 ms after). A larger young generation lets a page's objects
    die with the request (reference counting frees them) instead of being
    promoted, walked again, and piling up towards a full collection. Measured
    live (daphne, the signed-in poll page): time in the collector per request
    0.32 ms → 0.17 ms; no full collection in 3,000 requests. Cycles are still
    collected; they wait for 20,000 new objects instead of 2,000."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG, 20, 20)


def _keep_connections():
    """A worker keeps its own connections (Django's are per thread)."""
    if not settings.WEB_CONN_MAX_AGE:
        return  # closed after each request, as Django's threads do
    for alias in connections:
        connection = connections[alias]
        connection.settings_dict = dict(
            connection.settings_dict,
            CONN_MAX_AGE=settings.WEB_CONN_MAX_AGE,
            CONN_HEALTH_CHECKS=True,
        )


class PooledASGIHandler(ASGIHandler):
    def __init__(self, threads=None):
        super().__init__()
        self.executor = ThreadPoolExecutor(
            max_workers=threads or settings.WEB_THREADS,
            thread_name_prefix="web",
            initializer=_keep_connections,
        )
        self._respond_in_pool = sync_to_async(
            self._respond, thread_sensitive=False, executor=self.executor
        )

    def load_middleware(self, is_async=False):
        # the whole chain in sync mode: it runs in one call on a worker
        super().load_middleware(is_async=False)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            raise ValueError(f"Django serves only HTTP here, not {scope['type']}.")
        # no ThreadSensitiveContext: no new thread per request; the few
        # thread-sensitive calls left (signals, closing the response) are short
        await self.handle(scope, receive, send)

    async def get_response_async(self, request):
        return await self._respond_in_pool(request)

    def _respond(self, request):
        # what request_started/request_finished do for Django's own threads,
        # here for the worker's connections: drop one that is broken or too old
        close_old_connections()
        try:
            return self.get_response(request)
        finally:
            close_old_connections()
