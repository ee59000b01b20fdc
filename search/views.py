"""The site-wide search page (/tim-kiem/?q=) and the header box's suggestions."""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Page

from content.models import AreaPage, NewsPage, NoticePage
from search.snippets import highlight_text, plain_text

PER_PAGE = 10
MAX_QUERY_LENGTH = 200
SUGGESTIONS = 8

#: The kinds of result a resident can filter by: key → model.
TYPES = {
    "notice": NoticePage,
    "news": NewsPage,
    "area": AreaPage,
}


def _type_label(model):
    return str(model._meta.verbose_name_plural).capitalize()


def _clean_query(request):
    return " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def visible_pages():
    """What anyone may see: live pages without a view restriction."""
    return Page.objects.live().public()


def _snippet(page, query):
    for attr in ("search_description", "intro"):
        text = getattr(page, attr, "")
        if text:
            break
    else:
        text = plain_text(getattr(page, "body", ""))
    body = plain_text(getattr(page, "body", ""))
    # Prefer the body when it holds the words and the summary does not.
    snippet = highlight_text(text, query)
    if "<mark>" not in snippet and body and body != text:
        from_body = highlight_text(body, query)
        if "<mark>" in from_body:
            return from_body
    return snippet


@require_GET
def search(request):
    query = _clean_query(request)
    type_key = request.GET.get("type", "")
    model = TYPES.get(type_key)
    if model is None:
        type_key = ""
    areas = list(
        AreaPage.objects.live().public().order_by("path").only("id", "title", "depth")
    )
    area_id = _int_or_none(request.GET.get("area"))
    area = next((a for a in areas if a.pk == area_id), None)

    context = {
        "query": query,
        "type_key": type_key,
        "types": [(key, _type_label(m)) for key, m in TYPES.items()],
        "areas": areas,
        "area": area,
        "page_obj": None,
        "groups": [],
        "type_counts": [],
        "any_words": False,
    }
    if query:
        base = visible_pages()
        if area is not None:
            base = base.descendant_of(area, inclusive=True)
        queryset = base.type(model) if model else base
        results = queryset.specific().search(query, operator="and")
        if not results.count():
            results = queryset.specific().search(query, operator="or")
            context["any_words"] = True

        paginator = Paginator(results, PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        groups = {}
        for page in page_obj.object_list:
            label = _type_label(type(page))
            groups.setdefault(label, []).append(
                {"page": page, "snippet": _snippet(page, query)}
            )
        context["page_obj"] = page_obj
        context["groups"] = list(groups.items())
        context["type_counts"] = _type_counts(base, query)
        context["extra_query"] = _extra_query(query, type_key, area)
    return render(request, "search/search.html", context)


def _type_counts(base, query):
    """How many results of each kind (a facet, counted by the index)."""
    results = base.search(query, operator="and")
    if not getattr(results, "supports_facet", False):
        return []
    try:
        facets = results.facet("content_type")
    except Exception:  # noqa: BLE001 - a backend without facets: no counts
        return []
    counts = []
    for key, model in TYPES.items():
        content_type = ContentType.objects.get_for_model(model)
        count = facets.get(content_type.pk, 0)
        if count:
            counts.append((key, _type_label(model), count))
    return counts


def _extra_query(query, type_key, area):
    from urllib.parse import urlencode

    params = {"q": query}
    if type_key:
        params["type"] = type_key
    if area is not None:
        params["area"] = area.pk
    return urlencode(params)


@require_GET
def suggest(request):
    """Titles that start with what was typed, for the header box (JSON)."""
    query = _clean_query(request)
    if not query:
        return JsonResponse({"suggestions": []})
    results = (
        visible_pages()
        .specific()
        .autocomplete(query, fields=["title"], operator="and")[:SUGGESTIONS]
    )
    return JsonResponse(
        {
            "suggestions": [
                {"title": page.title, "url": page.get_url(request)} for page in results
            ],
            "label": _("Suggestions"),
        }
    )
