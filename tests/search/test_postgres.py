"""The PostgreSQL backend's own parts: how it is chosen, its migration, the
rebuild's table swap, and that its searches read the GIN indexes."""

import pytest
from django.core import management
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from modelsearch.backends import get_search_backend

from config.settings import choose_search_backend
from content.models import NoticePage
from search import sources as registry

from .test_backend import notice


def test_the_backend_follows_the_database_unless_chosen():
    pg, sqlite = "django.db.backends.postgresql", "django.db.backends.sqlite3"
    assert choose_search_backend(None, pg) == "postgres"
    assert choose_search_backend("", sqlite) == "whoosh"
    assert choose_search_backend(" Whoosh ", pg) == "whoosh"
    assert choose_search_backend("postgres", sqlite) == "postgres"
    with pytest.raises(ImproperlyConfigured):
        choose_search_backend("elastic", pg)


@pytest.mark.django_db
def test_the_migration_makes_the_table_on_postgresql_only():
    tables = connection.introspection.table_names()
    on_pg = connection.vendor == "postgresql"
    assert ("search_document" in tables) is on_pg
    assert ("search_word" in tables) is on_pg


pg_only = pytest.mark.backends("postgres")


@pg_only
def test_update_index_swaps_in_a_new_table_with_its_indexes(tree):
    notice(tree.group_1, "Thông báo cắt nước đường Đống Đa")
    backend = get_search_backend()
    for _rebuild in range(2):  # a second rebuild replaces the first
        management.call_command("update_index", verbosity=0)
        assert [p.title for p in backend.search("duong", NoticePage)] == [
            "Thông báo cắt nước đường Đống Đa"
        ]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'search_document'"
        )
        names = {row[0] for row in cursor.fetchall()}
    assert names == {
        "search_document_pkey",
        "search_document_body",
        "search_document_body_exact",
        "search_document_ac",
    }
    # the words for "did you mean" were collected from the new table
    assert backend.did_you_mean("thong bao cat nuco") == "thong bao cat nuoc"


@pg_only
def test_a_search_reads_the_gin_index_not_every_text(tree):
    """The page's statement must find its matches through the GIN bitmap: a
    sequential scan, or another index, reads every matching document's text
    (out of line) — 1.6 s for a common word at 100,000 documents."""
    from search.backends.postgres import SEARCH_SETTINGS

    notice(tree.group_1, "Thông báo cắt nước")
    sqls = []

    def capture(execute, sql, params, many, context):
        if "search_document" in sql and "SET LOCAL" not in sql:
            sqls.append((sql, params))
        return execute(sql, params, many, context)

    chosen = registry.sources()
    with connection.execute_wrapper(capture):
        get_search_backend().search_parts(
            "cắt nước", [s.shown() for s in chosen], operator="and"
        )
    assert len(sqls) == 1
    sql, params = sqls[0]
    with connection.cursor() as cursor:
        cursor.execute(SEARCH_SETTINGS)
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on search_document_body" in plan, plan
    assert "Seq Scan on search_document" not in plan, plan
    assert "Index Scan using" not in plan, plan


@pytest.mark.backends("whoosh", "postgres")
@pytest.mark.parametrize(
    "q, found",
    [
        ("& | ! ( ) : * '", False),  # tsquery's syntax: plain text, no word
        ("cắt & nước", True),
        ("nước' | !cắt:*", True),
        ("it's 'a':* (b)", False),
        # a word too long to index: no error (PostgreSQL ignores a word over
        # 2,047 bytes, so the notice is found there; Whoosh finds nothing)
        ("x" * 3000 + " nước", None),
    ],
)
def test_query_syntax_reaches_the_backend_as_plain_words(tree, q, found):
    notice(tree.group_1, "Thông báo cắt nước")
    backend = get_search_backend()
    results = backend.search(q, NoticePage, operator="and")
    if found is not None:
        assert (results.count() == 1) is found
    assert len(list(results)) == results.count()
    list(backend.autocomplete(q, NoticePage))
