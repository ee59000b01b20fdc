"""A PostgreSQL full-text search backend (the ``modelsearch`` API, and
``search_parts``: one search over every kind, as the Whoosh backend answers it).

Select it with ``SEARCH_BACKEND=postgres`` (the default when ``DATABASE_URL`` is
``postgres://…``), or directly::

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.postgres"}}

Design (see ``search/README.md``, *PostgreSQL backend*):

* **One table**, ``search_document`` (``search/migrations/0001``): a row per
  indexed object, keyed by its root model and primary key; ``ct`` its model
  (a queryset of a model matches the rows of it and its indexed subclasses, as
  the Whoosh index's ``ct`` holds a model and its indexed ancestors), ``f``
  its ``FilterField`` values (JSONB, keyed by the Whoosh backend's column names:
  the same documents, the same filters: ``live``, the page ``path``, a notice's
  posting date, an item's ``area``…), and five ``tsvector`` columns:

  - ``body``: every ``SearchField``, in the ``vi_unaccent`` configuration
    (``simple`` with ``unaccent``: "Đường" → "duong"): what matches;
  - ``body_exact``: the same words as written (lower case, ``simple``): the
    exact-form tier (a query typed with marks puts the documents holding every
    word exactly as typed first);
  - ``head``/``head_exact``: the boosted fields and autocomplete fields (titles),
    weighted by boost: what ranks;
  - ``ac``: the autocomplete fields, folded: the header box's prefixes.

  GIN indexes on ``body``, ``body_exact`` and ``ac``. ``body`` and
  ``body_exact`` are stored out of line (``toast_tuple_target``): a search
  reads the index's posting lists, then only the narrow rows (``head``, ``f``),
  never a matched document's whole text.
* **Filters** are the queryset's ``FilterField`` lookups, as the Whoosh backend
  reads them (modelsearch's ``_get_filters_from_queryset``), turned into
  conditions on ``f``: ``exact``/``in`` (JSONB containment), ranges (a cast per
  kind), ``isnull``, ``startswith``. The visibility rules of the search page
  (``Source.shown()``: live, not restricted, posted, published, listed areas)
  are applied exactly as the Whoosh index applies them.
* **Ranking**: ``ts_rank`` of the title words (``head``), ``PHRASE_BOOST`` when
  the query's words stand next to each other in a title, and for a query typed
  with marks ``ACCENT_BOOST`` × the title words found exactly as typed plus
  ``EXACT_TIER`` for a document holding every word exactly as typed (a GIN
  lookup on ``body_exact``). Equal scores: the newest object first.
* **Writes**: ``INSERT … ON CONFLICT`` (``executemany``, one statement per
  chunk); the rebuild (``update_index``) loads a new table without its GIN
  indexes, builds them, and swaps it in, in one transaction.
"""

import datetime
import json
import logging
import uuid
from collections import OrderedDict
from contextlib import contextmanager
from decimal import Decimal

from django.db import DEFAULT_DB_ALIAS, NotSupportedError, connections, transaction
from django.db.models import Subquery
from django.db.models.sql import Query
from django.db.models.sql.constants import MULTI, SINGLE
from modelsearch.backends.base import (
    BaseIndex,
    BaseSearchBackend,
    BaseSearchQueryCompiler,
    BaseSearchResults,
    get_model_root,
)
from modelsearch.index import get_indexed_models
from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText

from search.analysis import normalize, words
from search.backends.common import (
    ACCENT_BOOST,
    ALL_TEXT,
    AUTOCOMPLETE,
    CONTENT_TYPES,
    EXACT_TIER,
    PHRASE_BOOST,
    PK,
    PK_NUM,
    CompilerMixin,
    DocumentMapping,
    PartHits,
    ResultsMixin,
    clean_value,
    index_changed,
    part_compilers,
    pk_column_kind,
    sorted_facet,
)

logger = logging.getLogger(__name__)

TABLE = "search_document"
WORDS = "search_word"
CONFIG = "vi_unaccent"
EXACT_CONFIG = "simple"
#: Weight of a boosted field's words in ``head`` (``ts_rank``'s A/B/C).
HEAD_WEIGHTS = ((5.0, "A"), (2.0, "B"), (0.0, "C"))
#: Rows written per statement.
CHUNK = 500
#: Matches of the header box's prefixes that are ranked for its suggestions.
SUGGEST_CANDIDATES = 2000
#: Autocomplete prefixes are cut to this many letters (as the Whoosh ``ac`` field).
PREFIX_LENGTH = 20

COLUMNS = """
    root text NOT NULL,
    pk text NOT NULL,
    pknum bigint,
    ct text NOT NULL,
    f jsonb NOT NULL DEFAULT '{}',
    fieldtext jsonb NOT NULL DEFAULT '{}',
    head tsvector NOT NULL DEFAULT '',
    head_exact tsvector NOT NULL DEFAULT '',
    ac tsvector NOT NULL DEFAULT '',
    body tsvector NOT NULL DEFAULT '',
    body_exact tsvector NOT NULL DEFAULT ''
"""


def _create_table(cursor, table):
    cursor.execute(
        f"CREATE TABLE {table} ({COLUMNS}, PRIMARY KEY (root, pk))"
        # rows above 128 bytes move their largest columns (the two bodies) out of
        # line: the heap keeps the narrow part a search reads for every match
        " WITH (toast_tuple_target = 128)"
    )
    for column in ("body", "body_exact", "fieldtext"):
        cursor.execute(
            f"ALTER TABLE {table} ALTER COLUMN {column} SET STORAGE EXTERNAL"
        )
    for column in ("head", "head_exact", "ac", "f"):
        cursor.execute(f"ALTER TABLE {table} ALTER COLUMN {column} SET STORAGE MAIN")


def _create_indexes(cursor, table, name=TABLE):
    # No other index: with sequential scans off (``SEARCH_SETTINGS``) a B-tree on
    # ``ct`` was chosen over the GIN bitmap, and read every matching text.
    for column in ("body", "body_exact", "ac"):
        cursor.execute(f"CREATE INDEX {name}_{column} ON {table} USING gin ({column})")


def _create_words(cursor):
    # the indexed words (folded), for "did you mean" (``did_you_mean``)
    cursor.execute(f"CREATE TABLE IF NOT EXISTS {WORDS} (word text PRIMARY KEY)")


def create_schema(cursor):
    """Extensions, the ``vi_unaccent`` configuration and the table (migration)."""
    cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    cursor.execute(
        "SELECT 1 FROM pg_ts_config WHERE cfgname = %s AND "
        "cfgnamespace = 'public'::regnamespace",
        [CONFIG],
    )
    if not cursor.fetchone():
        cursor.execute(
            f"CREATE TEXT SEARCH CONFIGURATION public.{CONFIG} (COPY = simple)"
        )
        cursor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION public.{CONFIG} "
            "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple"
        )
    _create_table(cursor, TABLE)
    _create_indexes(cursor, TABLE)
    _create_words(cursor)


def drop_schema(cursor):
    cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
    cursor.execute(f"DROP TABLE IF EXISTS {WORDS}")
    cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS public.{CONFIG}")


def _text(value):
    """What is indexed and searched: NFC, lower case (the database's own lower
    case depends on its locale; Python's does not)."""
    return normalize(value).lower()


def _json(value):
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (uuid.UUID, Decimal)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_json(v) for v in value]
    return value


def _is_filter_column(name):
    return name.startswith("f_") and not name.endswith(("__t", "__ac"))


def _multi(column):
    return column.rsplit("__", 1)[1].endswith("m")


# -- index ----------------------------------------------------------------------

UPSERT = f"""
INSERT INTO {{table}} (root, pk, pknum, ct, f, fieldtext, head, head_exact, ac,
                       body, body_exact)
VALUES (%s, %s, %s, %s, %s::jsonb, %s::jsonb,
        setweight(to_tsvector('{CONFIG}', %s), 'A')
          || setweight(to_tsvector('{CONFIG}', %s), 'B')
          || setweight(to_tsvector('{CONFIG}', %s), 'C'),
        setweight(to_tsvector('{EXACT_CONFIG}', %s), 'A')
          || setweight(to_tsvector('{EXACT_CONFIG}', %s), 'B')
          || setweight(to_tsvector('{EXACT_CONFIG}', %s), 'C'),
        to_tsvector('{CONFIG}', %s),
        to_tsvector('{CONFIG}', %s), to_tsvector('{EXACT_CONFIG}', %s))
ON CONFLICT (root, pk) DO UPDATE SET
    pknum = EXCLUDED.pknum, ct = EXCLUDED.ct, f = EXCLUDED.f,
    fieldtext = EXCLUDED.fieldtext, head = EXCLUDED.head,
    head_exact = EXCLUDED.head_exact, ac = EXCLUDED.ac, body = EXCLUDED.body,
    body_exact = EXCLUDED.body_exact
"""


def document_row(mapping, obj, root):
    """The row of ``obj``: the Whoosh backend's document, stored as columns."""
    doc = mapping.get_document(obj)
    f = {k: _json(v) for k, v in doc.items() if _is_filter_column(k)}
    fieldtext = {
        k: _text(v) for k, v in doc.items() if k.startswith("f_") and k not in f
    }
    heads = {"A": [], "B": [], "C": []}
    for key, text in doc.items():
        if key.startswith("allb_"):
            boost = float(key[len("allb_") :].replace("_", "."))
            weight = next(w for limit, w in HEAD_WEIGHTS if boost >= limit)
            heads[weight].append(_text(text))
    ac = _text(doc.get(AUTOCOMPLETE, ""))
    if ac and ac not in heads["A"] + heads["B"]:
        heads["C"].append(ac)
    head = ["\n".join(heads[w]) for w in "ABC"]
    body = _text(doc.get(ALL_TEXT, ""))
    return (
        root,
        doc[PK],
        doc.get(PK_NUM),
        doc[CONTENT_TYPES].split()[0],
        json.dumps(f, ensure_ascii=False),
        json.dumps(fieldtext, ensure_ascii=False),
        *head,
        *head,
        ac,
        body,
        body,
    )


def _root_label(model):
    return get_model_root(model)._meta.label_lower


class PostgresIndex(BaseIndex):
    """The one table; ``table`` is another during a rebuild."""

    def __init__(self, backend, table=TABLE):
        super().__init__(backend)
        self.table = table

    @property
    def connection(self):
        connection = connections[self.backend.db_alias]
        if connection.vendor != "postgresql":
            raise NotSupportedError(
                "search.backends.postgres needs a PostgreSQL database "
                "(SEARCH_BACKEND=whoosh otherwise)"
            )
        return connection

    def get_key(self):
        return TABLE

    def __str__(self):
        return self.table

    def add_model(self, model):
        pass

    def refresh(self):
        pass

    def reset(self):
        with self.connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {self.table}")
        index_changed()

    def add_items(self, model, items):
        if not model.get_search_fields():
            return
        mapping = DocumentMapping(model)
        root = _root_label(model)
        rows = [document_row(mapping, obj, root) for obj in items]
        if not rows:
            return
        sql = UPSERT.format(table=self.table)
        # a savepoint: an indexing error (logged by modelsearch, the backend
        # catches them) must not break the transaction of the save
        connection = self.connection
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            for i in range(0, len(rows), CHUNK):
                cursor.executemany(sql, rows[i : i + CHUNK])
            if self.table == TABLE:  # a rebuild collects its words at the end
                cursor.execute(
                    f"INSERT INTO {WORDS} (word) SELECT DISTINCT w FROM {TABLE}, "
                    "unnest(tsvector_to_array(body)) w "
                    "WHERE root = %s AND pk = ANY(%s) ON CONFLICT DO NOTHING",
                    [root, [row[1] for row in rows]],
                )
        if self.table == TABLE:
            index_changed()

    def delete_item(self, item):
        connection = self.connection
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {self.table} WHERE root = %s AND pk = %s",
                [_root_label(type(item)), str(item.pk)],
            )
        index_changed()


class PostgresRebuilder:
    """``update_index``: a new table, loaded without its GIN indexes, indexed,
    then swapped in (one transaction: searches see the old table until then).
    Writes made to the old table during the rebuild are not carried over (run
    ``update_index`` when the site is quiet, as for any rebuild)."""

    NEW = TABLE + "_new"

    def __init__(self, index):
        self.index = index

    def start(self):
        connection = self.index.connection
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {self.NEW}")
            _create_table(cursor, self.NEW)
        return PostgresIndex(self.index.backend, self.NEW)

    def finish(self):
        connection = self.index.connection
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            _create_indexes(cursor, self.NEW, self.NEW)
            cursor.execute(f"ANALYZE {self.NEW}")
            cursor.execute(f"LOCK TABLE {TABLE} IN ACCESS EXCLUSIVE MODE")
            cursor.execute(f"DROP TABLE {TABLE}")
            cursor.execute(f"ALTER TABLE {self.NEW} RENAME TO {TABLE}")
            cursor.execute(f"ALTER INDEX {self.NEW}_pkey RENAME TO {TABLE}_pkey")
            for column in ("body", "body_exact", "ac"):
                cursor.execute(
                    f"ALTER INDEX {self.NEW}_{column} RENAME TO {TABLE}_{column}"
                )
            cursor.execute(f"TRUNCATE {WORDS}")
            cursor.execute(
                f"INSERT INTO {WORDS} (word) SELECT word FROM "
                f"ts_stat('SELECT body FROM {TABLE}')"
            )
        index_changed()


# -- queries --------------------------------------------------------------------


class Sql:
    """A fragment of SQL and its parameters."""

    def __init__(self, sql, params=()):
        self.sql = sql
        self.params = list(params)

    def __repr__(self):
        return f"Sql({self.sql!r}, {self.params!r})"


FALSE = Sql("FALSE")
TRUE = Sql("TRUE")


def _tsquery_text(ws, joiner, prefix=False):
    """``'w1' & 'w2'`` from words (``\\w+``: never a quote or an operator)."""
    suffix = ":*" if prefix else ""
    return f" {joiner} ".join(
        f"'{w[:PREFIX_LENGTH] if prefix else w}'{suffix}" for w in ws
    )


def _words(text):
    """The query's words, lower case, NFC, without repeats (accented form)."""
    out = []
    for accented, _folded in words(text):
        if accented not in out:
            out.append(accented)
    return out


CASTS = {"i": "numeric", "f": "float8", "d": "timestamp", "b": "boolean", "s": "text"}


def _prefix_sql(column, multi, prefix):
    if multi:
        return Sql(
            "EXISTS (SELECT 1 FROM jsonb_array_elements_text(d.f -> %s) e "
            "WHERE starts_with(e, %s))",
            [column, prefix],
        )
    return Sql("starts_with(d.f ->> %s, %s)", [column, prefix])


def _range_sql(column, kind, multi, lookup, value):
    """``gt``/``gte``/``lt``/``lte``/``range``: a cast of the JSON value."""
    if lookup == "range":
        lower, upper = value
        conds = [(">=", lower), ("<=", upper)]
    else:
        op = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}[lookup]
        conds = [(op, value)]
    conds = [(op, clean_value(kind, v)) for op, v in conds]
    if any(v is None for _op, v in conds):
        return FALSE
    cast = CASTS[kind]
    params = [v for _op, v in conds]
    if multi:
        test = " AND ".join(f"(e)::{cast} {op} %s" for op, _v in conds)
        return Sql(
            "EXISTS (SELECT 1 FROM jsonb_array_elements_text(d.f -> %s) e "
            f"WHERE {test})",
            [column, *params],
        )
    return Sql(
        " AND ".join(f"(d.f ->> %s)::{cast} {op} %s" for op, _v in conds),
        [p for (_op, v) in conds for p in (column, v)],
    )


class PostgresSearchQueryCompiler(CompilerMixin, BaseSearchQueryCompiler):
    DEFAULT_OPERATOR = "or"
    HANDLES_ORDER_BY_EXPRESSIONS = True
    autocomplete = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mapping = DocumentMapping(self.queryset.model)

    # -- filters (on ``f``) ----------------------------------------------------

    def _contains(self, column, value, multi):
        value = _json(value)
        return json.dumps({column: [value] if multi else value}, ensure_ascii=False)

    def _process_lookup(self, field_path, lookup, value):
        column, kind = self.mapping.filter_column(field_path)
        multi = _multi(column)

        if lookup == "exact":
            if isinstance(value, (Query, Subquery)):
                value = self._resolve_query_value(value, SINGLE)
            if value is None:
                return Sql("(d.f -> %s) IS NULL", [column])
            if kind == "s" and not multi:
                # cheaper than containment, for the search page's kinds
                return Sql("d.f ->> %s = %s", [column, clean_value(kind, value)])
            return Sql(
                "d.f @> %s::jsonb",
                [self._contains(column, clean_value(kind, value), multi)],
            )

        if lookup == "isnull":
            return Sql(f"(d.f -> %s) IS {'' if value else 'NOT '}NULL", [column])

        if lookup == "in":
            if isinstance(value, (Query, Subquery)):
                value = self._resolve_query_value(value, MULTI)
            return self._in_sql(column, kind, multi, list(value))
        if lookup in ("startswith", "prefix"):
            if kind != "s":
                return None
            return _prefix_sql(column, multi, clean_value(kind, value))
        if lookup in ("gt", "gte", "lt", "lte", "range"):
            return _range_sql(column, kind, multi, lookup, value)
        return None

    def _in_sql(self, column, kind, multi, values):
        docs = [
            self._contains(column, clean_value(kind, v), multi)
            for v in values
            if v is not None
        ]
        parts = []
        if docs:
            parts.append(Sql("d.f @> ANY(%s::jsonb[])", [docs]))
        if any(v is None for v in values):
            parts.append(Sql("(d.f -> %s) IS NULL", [column]))
        if not parts:
            return FALSE
        return self._connect_filters(parts, "OR", False)

    def _process_match_none(self):
        return FALSE

    def _connect_filters(self, filters, connector, negated):
        filters = [f for f in filters if f is not None]
        if not filters:
            return None
        joiner = " AND " if connector == "AND" else " OR "
        out = Sql(
            joiner.join(f"({f.sql})" for f in filters),
            [p for f in filters for p in f.params],
        )
        if negated:
            # a filter on a missing value is NULL, not false: NOT must say true
            out = Sql(f"NOT coalesce(({out.sql}), FALSE)", out.params)
        return out

    def content_types(self):
        """The labels of the queryset's model and of its indexed subclasses."""
        model = self.queryset.model
        labels = {DocumentMapping(model).get_content_type()}
        for other in get_indexed_models():
            if issubclass(other, model):
                labels.add(DocumentMapping(other).get_content_type())
        return sorted(labels)

    def get_filter(self):
        """The queryset's content type and its own filters, as SQL on ``d``."""
        # a scalar against a constant list: ``= ANY(d.cts)`` of an array
        # column cost 35 ms more for 89,000 matches (5 kinds)
        parts = [Sql("d.ct = ANY(%s::text[])", [self.content_types()])]
        own = self._get_filters_from_queryset()
        if own is not None:
            parts.append(own)
        return self._connect_filters(parts, "AND", False)

    # -- text ------------------------------------------------------------------

    def _field_vector(self, suffix, config):
        """The fields asked for by name (``fields=[…]``): their own text."""
        searchable = {
            f.field_name: f
            for f in (
                self.queryset.model.get_autocomplete_search_fields()
                if self.autocomplete
                else self.queryset.model.get_searchable_search_fields()
            )
        }
        columns = []
        for name in self.fields:
            field = searchable.get(name)
            if field is not None:
                columns.append("f_" + self.mapping.base_name(field) + suffix)
        if not columns:
            return None
        return Sql(
            " || ".join(
                f"to_tsvector('{config}', coalesce(d.fieldtext ->> %s, ''))"
                for _c in columns
            ),
            columns,
        )

    def _tsquery(self, query):
        """``query`` as ``to_tsquery`` text (folded by the configuration), or
        ``None`` for every document, ``""`` for none."""
        if isinstance(query, MatchAll):
            return None
        if isinstance(query, PlainText):
            ws = _words(query.query_string)
            if not ws:
                return ""
            joiner = "&" if query.operator == "and" else "|"
            return "(" + _tsquery_text(ws, joiner, prefix=self.autocomplete) + ")"
        if isinstance(query, Phrase):
            ws = [a for a, _f in words(query.query_string)]
            if not ws:
                return ""
            return "(" + _tsquery_text(ws, "<->") + ")"
        if isinstance(query, Boost):
            return self._tsquery(query.subquery)
        if isinstance(query, And):
            subs = [self._tsquery(s) for s in query.subqueries]
            if "" in subs:
                return ""
            subs = [s for s in subs if s is not None]
            return "(" + " & ".join(subs) + ")" if subs else None
        if isinstance(query, Or):
            subs = [self._tsquery(s) for s in query.subqueries]
            if None in subs:
                return None
            subs = [s for s in subs if s]
            return "(" + " | ".join(subs) + ")" if subs else ""
        if isinstance(query, Not):
            inner = self._tsquery(query.subquery)
            if inner is None:
                return ""
            if inner == "":
                return None
            return "!" + inner
        raise NotImplementedError(
            f"`{query.__class__.__name__}` is not supported by the PostgreSQL "
            "search backend."
        )

    def text_sql(self, scored=True, tier=True):
        """(match condition, score expression) on ``d``, or ``None`` for no match.
        Without ``tier`` the score leaves out ``EXACT_TIER`` (``search_parts``
        adds it from its own candidates: :meth:`exact_tier`)."""
        tsq = self._tsquery(self.query)
        if tsq == "":
            return None
        if tsq is None:  # every document
            return TRUE, Sql("0.0")
        vector = "d.ac" if self.autocomplete else "d.body"
        q = Sql(f"to_tsquery('{CONFIG}', %s)", [tsq])
        match = Sql(f"{vector} @@ {q.sql}", q.params)
        if self.fields:
            own = self._field_vector("__ac" if self.autocomplete else "__t", CONFIG)
            if own is None:
                return None
            match = Sql(
                f"{match.sql} AND ({own.sql}) @@ {q.sql}",
                [*match.params, *own.params, *q.params],
            )
        if not scored:
            return match, Sql("0.0")
        rank_vector = "d.ac" if self.autocomplete else "d.head"
        if isinstance(self.query, PlainText) and not self.autocomplete:
            return match, self._typed_score(self.query, tier)
        return match, self._score(self.query, rank_vector)

    def _score(self, query, vector, boost=1.0):
        """A composed query's score: ``ts_rank`` of each part's words in the
        titles, times its boost, summed."""
        if isinstance(query, Boost):
            return self._score(query.subquery, vector, boost * query.boost)
        if isinstance(query, (And, Or)):
            parts = [self._score(s, vector, boost) for s in query.subqueries]
            parts = [p for p in parts if p is not None]
            if not parts:
                return Sql("0.0")
            return Sql(
                " + ".join(f"({p.sql})" for p in parts),
                [x for p in parts for x in p.params],
            )
        tsq = self._tsquery(query) if not isinstance(query, Not) else None
        if not tsq:
            return Sql("0.0")
        return Sql(
            f"{float(boost)} * ts_rank({vector}, to_tsquery('{CONFIG}', %s))", [tsq]
        )

    def exact_tier(self):
        """The ``simple`` tsquery of a typed query's words as typed, when it was
        typed with marks (the documents holding all of them get ``EXACT_TIER``),
        else ``None``."""
        if self.autocomplete or self.fields or not isinstance(self.query, PlainText):
            return None
        pairs = words(self.query.query_string)
        if not any(a != fo for a, fo in pairs):
            return None
        return _tsquery_text(_words(self.query.query_string), "&")

    def _typed_score(self, query, tier=True):
        """Title words, words side by side in a title, and for a query typed with
        marks the words found exactly as typed (``EXACT_TIER`` for all of them)."""
        pairs = words(query.query_string)
        ws = _words(query.query_string)
        any_words = Sql(f"to_tsquery('{CONFIG}', %s)", [_tsquery_text(ws, "|")])
        score = Sql(f"ts_rank(d.head, {any_words.sql})", any_words.params)
        if len(ws) > 1:
            phrase = _tsquery_text([a for a, _f in pairs], "<->")
            score = Sql(
                f"{score.sql} + CASE WHEN d.head @@ to_tsquery('{CONFIG}', %s) "
                f"THEN {PHRASE_BOOST} ELSE 0 END",
                [*score.params, phrase],
            )
        if any(a != fo for a, fo in pairs):
            exact_any = _tsquery_text(ws, "|")
            score = Sql(
                f"{score.sql} + {ACCENT_BOOST} * 10 * "
                f"ts_rank(d.head_exact, to_tsquery('{EXACT_CONFIG}', %s))",
                [*score.params, exact_any],
            )
            if tier:
                score = Sql(
                    f"{score.sql} + CASE WHEN d.ctid IN (SELECT x.ctid FROM "
                    f"{TABLE} x WHERE x.body_exact @@ "
                    f"to_tsquery('{EXACT_CONFIG}', %s)) THEN {EXACT_TIER} ELSE 0 END",
                    [*score.params, _tsquery_text(ws, "&")],
                )
        return score

    # -- ordering --------------------------------------------------------------

    def order_sql(self):
        """``ORDER BY`` items after the score (relevance) or instead of it."""
        items = []
        params = []
        if not self.order_by_relevance and self.queryset.ordered:
            for reverse, field in self._get_order_by():
                column, kind = self.mapping.filter_column([field])
                direction = "DESC" if reverse else "ASC"
                items.append(f"(d.f ->> %s)::{CASTS[kind]} {direction}")
                params.append(column)
        pk_kind = pk_column_kind(self.queryset.model)
        tie = "d.pknum DESC" if pk_kind == "i" else "d.pk DESC"
        if self.order_by_relevance:
            return Sql(f"score DESC, {tie}")
        items.append(tie)
        return Sql(", ".join(items), params)


class PostgresAutocompleteQueryCompiler(PostgresSearchQueryCompiler):
    autocomplete = True

    def text_sql(self, scored=True):
        if not isinstance(self.query, (PlainText, MatchAll)):
            raise NotImplementedError(
                f"`{self.query.__class__.__name__}` is not supported for "
                "autocomplete queries."
            )
        return super().text_sql(scored)


#: Planner settings for a search (``SET LOCAL``, this transaction only). A word
#: found in most documents makes a sequential scan look cheaper than the GIN
#: index, but it reads every document's whole text (``body`` is out of line):
#: 1.6 s for "đường" at 100,000 documents. The GIN bitmap reads only the narrow
#: rows; ``work_mem`` keeps that bitmap exact (a lossy one rechecks the text).
#: No parallel workers: each rebuilt the exact-form hash on its own.
SEARCH_SETTINGS = (
    "SET LOCAL enable_seqscan = off; "
    "SET LOCAL max_parallel_workers_per_gather = 0; "
    "SET LOCAL work_mem = '32MB'"
)


@contextmanager
def _cursor(backend):
    """A cursor for a search statement, in a transaction (or savepoint) of its
    own with ``SEARCH_SETTINGS``."""
    connection = connections[backend.read_alias]
    if connection.vendor != "postgresql":
        raise NotSupportedError("search.backends.postgres needs PostgreSQL")
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(SEARCH_SETTINGS)
        yield cursor


class PostgresSearchResults(ResultsMixin, BaseSearchResults):
    supports_facet = True

    def _sql(self, select, scored=True, order=True, limit=True):
        compiler = self.query_compiler
        text = compiler.text_sql(scored=scored)
        if text is None:
            return None
        match, score = text
        where = compiler.get_filter()
        sql = (
            f"SELECT {select.format(score=score.sql)} FROM {TABLE} d "
            f"WHERE ({match.sql}) AND ({where.sql})"
        )
        params = [*score.params] if "{score}" in select else []
        params += [*match.params, *where.params]
        if order:
            by = compiler.order_sql()
            sql += f" ORDER BY {by.sql}"
            params += by.params
        if limit:
            if self.stop is not None:
                sql += " LIMIT %s"
                params.append(self.stop - self.start)
            if self.start:
                sql += " OFFSET %s"
                params.append(self.start)
        return sql, params

    def _do_search(self):
        if self.stop is not None and self.stop <= self.start:
            return []
        scored = self.query_compiler.order_by_relevance
        built = self._sql("d.pk, {score} AS score", scored=scored)
        if built is None:
            return []
        with _cursor(self.backend) as cursor:
            cursor.execute(*built)
            rows = cursor.fetchall()
        return self._objects([pk for pk, _s in rows], dict(rows))

    def _do_count(self):
        built = self._sql("count(*)", scored=False, order=False, limit=False)
        if built is None:
            return 0
        with _cursor(self.backend) as cursor:
            cursor.execute(*built)
            total = cursor.fetchone()[0]
        return self._sliced_count(total)

    def facet(self, field_name):
        column, kind = self.query_compiler.facet_column(field_name)
        built = self._sql("d.f -> %s AS v", scored=False, order=False, limit=False)
        if built is None:
            return OrderedDict()
        sql, params = built
        if _multi(column):
            sql = (
                "SELECT e.v, count(*) FROM (" + sql + ") m LEFT JOIN LATERAL "
                "jsonb_array_elements(CASE WHEN jsonb_typeof(m.v) = 'array' "
                "THEN m.v ELSE 'null'::jsonb || '[]'::jsonb END) e(v) ON TRUE "
                "GROUP BY e.v ORDER BY 2 DESC"
            )
        else:
            sql = f"SELECT m.v, count(*) FROM ({sql}) m GROUP BY m.v ORDER BY 2 DESC"
        with _cursor(self.backend) as cursor:
            cursor.execute(sql, [column, *params])
            rows = cursor.fetchall()
        out = {}
        for value, count in rows:
            if isinstance(value, str):  # Django reads jsonb as text
                value = json.loads(value)
            if kind == "d" and isinstance(value, str):
                value = datetime.datetime.fromisoformat(value)
            out[value] = out.get(value, 0) + count
        return sorted_facet(out)


# -- backend --------------------------------------------------------------------


class PostgresSearchBackend(BaseSearchBackend):
    query_compiler_class = PostgresSearchQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
    results_class = PostgresSearchResults
    index_class = PostgresIndex
    rebuilder_class = PostgresRebuilder
    catch_indexing_errors = True

    def __init__(self, params):
        super().__init__(params)
        #: where the table is written (``DATABASE``) and read (``READ_DATABASE``:
        #: a replica may answer the searches)
        self.db_alias = params.get("DATABASE", DEFAULT_DB_ALIAS)
        self.read_alias = params.get("READ_DATABASE", self.db_alias)

    def get_index_for_model(self, model):
        return self.index_class(self)

    def search_parts(
        self, query, querysets, operator=None, limit=10, autocomplete=False
    ):
        """One search over several querysets (the search page's kinds): see
        :func:`search_parts`."""
        return search_parts(self, query, querysets, operator, limit, autocomplete)

    def did_you_mean(self, text, models=None):
        return did_you_mean(self, text)


SearchBackend = PostgresSearchBackend


#: A search page counts and ranks at most this many matches (more when a later
#: page asks for more hits): a common word matches most of the table, and
#: reading every match cost ~200 ms at 100,000 documents. Above it the page says
#: "more than 1,000" and each kind's count is a lower bound (``PartHits.capped``).
COUNT_CAP = 1000


def _parts_case(compilers):
    """``CASE WHEN <part 0's filter> THEN 0 … END``: the first part allowing a
    row (two kinds of one model are told apart), and the parts' content types."""
    whens, params, cts = [], [], set()
    for part, compiler in enumerate(compilers):
        where = compiler.get_filter()
        whens.append(f"WHEN {where.sql} THEN {part}")
        params += where.params
        cts.update(compiler.content_types())
    return Sql("CASE " + " ".join(whens) + " END", params), sorted(cts)


def search_parts(
    backend, query, querysets, operator=None, limit=10, autocomplete=False
):
    """Search ``querysets`` in one SQL statement: the best ``limit`` matches of
    every part ranked together, and the number of matches of each part.

    Each match belongs to the first part whose content type and filters allow
    it (a ``CASE``). The matches are read once, in the table's order, at most
    ``COUNT_CAP`` + 1 of them (``m``); for a query typed with marks, the rows
    holding every word exactly as typed (``EXACT_TIER``) are read the same way
    from their own GIN index (``e``). The page is the best ``limit`` of those
    candidates, the counts those of ``m``: exact when the query matches at most
    ``COUNT_CAP`` documents, else lower bounds (``PartHits.capped``).
    With ``autocomplete`` (the header box) only the best ``limit`` are read and
    ``counts`` are those of the hits returned. Returns :class:`PartHits`."""
    querysets = list(querysets)
    empty = PartHits([], [0] * len(querysets))
    if not querysets or query == "" or limit < 1:
        return empty
    compilers = part_compilers(backend, query, querysets, operator, autocomplete)
    if autocomplete:
        return _suggest_parts(backend, compilers, limit, len(querysets))
    text = compilers[0].text_sql(tier=False)
    if text is None:
        return empty
    match, score = text
    case, cts = _parts_case(compilers)
    cap = max(COUNT_CAP, limit)

    def candidates(condition):
        # OFFSET 0: the CASE is computed once per row, not again for the filter
        return Sql(
            f"SELECT * FROM (SELECT d.ctid AS t, d.pk, d.pknum, d.head, "
            f"d.head_exact, {case.sql} AS part FROM {TABLE} d WHERE "
            f"({condition.sql}) AND d.ct = ANY(%s::text[]) OFFSET 0) x "
            "WHERE part IS NOT NULL LIMIT %s",
            [*case.params, *condition.params, cts, cap + 1],
        )

    m = candidates(match)
    exact = compilers[0].exact_tier()
    if exact is None:
        ctes = f"m AS MATERIALIZED ({m.sql})"
        params = [*m.params]
        pool = "SELECT m.*, FALSE AS tier FROM m"
    else:
        # every word as typed implies every word folded: a match of the query
        e = candidates(
            Sql(f"d.body_exact @@ to_tsquery('{EXACT_CONFIG}', %s)", [exact])
        )
        ctes = f"m AS MATERIALIZED ({m.sql}), e AS MATERIALIZED ({e.sql})"
        params = [*m.params, *e.params]
        pool = (
            "SELECT e.*, TRUE AS tier FROM e UNION ALL "
            "SELECT m.*, FALSE FROM m WHERE m.t NOT IN (SELECT t FROM e)"
        )
    sql = (
        f"WITH {ctes} "
        f"(SELECT part, pk, {score.sql} + CASE WHEN tier THEN {EXACT_TIER} "
        f"ELSE 0 END AS score, NULL::bigint FROM ({pool}) d "
        " ORDER BY score DESC, pknum DESC NULLS LAST, pk DESC LIMIT %s) "
        "UNION ALL (SELECT part, NULL, NULL, count(*) FROM m GROUP BY part)"
    )
    params += [*score.params, limit]
    with _cursor(backend) as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    hits = [(part, pk, score) for part, pk, score, _n in rows if pk is not None]
    counts = [0] * len(querysets)
    for part, pk, _score, count in rows:
        if pk is None:
            counts[part] = count
    # When the tier (``e``) was cut, its rows read are ``cap`` ≥ ``limit``: the
    # page is theirs, and the tier's rows not read cannot enter it. When ``m``
    # was cut, the page is the best of the candidates read (see COUNT_CAP).
    capped = sum(counts) > cap
    return PartHits(hits, counts, capped=capped, cap=cap)


def _suggest_parts(backend, compilers, limit, nparts):
    """The header box: as you type, a prefix of two letters matches most
    titles: the best ``limit`` of the first ``SUGGEST_CANDIDATES`` matches (in
    the table's order), so that a suggestion never reads every match."""
    text = compilers[0].text_sql()
    if text is None:
        return PartHits([], [0] * nparts)
    match, score = text
    case, cts = _parts_case(compilers)
    sql = (
        f"SELECT part, pk, score FROM (SELECT * FROM (SELECT d.pk, d.pknum, "
        f"{score.sql} AS score, {case.sql} AS part FROM {TABLE} d "
        f"WHERE ({match.sql}) AND d.ct = ANY(%s::text[])) m0 "
        "WHERE part IS NOT NULL LIMIT %s) m "
        "ORDER BY score DESC, pknum DESC NULLS LAST, pk DESC LIMIT %s"
    )
    params = [*score.params, *case.params, *match.params, cts]
    params += [SUGGEST_CANDIDATES, limit]
    with _cursor(backend) as cursor:
        cursor.execute(sql, params)
        hits = cursor.fetchall()
    counts = [0] * nparts
    for part, _pk, _score in hits:
        counts[part] += 1
    return PartHits(hits, counts)


#: Words of a query that ``did_you_mean`` corrects (the first ones).
DID_YOU_MEAN_WORDS = 8


def _distance(a, b, limit):
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` when above."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def did_you_mean(backend, text):
    """A corrected query when some of ``text``'s words are nowhere in the index
    and it holds a word at most two edits away sharing the first letter (as the
    Whoosh backend's ``did_you_mean``), else ``""``; words are offered folded."""
    pairs = words(text)[:DID_YOU_MEAN_WORDS]
    if not pairs:
        return ""
    folded = [fo for _a, fo in pairs]
    with _cursor(backend) as cursor:
        cursor.execute(f"SELECT word FROM {WORDS} WHERE word = ANY(%s)", [folded])
        known = {row[0] for row in cursor.fetchall()}
        out = []
        changed = False
        for accented, fo in words(text):
            if fo in known or len(out) >= DID_YOU_MEAN_WORDS or len(fo) < 3:
                out.append(accented)
                continue
            cursor.execute(
                f"SELECT word FROM {WORDS} WHERE starts_with(word, %s) "
                "AND length(word) BETWEEN %s AND %s",
                [fo[0], len(fo) - 2, len(fo) + 2],
            )
            best = None
            for (candidate,) in cursor.fetchall():
                d = _distance(fo, candidate, 2)
                if d <= 2 and (best is None or (d, candidate) < best):
                    best = (d, candidate)
            if best is None:
                out.append(accented)
            else:
                out.append(best[1])
                changed = True
    return " ".join(out) if changed else ""
