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
from civic.core.text import clean_text
from content.models import AreaPage, listed
from search import sources as registry
from search.analysis import WORD_RE, normalize
from search.backends.whoosh import did_you_mean
from search.snippets import highlight_text

PER_PAGE = 10
MAX_QUERY_LENGTH = 200
#: Words of a query that are searched (the first ones): each word is a term of
#: every kind's query, so a pasted paragraph would cost seconds.
MAX_QUERY_WORDS = 10
#: Pages beyond this one are not offered (a deep page costs a heap that size).
MAX_PAGE = 100
SUGGESTIONS = 8


def _clean_query(request):
    """The query as typed, cleaned like any text people type (``clean_text``:
    controls, bidirectional overrides and zero-width spaces gone, NFC, one line)."""
    return clean_text(request.GET.get("q", ""))[:MAX_QUERY_LENGTH]


def _searched(query):
    """The words searched for ``query`` (at most ``MAX_QUERY_WORDS``, without
    repeats), as one string, and whether words were left out. Symbols, emoji and
    query syntax (``AND``, quotes, ``*``) are plain text here: only words
    (letters and digits of any script) are searched."""
    seen = []
    for word in WORD_RE.findall(normalize(query)):
        if word.lower() not in (w.lower() for w in seen):
            seen.append(word)
    return " ".join(seen[:MAX_QUERY_WORDS]), len(seen) > MAX_QUERY_WORDS


def _int_or_none(value):
    return parse_id(value)


class MergedResults:
    """Several sources' search results as one list ranked by score, sliced lazily
    (what ``Paginator`` needs: ``count()`` and slices). Page *n* reads the top
    ``n × PER_PAGE`` hits of each source from the index, never more."""

    def __init__(self, parts):
        self.searches = parts  # [(source, search results annotated with _score)]
        self._count = None

    @property
    def capped(self):
        """The backend stopped counting at ``count()`` matches: there are more,
        and each kind's count is a lower bound."""
        return getattr(self._search(self.want), "capped", False)

    @property
    def parts(self):
        """(source, count) of each source."""
        return [(source, results.count()) for source, results in self.searches]

    def count(self):
        if self._count is None:
            self._count = sum(results.count() for _source, results in self.searches)
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
            for order, (source, results) in enumerate(self.searches)
        ]
        merged = list(heapq.merge(*streams))[start:stop]
        return [(source, obj) for _s, _o, _i, source, obj in merged]


class PartResults:
    """Every chosen source's matches in one search of the index
    (``backend.search_parts``): ranked together, counted per source in the same
    pass. ``count()`` and slices, for ``Paginator``; the search runs once for the
    first ``want`` hits (the page asked for), again only for a later page."""

    def __init__(
        self,
        backend,
        query,
        chosen,
        querysets,
        operator,
        want=PER_PAGE,
        autocomplete=False,
    ):
        self.backend = backend
        self.autocomplete = autocomplete
        self.query = query
        self.chosen = chosen
        self.querysets = querysets
        self.operator = operator
        self.want = max(want, 1)
        self._found = None
        self._limit = 0

    def _search(self, limit):
        if self._found is None or limit > self._limit:
            self._limit = max(limit, self.want)
            self._found = self.backend.search_parts(
                self.query,
                self.querysets,
                operator=self.operator,
                limit=self._limit,
                autocomplete=self.autocomplete,
            )
        return self._found

    def count(self):
        return self._search(self.want).total

    def __len__(self):
        return self.count()

    @property
    def capped(self):
        """The backend stopped counting at ``count()`` matches: there are more,
        and each kind's count is a lower bound."""
        return getattr(self._search(self.want), "capped", False)

    @property
    def parts(self):
        """(source, count) of each chosen source."""
        found = self._search(self.want)
        return list(zip(self.chosen, found.counts, strict=True))

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop
        if stop is None:
            stop = self.count()
        hits = self._search(stop).hits[start:stop]
        wanted = {}
        for part, pk, _score in hits:
            wanted.setdefault(part, []).append(pk)
        objects = {}
        for part, pks in wanted.items():
            source, queryset = self.chosen[part], self.querysets[part]
            if source.is_page:
                queryset = queryset.specific()
            for obj in queryset.filter(pk__in=pks):
                objects[(part, str(obj.pk))] = obj
        out = []
        for part, pk, _score in hits:
            obj = objects.get((part, pk))
            if obj is not None:  # deleted since it was indexed
                out.append((self.chosen[part], obj))
        return out


def _querysets(chosen, area, listed_ids):
    inside = None
    if area is not None and any(not s.is_page for s in chosen):
        inside = registry.area_ids_inside(area)
    return [s.in_area(s.shown(listed_ids), area, inside) for s in chosen]


def _search_source(source, queryset, query, operator):
    if source.is_page:
        queryset = queryset.specific()
    return (
        get_search_backend()
        .search(query, queryset, operator=operator)
        .annotate_score("_score")
    )


def _run(query, chosen, querysets, operator, want=PER_PAGE):
    backend = get_search_backend()
    if hasattr(backend, "search_parts"):
        return PartResults(backend, query, chosen, querysets, operator, want)
    parts = [
        (s, _search_source(s, qs, query, operator))
        for s, qs in zip(chosen, querysets, strict=True)
    ]
    return MergedResults(parts)


def _did_you_mean(query, models):
    backend = get_search_backend()
    if hasattr(backend, "did_you_mean"):  # the PostgreSQL backend
        return backend.did_you_mean(query, models)
    return did_you_mean(query, models)


def _page_number(request):
    number = parse_id(request.GET.get("page"))
    return min(number or 1, MAX_PAGE)


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
    listed_ids = [a.pk for a in areas]

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
        "notice": "",
    }
    searched, cut = _searched(query)
    if query and not searched:
        context["notice"] = _(
            "Type a word or a number to search: symbols and emoji are not searched."
        )
        context["nothing_searched"] = True
    elif cut:
        context["notice"] = _(
            "Only the first %(n)d words were searched; fewer words give better results."
        ) % {"n": MAX_QUERY_WORDS}
    if searched:
        query = searched
        want = _page_number(request) * PER_PAGE
        querysets = _querysets(chosen, area, listed_ids)
        results = _run(query, chosen, querysets, "and", want)
        if not results.count():
            # a word may be mistyped: offer the index's closest words
            context["did_you_mean"] = _did_you_mean(
                query, [s.get_model() for s in chosen]
            )
            results = _run(query, chosen, querysets, "or", want)
            context["any_words"] = True

        paginator = Paginator(results, PER_PAGE)
        page_obj = paginator.get_page(_page_number(request))
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
            (s.key, s.label, count) for s, count in results.parts if count
        ]
        context["counts_capped"] = getattr(results, "capped", False)
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
    query, _cut = _searched(_clean_query(request))
    if not query:
        return JsonResponse({"suggestions": []})
    chosen = registry.sources()
    backend = get_search_backend()
    listed_ids = registry.listed_area_ids()
    querysets = [s.shown(listed_ids) for s in chosen]
    if hasattr(backend, "search_parts"):
        # one search of the autocomplete prefixes of every kind, best first
        hits = PartResults(
            backend, query, chosen, querysets, "and", SUGGESTIONS, autocomplete=True
        )[:SUGGESTIONS]
    else:
        hits = []
        for source, queryset in zip(chosen, querysets, strict=True):
            if source.is_page:
                queryset = queryset.specific()
            try:
                found = backend.autocomplete(query, queryset, operator="and")
                found = found[:SUGGESTIONS]
            except Exception:  # noqa: BLE001 - a model without autocomplete fields
                continue
            hits.extend((source, obj) for obj in found)
            if len(hits) >= SUGGESTIONS:
                break
    out = [{"title": s.title_of(obj), "url": s.url_of(obj)} for s, obj in hits]
    return JsonResponse({"suggestions": out[:SUGGESTIONS], "label": _("Suggestions")})
