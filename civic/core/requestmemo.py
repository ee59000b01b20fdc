"""Values computed at most once per read-only request, and forgotten after it.

A page asks the same question several times while it is built (which parts of the
page tree are restricted: once for each list it shows). :func:`memo` answers it once
per request. Only during a GET or HEAD request: a request that writes may change the
answer half-way (a restriction added, then the search index updated), so there,
and outside any request (commands, tests, the shell), every call computes afresh.

The store belongs to the thread that runs the request's code, and a new one is
started when Django starts a request (``request_started``) and dropped when it
finishes. A context variable would not do: under ASGI Django sends
``request_started`` from a task of its own, whose context the view never sees.
Under daphne every request's synchronous code (middleware, view, rendering) runs
on the one thread ``sync_to_async`` keeps for it, one piece at a time; as each
request starts a fresh store, whatever a request reads was computed after it
started, as if it had read it then, and a save that changes the answer forgets
it (``forget``, from ``content.signals``).
"""

import threading

from django.core.signals import request_finished, request_started

_local = threading.local()

SAFE_METHODS = {"GET", "HEAD"}


def _method(environ=None, scope=None):
    if environ is not None:
        return environ.get("REQUEST_METHOD", "")
    if scope is not None:
        return scope.get("method", "")
    return ""


def _start(sender, environ=None, scope=None, **kwargs):
    _local.store = {} if _method(environ, scope).upper() in SAFE_METHODS else None


def _finish(sender, **kwargs):
    _local.store = None


request_started.connect(_start, dispatch_uid="civic.core.requestmemo.start")
request_finished.connect(_finish, dispatch_uid="civic.core.requestmemo.finish")


def memo(key, compute):
    """``compute()``, computed once per GET/HEAD request under ``key``."""
    store = getattr(_local, "store", None)
    if store is None:
        return compute()
    try:
        return store[key]
    except KeyError:
        value = store[key] = compute()
        return value


def forget(key=None):
    """Drop ``key`` (or everything) from this request's store."""
    store = getattr(_local, "store", None)
    if store is not None:
        if key is None:
            store.clear()
        else:
            store.pop(key, None)
