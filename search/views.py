"""The site-wide search page (/tim-kiem/?q=) and the header box's suggestions.

Every kind of result is a *source* (``search.sources``): news, notices, areas,
polls, and what other apps register. With no type chosen, each source is searched
in the index and the hits are merged by the index's score, so one list is ranked
across kinds; counts per kind come from the index.
"""

import heapq
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from modelsearch.backends import get_search_backend

from civic.core import pagecache
from civic.core.ids import parse_id
from content.models import AreaPage, listed
from search import sources as registry
from search.backends.whoosh import did_you_mean
from search.snippets import highlight_text

PER_PAGE = 10
MAX_QUERY_LENGTH = 200
SUGGESTIONS = 8


def _clean_query(request):
    return " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]


def _int_or_none(value):
    return parse_id(value)


class MergedResults:
    """Several sources' search results as one list ranked by score, sliced lazily
    (what ``Paginator`` needs: ``count()`` and slices). Page *n* reads the top
    ``n × PER_PAGE`` hits of each source from the index, never more."""

    def __init__(self, parts):
        self.parts = parts  # [(source, search results annotated with _score)]
        self._count = None

    def count(self):
        if self._count is None:
            self._count = sum(results.count() for _source, results in self.parts)
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop
        if stop is None:
            stop = self.count()
        streams = [
            [
                (-(obj._score or 0), order, i, source, obj)
                for i, obj in enumerate(results[:stop])
            ]
            for order, (source, results) in enumerate(self.parts)
        ]
        merged = list(heapq.merge(*streams))[start:stop]
        return [(source, obj) for _s, _o, _i, source, obj in merged]


def _search_source(source, query, area, operator):
    queryset = source.in_area(source.shown(), area)
    if source.is_page:
        queryset = queryset.specific()
    return (
        get_search_backend()
        .search(query, queryset, operator=operator)
        .annotate_score("_score")
    )


def _run(query, chosen, area, operator):
    parts = [(s, _search_source(s, query, area, operator)) for s in chosen]
    return MergedResults(parts)


@require_GET
def search(request):
    # the results come from the index, not only from tables (civic.core.pagecache)
    pagecache.depends_on(pagecache.SEARCH_INDEX)
    query = _clean_query(request)
    all_sources = registry.sources()
    type_key = request.GET.get("type", "")
    source = registry.get(type_key)
    if source is None:
        type_key = ""
    chosen = [source] if source else all_sources
    areas = list(
        listed(AreaPage.objects.all()).order_by("path").only("id", "title", "depth")
    )
    area_id = _int_or_none(request.GET.get("area"))
    area = next((a for a in areas if a.pk == area_id), None)

    context = {
        "query": query,
        "type_key": type_key,
        "types": [(s.key, s.label) for s in all_sources],
        "areas": areas,
        "area": area,
        "page_obj": None,
        "groups": [],
        "type_counts": [],
        "any_words": False,
        "did_you_mean": "",
    }
    if query:
        results = _run(query, chosen, area, "and")
        if not results.count():
            # a word may be mistyped: offer the index's closest words
            context["did_you_mean"] = did_you_mean(
                query, [s.get_model() for s in chosen]
            )
            results = _run(query, chosen, area, "or")
            context["any_words"] = True

        paginator = Paginator(results, PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        groups = {}
        for item_source, obj in page_obj.object_list:
            groups.setdefault(str(item_source.label), []).append(
                {
                    "title": item_source.title_of(obj),
                    "url": item_source.url_of(obj),
                    "snippet": highlight_text(item_source.text(obj), query),
                }
            )
        context["page_obj"] = page_obj
        context["groups"] = list(groups.items())
        context["type_counts"] = [
            (s.key, s.label, count)
            for s, res in results.parts
            if (count := res.count())
        ]
        context["extra_query"] = _extra_query(query, type_key, area)
        if context["did_you_mean"]:
            context["did_you_mean_query"] = _extra_query(
                context["did_you_mean"], type_key, area
            )
    return render(request, "search/search.html", context)


def _extra_query(query, type_key, area):
    params = {"q": query}
    if type_key:
        params["type"] = type_key
    if area is not None:
        params["area"] = area.pk
    return urlencode(params)


@require_GET
def suggest(request):
    """Titles that start with what was typed, for the header box (JSON)."""
    pagecache.depends_on(pagecache.SEARCH_INDEX)
    query = _clean_query(request)
    if not query:
        return JsonResponse({"suggestions": []})
    out = []
    for source in registry.sources():
        queryset = source.shown()
        if source.is_page:
            queryset = queryset.specific()
        try:
            hits = get_search_backend().autocomplete(query, queryset, operator="and")
            hits = hits[:SUGGESTIONS]
        except Exception:  # noqa: BLE001 - a model without autocomplete fields
            continue
        for obj in hits:
            out.append({"title": source.title_of(obj), "url": source.url_of(obj)})
        if len(out) >= SUGGESTIONS:
            break
    return JsonResponse({"suggestions": out[:SUGGESTIONS], "label": _("Suggestions")})
