"""Shared fixtures: a small area tree with one user per role.

portal
├── Phường A (commune)          editor_a, helper_a
│   ├── Tổ dân phố 1 (group)    leader_1
│   └── Tổ dân phố 2 (group)    leader_2
└── Xã B (commune)              editor_b
    └── Thôn Đông (group)       leader_b
"""

import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

from civic.people.actions import grant_role
from civic.people.models import RoleKind, User
from content.models import AreaKind, HomePage

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


@pytest.fixture
def tree(db):
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
