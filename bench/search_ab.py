"""The search page's two ways of answering a typed query, timed in one process on
one index, alternating query by query (the same load for both): ``fast`` (the
kept postings, only what the first page needs is scored: ``_fast_parts``) and
``every`` (every match scored by Whoosh's matchers: ``_PartCollector``; the
suggestions by Whoosh's top-N collector), the baseline.

Runs on a folder kept by ``bench/search.py --keep`` (its SQLite database and
Whoosh index)::

    .venv/bin/python bench/search.py --backend whoosh --docs 10000 --skip-db --keep
    .venv/bin/python bench/search_ab.py /tmp/bench-search-XXXX [--passes 3]

Each pass requests every query (with and without marks) and every suggestion
prefix once per way, through Django's test client (the view, the template,
distinct ``n`` so never from the page cache). The first pass of each way warms
what it keeps (searchers; the fast way's postings): ``cold_*`` are that pass,
``p50/p95`` the later ones. Last line JSON.
"""

import argparse
import importlib.util
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def load_bench():
    spec = importlib.util.spec_from_file_location(
        "bench_search", ROOT / "bench" / "search.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder kept by bench/search.py")
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    bench = load_bench()
    bench.setup_django(args.folder)
    model = bench.define_model()
    bench.register_bench_sources(model)

    from django.test import Client

    from bench._vi_corpus import QUERIES, strip_accents
    from search.backends.whoosh import parts as backend

    fast_parts = backend._fast_parts

    def use(way):
        backend._fast_parts = fast_parts if way == "fast" else (lambda *a, **k: None)

    strings = [s for q in QUERIES for s in (q, strip_accents(q))]
    typed = bench.prefixes(strings)
    client = Client()
    load_before = list(os.getloadavg())
    page = {"fast": [], "every": []}
    suggest = {"fast": [], "every": []}
    cold = {"fast": [], "every": []}

    def get(url, q, tag):
        t = time.perf_counter()
        response = client.get(url, {"q": q, "n": tag})
        ms = (time.perf_counter() - t) * 1000
        if response.status_code != 200:
            raise SystemExit(f"{url} {q}: {response.status_code}")
        return ms

    for p in range(args.passes):
        for i, s in enumerate(strings + typed):
            url = "/tim-kiem/" if i < len(strings) else "/tim-kiem/goi-y/"
            for way in ("fast", "every") if i % 2 else ("every", "fast"):
                use(way)
                ms = get(url, s, f"{way}{p}")
                if p == 0:
                    if url == "/tim-kiem/":
                        cold[way].append(ms)
                else:
                    (page if url == "/tim-kiem/" else suggest)[way].append(ms)
    use("fast")
    p = bench.percentile
    out = {"backend": "whoosh", "docs": model.objects.count()}
    for way in ("fast", "every"):
        out[f"{way}_view_p50_ms"] = round(p(page[way], 50), 2)
        out[f"{way}_view_p95_ms"] = round(p(page[way], 95), 2)
        out[f"{way}_suggest_p95_ms"] = round(p(suggest[way], 95), 2)
        out[f"{way}_cold_view_p95_ms"] = round(p(cold[way], 95), 2)
    out.update(
        {
            "view_requests_per_way": len(page["fast"]),
            "suggest_requests_per_way": len(suggest["fast"]),
            "passes": args.passes,
            "timed": "GET /tim-kiem/?q= and /tim-kiem/goi-y/?q=, each way "
            "alternately; fast = _fast_parts, every = every match scored",
            "load_before": load_before,
            "load_after": list(os.getloadavg()),
        }
    )
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
