"""Browser tests: Debian's Chromium (Playwright) against a real daphne server.

The server
----------
daphne (``daphne.server.Server``) runs in a daemon *thread of the test process*,
on an ephemeral port of 127.0.0.1, for the whole session (Twisted's reactor
cannot be restarted). It serves ``config.asgi.application`` behind Django's
``ASGIStaticFilesHandler``, so ``/static/`` works although pytest-django sets
``DEBUG=False`` (files come from the finders; no ``collectstatic``).

The database
------------
Every test gets ``transactional_db`` (what the test commits is visible to the
server's connections, and vice versa) with ``serialized_rollback``: the flush
after a transactional test would otherwise also delete the rows made by data
migrations (the portal HomePage, the Wagtail Site) that ``tree`` needs.
pytest-django runs these tests after the ordinary ``db`` tests.

* PostgreSQL: each request opens its own connection to ``test_<name>``, as in
  production.
* SQLite: Django's test database is ``file:memorydb_default?mode=memory&cache=shared``
  - visible to other connections of *this process only* (hence a thread, not
  ``DaphneProcess``). Shared-cache SQLite fails at once with "database table is
  locked" when two connections collide (e.g. a ``sendBeacon`` from an admin page
  that closes while the test queries), so, like Django's LiveServerThread, the
  server's threads use the test thread's connection object, and the requests are
  handled one at a time.

Playwright's sync API marks an asyncio loop as running in the test thread; from
then on asgiref (``django.db.connections``) hands that thread *new* connection
objects, which lack ``_test_serialized_contents`` (so no serialized rollback) and,
for SQLite, are separate connections. ``_pinned_db_connections`` therefore keeps
the test thread on the connections made by ``django_db_setup``; it is set up
before Playwright starts and undone after it stops (both for this package only,
see "the browser" below).
"""

import asyncio
import os
import threading
import time

import pytest
from playwright.sync_api import expect, sync_playwright

# The default of 5 s is short on a loaded CI machine (the admin loads a lot of JS).
expect.set_options(timeout=10_000)

CHROMIUM = "/usr/bin/chromium"
HOST = "127.0.0.1"
E2E_DIR = os.path.dirname(os.path.abspath(__file__))


@pytest.hookimpl(tryfirst=True)  # before -m selects on the marker
def pytest_collection_modifyitems(config, items):
    for item in items:
        if str(item.path).startswith(E2E_DIR + os.sep):
            item.add_marker(pytest.mark.e2e)


# --- database connections ------------------------------------------------------------


class _PinnedConnections:
    """Stand-in for ``django.db.connections._connections`` (asgiref's per-thread,
    per-context store): the aliases in ``pinned`` resolve to fixed connection
    objects - in the owner thread only, or in every thread for the aliases in
    ``everywhere``; anything else is looked up in the original store."""

    def __init__(self, store, pinned, everywhere):
        object.__setattr__(self, "_store", store)
        object.__setattr__(self, "_pinned", pinned)
        object.__setattr__(self, "_everywhere", everywhere)
        object.__setattr__(self, "_owner", threading.get_ident())

    def _is_pinned(self, alias):
        return alias in self._pinned and (
            alias in self._everywhere or threading.get_ident() == self._owner
        )

    def __getattr__(self, alias):  # only called for the connection aliases
        if self._is_pinned(alias):
            return self._pinned[alias]
        return getattr(self._store, alias)

    def __setattr__(self, alias, value):
        if self._is_pinned(alias):
            self._pinned[alias] = value
        else:
            setattr(self._store, alias, value)

    def __delattr__(self, alias):
        if self._is_pinned(alias):
            del self._pinned[alias]
        else:
            delattr(self._store, alias)


@pytest.fixture(scope="package")
def _pinned_db_connections(django_db_setup):
    """Keep the test thread on its current connection objects; share in-memory
    SQLite connections with every thread. Yields whether SQLite is shared."""
    from django.db import connections

    pinned = {conn.alias: conn for conn in connections.all()}
    everywhere = {
        alias
        for alias, conn in pinned.items()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    for alias in everywhere:
        pinned[alias].inc_thread_sharing()
    store = connections._connections
    connections._connections = _PinnedConnections(store, pinned, everywhere)
    try:
        yield bool(everywhere)
    finally:
        connections._connections = store
        for alias in everywhere:
            pinned[alias].dec_thread_sharing()


# --- the browser -------------------------------------------------------------------
#
# pytest-playwright keeps Playwright (and so the asyncio loop it marks as running
# in the test thread) for the whole session; any later test of the session that
# calls async_to_sync() or asyncio.run() would then fail. Here Playwright and the
# browser live for this package only: the fixtures below replace the plugin's
# session-scoped ones (``new_context``, ``context`` and ``page`` are the plugin's).


@pytest.fixture(scope="package")
def playwright(_pinned_db_connections, _pw_api_request_contexts):
    # While Playwright's loop "runs" in the test thread, Django would refuse every
    # ORM call of the test thread (SynchronousOnlyOperation): allowed here, for the
    # browser tests only - the rest of the suite keeps Django's check.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    pw = sync_playwright().start()
    if _pw_api_request_contexts:
        _pw_api_request_contexts.instrument(pw)
    try:
        yield pw
    finally:
        pw.stop()
        if before is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(scope="package")
def browser_type(playwright, browser_name):
    return getattr(playwright, browser_name)


@pytest.fixture(scope="package")
def launch_browser(browser_type_launch_args, browser_type):
    def launch(**kwargs):
        return browser_type.launch(**{**browser_type_launch_args, **kwargs})

    return launch


@pytest.fixture(scope="package")
def browser(launch_browser):
    browser = launch_browser()
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} not found (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="package")
def browser_context_args(
    pytestconfig, playwright, device, _pw_artifacts_folder, _daphne
):
    args = dict(playwright.devices[device]) if device else {}
    if pytestconfig.getoption("--video") in ("on", "retain-on-failure"):
        args["record_video_dir"] = _pw_artifacts_folder.name
    # A Vietnamese browser: the admin (outside i18n_patterns) follows Accept-Language.
    args.update(base_url=_daphne.url, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    return args


@pytest.fixture
def new_context(daphne_server, new_context):
    """pytest-playwright's ``new_context``, set up after the server fixture and so
    torn down before it: pages are closed, and their last requests (e.g. Wagtail's
    editing-session release beacon) answered, before the database is flushed."""
    return new_context


# --- the server --------------------------------------------------------------------


class _Gate:
    """ASGI wrapper around the whole application (static files included).

    * Open only while a test runs: between tests the database is flushed or
      blocked by pytest-django, so a late request (a beacon from a page closed at
      teardown) gets a 503 without reaching Django.
    * Counts the HTTP requests in progress, so that the fixture can wait until the
      server is idle before the database is flushed.
    * With ``serialize`` (shared in-memory SQLite), handles one request at a time.
    """

    def __init__(self, application, serialize):
        self.application = application
        self.serialize = serialize
        self.is_open = False
        self.lock = None
        self.in_flight = 0
        self.last_activity = time.monotonic()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.application(scope, receive, send)
        if not self.is_open:
            await send({"type": "http.response.start", "status": 503, "headers": []})
            await send({"type": "http.response.body", "body": b""})
            return
        self.in_flight += 1
        try:
            if not self.serialize:
                return await self.application(scope, receive, send)
            if self.lock is None:
                self.lock = asyncio.Lock()  # bound to the server's event loop
            async with self.lock:
                return await self.application(scope, receive, send)
        finally:
            self.in_flight -= 1
            self.last_activity = time.monotonic()

    def wait_until_idle(self, quiet=0.3, timeout=10):
        """Return once no request has been running for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.in_flight and time.monotonic() - self.last_activity >= quiet:
                return True
            time.sleep(0.05)
        return False


class DaphneThread(threading.Thread):
    """daphne's ``Server`` on an ephemeral port, in a daemon thread."""

    def __init__(self, application):
        super().__init__(name="e2e-daphne", daemon=True)
        self.application = application
        self.ready = threading.Event()
        self.port = None
        self.error = None
        self.server = None

    @property
    def url(self):
        return f"http://{HOST}:{self.port}"

    def run(self):
        from daphne.server import Server
        from twisted.internet import reactor

        try:
            self.server = Server(
                application=self.application,
                endpoints=[f"tcp:port=0:interface={HOST}"],
                signal_handlers=False,  # not the main thread
                verbosity=0,
            )

            def wait_for_port():
                if self.server.listening_addresses:
                    self.port = self.server.listening_addresses[0][1]
                    self.ready.set()
                else:
                    reactor.callLater(0.02, wait_for_port)

            reactor.callLater(0, wait_for_port)
            self.server.run()
        except BaseException as exc:  # reported by the fixture
            self.error = exc
        finally:
            self.ready.set()

    def stop(self):
        from twisted.internet import reactor

        if self.server is not None and reactor.running:
            reactor.callFromThread(self.server.stop)
        self.join(timeout=10)


class LiveDaphne:
    def __init__(self, thread, gate):
        self.thread = thread
        self.gate = gate

    @property
    def url(self):
        return self.thread.url


@pytest.fixture(scope="session")
def _daphne(django_db_setup):
    """The session's daphne server (see the module docstring)."""
    import daphne.server  # noqa: F401  (installs Twisted's asyncio reactor first)
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
    from django.db import connections

    from config.asgi import application

    serialize = any(
        conn.vendor == "sqlite" and conn.is_in_memory_db() for conn in connections.all()
    )
    gate = _Gate(ASGIStaticFilesHandler(application), serialize=serialize)
    thread = DaphneThread(gate)
    thread.start()
    if not thread.ready.wait(timeout=20) or thread.error or not thread.port:
        thread.stop()
        raise RuntimeError(f"daphne did not start: {thread.error!r}")
    try:
        yield LiveDaphne(thread, gate)
    finally:
        thread.stop()


@pytest.fixture
def daphne_server(
    _daphne,
    _pinned_db_connections,
    transactional_db,
    django_db_serialized_rollback,
    settings,
):
    """Base URL of the live daphne server, open for this test's database.

    On teardown, waits until the server is idle (the browser contexts are closed
    first, see ``new_context``) and closes it before the database is flushed.
    """
    from django.db import connection

    # the data migrations' rows are restored before each test (see the docstring)
    assert hasattr(connection, "_test_serialized_contents"), "connection not pinned"
    if HOST not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    _daphne.gate.is_open = True
    try:
        yield _daphne.url
    finally:
        _daphne.gate.wait_until_idle()
        _daphne.gate.is_open = False
