"""The web server's handler (civic/core/asgi.py): Django's ASGI handler with the
middleware chain and the view in one call on a fixed pool of workers that keep
their database connection between requests."""

import threading

import pytest
from asgiref.sync import async_to_sync
from asgiref.testing import ApplicationCommunicator
from django.core.handlers.asgi import ASGIHandler
from django.db import connections
from django.db.backends.signals import connection_created

from civic.core.asgi import PooledASGIHandler


def get(application, path, headers=()):
    async def run():
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": [(b"host", b"testserver"), *headers],
            "client": ("127.0.0.1", 5000),
            "server": ("testserver", 80),
        }
        communicator = ApplicationCommunicator(application, scope)
        await communicator.send_input({"type": "http.request", "body": b""})
        start = await communicator.receive_output(10)
        body = b""
        while True:
            message = await communicator.receive_output(10)
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        await communicator.wait(10)
        return start["status"], body

    return async_to_sync(run)()


@pytest.fixture
def opened():
    """The database connections opened while the test runs."""
    seen = []

    def record(sender, connection, **kwargs):
        seen.append(connection)

    connection_created.connect(record)
    yield seen
    connection_created.disconnect(record)


def _close(handler):
    handler.executor.submit(connections.close_all).result()
    handler.executor.shutdown()


@pytest.mark.django_db
def test_one_worker_thread_and_one_connection_serve_request_after_request(
    settings, opened
):
    """The whole middleware chain and the view run on the worker (one hop per
    request, not one per middleware), which keeps its connection."""
    settings.WEB_CONN_MAX_AGE = 300
    handler = PooledASGIHandler(threads=1)
    threads = set()
    chain = handler._middleware_chain

    def watched(request):
        threads.add(threading.get_ident())
        response = chain(request)
        threads.add(threading.get_ident())
        return response

    handler._middleware_chain = watched
    try:
        for _ in range(3):
            status, body = get(handler, "/khong-co-trang-nay/")
            assert status == 404 and b"<html" in body
    finally:
        _close(handler)
    assert len(threads) == 1 and threading.get_ident() not in threads
    assert len(opened) == 1


@pytest.mark.django_db
def test_django_s_own_handler_opened_one_connection_per_request(opened):
    """What the pooled handler saves (and why the test above can fail)."""
    handler = ASGIHandler()
    # the first request also renders the page's shared parts (kept for the
    # next ones), which under this handler opens one more connection
    assert get(handler, "/khong-co-trang-nay/")[0] == 404
    opened.clear()
    for _ in range(3):
        assert get(handler, "/khong-co-trang-nay/")[0] == 404
    assert len(opened) == 3


def test_the_server_collects_garbage_for_a_server():
    """config.asgi freezes what starting made and widens the young generation
    (civic.core.asgi.tune_gc); what it froze is out of the collector's sight."""
    import gc

    import config.asgi  # noqa: F401
    from civic.core.asgi import GC_YOUNG

    assert gc.get_threshold()[0] == GC_YOUNG
    assert gc.get_freeze_count() > 0
