"""modelsearch's own backend test-suite (``BackendTests``) run against our backend.

``BackendTests`` needs modelsearch's test app (``modelsearch.test.testapp``: books,
novels, authors, characters, meetings, animals) and a fixture called ``search`` that
is not shipped in the ``modelsearch`` wheel or sdist. So:

* the test app is added to ``INSTALLED_APPS`` when this module is imported (pytest
  imports test modules while collecting, before it creates the test database, so
  the app's tables are migrated with the others). pytest-django has one settings
  module per session: when this folder is collected with others, the extra app is
  installed for the whole session; it only adds tables and indexed models;
* the fixture data are rebuilt in ``setUpTestData`` from what the tests expect;
* ``setUp`` rebuilds the index with Wagtail's ``update_index`` (modelsearch's own
  ``rebuild_modelsearch_index`` command is not installed under Wagtail).

Tests whose expectations the backend cannot meet by design are listed in
``KNOWN_DIFFERENCES`` with the reason, and marked as expected failures.
"""

import importlib
import unittest
from datetime import date, time
from io import StringIO

from django.apps import apps
from django.conf import settings
from django.core import management
from django.test import TestCase

TESTAPP = "modelsearch.test.testapp"


def _install_testapp():
    """Add the test app to the ready app registry without re-running every app's
    ``ready()`` (Wagtail's are not idempotent, so ``set_installed_apps`` fails)."""
    if apps.is_installed(TESTAPP):
        return
    from django.apps import AppConfig
    from modelsearch.signal_handlers import register_signal_handlers

    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, TESTAPP]
    # Its migrations depend on the "modelsearch" app label, which Wagtail renames
    # "wagtailsearch": create its tables without migrations (syncdb).
    settings.MIGRATION_MODULES = {
        **getattr(settings, "MIGRATION_MODULES", {}),
        "searchtests": None,
    }
    app_config = AppConfig.create(TESTAPP)
    app_config.apps = apps
    apps.app_configs[app_config.label] = app_config
    app_config.import_models()
    apps.clear_cache()
    app_config.ready()
    register_signal_handlers()
    # modelsearch's handlers are connected again for every indexed model: the
    # index queue's take their place again (search/indexqueue.py; with the
    # queue off, the tests' default, they call modelsearch's)
    from search.indexqueue import install

    install()


_install_testapp()


def _alias_index_entry():
    """``test_backends`` imports ``modelsearch.models.IndexEntry``; under Wagtail the
    model lives in ``wagtail.search.models`` (app label ``wagtailsearch``)."""
    import sys
    import types

    if "modelsearch.models" not in sys.modules:
        from wagtail.search.models import IndexEntry

        stub = types.ModuleType("modelsearch.models")
        stub.IndexEntry = IndexEntry
        sys.modules["modelsearch.models"] = stub


_alias_index_entry()

from modelsearch.backends import get_search_backend  # noqa: E402
from modelsearch.test.testapp import models  # noqa: E402
from modelsearch.tests.test_backends import BackendTests  # noqa: E402

BACKEND = "search.backends.whoosh"

#: test name → why the Whoosh backend differs.
KNOWN_DIFFERENCES = {}


def _book(pk, title, pages, published, authors=(), model=None, **extra):
    model = model or models.Book
    book = model.objects.create(
        pk=pk,
        title=title,
        number_of_pages=pages,
        publication_date=published,
        **extra,
    )
    if authors:
        book.authors.set(authors)
    return book


def _tree(model):
    animal = model.add_root(name="Animal")
    mammal = animal.add_child(name="Mammal")
    mammal.add_child(name="Dog")
    mammal = model.objects.get(pk=mammal.pk)
    mammal.add_child(name="Cat")
    animal = model.objects.get(pk=animal.pk)
    animal.add_child(name="Reptile")


class WhooshBackendTests(BackendTests, TestCase):
    backend_path = BACKEND
    search_backend = "whoosh"  # tests/search/conftest.py
    fixtures = []

    @classmethod
    def setUpTestData(cls):
        a = models.Author.objects.create
        tolkien = a(name="J. R. R. Tolkien", date_of_birth=date(1892, 1, 3))
        martin = a(name="George R.R. Martin", date_of_birth=date(1948, 9, 20))
        asimov = a(name="Isaac Asimov", date_of_birth=date(1920, 1, 2))
        crockford = a(name="Douglas Crockford")
        flanagan = a(name="David Flanagan")
        lutz = a(name="Mark Lutz")
        ascher = a(name="David Ascher")
        daniel = a(name="Daniel Roy Greenfeld")
        audrey = a(name="Audrey Roy Greenfeld")
        klabnik = a(name="Steve Klabnik")
        nichols = a(name="Carol Nichols")
        blandy = a(name="Jim Blandy")
        orendorff = a(name="Jason Orendorff")

        novel = models.Novel
        guide = models.ProgrammingGuide
        me, wes = "Middle Earth", "Westeros"
        hobbit = _book(
            1, "The Hobbit", 310, date(1937, 9, 21), [tolkien], novel, setting=me
        )
        fellowship = _book(
            2,
            "The Fellowship of the Ring",
            423,
            date(1954, 7, 29),
            [tolkien],
            novel,
            setting=me,
        )
        towers = _book(
            3, "The Two Towers", 352, date(1954, 11, 11), [tolkien], novel, setting=me
        )
        king = _book(
            4,
            "The Return of the King",
            440,
            date(1955, 10, 20),
            [tolkien],
            novel,
            setting=me,
        )
        got = _book(
            5, "A Game of Thrones", 694, date(1996, 8, 1), [martin], novel, setting=wes
        )
        _book(
            6, "A Clash of Kings", 768, date(1998, 11, 16), [martin], novel, setting=wes
        )
        _book(
            7, "A Storm of Swords", 973, date(2000, 3, 8), [martin], novel, setting=wes
        )
        _book(
            8,
            "JavaScript: The good parts",
            176,
            date(2008, 5, 1),
            [crockford],
            guide,
            programming_language="js",
        )
        _book(
            9,
            "JavaScript: The Definitive Guide",
            1096,
            date(1996, 8, 18),
            [flanagan],
            guide,
            programming_language="js",
        )
        _book(
            10,
            "Foundation",
            255,
            date(1951, 6, 1),
            [asimov],
            novel,
            setting="Trantor",
        )
        _book(
            11,
            "Learning Python",
            1160,
            date(1999, 3, 1),
            [lutz, ascher],
            guide,
            programming_language="py",
        )
        _book(
            12,
            "Two Scoops of Django 1.11",
            531,
            date(2017, 4, 21),
            [daniel, audrey],
            guide,
            programming_language="py",
        )
        _book(
            13,
            "The Rust Programming Language",
            440,
            date(2018, 8, 15),
            [klabnik, nichols],
            guide,
            programming_language="rs",
        )
        _book(14, "Programming Rust", 622, date(2017, 12, 21), [blandy, orendorff])

        c = models.Character.objects.create
        bilbo = c(name="Bilbo Baggins", novel=hobbit)
        c(name="Thorin Oakenshield", novel=hobbit)
        hobbit.protagonist = bilbo
        hobbit.save()
        for book in (fellowship, towers, king):
            frodo = c(name="Frodo Baggins", novel=book)
            c(name="Bilbo Baggins", novel=book)
            book.protagonist = frodo
            book.save()
        c(name="Eddard Stark", novel=got)

        standup = models.Meeting.objects.create(
            name="Stand-up meeting", start_time=time(9, 30)
        )
        item = models.AgendaItem.objects.create(meeting=standup, topic="Blockers")
        models.Speaker.objects.create(agenda_item=item, name="Arthur Conan Doyle")
        models.Meeting.objects.create(name="Breakfast yoga", start_time=time(8, 0))
        models.Meeting.objects.create(name="Evening yoga", start_time=time(19, 0))

        _tree(models.MPAnimal)
        _tree(models.NSAnimal)
        cls._reset_sequences()

    @staticmethod
    def _reset_sequences():
        """Books are made with explicit primary keys; on PostgreSQL the id sequences
        must then move past them, or the tests that add a book collide."""
        from django.apps import apps
        from django.core.management.color import no_style
        from django.db import connection

        app_models = list(apps.get_app_config("searchtests").get_models())
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), app_models):
                cursor.execute(sql)

    def setUp(self):
        self.backend_name = "default"
        self.backend = get_search_backend("default")
        management.call_command(
            "update_index", backend_name="default", stdout=StringIO(), chunk_size=50
        )

    def test_backend_is_whoosh(self):
        # the configured path's ``SearchBackend`` (a package's, for Whoosh)
        module = importlib.import_module(self.backend_path)
        self.assertIs(type(self.backend), module.SearchBackend)

    def test_rebuild_modelsearch_index_no_verbosity(self):
        stdout = StringIO()
        management.call_command(
            "update_index", verbosity=0, backend_name="default", stdout=stdout
        )
        self.assertFalse(stdout.getvalue())


for _name in KNOWN_DIFFERENCES:
    setattr(
        WhooshBackendTests,
        _name,
        unittest.expectedFailure(getattr(BackendTests, _name)),
    )


PG_BACKEND = "search.backends.postgres"

#: test name → why the PostgreSQL backend differs.
PG_KNOWN_DIFFERENCES = {}


class PostgresBackendTests(WhooshBackendTests):
    """The same tests against ``search.backends.postgres`` (skipped unless the
    database is PostgreSQL: ``scripts/with-postgres``)."""

    backend_path = PG_BACKEND
    search_backend = "postgres"


for _name in PG_KNOWN_DIFFERENCES:
    setattr(
        PostgresBackendTests,
        _name,
        unittest.expectedFailure(getattr(BackendTests, _name)),
    )
