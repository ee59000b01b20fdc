"""A Whoosh search backend for Wagtail's search framework (the ``modelsearch`` API).

Select it with::

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.whoosh",
            "PATH": VAR_DIR / "whoosh",  # optional, this is the default
            "WRITE_TIMEOUT": 10,  # seconds to wait for another writer's lock
        }
    }

The package (issue 18): ``schema`` (the Whoosh fields), ``storage`` (indexes on
disk, kept searchers, the rebuild), ``query`` (compiling queries and filters),
``scoring`` (bonuses that order matches), ``results`` (a page, a count, facets),
``parts`` (one search over every kind of the search page, "did you mean"),
``backend`` (the class); what it shares with the PostgreSQL backend is in
``search.backends.common``.

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

from search.backends.common import (
    ACCENT_BOOST,
    ALL_TEXT,
    AUTOCOMPLETE,
    CONTENT_TYPES,
    EXACT_TIER,
    NULLS,
    PHRASE_BOOST,
    PK,
    PK_NUM,
    PartHits,
    clean_value,
    index_changed,
)
from search.backends.whoosh.backend import (
    SearchBackend,
    WhooshSearchBackend,
    default_path,
)
from search.backends.whoosh.parts import did_you_mean, search_parts
from search.backends.whoosh.query import (
    WhooshAutocompleteQueryCompiler,
    WhooshSearchQueryCompiler,
)
from search.backends.whoosh.results import WhooshSearchResults
from search.backends.whoosh.schema import WhooshMapping, build_schema
from search.backends.whoosh.scoring import Bonused, PresenceTerm
from search.backends.whoosh.storage import (
    WhooshIndex,
    WhooshIndexRebuilder,
    searching,
)

__all__ = [
    "ACCENT_BOOST",
    "ALL_TEXT",
    "AUTOCOMPLETE",
    "CONTENT_TYPES",
    "EXACT_TIER",
    "NULLS",
    "PHRASE_BOOST",
    "PK",
    "PK_NUM",
    "Bonused",
    "PartHits",
    "PresenceTerm",
    "SearchBackend",
    "WhooshAutocompleteQueryCompiler",
    "WhooshIndex",
    "WhooshIndexRebuilder",
    "WhooshMapping",
    "WhooshSearchBackend",
    "WhooshSearchQueryCompiler",
    "WhooshSearchResults",
    "build_schema",
    "clean_value",
    "default_path",
    "did_you_mean",
    "index_changed",
    "search_parts",
    "searching",
]
