"""Values computed at most once per read-only request, and forgotten after it.

A page asks the same question several times while it is built (which parts of the
page tree are restricted: once for each list it shows). :func:`memo` answers it once
per request. Only during a GET or HEAD request: a request that writes may change the
answer half-way (a restriction added, then the search index updated), so there,
and outside any request (commands, tests, the shell), every call computes afresh.

The store is a context variable set when Django starts a request and cleared when
it finishes: under ASGI each request runs in its own context, so nothing is shared
between two requests, even two served by the same thread.
"""

from contextvars import ContextVar

from django.core.signals import request_finished, request_started

_store = ContextVar("civic_request_memo", default=None)

SAFE_METHODS = {"GET", "HEAD"}


def _method(environ=None, scope=None):
    if environ is not None:
        return environ.get("REQUEST_METHOD", "")
    if scope is not None:
        return scope.get("method", "")
    return ""


def _start(sender, environ=None, scope=None, **kwargs):
    _store.set({} if _method(environ, scope).upper() in SAFE_METHODS else None)


def _finish(sender, **kwargs):
    _store.set(None)


request_started.connect(_start, dispatch_uid="civic.core.requestmemo.start")
request_finished.connect(_finish, dispatch_uid="civic.core.requestmemo.finish")


def memo(key, compute):
    """``compute()``, computed once per GET/HEAD request under ``key``."""
    store = _store.get()
    if store is None:
        return compute()
    try:
        return store[key]
    except KeyError:
        value = store[key] = compute()
        return value


def forget(key=None):
    """Drop ``key`` (or everything) from this request's store."""
    store = _store.get()
    if store is not None:
        if key is None:
            store.clear()
        else:
            store.pop(key, None)
