"""A Whoosh search backend for Wagtail's search framework (the ``modelsearch`` API).

Select it with::

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.whoosh",
            "PATH": VAR_DIR / "whoosh",  # optional, this is the default
            "WRITE_TIMEOUT": 10,  # seconds to wait for another writer's lock
        }
    }

Design (see ``search/README.md``):

* one Whoosh index per root model (all pages together, images, documents, each
  snippet model…), all in one folder, created lazily on the first write;
* every ``FilterField`` is stored in the index with a typed Whoosh field (numbers,
  dates, booleans, strings; multi-valued for relations), so filters, ordering,
  counts and slicing are done by Whoosh; only the page of hits is fetched from the
  database, by primary key;
* text is analysed by ``search.analysis.VietnameseAnalyzer``: diacritic-insensitive,
  with exact-accent matches ranked first;
* writers wait up to ``WRITE_TIMEOUT`` seconds for Whoosh's file lock (``fcntl``), so
  several processes can write one after the other without corrupting or losing
  updates; a write that still cannot get the lock raises ``LockError`` (logged by
  modelsearch, the save itself is not lost from the database).
"""

import logging
import os
import re
import threading
import uuid
from collections import OrderedDict, defaultdict
from contextlib import ExitStack, contextmanager
from heapq import heappush, heapreplace
from itertools import pairwise
from pathlib import Path

from django.conf import settings
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
from modelsearch.index import (
    class_is_indexed,
    get_indexed_models,
)
from modelsearch.query import (
    And,
    Boost,
    Fuzzy,
    MatchAll,
    Not,
    Or,
    Phrase,
    PlainText,
)
from whoosh import collectors, scoring, sorting, writing
from whoosh import fields as wf
from whoosh import index as windex
from whoosh import query as wq
from whoosh.filedb.filestore import FileStorage
from whoosh.matching import ConstantScoreWrapperMatcher, NullMatcher, WrappingMatcher
from whoosh.util import now as wnow

from search.analysis import (
    ACCENT_MARK,
    PAIR_MARK,
    VietnameseAnalyzer,
    VietnameseAutocompleteAnalyzer,
    accented_term,
    pair_term,
    words,
)
from search.backends.common import (  # noqa: F401 (the backend's public names)
    ACCENT_BOOST,
    ALL_TEXT,
    AUTOCOMPLETE,
    CONTENT_TYPES,
    EXACT_TIER,
    NULLS,
    PHRASE_BOOST,
    PK,
    PK_NUM,
    CompilerMixin,
    DocumentMapping,
    PartHits,
    ResultsMixin,
    _kind_of_type,
    _pk_type,
    clean_value,
    index_changed,
    part_compilers,
    sorted_facet,
)

WhooshMapping = DocumentMapping

logger = logging.getLogger(__name__)


# -- schema -------------------------------------------------------------------


class MultiID(wf.ID):
    """An ``ID`` field that accepts a list of values (a many-valued filter)."""

    def index(self, value, **kwargs):
        values = value if isinstance(value, (list, tuple, set)) else [value]
        seen = set()
        for v in values:
            v = str(v)
            if v not in seen:
                seen.add(v)
                yield (v.encode("utf-8"), 1, 1.0, b"")


def _text_field(pairs=False):
    return wf.TEXT(analyzer=VietnameseAnalyzer(pairs=pairs), phrase=True)


def build_schema():
    schema = wf.Schema(
        pk=wf.ID(stored=True, unique=True, sortable=True),
        pknum=wf.NUMERIC(int, bits=64, signed=True, sortable=True),
        ct=wf.KEYWORD(),
        nulls=wf.KEYWORD(),
        all=_text_field(pairs=True),  # word pairs: see _compile_typed
        ac=wf.TEXT(analyzer=VietnameseAutocompleteAnalyzer(), phrase=False),
    )
    schema.add("allb_*", _text_field(pairs=True), glob=True)
    schema.add("f_*__t", _text_field(), glob=True)
    schema.add(
        "f_*__ac",
        wf.TEXT(analyzer=VietnameseAutocompleteAnalyzer(), phrase=False),
        glob=True,
    )
    schema.add(
        "f_*__i", wf.NUMERIC(int, bits=64, signed=True, sortable=True), glob=True
    )
    schema.add("f_*__im", wf.NUMERIC(int, bits=64, signed=True), glob=True)
    schema.add("f_*__f", wf.NUMERIC(float, sortable=True), glob=True)
    schema.add("f_*__fm", wf.NUMERIC(float), glob=True)
    schema.add("f_*__d", wf.DATETIME(sortable=True), glob=True)
    schema.add("f_*__dm", wf.DATETIME(), glob=True)
    schema.add("f_*__b", wf.BOOLEAN(), glob=True)
    schema.add("f_*__bm", wf.BOOLEAN(), glob=True)
    schema.add("f_*__s", wf.ID(sortable=True), glob=True)
    schema.add("f_*__sm", MultiID(), glob=True)
    return schema


# -- index --------------------------------------------------------------------

_open_indexes = {}
_open_lock = threading.Lock()


#: Where a logical index's current physical index is named, after a rebuild:
#: ``<path>/<name>.current`` holds e.g. ``wagtailcore_page__1a2b3c4d``.
POINTER_SUFFIX = ".current"


def _read_pointer(path, name):
    try:
        with open(os.path.join(path, name + POINTER_SUFFIX), encoding="ascii") as f:
            return f.read().strip() or None
    except (FileNotFoundError, NotADirectoryError):
        return None


def _write_pointer(path, name, physical):
    """Point ``name`` at ``physical`` atomically (rename over the old pointer)."""
    target = os.path.join(path, name + POINTER_SUFFIX)
    tmp = f"{target}.{uuid.uuid4().hex}.tmp"
    with open(tmp, "w", encoding="ascii") as f:
        f.write(physical)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, target)


def _files_of(storage, physical):
    """The data files of one physical index in a shared folder (Whoosh names them
    ``_<name>_<gen>.toc`` and ``<name>_<segment id>.<ext>``). Lock files stay: a
    waiting process may hold one."""
    pattern = re.compile(
        rf"^(_{re.escape(physical)}_\d+\.toc|{re.escape(physical)}_[a-z0-9]+\.\w+)$"
    )
    return [f for f in storage.list() if pattern.match(f)]


class WhooshIndex(BaseIndex):
    """One logical index (``wagtailcore_page``). It is stored as a physical Whoosh
    index of the same name, or, after ``update_index``, of the name its pointer
    file gives: a rebuild fills a new physical index beside the old one and then
    swaps the pointer, so searches never see a half-built index."""

    def __init__(self, backend, name, physical=None):
        super().__init__(backend)
        self.name = name
        self._fixed_physical = physical

    def get_key(self):
        return self.name

    def __str__(self):
        return self.name

    # Opening and lazy creation.

    @property
    def path(self):
        return self.backend.path

    @property
    def physical_name(self):
        if self._fixed_physical:
            return self._fixed_physical
        return _read_pointer(self.path, self.name) or self.name

    def _storage(self, create=False):
        if create:
            os.makedirs(self.path, exist_ok=True)
        return FileStorage(str(self.path))

    def exists(self, physical=None):
        return os.path.isdir(self.path) and windex.exists_in(
            str(self.path), indexname=physical or self.physical_name
        )

    def open(self, create=False, physical=None):
        """The Whoosh index, or ``None`` if it does not exist (and not ``create``)."""
        physical = physical or self.physical_name
        key = (str(self.path), physical)
        ix = _open_indexes.get(key)
        if ix is not None:
            if os.path.isdir(self.path):
                return ix
            _open_indexes.pop(key, None)
        if not self.exists(physical):
            if not create:
                return None
            self._create(physical=physical)
        with _open_lock:
            ix = _open_indexes.get(key)
            if ix is None:
                ix = windex.open_dir(str(self.path), indexname=physical)
                _open_indexes[key] = ix
        return ix

    def _create(self, replace=False, physical=None):
        physical = physical or self.physical_name
        storage = self._storage(create=True)
        lock = storage.lock(physical + "_CREATELOCK")
        if not _acquire(lock, self.backend.write_timeout):
            raise windex.LockError(f"could not create the index {physical}")
        try:
            if replace or not windex.exists_in(str(self.path), indexname=physical):
                storage.create_index(build_schema(), indexname=physical)
        finally:
            lock.release()
        _open_indexes.pop((str(self.path), physical), None)

    def writer(self):
        """A writer on the current physical index, waiting up to ``WRITE_TIMEOUT``
        for another writer's lock. If a rebuild swapped the index while this one
        waited, it lets go and writes to the new index instead."""
        for _attempt in range(5):
            physical = self.physical_name
            try:
                ix = self.open(create=True, physical=physical)
                w = ix.writer(timeout=self.backend.write_timeout, delay=0.05)
            except (windex.EmptyIndexError, FileNotFoundError):
                _open_indexes.pop((str(self.path), physical), None)
                continue  # the old index was removed under us: look again
            if self._fixed_physical or self.physical_name == physical:
                return w
            w.cancel()
        raise windex.LockError(f"the index {self.name} kept moving")

    # BaseIndex API.

    def add_model(self, model):
        self.open(create=True)

    def refresh(self):
        pass

    def reset(self):
        ix = self.open()
        if ix is None or set(ix.schema.names()) != set(build_schema().names()):
            self._create(replace=True)
            return
        w = self.writer()
        w.commit(mergetype=writing.CLEAR)
        index_changed()

    def optimize(self):
        if self.open() is not None:
            self.writer().commit(optimize=True)

    def add_item(self, item):
        self.add_items(item._meta.model, [item])

    def add_items(self, model, items):
        if not class_is_indexed(model):
            return
        items = list(items)
        if not items:
            return
        docs = []
        for item in items:
            mapping = WhooshMapping(
                type(item) if class_is_indexed(type(item)) else model
            )
            docs.append(mapping.get_document(item))
        w = self.writer()
        # A rebuild's new index starts empty and gets each object once: adding is
        # enough (``update_document`` also deletes by key, for nothing).
        put = w.add_document if self._fixed_physical else w.update_document
        try:
            for doc in docs:
                put(**doc)
        except BaseException:
            w.cancel()
            raise
        w.commit()
        index_changed()

    def delete_item(self, item):
        if not class_is_indexed(item.__class__):
            return
        if self.open() is None:
            return
        w = self.writer()
        try:
            w.delete_by_term(PK, str(item.pk))
        except BaseException:
            w.cancel()
            raise
        w.commit()
        index_changed()


#: Searchers kept open per thread (an LRU): opening one copies every segment's
#: postings into memory (Whoosh's compound files), which cost ~0.5 s a query on
#: the benchmark's 100,000 documents.
SEARCHERS_PER_THREAD = 32
_local = threading.local()


@contextmanager
def searching(ix):
    """A searcher of ``ix`` for this thread: kept between searches, opened anew
    when the index has changed. Each thread has its own: Whoosh's readers are not
    meant to be shared."""
    cache = getattr(_local, "searchers", None)
    if cache is None:
        cache = _local.searchers = OrderedDict()
    key = (str(ix.storage.folder), ix.indexname)
    # After a rebuild, let go of the old physical index (its files are deleted).
    logical = _PHYSICAL_SUFFIX.sub("", ix.indexname)
    for other in [k for k in cache if k[0] == key[0] and k != key]:
        if _PHYSICAL_SUFFIX.sub("", other[1]) == logical:
            _close(cache.pop(other)[0])
    kept = cache.pop(key, None)
    try:
        generation = ix.latest_generation()
    except Exception:  # noqa: BLE001 - its files are gone
        generation = None
    searcher = None
    if kept is not None:
        # Not ``Searcher.refresh()``: it reuses the readers of unchanged segments,
        # and a segment whose documents were only deleted counts as unchanged, so
        # a deleted page was still found (tested). Nor ``up_to_date()``: an index
        # with no document has a reader with no generation, never "up to date".
        searcher, seen = kept
        if generation is None or generation != seen:
            _close(searcher)
            searcher = None
    if searcher is None:
        searcher = ix.searcher()
    cache[key] = (searcher, generation)
    while len(cache) > SEARCHERS_PER_THREAD:
        _close(cache.popitem(last=False)[1][0])
    yield searcher


_PHYSICAL_SUFFIX = re.compile(r"__[0-9a-f]{8}$")


def _close(searcher):
    try:
        searcher.close()
    except Exception:  # noqa: BLE001 - already closed
        pass


def _acquire(lock, timeout, delay=0.05):
    import time

    deadline = wnow() + timeout
    while True:
        if lock.acquire(blocking=False):
            return True
        if wnow() >= deadline:
            return False
        time.sleep(delay)


class WhooshIndexRebuilder:
    """``update_index`` without a gap: the objects go into a new physical index;
    ``finish()`` swaps the pointer while holding the old index's
    write lock, then deletes the old files. Until the swap, searches read the old
    index, complete. Changes saved while a rebuild runs are written to the old
    index and may miss the new one if their object was already read (as with
    Wagtail's Elasticsearch "atomic rebuild"); run ``update_index`` at a quiet
    time."""

    def __init__(self, index):
        self.index = index
        self.new = None

    def start(self):
        physical = f"{self.index.name}__{uuid.uuid4().hex[:8]}"
        self.new = WhooshIndex(self.index.backend, self.index.name, physical=physical)
        self.new._create(replace=True)
        return self.new

    def finish(self):
        # No optimise: each chunk's commit already merges small segments (Whoosh's
        # default policy), and rewriting every posting in pure Python cost 4.5× the
        # indexing itself in bench/search.py.
        old = self.index.physical_name
        path = str(self.index.path)
        old_ix = self.index.open(physical=old)
        holder = None
        if old_ix is not None:
            holder = old_ix.writer(timeout=self.index.backend.write_timeout, delay=0.05)
        try:
            _write_pointer(path, self.index.name, self.new.physical_name)
        finally:
            if holder is not None:
                holder.cancel()
        _open_indexes.pop((path, old), None)
        if old != self.new.physical_name:
            storage = self.index._storage()
            for filename in _files_of(storage, old):
                try:
                    storage.delete_file(filename)
                except OSError:  # pragma: no cover - already gone
                    pass


# -- query compiler -------------------------------------------------------------


class WhooshSearchQueryCompiler(CompilerMixin, BaseSearchQueryCompiler):
    DEFAULT_OPERATOR = "or"
    mapping_class = WhooshMapping

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mapping = self.mapping_class(self.queryset.model)

    # Fields searched, as (whoosh field, boost) pairs.

    def get_text_fields(self):
        if self.fields:
            searchable = {
                f.field_name: f
                for f in self.queryset.model.get_searchable_search_fields()
            }
            out = []
            for name in self.fields:
                field = searchable.get(name)
                if field is not None:
                    out.append(
                        (self.mapping.text_column(field), float(field.boost or 1))
                    )
            return out
        out = [(ALL_TEXT, 1.0)]
        boosts = set()
        for model in get_indexed_models():
            if not issubclass(model, self.queryset.model):
                continue
            for field in model.get_searchable_search_fields():
                if field.boost and float(field.boost) != 1.0:
                    boosts.add(float(field.boost))
        out.extend((self.mapping.boost_column(b), b) for b in sorted(boosts))
        return out

    # Filters.

    def _process_lookup(self, field_path, lookup, value):
        column, kind = self.mapping.filter_column(field_path)

        if lookup == "exact":
            if isinstance(value, (Query, Subquery)):
                value = self._resolve_query_value(value, SINGLE)
            if value is None:
                return wq.Term(NULLS, column)
            return wq.Term(column, clean_value(kind, value))

        if lookup == "isnull":
            if value:
                return wq.Term(NULLS, column)
            return wq.Not(wq.Term(NULLS, column))

        if lookup in ("startswith", "prefix"):
            if kind != "s":
                return None
            return wq.Prefix(column, clean_value(kind, value))

        if lookup in ("gt", "gte", "lt", "lte", "range"):
            if lookup == "range":
                lower, upper = value
                start, end = clean_value(kind, lower), clean_value(kind, upper)
                startexcl = endexcl = False
            else:
                v = clean_value(kind, value)
                start = v if lookup in ("gt", "gte") else None
                end = v if lookup in ("lt", "lte") else None
                startexcl = lookup == "gt"
                endexcl = lookup == "lt"
            if kind == "s":
                return wq.TermRange(column, start, end, startexcl, endexcl)
            if kind == "d":
                return wq.DateRange(column, start, end, startexcl, endexcl)
            if kind in ("i", "f"):
                return wq.NumericRange(column, start, end, startexcl, endexcl)
            return None

        if lookup == "in":
            if isinstance(value, (Query, Subquery)):
                value = self._resolve_query_value(value, MULTI)
            values = [v for v in value]
            terms = [
                wq.Term(column, clean_value(kind, v)) for v in values if v is not None
            ]
            if any(v is None for v in values):
                terms.append(wq.Term(NULLS, column))
            if not terms:
                return wq.NullQuery
            return wq.Or(terms)

        return None

    def _process_match_none(self):
        return wq.NullQuery

    def _connect_filters(self, filters, connector, negated):
        if not filters:
            return None
        if len(filters) == 1:
            out = filters[0]
        elif connector == "AND":
            out = wq.And(filters)
        else:
            out = wq.Or(filters)
        if negated:
            out = wq.Not(out)
        return out

    def get_filter(self):
        """What the queryset allows, or ``None`` for every document of the index
        (a root model's queryset with no filter: an index holds one root model)."""
        queryset_filter = self._get_filters_from_queryset()
        model = self.queryset.model
        if queryset_filter is None and get_model_root(model) is model:
            return None
        parts = [wq.Term(CONTENT_TYPES, self.mapping.get_content_type())]
        if queryset_filter is not None:
            parts.append(queryset_filter)
        return _positive(wq.And(parts))

    # Text query.

    def _word_query(self, field, accented, folded, typed_accents):
        """One word in one field: its folded form; when the query was typed with
        accents, its exact form adds ``ACCENT_BOOST``."""
        q = wq.Term(field, folded)
        if typed_accents:
            q = wq.Or([q, wq.Term(field, accented_term(accented), boost=ACCENT_BOOST)])
        return q

    def _over_fields(self, fields, build):
        subqueries = []
        for field, boost in fields:
            q = build(field)
            if q is None:
                continue
            if boost != 1.0:
                q = q.with_boost(q.boost * boost)
            subqueries.append(q)
        if not subqueries:
            return wq.NullQuery
        if len(subqueries) == 1:
            return subqueries[0]
        return wq.DisjunctionMax(subqueries)

    def _compile_plaintext(self, query, fields, boost=1.0):
        ws = words(query.query_string)
        if not ws:
            return wq.NullQuery
        # Typed with a Vietnamese keyboard (some word has a mark): every word is
        # meant as typed, "Nam" included. Typed without: nothing to prefer.
        typed_accents = any(a != fo for a, fo in ws)
        word_queries = [
            self._over_fields(
                fields,
                lambda f, a=a, fo=fo: self._word_query(f, a, fo, typed_accents),
            )
            for a, fo in ws
        ]
        q = _joined(word_queries, query.operator)
        boost = boost * getattr(query, "boost", 1.0)
        if boost != 1.0:
            q = q.with_boost(q.boost * boost)
        return q

    def _compile_typed(self, query, fields, scored):
        """A typed query (a plain string or ``PlainText``), built for speed: it is
        scored on every match (see ``WhooshSearchResults._run``).

        Documents match on the folded words alone (in the combined field, or in
        the fields asked for), scored by BM25F. With ``scored``, bonuses that
        never change the matches (``Bonused``) order them; each is its weight
        times the term's idf where the term is present (no per-document BM25):

        * a boosted field (a title) holding a word: the field's boost;
        * the words' pairs found next to each other ("cắt nước"): ``PHRASE_BOOST``
          (pairs are indexed in the combined and boosted fields; fields named in
          the search read positions instead, a BM25 phrase bonus);
        * typed with marks: each word found exactly as typed, ``ACCENT_BOOST``;
          and every word found exactly as typed, ``EXACT_TIER`` (first place).
        """
        ws = words(query.query_string)
        if not ws:
            return wq.NullQuery
        folded = [fo for _a, fo in ws]
        if self.fields:
            match_fields, boosted = fields, []
        else:
            match_fields = [(f, b) for f, b in fields if f == ALL_TEXT]
            boosted = [(f, b) for f, b in fields if f != ALL_TEXT]
        names = [f for f, _b in match_fields]

        def over(build):
            return self._over_fields(match_fields, build)

        word_queries = [over(lambda f, fo=fo: wq.Term(f, fo)) for fo in folded]
        q = _joined(word_queries, query.operator)
        boost = getattr(query, "boost", 1.0)
        if not scored:
            return q

        bonuses = [([(f, fo) for fo in folded], b) for f, b in boosted]
        phrase = None
        if len(ws) > 1 and not self.fields:
            pairs = [pair_term(x, y) for x, y in pairwise(folded)]
            for f, b in [(ALL_TEXT, 1.0), *boosted]:
                bonuses.append(([(f, p) for p in pairs], PHRASE_BOOST * b))
        elif len(ws) > 1:
            # Fields asked for by name (rare) keep no pairs: read positions.
            phrases = [wq.Phrase(f, folded, boost=b) for f, b in match_fields]
            phrase = phrases[0] if len(phrases) == 1 else wq.Or(phrases)
            phrase = phrase.with_boost(PHRASE_BOOST)
        # Typed with a Vietnamese keyboard (some word has a mark): every word is
        # meant as typed, "Nam" included. Typed without: nothing to prefer.
        tier = None
        if any(a != fo for a, fo in ws):
            tier = [[(f, accented_term(a)) for f in names] for a, _fo in ws]
            bonuses.append(([ft for group in tier for ft in group], ACCENT_BOOST))
        q = Bonused(q, bonuses, tier)
        if phrase is not None:
            q = wq.AndMaybe(q, phrase)
        if boost != 1.0:
            q = q.with_boost(q.boost * boost)
        return q

    #: Plain typed text gets ``_compile_typed`` (not autocomplete's prefixes).
    typed_query = True

    def _compile_phrase(self, query, fields):
        folded = [fo for _a, fo in words(query.query_string)]
        if not folded:
            return wq.NullQuery
        if len(folded) == 1:
            return self._over_fields(fields, lambda f: wq.Term(f, folded[0]))
        return self._over_fields(fields, lambda f: wq.Phrase(f, folded))

    def _compile_fuzzy(self, query, fields):
        ws = words(query.query_string)
        if not ws:
            return wq.NullQuery

        def fuzzy(f, fo):
            n = len(fo)
            dist = 0 if n <= 2 else (1 if n <= 5 else 2)
            if dist == 0:
                return wq.Term(f, fo)
            return wq.FuzzyTerm(f, fo, maxdist=dist, prefixlength=1)

        word_queries = [
            self._over_fields(fields, lambda f, fo=fo: fuzzy(f, fo)) for _a, fo in ws
        ]
        return _joined(word_queries, query.operator)

    def _compile(self, query, fields, boost=1.0):
        if isinstance(query, MatchAll):
            return wq.Every()
        if isinstance(query, PlainText):
            return self._compile_plaintext(query, fields, boost)
        if isinstance(query, Phrase):
            q = self._compile_phrase(query, fields)
        elif isinstance(query, Fuzzy):
            q = self._compile_fuzzy(query, fields)
        elif isinstance(query, And):
            subqueries = [self._compile(s, fields, boost) for s in query.subqueries]
            if any(s is wq.NullQuery for s in subqueries):
                return wq.NullQuery
            subqueries = [s for s in subqueries if not isinstance(s, wq.Every)]
            if not subqueries:
                return wq.Every()
            return subqueries[0] if len(subqueries) == 1 else wq.And(subqueries)
        elif isinstance(query, Or):
            subqueries = [self._compile(s, fields, boost) for s in query.subqueries]
            subqueries = [s for s in subqueries if s is not wq.NullQuery]
            if not subqueries:
                return wq.NullQuery
            if any(isinstance(s, wq.Every) for s in subqueries):
                return wq.Every()
            return subqueries[0] if len(subqueries) == 1 else wq.Or(subqueries)
        elif isinstance(query, Not):
            inner = self._compile(query.subquery, fields, boost)
            if inner is wq.NullQuery:
                return wq.Every()
            if isinstance(inner, wq.Every):
                return wq.NullQuery
            return wq.Not(inner)
        elif isinstance(query, Boost):
            return self._compile(query.subquery, fields, boost * query.boost)
        else:
            raise NotImplementedError(
                f"`{query.__class__.__name__}` is not supported by the Whoosh "
                "search backend."
            )
        if boost != 1.0:
            q = q.with_boost(q.boost * boost)
        return q

    def get_query(self, scored=True):
        """The Whoosh query; ``scored=False`` leaves out the ranking bonuses (they
        never change which documents match, so counting does not need them)."""
        fields = self.get_text_fields()
        if isinstance(self.query, PlainText) and self.typed_query:
            # Typed text: ranked with bonuses (see ``_compile_typed``). Composed
            # queries (And, Or, Boost…) are scored on their words alone.
            return self._compile_typed(self.query, fields, scored)
        return _positive(self._compile(self.query, fields))

    # Ordering.

    #: ``F("field").asc()``/``.desc()`` are understood; other expressions raise.
    HANDLES_ORDER_BY_EXPRESSIONS = True

    def _get_order_by_fields(self):
        return self._get_order_by()

    def get_sortedby(self):
        """``None`` for relevance, else a list of Whoosh facets."""
        if self.order_by_relevance:
            return None
        facets = []
        if self.queryset.ordered:
            for reverse, field in self._get_order_by_fields():
                column, _kind = self.mapping.filter_column([field])
                facets.append(sorting.FieldFacet(column, reverse=reverse))
        if not facets:
            pk_field = self.queryset.model._meta.pk
            column = PK_NUM if _kind_of_type(_pk_type(pk_field)) == "i" else PK
            facets.append(sorting.FieldFacet(column, reverse=True))
        return facets


def _indexed_term(searcher, field, text):
    """``text`` as the index stores it in ``field``, or None if it is not there."""
    if field not in searcher.schema:
        return None
    try:
        btext = searcher.schema[field].to_bytes(text)
    except ValueError:
        return None
    return btext if (field, btext) in searcher.reader() else None


class PresenceTerm(wq.Term):
    """A bonus term: where present it scores its boost times the term's idf,
    without BM25's per-document work (reading the term's frequency and the
    field's length in that document). A typed query's bonuses (title words, word
    pairs, exact accents) are such terms: scored on every match, they cost most
    of a common query's time (measured in the search README)."""

    def matcher(self, searcher, context=None):
        text = _indexed_term(searcher, self.fieldname, self.text)
        if text is None:
            return NullMatcher()
        postings = searcher.postings(self.fieldname, text)
        idf = searcher.idf(self.fieldname, text)
        return ConstantScoreWrapperMatcher(postings, self.boost * idf)


class Bonused(wq.Query):
    """``required``'s matches, each scored ``required``'s score plus bonuses that
    never change the matches (what ``AndMaybe(required, Or(bonuses))`` of
    ``PresenceTerm``s scores, computed another way when that is cheaper).

    ``bonuses``: ``(terms, weight)`` pairs, ``terms`` a list of ``(field, text)``:
    a document gets ``weight × idf`` for each of the terms it holds. ``tier``: a
    list of groups of ``(field, text)``: a document holding a term of every group
    gets ``EXACT_TIER`` more.

    Advancing a tree of bonus matchers to every match costs most of a common
    query's time (every match is scored, see ``WhooshSearchResults._run``). When
    the bonus terms' postings are few next to that work, they are read once into
    a table instead (``_table``); otherwise the tree is used. Both give the same
    scores (tested)."""

    #: Reading one posting into the table against advancing one bonus matcher to
    #: one match: the table is built when it costs less. On a 20,000-document
    #: benchmark index (67 queries, 2 timings each) the table alone took 4,828 ms
    #: in all, the tree alone 6,930, this rule 4,784; the tree won one query
    #: (rare words, common bonus terms), by 3 %.
    TABLE_COST = 0.1

    def __init__(self, required, bonuses, tier=None, boost=1.0):
        self.required = required
        self.bonuses = [(list(terms), weight) for terms, weight in bonuses if terms]
        self.tier = [list(group) for group in tier or []]
        self.boost = boost

    def __repr__(self):
        return (
            f"Bonused({self.required!r}, {self.bonuses!r}, {self.tier!r}, {self.boost})"
        )

    def __eq__(self, other):
        return (
            type(other) is type(self)
            and self.required == other.required
            and self.bonuses == other.bonuses
            and self.tier == other.tier
            and self.boost == other.boost
        )

    def __hash__(self):
        return hash(repr(self))

    def is_leaf(self):
        return False

    def children(self):
        yield self.required

    def apply(self, fn):
        return Bonused(fn(self.required), self.bonuses, self.tier, self.boost)

    def with_boost(self, boost):
        return Bonused(self.required, self.bonuses, self.tier, boost)

    def requires(self):
        return self.required.requires()

    def estimate_size(self, ixreader):
        return self.required.estimate_size(ixreader)

    def _as_tree(self):
        parts = [
            (
                wq.Or([PresenceTerm(f, t) for f, t in terms])
                if len(terms) > 1
                else PresenceTerm(*terms[0])
            ).with_boost(weight)
            for terms, weight in self.bonuses
        ]
        if self.tier:
            every = [
                wq.Or([wq.Term(f, t) for f, t in group])
                if len(group) > 1
                else wq.Term(*group[0])
                for group in self.tier
            ]
            every = every[0] if len(every) == 1 else wq.And(every)
            parts.append(wq.ConstantScoreQuery(every, EXACT_TIER))
        if not parts:
            return self.required
        return wq.AndMaybe(self.required, parts[0] if len(parts) == 1 else wq.Or(parts))

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        m = self.required.matcher(searcher, context)
        if not m.is_active():
            # Nothing matches in this segment (most segments of most kinds, in a
            # search over every kind): no bonus to weigh.
            return m
        terms = [ft for terms, _w in self.bonuses for ft in terms]
        terms += [ft for group in self.tier for ft in group]
        postings = sum(reader.doc_frequency(f, t) for f, t in terms)
        visits = self.required.estimate_size(reader) * len(terms)
        if postings * self.TABLE_COST >= visits:
            m = self._as_tree().matcher(searcher, context)
        else:
            m = _TableMatcher(m, self._table(searcher))
        if self.boost != 1.0:
            m = WrappingMatcher(m, boost=self.boost)
        return m

    def _ids(self, searcher, field, text):
        btext = _indexed_term(searcher, field, text)
        if btext is None:
            return None
        return btext, searcher.postings(field, btext).all_ids()

    def _table(self, searcher):
        table = defaultdict(float)
        for terms, weight in self.bonuses:
            for field, text in terms:
                found = self._ids(searcher, field, text)
                if found is None:
                    continue
                btext, ids = found
                add = weight * searcher.idf(field, btext)
                for docid in ids:
                    table[docid] += add
        if self.tier:
            common = None
            for group in self.tier:
                ids = set()
                for field, text in group:
                    found = self._ids(searcher, field, text)
                    if found is not None:
                        ids.update(found[1])
                common = ids if common is None else common & ids
                if not common:
                    break
            for docid in common or ():
                table[docid] += EXACT_TIER
        return table


class _TableMatcher(WrappingMatcher):
    """``child``'s matches; each scores its own score plus the table's bonus."""

    def __init__(self, child, table):
        WrappingMatcher.__init__(self, child)
        self._table = table

    def copy(self):
        return _TableMatcher(self.child.copy(), self._table)

    def _replacement(self, newchild):
        return _TableMatcher(newchild, self._table)

    def supports_block_quality(self):
        return False

    def score(self):
        return self.child.score() + self._table.get(self.child.id(), 0.0)


def _joined(word_queries, operator):
    """The words' queries joined as the query's operator says ("and" / "or")."""
    if len(word_queries) == 1:
        return word_queries[0]
    return wq.And(word_queries) if operator == "and" else wq.Or(word_queries)


def _positive(q):
    """Whoosh cannot run a bare ``Not``: anchor it to every document."""
    if isinstance(q, wq.Not):
        return wq.AndNot(wq.Every(), q.query)
    if isinstance(q, wq.And):
        positives = [s for s in q.subqueries if not isinstance(s, wq.Not)]
        negatives = [s.query for s in q.subqueries if isinstance(s, wq.Not)]
        if negatives:
            positive = (
                wq.And([_positive(s) for s in positives]) if positives else wq.Every()
            )
            negative = negatives[0] if len(negatives) == 1 else wq.Or(negatives)
            return wq.AndNot(positive, negative)
        return wq.And([_positive(s) for s in q.subqueries], boost=q.boost)
    if isinstance(q, wq.Or):
        return wq.Or([_positive(s) for s in q.subqueries], boost=q.boost)
    return q


class WhooshAutocompleteQueryCompiler(WhooshSearchQueryCompiler):
    typed_query = False

    def get_text_fields(self):
        if self.fields:
            ac_fields = {
                f.field_name: f
                for f in self.queryset.model.get_autocomplete_search_fields()
            }
            out = []
            for name in self.fields:
                field = ac_fields.get(name)
                if field is not None:
                    out.append((self.mapping.autocomplete_column(field), 1.0))
            return out
        return [(AUTOCOMPLETE, 1.0)]

    def _word_query(self, field, accented, folded, typed_accents=False):
        return wq.Term(field, folded[:20])

    def _compile(self, query, fields, boost=1.0):
        if isinstance(query, (PlainText, MatchAll)):
            return super()._compile(query, fields, boost)
        raise NotImplementedError(
            f"`{query.__class__.__name__}` is not supported for autocomplete queries."
        )


# -- results ------------------------------------------------------------------


class WhooshSearchResults(ResultsMixin, BaseSearchResults):
    supports_facet = True

    def _index(self):
        return self.backend.get_index_for_model(self.query_compiler.queryset.model)

    def _run(self, searcher, limit, **kwargs):
        compiler = self.query_compiler
        sortedby = compiler.get_sortedby()
        q = compiler.get_query(scored=sortedby is None)
        if q is wq.NullQuery:
            return None
        filter_q = compiler.get_filter()
        if sortedby is None and limit is not None and limit < searcher.doc_count():
            # Whoosh's top-N shortcuts (skipping blocks by their "quality",
            # replacing matchers by a minimum score) trust per-matcher score
            # bounds that are wrong for nested boosted unions (every word here is
            # ``Or(folded, accented^1.5)`` in each field): with them the first
            # page missed the best matches (benchmark corpus, "dương": 19.5 shown
            # while 23.1 existed). Every match is scored instead.
            collector = collectors.TopCollector(limit, usequality=False, replace=0)
            if filter_q is not None:
                collector = collectors.FilterCollector(collector, filter_q)
            searcher.search_with_collector(q, collector)
            results = collector.results()
        else:
            results = searcher.search(
                q,
                filter=filter_q,
                limit=limit,
                sortedby=sortedby,
                scored=sortedby is None,
                terms=False,
            )
        if sortedby is None:
            # Scoring visited every match: keep their number for ``count()`` (the
            # search page asks for a page, then the count, on the same query;
            # slices share the compiler). Page and count then come from one
            # snapshot of the index.
            compiler._whoosh_match_count = len(results)
        return results

    def _do_search(self):
        ix = self._index().open()
        if ix is None:
            return []
        limit = self.stop if self.stop is not None else None
        if limit is not None and limit <= self.start:
            return []
        with searching(ix) as searcher:
            results = self._run(searcher, limit)
            if results is None:
                return []
            hits = results[self.start : self.stop] if limit else results[self.start :]
            pks = [hit[PK] for hit in hits]
            scores = {hit[PK]: hit.score for hit in hits}
        return self._objects(pks, scores)

    def _do_count(self):
        total = getattr(self.query_compiler, "_whoosh_match_count", None)
        if total is not None:
            return self._sliced_count(total)
        ix = self._index().open()
        if ix is None:
            return 0
        with searching(ix) as searcher:
            compiler = self.query_compiler
            q = compiler.get_query(scored=False)
            if q is wq.NullQuery:
                return 0
            results = searcher.search(
                q, filter=compiler.get_filter(), limit=None, scored=False
            )
            total = len(results)
        return self._sliced_count(total)

    def facet(self, field_name):
        compiler = self.query_compiler
        column, kind = compiler.facet_column(field_name)
        ix = self._index().open()
        if ix is None:
            return OrderedDict()
        counts = {}
        with searching(ix) as searcher:
            q = compiler.get_query(scored=False)
            if q is wq.NullQuery:
                return OrderedDict()
            results = searcher.search(
                q, filter=compiler.get_filter(), limit=None, scored=False
            )
            docnums = list(results.docs())
            nulls = set()
            null_results = searcher.search(
                wq.Term(NULLS, column), limit=None, scored=False
            )
            nulls = set(null_results.docs())
            field_type = searcher.schema[column]
            reader = searcher.reader()
            if reader.has_column(column):
                # Single-valued: read the column, O(number of results).
                values = reader.column_reader(column)
                for docnum in docnums:
                    value = None if docnum in nulls else values[docnum]
                    if kind == "s" and isinstance(value, bytes):
                        value = value.decode("utf-8")
                    counts[value] = counts.get(value, 0) + 1
                return sorted_facet(counts)
            values_by_doc = {}
            for term in reader.lexicon(column):
                try:
                    value = field_type.from_bytes(term)
                except Exception:  # pragma: no cover - trie sub-terms
                    continue
                if kind in ("i", "f", "d") and not _is_full_precision(field_type, term):
                    continue
                for docnum in reader.postings(column, term).all_ids():
                    values_by_doc.setdefault(docnum, []).append(value)
            for docnum in docnums:
                if docnum in nulls or docnum not in values_by_doc:
                    counts[None] = counts.get(None, 0) + 1
                    continue
                for value in values_by_doc[docnum]:
                    counts[value] = counts.get(value, 0) + 1
        return sorted_facet(counts)


def _is_full_precision(field_type, term):
    """Whoosh NUMERIC fields index extra lower-precision "tier" terms: skip them."""
    shift = getattr(field_type, "shift_step", 0)
    if not shift:
        return True
    return term[0] == 0


# -- backend ------------------------------------------------------------------


_test_path = None


def default_path():
    """``VAR_DIR / "whoosh"``; under pytest, a temporary folder for the process.

    A test run must never write its throwaway pages into the site's index: when no
    ``PATH`` is configured and pytest is running a test, the index goes to a
    temporary folder that is removed when the process exits.
    """
    global _test_path
    if "PYTEST_CURRENT_TEST" in os.environ:
        if _test_path is None:
            import atexit
            import shutil
            import tempfile

            _test_path = tempfile.mkdtemp(prefix="whoosh-test-")
            atexit.register(shutil.rmtree, _test_path, ignore_errors=True)
        return Path(_test_path)
    return Path(getattr(settings, "VAR_DIR", "var")) / "whoosh"


class WhooshSearchBackend(BaseSearchBackend):
    query_compiler_class = WhooshSearchQueryCompiler
    autocomplete_query_compiler_class = WhooshAutocompleteQueryCompiler
    results_class = WhooshSearchResults
    index_class = WhooshIndex
    rebuilder_class = WhooshIndexRebuilder
    catch_indexing_errors = True

    def __init__(self, params):
        super().__init__(params)
        params = dict(params)
        path = params.pop("PATH", None)
        if path is None:
            path = default_path()
        self.path = Path(path)
        self.index_prefix = params.pop("INDEX_PREFIX", "")
        self.write_timeout = float(params.pop("WRITE_TIMEOUT", 10))

    def get_index_for_model(self, model):
        root_model = get_model_root(model)
        name = (
            self.index_prefix
            + root_model._meta.app_label.lower()
            + "_"
            + root_model.__name__.lower()
        )
        return self.index_class(self, name)

    def search_parts(
        self, query, querysets, operator=None, limit=10, autocomplete=False
    ):
        """One search over several querysets at once (the search page: one queryset
        per kind of result), whatever their indexes: see :func:`search_parts`."""
        return search_parts(self, query, querysets, operator, limit, autocomplete)


SearchBackend = WhooshSearchBackend


# -- one search over several kinds ----------------------------------------------


#: Documents that no part allows, in a kinds table.
_NO_PART = 255
#: Kinds tables kept per combined searcher (one per set of filters: a day's
#: listing rules, an area chosen…).
KIND_TABLES = 16


class _PartCollector(collectors.TopCollector):
    """Scores every match (see ``WhooshSearchResults._run``: no top-N
    shortcuts), keeps the best ``limit`` among the documents some part allows, and
    counts the matches of each part in the same pass (``kinds``: document number →
    part)."""

    def __init__(self, limit, kinds, parts, skip=()):
        super().__init__(limit, usequality=False, replace=0)
        self.kinds = kinds
        self.counts = [0] * parts
        self.skip = skip  # offsets of the segments no part allows anything of

    def run(self):
        try:
            for subsearcher, offset in self.top_searcher.leaf_searchers():
                if offset in self.skip:
                    continue
                self.set_subsearcher(subsearcher, offset)
                self.collect_matches()
        finally:
            self.finish()

    def collect_matches(self):
        # ``TopCollector``'s loop without its per-match checks for the top-N
        # shortcuts (not used: ``usequality=False, replace=0``).
        matcher = self.matcher
        kinds, counts, offset = self.kinds, self.counts, self.offset
        items, limit, final = self.items, self.limit, self.final_fn
        searcher = self.top_searcher
        total = 0
        while matcher.is_active():
            docnum = offset + matcher.id()
            part = kinds[docnum]
            if part != _NO_PART:
                counts[part] += 1
                total += 1
                score = matcher.score()
                if final:
                    score = final(searcher, docnum, score)
                if len(items) < limit:
                    heappush(items, (score, -docnum))
                elif score > items[0][0]:
                    heapreplace(items, (score, -docnum))
            matcher.next()
        self.total += total


class _Combined:
    """One searcher over several indexes' kept searchers (a ``MultiReader`` of
    their segments), and its kinds tables. Kept per thread while every searcher
    under it is the one ``searching()`` keeps (an index that changed gets a new
    searcher there, so this is rebuilt)."""

    def __init__(self, subs):
        from whoosh.reading import MultiReader
        from whoosh.searching import Searcher

        self.subs = subs
        # Segments without a document (an empty index) are left out.
        leaves = [
            r
            for s in subs
            for r, _offset in s.reader().leaf_readers()
            if r.doc_count_all()
        ]
        if len(subs) == 1 and len(leaves) == len(subs[0].reader().leaf_readers()):
            self.searcher = subs[0]
        elif len(leaves) == 1:
            self.searcher = Searcher(leaves[0], closereader=False)
        else:
            self.searcher = Searcher(MultiReader(leaves), closereader=False)
        self.tables = OrderedDict()
        # (segment offset, field, term) → {docnum: weight}: the postings of the
        # terms searched since the index last changed (``_TermPostings``)
        self.postings = _TermPostings()

    def kinds(self, filters):
        """Document number → the first part whose filter allows it, and the
        offsets of the segments where no part allows anything (not searched)."""
        key = tuple(filters)
        found = self.tables.pop(key, None)
        if found is None:
            table = bytearray([_NO_PART]) * self.searcher.doc_count_all()
            for part in range(len(filters) - 1, -1, -1):
                for docnum in self.searcher.docs_for_query(filters[part]):
                    table[docnum] = part
            skip = set()
            for leaf, offset in self.searcher.leaf_searchers():
                n = leaf.doc_count_all()
                if table.count(_NO_PART, offset, offset + n) == n:
                    skip.add(offset)
            found = (table, frozenset(skip), [])
        self.tables[key] = found
        while len(self.tables) > KIND_TABLES:
            self.tables.popitem(last=False)
        return found

    @staticmethod
    def allowed(found):
        """The documents some part allows, as a set (made once per table)."""
        table, _skip, memo = found
        if not memo:
            memo.append({i for i, part in enumerate(table) if part != _NO_PART})
        return memo[0]


def _combined(ixs):
    cache = getattr(_local, "combined", None)
    if cache is None:
        cache = _local.combined = OrderedDict()
    key = tuple((str(ix.storage.folder), ix.indexname) for ix in ixs)
    with ExitStack() as stack:
        subs = [stack.enter_context(searching(ix)) for ix in ixs]
    found = cache.pop(key, None)
    if (
        found is None
        or len(found.subs) != len(subs)
        or any(a is not b for a, b in zip(found.subs, subs, strict=True))
    ):
        found = _Combined(subs)
    cache[key] = found
    while len(cache) > SEARCHERS_PER_THREAD:
        cache.popitem(last=False)
    return found


#: Postings kept decoded per combined searcher (``_TermPostings``, an LRU of
#: terms): at most this many ``docnum: weight`` pairs (~100 bytes each).
POSTINGS_KEPT = 300_000


class _TermPostings:
    """Decoded postings (``{docnum: weight}``, segment numbering) of the terms
    searched, per segment, kept with the combined searcher until an index
    changes: decoding a common word's blocks (unpickling, decompressing) cost
    more than the search that used it."""

    def __init__(self, most=None):
        self.kept = OrderedDict()
        self.size = 0
        self.most = POSTINGS_KEPT if most is None else most

    def lengths(self, offset, reader, field):
        """Each document's length of ``field`` in one segment (a list, as BM25
        reads it), kept as the postings are."""
        key = (offset, field, None)
        found = self.kept.pop(key, None)
        if found is None:
            length = reader.doc_field_length
            found = [length(d, field, 1) for d in range(reader.doc_count_all())]
            self.size += len(found)
        self.kept[key] = found
        return found

    def get(self, offset, reader, field, btext):
        key = (offset, field, btext)
        found = self.kept.pop(key, None)
        if found is None:
            found = _read_postings(reader, field, btext)
            self.size += len(found)
        self.kept[key] = found
        while self.size > self.most and len(self.kept) > 1:
            _key, dropped = self.kept.popitem(last=False)
            self.size -= len(dropped)
        return found


def _read_postings(reader, field, btext):
    """``{docnum: weight}`` of a term in one segment (empty if absent), read a
    block at a time where the codec allows."""
    if (field, btext) not in reader:
        return {}
    m = reader.postings(field, btext)
    out = {}
    if hasattr(m, "_read_ids") and hasattr(m, "_next_block"):
        while m.is_active():
            if m._ids is None:
                m._read_ids()
            if m._weights is None:
                m._read_weights()
            out.update(zip(m._ids, m._weights, strict=True))
            m._next_block()
        return out
    while m.is_active():
        out[m.id()] = m.weight()
        m.next()
    return out


def _leaf_terms(q):
    """``q``'s terms when it is a plain ``Term`` or an ``And``/``Or`` of plain
    ``Term``s (the search page's typed query: each word in the combined
    field), else None."""
    if type(q) is wq.Term and q.boost == 1.0:
        return [q]
    if type(q) in (wq.And, wq.Or) and q.boost == 1.0:
        if all(type(t) is wq.Term and t.boost == 1.0 for t in q.subqueries):
            return list(q.subqueries)
    return None


def _fast_shape(q):
    return type(q) is Bonused and q.boost == 1.0 and _leaf_terms(q.required) is not None


def _fast_parts(combined, q, kinds, nparts, skip, limit, every=False):
    """What ``_PartCollector`` finds for a typed query (``Bonused`` over a
    ``Term`` or an ``And``/``Or`` of ``Term``s), without scoring every match.

    Per segment, from the terms' kept postings (``_TermPostings``): the matches
    are a set intersection (``And``) or union (``Or``), counted per part; each
    allowed match gets its bonus (the table ``Bonused`` builds) and a bound on
    its score, the bonus plus each term's BM25 at its highest weight in the
    segment and a field length of 0 (BM25 grows with the weight and shrinks
    with the length). Matches are then scored exactly, best bonus first, until
    the next one's bound cannot beat the ``limit``-th score found: the same
    first page and counts as scoring every match (tested), on a common query a
    fraction of the work.

    ``every`` (suggestions: one field of prefixes, no bonus to order by): every
    allowed match is scored, from the field's lengths kept with the postings
    (no column read per match)."""
    searcher = combined.searcher
    cache = combined.postings
    terms = _leaf_terms(q.required)
    conjunctive = type(q.required) is not wq.Or
    counts = [0] * nparts
    items = []  # heap of (score, -docnum), as TopCollector keeps it
    weighting = searcher.weighting
    for leaf, offset in searcher.leaf_searchers():
        if offset in skip:
            continue
        reader = leaf.reader()
        scored = []  # (postings, scorer) of the required terms present here
        missing = False
        for t in terms:
            btext = _indexed_term(leaf, t.fieldname, t.text)
            postings = cache.get(offset, reader, t.fieldname, btext) if btext else {}
            if not postings:
                missing = True
                continue
            scorer = weighting.scorer(leaf, t.fieldname, btext)
            if not isinstance(scorer, scoring.WeightLengthScorer):
                return None  # no bound known: score every match
            scored.append((postings, scorer))
        if not scored or (missing and conjunctive):
            continue
        sets = [p.keys() for p, _s in scored]
        if conjunctive:
            sets.sort(key=len)
            matches = set(sets[0]).intersection(*sets[1:])
        else:
            matches = set().union(*sets)
        allowed = []
        for docnum in matches:
            part = kinds[offset + docnum]
            if part != _NO_PART:
                counts[part] += 1
                allowed.append(docnum)
        if not allowed:
            continue
        # the bonuses, as ``Bonused._table`` adds them (same order)
        table = defaultdict(float)
        for bterms, weight in q.bonuses:
            for field, text in bterms:
                btext = _indexed_term(leaf, field, text)
                if btext is None:
                    continue
                postings = cache.get(offset, reader, field, btext)
                if not postings:
                    continue
                add = weight * leaf.idf(field, btext)
                for docnum in matches.intersection(postings.keys()):
                    table[docnum] += add
        if q.tier:
            common = None
            for group in q.tier:
                ids = set()
                for field, text in group:
                    btext = _indexed_term(leaf, field, text)
                    if btext is not None:
                        ids.update(cache.get(offset, reader, field, btext).keys())
                common = ids if common is None else common & ids
                if not common:
                    break
            for docnum in (common or set()) & matches:
                table[docnum] += EXACT_TIER
        get = table.get
        if every:
            fields = {t.fieldname for t in terms}
            lengths = (
                cache.lengths(offset, reader, fields.pop())
                if len(fields) == 1
                else None
            )
            for docnum in allowed:
                score = 0.0
                length = lengths[docnum] if lengths is not None else None
                for postings, scorer in scored:
                    w = postings.get(docnum)
                    if w is not None:
                        if length is None:
                            length = scorer.dfl(docnum)
                        score += scorer._score(w, length)
                entry = (score + get(docnum, 0.0), -(offset + docnum))
                if len(items) < limit:
                    heappush(items, entry)
                elif entry > items[0]:
                    heapreplace(items, entry)
            continue
        ceiling = sum(s._score(max(p.values()), 0) for p, s in scored)
        allowed.sort(key=lambda d: (-get(d, 0.0), d))
        for docnum in allowed:
            bonus = get(docnum, 0.0)
            if len(items) >= limit and bonus + ceiling < items[0][0]:
                break  # sorted by bonus: no later match can enter the page
            score = 0.0
            length = None
            for postings, scorer in scored:
                w = postings.get(docnum)
                if w is not None:
                    if length is None:
                        length = scorer.dfl(docnum)
                    score += scorer._score(w, length)
            score += bonus
            entry = (score, -(offset + docnum))
            if len(items) < limit:
                heappush(items, entry)
            elif entry > items[0]:
                heapreplace(items, entry)
    top = [(score, -neg) for score, neg in sorted(items, reverse=True)]
    return top, counts


def search_parts(
    backend, query, querysets, operator=None, limit=10, autocomplete=False
):
    """Search ``querysets`` (of any indexed models, in any indexes) in one pass.

    The text query is compiled once (over the combined field and every boosted
    field of the models); each queryset becomes a filter (its content type and its
    own filters), and a table of which part each document belongs to (kept with
    the searchers until an index changes) lets one collector score every match,
    keep the best ``limit`` of all parts together and count each part's matches.
    BM25F's statistics are those of all the indexes together. Returns
    :class:`PartHits`. With ``autocomplete`` (the header box's suggestions: the
    ``ac`` prefixes) only the best ``limit`` are wanted: Whoosh's top-N collector
    with its block skipping, and ``counts`` are those of the hits returned."""
    querysets = list(querysets)
    empty = PartHits([], [0] * len(querysets))
    if not querysets or query == "" or limit < 1:
        return empty
    compilers = part_compilers(backend, query, querysets, operator, autocomplete)
    fields = {}
    for compiler in compilers:
        for name, boost in compiler.get_text_fields():
            fields[name] = boost
    fields = sorted(fields.items(), key=lambda fb: (fb[0] != ALL_TEXT, fb[0]))
    first = compilers[0]
    if isinstance(first.query, PlainText) and first.typed_query:
        q = first._compile_typed(first.query, fields, True)
    else:
        q = _positive(first._compile(first.query, fields))
    if q is wq.NullQuery:
        return empty
    filters = []
    for compiler in compilers:
        ct = wq.Term(CONTENT_TYPES, compiler.mapping.get_content_type())
        own = compiler._get_filters_from_queryset()
        filters.append(ct if own is None else _positive(wq.And([ct, own])))
    ixs = {}
    for compiler in compilers:
        index = backend.get_index_for_model(compiler.queryset.model)
        if index.name not in ixs:
            ix = index.open()
            if ix is not None:
                ixs[index.name] = ix
    if not ixs:
        return empty
    combined = _combined([ixs[name] for name in sorted(ixs)])
    searcher = combined.searcher
    found = combined.kinds(filters)
    kinds, skip, _memo = found
    fast = None
    if autocomplete and _leaf_terms(q) is not None:
        # Suggestions: the best few of the ``ac`` prefixes, every allowed match
        # scored from the kept postings and field lengths (``_fast_parts``)
        fast = _fast_parts(
            combined, Bonused(q, []), kinds, len(filters), skip, limit, every=True
        )
    if fast is not None:
        top = fast[0]
        counts = [0] * len(filters)
        for _score, docnum in top:
            counts[kinds[docnum]] += 1
    elif autocomplete:
        # Suggestions need the best few, not counts: prefixes of one field, a
        # term per word (no nested boosted unions), so Whoosh's top-N shortcuts
        # (skipping blocks that cannot beat the N-th score) are safe here.
        collector = collectors.FilterCollector(
            collectors.TopCollector(limit), allow=_Combined.allowed(found)
        )
        searcher.search_with_collector(q, collector)
        top = collector.results().top_n
        counts = [0] * len(filters)
        for _score, docnum in top:
            counts[kinds[docnum]] += 1
    elif _fast_shape(q) and (
        fast := _fast_parts(combined, q, kinds, len(filters), skip, limit)
    ):
        top, counts = fast
    else:
        collector = _PartCollector(limit, kinds, len(filters), skip)
        searcher.search_with_collector(q, collector)
        top = collector.results().top_n
        counts = collector.counts
    hits = [
        (kinds[docnum], searcher.stored_fields(docnum)[PK], score)
        for score, docnum in top
    ]
    return PartHits(hits, counts)


def did_you_mean(text, models, backend_name="default"):
    """A corrected query when some of ``text``'s words are in no index of
    ``models`` and the index holds a word close to them ("thong bao cat nuoc" for
    "thong bao cat nuco"); otherwise ``""``. Words are suggested without
    diacritics, as the index compares them."""
    from modelsearch.backends import get_search_backend

    backend = get_search_backend(backend_name)
    if not isinstance(backend, WhooshSearchBackend):
        return ""
    indexes = {}
    for model in models:
        index = backend.get_index_for_model(model)
        indexes.setdefault(index.name, index)
    ixs = {}
    for name, index in indexes.items():
        ix = index.open()
        if ix is not None:
            ixs[name] = ix
    if not ixs:
        return ""
    # One searcher over every index (kept, as the search's), and only the words
    # sharing the first letter: Whoosh walks the lexicon for each word, and all
    # of it took 0.3 s for a three-word name on the demo ward.
    searcher = _combined([ixs[name] for name in sorted(ixs)]).searcher
    changed = False
    out = []
    for i, (accented, folded) in enumerate(words(text)):
        if i >= DID_YOU_MEAN_WORDS or searcher.doc_frequency(ALL_TEXT, folded):
            out.append(accented)
            continue
        best = None
        for candidate in searcher.suggest(
            ALL_TEXT, folded, limit=3, maxdist=2, prefix=1
        ):
            if not candidate.startswith((ACCENT_MARK, PAIR_MARK)):
                best = candidate
                break
        if best is None:
            out.append(accented)
        else:
            out.append(best)
            changed = True
    return " ".join(out) if changed else ""


#: Words of a query that ``did_you_mean`` corrects (the first ones).
DID_YOU_MEAN_WORDS = 8
