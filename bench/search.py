"""Search benchmark: the Whoosh backend against Wagtail's database backend.

    .venv/bin/python bench/search.py [--backend whoosh] [--docs 100000]
        [--queries-repeat 3] [--quick] [--db-repeat 1]
    .venv/bin/python bench/search.py --demo          # the demo ward's search page
    scripts/with-postgres .venv/bin/python bench/search.py     # database backend on PG
    scripts/with-postgres .venv/bin/python bench/search.py --backend postgres
        # search.backends.postgres against Wagtail's PostgreSQL backend, same run

``--backend postgres`` needs ``DATABASE_URL=postgres://…`` (a throwaway database:
``scripts/with-postgres`` makes one); ``index_s`` is then the rebuild of the
``search_document`` table as ``update_index`` does it (``PostgresRebuilder``: a new
table loaded in chunks, its GIN indexes built after the load, swapped in), and
``pg_table_mb`` its size with indexes and out-of-line texts.

Issue 17: ``p50_ms``/``p95_ms`` are the **search page through the real view**
(``GET /tim-kiem/?q=`` with Django's test client: URL resolver, middleware, every
kind of result searched at once, first page, counts per kind, template), each
request with its own unknown ``n`` parameter so that the page cache never
answers (distinct queries, no result cache warming); ``suggest_p95_ms`` is
``GET /tim-kiem/goi-y/?q=`` for every prefix a resident types of the 64 query
strings. The search page searches the project's kinds (empty here) and ten kinds
of ``BenchDoc`` (one per corpus ``kind``, ``register_bench_sources``): 21 kinds.
``recall_unaccented``/``top20_precision_accented`` are computed on that page's own
path (``backend.search_parts`` over the ten bench kinds); ``api_*`` are the former
figures (``backend.search`` on one model, page of 20 + count). ``"backend"`` names
the backend under test; ``db_*`` are Wagtail's database backend, the baseline, in
the same run (``--db-repeat`` passes). ``--demo`` seeds the demo ward
(``seed_demo``: the ward, its services and meetings) instead, indexes it with ``update_index`` and
times the issue's five demo queries and the corpus's 32, both ways, through the
view. ``load_before``/``load_after``: ``os.getloadavg()``.

What it does, in one run:

1. **Throwaway site.** Without ``DATABASE_URL`` the database is a new SQLite file in
   a temporary folder (with ``DATABASE_URL``, e.g. from ``scripts/with-postgres``,
   that database is used: it must be a throwaway one). ``VAR_DIR`` and the Whoosh
   ``PATH`` point into the temporary folder; ``WAGTAILSEARCH_BACKENDS`` is replaced
   before ``django.setup()`` by ``"default"`` = ``search.backends.whoosh`` and
   ``"database"`` = ``modelsearch.backends.database`` (on SQLite with FTS5 that is
   ``SQLiteSearchBackend``, on PostgreSQL ``PostgresSearchBackend``). Migrations run,
   everything is deleted at the end (``--keep`` keeps the folder).

2. **Indexed model.** 100,000 Wagtail pages would take hours to create through
   treebeard, and the project's other indexed models are Wagtail's images and
   documents (title only). So the script declares ``BenchDoc`` (``kind``, ``title``,
   ``intro``, ``body``) in a throwaway app ``bench`` (this folder, added to
   ``INSTALLED_APPS`` in memory, table made with ``schema_editor.create_model``,
   with the ``index_entries`` relation modelsearch's ``ready()`` gives every indexed
   model, which the PostgreSQL backend needs).
   Its ``search_fields`` are those of a notice page: ``title`` boosted 2 (as
   ``Page.title``) plus autocomplete, ``intro`` and ``body`` searchable, ``kind`` a
   filter. Both backends index it through their public API, as ``update_index``
   does: ``rebuilder.start()``, ``index.add_model()``, ``index.add_items(model,
   chunk)`` for chunks of 1,000 rows read back from the database, ``rebuilder.finish()``
   (Whoosh: swap the new index in; SQLite: title norms, in one transaction). ``index_s`` /
   ``db_index_s`` time those calls only (not creating the rows nor reading them back).

3. **Corpus** (``bench/_vi_corpus.py``, ``--seed``): notice-like documents built from
   hand-written lists of real Vietnamese names, streets, wards, provinces and civic
   vocabulary, with free sentences of Zipf-weighted common words (grammatical
   nonsense, real words: the term statistics are what matters). About 160 words a
   document.

4. **Queries.** 32 fixed queries (``QUERIES`` in ``_vi_corpus``: notices, streets,
   person names, wards…), each typed with diacritics and without
   (``strip_accents``: "thông báo cắt nước" → "thong bao cat nuoc"), each run as the
   search page runs it: ``backend.search(q, BenchDoc.objects.all(), operator="and")``,
   then the first 20 results loaded from the database, then ``.count()``. One
   untimed warm-up query per backend, then ``--queries-repeat`` passes over all 64
   strings; ``p50_ms``/``p95_ms`` are over all those timings.

   ``--db-timeout`` (default 30 s) stops a database-backend search that takes
   longer (SQLite progress handler, PostgreSQL ``statement_timeout``): modelsearch's
   SQLite backend orders by relevance with a correlated subquery that runs the FTS
   ``MATCH`` again for every matching row, so its time grows with the square of the
   number of matches (1,774 matches: 7 s on this machine) and a query matching most
   of 100,000 documents would not end. A stopped search counts with the time it
   ran (so ``db_p95_ms`` is then a lower bound), as no results, and in
   ``db_timeouts`` (distinct query strings). The Whoosh backend has no limit.

5. **Recall.** The generator knows, for every query word, which documents contain
   it (a document contains a word when the word is one of its tokens: NFC, lower
   case, ``\\w+``, diacritics included). The ground truth ``G(q)`` of an accented
   query ``q`` is the set of documents containing *all* its words. For the unaccented
   form ``u``, ``R(u)`` is the *full* result set of
   ``backend.search(u, …, operator="and", order_by_relevance=False)`` (every page,
   not a top-N, fetched at once). ``recall_unaccented`` is the mean over
   the queries of ``|R(u) ∩ G(q)| / |G(q)|`` (all 32 from a few thousand documents;
   with a tiny ``--docs`` the queries with an empty ``G(q)`` are left out and
   ``recall_queries`` says how many counted). ``recall_accented`` is the same for
   ``R(q)`` (a sanity check: it should be 1). Results outside ``G(q)`` are expected
   for ``u`` ("duong" also means "dương") and are not counted against recall; the
   stderr table shows them as ``extra``. Both backends also return documents
   outside ``G(q)`` for the accented ``q`` (Whoosh matches the folded form of each
   word and ranks exact accents first; SQLite's FTS5 folds some marks), so
   ``top20_precision_accented`` checks the ranking: the mean over the queries of
   ``|first 20 results of q ∩ G(q)| / min(20, |G(q)|)``.

Last line on stdout: JSON {"docs", "index_s", "p50_ms", "p95_ms",
"recall_unaccented", "db_p50_ms", "db_p95_ms", "db_recall_unaccented", ...}.
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# bench/search.py must not shadow the project's ``search`` package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

from bench._vi_corpus import QUERIES, Corpus, strip_accents, words_of  # noqa: E402

CHUNK = 1000
PAGE = 20
T0 = time.monotonic()


def log(*args):
    print(f"[{time.monotonic() - T0:7.1f}s]", *args, file=sys.stderr, flush=True)


BACKENDS = {
    "whoosh": "search.backends.whoosh",
    "postgres": "search.backends.postgres",
}


def setup_django(tmp, backend="whoosh", demo=False):
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["VAR_DIR"] = str(tmp)
    if not os.environ.get("DATABASE_URL"):
        if backend == "postgres":
            raise SystemExit(
                "--backend postgres needs DATABASE_URL=postgres://… "
                "(scripts/with-postgres)"
            )
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    import importlib.util

    if importlib.util.find_spec(BACKENDS[backend]) is None:
        raise SystemExit(
            f"--backend {backend}: {BACKENDS[backend]} does not exist yet "
            "(issue 17, step 3: not built)"
        )
    import django
    from django.conf import settings

    settings.DEBUG = False  # no query log: 100k inserts would fill it
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    if not demo:
        settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "bench"]
    default = {"BACKEND": BACKENDS[backend]}
    if backend == "whoosh":
        default["PATH"] = tmp / "whoosh"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": default,
        "database": {"BACKEND": "modelsearch.backends.database"},
    }
    django.setup()


def define_model():
    from django.db import models
    from modelsearch import index
    from modelsearch.abstract_models import TextIDGenericRelation
    from modelsearch.conf import get_app_config

    class BenchDoc(index.Indexed, models.Model):
        kind = models.CharField(max_length=40)
        title = models.CharField(max_length=255)
        intro = models.TextField()
        body = models.TextField()
        # modelsearch's ready() adds this to every indexed model; the PostgreSQL
        # backend joins through it. No column.
        index_entries = TextIDGenericRelation(get_app_config().get_model("IndexEntry"))

        search_fields = [
            index.SearchField("title", boost=2),
            index.AutocompleteField("title"),
            index.SearchField("intro"),
            index.SearchField("body"),
            index.FilterField("kind"),
        ]

        class Meta:
            app_label = "bench"

    return BenchDoc


def build_corpus(model, n, seed, query_words):
    """Create ``n`` rows; return their pks and {word: set of pks containing it}."""
    corpus = Corpus(seed)
    postings = defaultdict(set)
    pks = []
    for start in range(0, n, CHUNK):
        docs = [corpus.document() for _ in range(min(CHUNK, n - start))]
        objs = model.objects.bulk_create([model(**d) for d in docs])
        for obj, d in zip(objs, docs, strict=True):
            if obj.pk is None:
                raise SystemExit("bulk_create did not return primary keys")
            pks.append(obj.pk)
            tokens = set(words_of(f"{d['title']} {d['intro']} {d['body']}"))
            for w in tokens & query_words:
                postings[w].add(obj.pk)
        if (start // CHUNK) % 10 == 9:
            log(f"created {start + len(docs)} documents")
    return pks, postings


def index_all(backend, model, pks):
    """Rebuild ``backend``'s index of ``model`` as update_index does; seconds spent."""
    spent = 0.0
    t = time.perf_counter()
    rebuilder = backend.rebuilder_class(backend.get_index_for_model(model))
    index = rebuilder.start()
    index.add_model(model)
    spent += time.perf_counter() - t
    for i in range(0, len(pks), CHUNK):
        chunk = list(model.objects.filter(pk__in=pks[i : i + CHUNK]).order_by("pk"))
        t = time.perf_counter()
        index.add_items(model, chunk)
        spent += time.perf_counter() - t
        if (i // CHUNK) % 10 == 9:
            log(f"  indexed {i + len(chunk)} ({spent:.1f}s)")
    t = time.perf_counter()
    rebuilder.finish()
    finish = time.perf_counter() - t
    return spent + finish, finish


class Timeout(Exception):
    pass


class StatementTimeout:
    """Abort database work that runs longer than ``seconds`` (0: no limit).

    SQLite: a progress handler interrupts the running statement once the deadline
    (for the whole block) has passed. PostgreSQL: ``statement_timeout`` (per
    statement). The interrupted statement raises ``Timeout``.
    """

    def __init__(self, seconds):
        self.seconds = seconds

    def __enter__(self):
        from django.db import connection

        if not self.seconds:
            return self
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            deadline = time.monotonic() + self.seconds
            connection.connection.set_progress_handler(
                lambda: int(time.monotonic() > deadline), 10_000
            )
        elif connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET statement_timeout = {int(self.seconds * 1000)}")
        return self

    def __exit__(self, exc_type, exc, tb):
        from django.db import OperationalError, connection

        if self.seconds:
            if connection.vendor == "sqlite":
                connection.connection.set_progress_handler(None, 0)
            elif connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET statement_timeout = 0")
        if exc_type is not None and issubclass(exc_type, OperationalError):
            text = str(exc).lower()
            if "interrupted" in text or "statement timeout" in text:
                raise Timeout(str(exc)) from exc
        return False


def run_query(backend, model, q, timeout=0):
    """One search as the search page does it: a page of results and the count.

    Returns (milliseconds, first page, count); a search stopped by ``timeout``
    returns the time spent, no results and ``None``.
    """
    t = time.perf_counter()
    try:
        with StatementTimeout(timeout):
            results = backend.search(q, model.objects.all(), operator="and")
            page = list(results[:PAGE])
            count = results.count()
    except Timeout:
        page, count = [], None
    ms = (time.perf_counter() - t) * 1000
    return ms, page, count


def full_result_set(backend, model, q):
    """Primary keys of every match (all pages), in one query."""
    results = backend.search(
        q, model.objects.only("pk"), operator="and", order_by_relevance=False
    )
    return {obj.pk for obj in results}


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def measure(name, backend, model, truth, repeat, timeout=0):
    strings = [s for q in QUERIES for s in (q, strip_accents(q))]
    run_query(backend, model, "Pasteur", timeout)  # warm-up: open index, compile SQL
    timings = []
    first_page = {}
    timeouts = set()
    for r in range(repeat):
        for s in strings:
            ms, page, count = run_query(backend, model, s, timeout)
            timings.append(ms)
            first_page[s] = {obj.pk for obj in page}
            if count is None:
                timeouts.add(s)
                log(f"{name}: {s!r} stopped after {ms / 1000:.1f}s")
        log(f"{name}: query pass {r + 1}/{repeat} done")
    recall_u, recall_a, precision = [], [], []
    log(
        f"{name}: {'query':<28} {'truth':>6} {'acc':>6} {'unacc':>6} {'extra':>6} "
        f"recall_u top{PAGE}_acc"
    )
    for q, g in truth.items():
        ra = full_result_set(backend, model, q)
        ru = full_result_set(backend, model, strip_accents(q))
        a = len(ra & g) / len(g)
        u = len(ru & g) / len(g)
        p = len(first_page[q] & g) / min(PAGE, len(g))
        recall_a.append(a)
        recall_u.append(u)
        precision.append(p)
        log(
            f"{name}: {q:<28} {len(g):>6} {len(ra):>6} {len(ru):>6} "
            f"{len(ru - g):>6} {u:8.3f} {p:8.3f}"
        )
    return {
        "p50_ms": round(percentile(timings, 50), 2),
        "p95_ms": round(percentile(timings, 95), 2),
        "recall_unaccented": round(statistics.mean(recall_u), 4),
        "recall_accented": round(statistics.mean(recall_a), 4),
        "top20_precision_accented": round(statistics.mean(precision), 4),
        "timed_searches": len(timings),
        "timeouts": len(timeouts),
    }


# -- through the real view -------------------------------------------------------


def register_bench_sources(model):
    """One kind of result per ``kind`` of the corpus (ten), beside the project's
    own kinds (news, notices, areas, polls, procedures…: empty here, still
    searched): the search page searches all of them."""
    from bench._vi_corpus import KINDS
    from search.sources import Source, register

    for i, kind in enumerate(KINDS):
        register(
            Source(
                key=f"bench{i}",
                model="bench.BenchDoc",
                label=kind,
                visible=lambda kind=kind: model.objects.filter(kind=kind),
                text=lambda d: d.intro,
                title=lambda d: d.title,
                url=lambda d: f"/bench/{d.pk}/",
                area_lookup=lambda ids: {},  # no areas: every document is listed
                order=200 + i,
            )
        )
    return [f"bench{i}" for i in range(len(KINDS))]


def bench_parts(keys):
    from search import sources as registry

    return [registry.get(k).shown() for k in keys]


def view_timings(client, url, params, label):
    """GET ``url`` with each of ``params`` once; milliseconds. Every request has
    its own ``n`` parameter: not a parameter the page cache knows, so the page
    is rendered every time (no result cache)."""
    timings = []
    for n, p in enumerate(params):
        t = time.perf_counter()
        response = client.get(url, {**p, "n": n})
        timings.append((time.perf_counter() - t) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{label}: {url} {p} answered {response.status_code}")
    return timings


def prefixes(queries):
    """What a resident types in the header box: every prefix of 2+ letters that
    ends a word or is 3+ letters into one, of each query (distinct)."""
    out = []
    seen = set()
    for q in queries:
        for i in range(2, len(q) + 1):
            p = q[:i]
            if p.endswith(" ") or p in seen or len(p.split()[-1]) < 2:
                continue
            seen.add(p)
            out.append(p)
    return out


def measure_view(queries, repeat, label):
    """The search page (every kind, first page, counts) and the suggestions,
    through Django's test client (the URL resolver, middleware, the view, the
    template). Returns p50/p95 of both."""
    from django.test import Client

    client = Client()
    strings = [s for q in queries for s in (q, strip_accents(q))]
    view_timings(client, "/tim-kiem/", [{"q": "Pasteur"}], label)  # warm-up
    timings = []
    for r in range(repeat):
        timings += view_timings(
            client, "/tim-kiem/", [{"q": s} for s in strings], label
        )
        log(f"{label}: view pass {r + 1}/{repeat} done")
    typed = prefixes(strings)
    suggest = view_timings(client, "/tim-kiem/goi-y/", [{"q": p} for p in typed], label)
    return {
        "view_p50_ms": round(percentile(timings, 50), 2),
        "view_p95_ms": round(percentile(timings, 95), 2),
        "view_max_ms": round(max(timings), 2),
        "suggest_p50_ms": round(percentile(suggest, 50), 2),
        "suggest_p95_ms": round(percentile(suggest, 95), 2),
        "view_requests": len(timings),
        "suggest_requests": len(suggest),
    }


def parts_quality(backend, keys, truth):
    """Recall and top-20 precision of the search page's own path (one search over
    the bench kinds, ``search_parts``), as ``measure`` computes them."""
    from search.views import PartResults

    recall_u, precision = [], []
    for q, g in truth.items():

        def pks(query, limit):
            from search import sources as registry

            chosen = [registry.get(k) for k in keys]
            found = PartResults(backend, query, chosen, bench_parts(keys), "and", limit)
            return [int(pk) for _part, pk, _s in found._search(limit).hits]

        ru = set(pks(strip_accents(q), 10**6))
        top = set(pks(q, PAGE))
        recall_u.append(len(ru & g) / len(g))
        precision.append(len(top & g) / min(PAGE, len(g)))
    return {
        "view_recall_unaccented": round(statistics.mean(recall_u), 4),
        "view_top20_precision_accented": round(statistics.mean(precision), 4),
    }


#: The issue's demo ward queries (issue 17), then the corpus's.
DEMO_QUERIES = [
    "thong bao cat nuoc",
    "bien ban hop",
    "khai sinh",
    "quy uoc",
    "tổ dân phố 5",
]


def demo(tmp, args):
    """The demo ward (``seed_demo``: with its services and meetings) in a throwaway
    database, indexed by ``update_index``, timed through the search page and
    suggestions."""
    from django.core.management import call_command
    from django.db import connection

    try:
        call_command("migrate", verbosity=0)
        t = time.perf_counter()
        try:
            call_command("seed_demo", "--quiet-accounts", verbosity=0)
        except Exception as exc:  # noqa: BLE001 - an optional demo
            log(f"seed_demo: {exc}")
        log(f"demo seeded in {time.perf_counter() - t:.1f}s")
        t = time.perf_counter()
        call_command("update_index", verbosity=0)
        index_s = time.perf_counter() - t
        from search import sources as registry

        docs = sum(s.shown().count() for s in registry.sources())
        load_before = load()
        v = measure_view(DEMO_QUERIES + QUERIES, args.queries_repeat, "demo")
        out = {
            "backend": args.backend,
            "demo": True,
            "docs_shown": docs,
            "index_s": round(index_s, 1),
            "p50_ms": v["view_p50_ms"],
            "p95_ms": v["view_p95_ms"],
            "suggest_p95_ms": v["suggest_p95_ms"],
            **v,
            "database": connection.vendor,
            "kinds": len(registry.sources()),
            "timed": "GET /tim-kiem/?q= (every kind, first page, counts)",
            "seconds": round(time.monotonic() - T0, 1),
            "load_before": load_before,
            "load_after": load(),
        }
    finally:
        connection.close()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(out, ensure_ascii=False))


def load():
    return [round(x, 2) for x in os.getloadavg()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="5,000 documents")
    parser.add_argument("--queries-repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument(
        "--db-timeout",
        type=float,
        default=30,
        help="stop a database-backend search after this many seconds (0: never)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    parser.add_argument("--backend", choices=sorted(BACKENDS), default="whoosh")
    parser.add_argument(
        "--db-repeat",
        type=int,
        default=1,
        help="passes over the queries for the database backend (the baseline)",
    )
    parser.add_argument(
        "--skip-db",
        action="store_true",
        help="no database-backend baseline (a quick timing; db_* are null)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="the demo ward (seed_demo) through the search page, no corpus",
    )
    args = parser.parse_args()
    n = 5000 if args.quick else args.docs

    tmp = Path(tempfile.mkdtemp(prefix="bench-search-"))
    log(f"temporary folder {tmp}")
    setup_django(tmp, args.backend, args.demo)
    if args.demo:
        return demo(tmp, args)
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection
    from modelsearch.backends import get_search_backend

    model = None
    try:
        call_command("migrate", verbosity=0)
        log(f"migrated ({connection.vendor})")
        model = define_model()
        with connection.schema_editor() as editor:
            editor.create_model(model)

        truth_words = {w for q in QUERIES for w in words_of(q)}
        pks, postings = build_corpus(model, n, args.seed, truth_words)
        truth = {
            q: set.intersection(*(postings[w] for w in words_of(q))) for q in QUERIES
        }
        empty = [q for q, g in truth.items() if not g]
        if empty:  # only with a small --docs: left out of recall, still timed
            log(f"no document contains all the words of {empty}")
            truth = {q: g for q, g in truth.items() if g}
        log(f"{len(pks)} documents created")

        whoosh = get_search_backend("default")
        database = get_search_backend("database")
        keys = register_bench_sources(model)
        log(f"indexing with {type(whoosh).__name__}")
        index_s, finish_s = index_all(whoosh, model, pks)
        log(f"{args.backend}: {index_s:.1f}s (finish {finish_s:.1f}s)")
        db_index_s = None
        if not args.skip_db:
            log(f"indexing with {type(database).__name__}")
            db_index_s, db_finish_s = index_all(database, model, pks)
            log(f"database: {db_index_s:.1f}s (finish {db_finish_s:.1f}s)")

        load_before = load()
        v = measure_view(QUERIES, args.queries_repeat, args.backend)
        v.update(parts_quality(whoosh, keys, truth))
        w = measure(args.backend, whoosh, model, truth, args.queries_repeat)
        d = dict.fromkeys(
            [
                "p50_ms",
                "p95_ms",
                "recall_unaccented",
                "recall_accented",
                "top20_precision_accented",
                "timeouts",
            ]
        )
        if not args.skip_db:
            d = measure("db", database, model, truth, args.db_repeat, args.db_timeout)
        pg_bytes = None
        if args.backend == "postgres":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_total_relation_size('search_document')")
                pg_bytes = cursor.fetchone()[0]
        index_dir = tmp / "whoosh"
        whoosh_bytes = (
            sum(f.stat().st_size for f in index_dir.iterdir())
            if index_dir.is_dir()
            else 0
        )
        out = {
            "backend": args.backend,
            "docs": len(pks),
            "index_s": round(index_s, 1),
            "p50_ms": v["view_p50_ms"],
            "p95_ms": v["view_p95_ms"],
            "suggest_p95_ms": v["suggest_p95_ms"],
            "recall_unaccented": v["view_recall_unaccented"],
            "top20_precision_accented": v["view_top20_precision_accented"],
            **v,
            "api_p50_ms": w["p50_ms"],
            "api_p95_ms": w["p95_ms"],
            "api_recall_unaccented": w["recall_unaccented"],
            "db_p50_ms": d["p50_ms"],
            "db_p95_ms": d["p95_ms"],
            "db_recall_unaccented": d["recall_unaccented"],
            "db_index_s": None if db_index_s is None else round(db_index_s, 1),
            "recall_accented": w["recall_accented"],
            "db_recall_accented": d["recall_accented"],
            "api_top20_precision_accented": w["top20_precision_accented"],
            "db_top20_precision_accented": d["top20_precision_accented"],
            "db_timeouts": d["timeouts"],
            "db_timeout_s": args.db_timeout,
            "finish_s": round(finish_s, 1),
            "whoosh_mb": round(whoosh_bytes / 2**20, 1),
            "pg_table_mb": None if pg_bytes is None else round(pg_bytes / 2**20, 1),
            "database": connection.vendor,
            "db_backend": type(database).__name__,
            "queries": len(QUERIES),
            "recall_queries": len(truth),
            "timed_searches": w["timed_searches"],
            "kinds": len(__import__("search.sources").sources.sources()),
            "timed": "GET /tim-kiem/?q= (every kind, first page, counts); "
            f"api_*: search(operator='and') + first {PAGE} objects + count()",
            "recall_over": "full result set",
            "seconds": round(time.monotonic() - T0, 1),
            "load_before": load_before,
            "load_after": load(),
        }
    finally:
        if model is not None and connection.vendor != "sqlite" and not args.keep:
            # A shared database: remove the table, its index entries, its type.
            from modelsearch.conf import get_app_config

            IndexEntry = get_app_config().get_model("IndexEntry")  # noqa: N806

            ct = ContentType.objects.filter(app_label="bench").first()
            if ct is not None:
                IndexEntry.objects.filter(content_type=ct).delete()
            with connection.schema_editor() as editor:
                editor.delete_model(model)
            ContentType.objects.filter(app_label="bench").delete()
        connection.close()
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
