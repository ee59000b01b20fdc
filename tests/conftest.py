"""Shared fixtures: a small area tree with one user per role.

portal
├── Phường A (commune)          editor_a, helper_a
│   ├── Tổ dân phố 1 (group)    leader_1
│   └── Tổ dân phố 2 (group)    leader_2
└── Xã B (commune)              editor_b
    └── Thôn Đông (group)       leader_b
"""

import copy
import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

from civic.people.actions import grant_role
from civic.people.models import RoleKind, User
from content.models import AreaKind, AreaPage, HomePage

from .factories import PASSWORD, add_area, make_user  # noqa: F401 (re-exported)


def pytest_configure(config):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # No collectstatic under tests: an empty STATIC_ROOT, so pages link the plain
    # names (config.storage), WhiteNoise has nothing to scan for each test client,
    # and a var/static/ left by `make run` changes nothing.
    settings.STATIC_ROOT = Path(tempfile.mkdtemp(prefix="kdcdt-static-"))
    # the test process is the one serving: its writes reach its page cache
    # directly (the flush file is for other processes; tests/core/test_pagecache.py)
    settings.PAGE_CACHE_FLUSH_FILE = None
    # the live server's workers (civic/core/asgi.py) close their connection
    # after each request, as Django's own threads do, so that the test database
    # can be flushed and dropped (tests/core/test_asgi.py turns keeping it on)
    settings.WEB_CONN_MAX_AGE = 0
    # saves index in the request, as modelsearch does (tests/search/
    # test_index_queue.py turns the background queue on)
    settings.SEARCH_INDEX_QUEUE = False
    # emails are not held back by the time of day the suite runs at (tests of
    # the quiet hours set them: tests/people/test_delivery.py)
    settings.NOTIFICATION_QUIET_HOURS = None


def pytest_unconfigure(config):
    root = settings.STATIC_ROOT
    if root and Path(root).name.startswith("kdcdt-static-"):
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


SEARCH_TESTS = Path(__file__).parent / "search"


def pytest_collection_modifyitems(config, items):
    # every test of the search package searches: it gets the index without a marker
    for item in items:
        if SEARCH_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.search_index)
    unrestored = [
        item.nodeid for item in items if _commits(item) and not _restores(item)
    ]
    if unrestored:
        # its flush would leave the next committing test an empty database (no
        # home page) and re-create content types that a serialized restore then
        # collides with: every test that commits restores the migrations' rows
        raise pytest.UsageError(
            "tests that commit must use serialized_rollback=True (or the "
            "django_db_serialized_rollback fixture): " + ", ".join(unrestored)
        )


def _restores(item):
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("serialized_rollback"):
        return True
    return "django_db_serialized_rollback" in getattr(item, "fixturenames", ())


@pytest.fixture(autouse=True)
def _isolated_search_index(request, settings, tmp_path):
    """A per-test Whoosh folder. Saves and publishes index nothing (AUTO_UPDATE off:
    modelsearch's signal handlers skip the backend) unless the test is marked
    ``@pytest.mark.search_index`` or lives under tests/search/: indexing the ``tree``
    pages was most of the suite's setup time. Searching a folder nobody wrote to
    finds nothing."""
    indexing = request.node.get_closest_marker("search_index") is not None
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.whoosh",
            "PATH": tmp_path / "whoosh",
            "AUTO_UPDATE": indexing,
        }
    }


@pytest.fixture(autouse=True)
def _no_leftover_language():
    """Each test starts with no language activated in its thread - the state
    Django's ``migrate`` (``@no_translations``) leaves after the test database is
    set up: messages read as their English source, URLs without a language prefix.
    A test-client request to an ``/en/`` URL activates English and Django never
    resets it, so a later test in the same thread would build ``/en/…`` URLs
    (``page.url``, ``reverse``) - browser tests then opened English pages."""
    from django.utils import translation

    translation.deactivate_all()
    yield
    translation.deactivate_all()


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()
    yield
    for cache in caches.all(initialized_only=True):
        cache.clear()


class Tree:
    pass


def build_tree():
    t = Tree()
    t.home = HomePage.objects.get()
    t.commune_a = add_area(t.home, "Phường A", AreaKind.WARD, "phuong-a")
    t.group_1 = add_area(t.commune_a, "Tổ dân phố 1", AreaKind.RESIDENTIAL_GROUP)
    t.group_2 = add_area(t.commune_a, "Tổ dân phố 2", AreaKind.RESIDENTIAL_GROUP)
    t.commune_b = add_area(t.home, "Xã B", AreaKind.COMMUNE, "xa-b")
    t.group_b = add_area(t.commune_b, "Thôn Đông", AreaKind.VILLAGE)
    t.admin = make_user("Quản trị", email="admin@example.vn", is_superuser=True)
    t.editor_a = make_user("Biên tập A", "0935000001")
    t.editor_b = make_user("Biên tập B", "0935000002")
    t.helper_a = make_user("Hỗ trợ A", "0935000003")
    t.leader_1 = make_user("Tổ trưởng 1", "0905000001")
    t.leader_2 = make_user("Tổ trưởng 2", "0905000002")
    t.leader_b = make_user("Trưởng thôn Đông", "0905000003")
    t.resident = make_user("Cư dân", "0905000009", "cudan@example.vn")
    grant_role(t.admin, t.editor_a, t.commune_a, RoleKind.COMMUNE_EDITOR)
    grant_role(t.admin, t.editor_b, t.commune_b, RoleKind.COMMUNE_EDITOR)
    grant_role(t.admin, t.helper_a, t.commune_a, RoleKind.HELPER)
    grant_role(t.admin, t.leader_1, t.group_1, RoleKind.GROUP_LEADER)
    grant_role(t.admin, t.leader_2, t.group_2, RoleKind.GROUP_LEADER)
    grant_role(t.admin, t.leader_b, t.group_b, RoleKind.GROUP_LEADER)
    return t


# --- the tree, built once per test module ------------------------------------
#
# Building the tree (six Wagtail pages published, nine users, six roles with their
# Wagtail groups) was most of many tests' time. For the tests of a module that run
# in a transaction rolled back at their end (pytest-django's default), it is built
# once, in an outer transaction opened before the first such test and rolled back
# after the module: each test's own transaction is a savepoint inside it, so what
# a test changes is undone and the next test sees the tree as built. Each test
# gets its own copies of the objects (as Django's setUpTestData does). Tests that
# commit (transactional_db, live_server, the PostgreSQL race tests) or that
# search (their index must hold the tree's pages) build it themselves, as before;
# the outer transaction is closed before any such test starts.


def _commits(item):
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    names = set(getattr(item, "fixturenames", ()))
    return bool(names & {"transactional_db", "live_server"})


def _shares_tree(item):
    """Whether ``item`` takes its tree from the module's outer transaction."""
    return (
        "tree" in getattr(item, "fixturenames", ())
        and not _commits(item)
        and item.get_closest_marker("search_index") is None
    )


class _ModuleTree:
    """The outer transaction of a module's tree (at most one open at a time)."""

    def __init__(self):
        self.atomic = None
        self.tree = None
        self.module = None  # the module whose _tree_once is set up
        self.blocker = None
        self.item = None  # the test being set up

    def open(self):
        from django.db import transaction
        from django.test import override_settings

        with self.blocker.unblock():
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            # nothing indexed, wherever the settings of the first test point
            with override_settings(
                WAGTAILSEARCH_BACKENDS={
                    "default": {
                        "BACKEND": "search.backends.whoosh",
                        "PATH": Path(tempfile.gettempdir()) / "kdcdt-tree-unused",
                        "AUTO_UPDATE": False,
                    }
                }
            ):
                self.tree = build_tree()

    def close(self):
        if self.atomic is None:
            return
        from django.db import transaction

        atomic, self.atomic, self.tree = self.atomic, None, None
        with self.blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


_module_tree = _ModuleTree()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    _module_tree.item = item
    if _module_tree.atomic is not None and _commits(item):
        # no committing test ever runs inside a module's outer transaction
        _module_tree.close()
    elif (
        _module_tree.atomic is None
        and _module_tree.module is item.module
        and _shares_tree(item)
    ):
        # closed for a committing test of the module: open again, before this
        # test's own transaction begins
        _module_tree.open()
    yield


@pytest.fixture(scope="module")
def _tree_once(django_db_setup, django_db_blocker):
    """Set up (before any function fixture, so before the test's transaction)
    for the first test of a module that asks for the tree."""
    _module_tree.blocker = django_db_blocker
    _module_tree.module = _module_tree.item.module
    if _shares_tree(_module_tree.item):
        _module_tree.open()
    yield _module_tree
    _module_tree.close()
    _module_tree.module = None


@pytest.fixture
def tree(request, _tree_once, db):
    if _shares_tree(request.node) and _module_tree.atomic is not None:
        return copy.deepcopy(_module_tree.tree)
    if request.node.get_closest_marker("search_index") is not None:
        return indexed_tree()
    return build_tree()


def indexed_tree():
    """The tree for a test that searches: built with indexing off, then indexed
    at once (``index_tree``). Indexed save by save, its five area pages took
    fifteen Whoosh commits (three saves each): most of such a test's setup."""
    from django.test import override_settings

    quiet = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=quiet):
        t = build_tree()
    index_tree(t)
    return t


def index_tree(t):
    """Write the tree's pages to each auto-updated search backend in one go: the
    documents its saves would have written (tests/test_tree_index.py)."""
    from modelsearch.backends import get_search_backends
    from modelsearch.index import get_indexed_instance

    areas = [t.commune_a, t.group_1, t.group_2, t.commune_b, t.group_b]
    pages = [
        get_indexed_instance(page)
        for page in AreaPage.objects.filter(pk__in=[a.pk for a in areas])
    ]
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(AreaPage, pages)


def fresh(user):
    """The same user re-read, with no cached permissions."""
    return User.objects.get(pk=user.pk)


@pytest.fixture
def pg(transactional_db, django_db_serialized_rollback):
    """Committed rows (the threads have their own connections); the flush after the
    test restores the migrations' data. Skips unless the database is PostgreSQL."""
    if connections["default"].vendor != "postgresql":
        pytest.skip("concurrency is tested on PostgreSQL (scripts/with-postgres)")


@pytest.fixture
def uncached(settings):
    """Pages rendered at every request: query counts measure rendering, not the
    page cache (a second GET of the same page would run no query at all)."""
    settings.PAGE_CACHE_ENABLED = False
