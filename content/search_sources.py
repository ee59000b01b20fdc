"""What the site-wide search page searches: one *source* per kind of result.

Pages (news, notices, areas) are sources (``content.search``), and so is every
civic model that an app registers from its ``AppConfig.ready``::

    from content.search_sources import Source, register

    register(Source(
        key="poll",
        model="polls.Poll",
        label=_("Polls"),
        visible=lambda: Poll.objects.all(),       # what anyone may see
        text=lambda poll: poll.description,       # for the snippet
    ))

``visible`` must return only what a visitor may see (published, not hidden, no
reporter identities); the search page asks ``Source.shown()``, which also keeps
only the items of areas a visitor sees listed (``content.models.listed``: live, not
restricted), so nothing of an unpublished area is found. The queryset's filters must be ``FilterField``s of the model
so that the index applies them (the backend raises otherwise, never returns wrong
results). ``area_field`` names the ``FilterField`` that holds the item's area
(``area`` by default; ``None`` for pages, which filter on the page tree).

The registry lives here, in ``content``, below the feature apps that register
into it and below ``search`` that reads it (``search.sources`` re-exports it):
what a visitor sees listed is ``content``'s rule, and an app never imports the
integration layer (the import-linter layers contract in ``pyproject.toml``).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps

from .models import AreaPage, listed


@dataclass
class Source:
    key: str
    model: str  # "app_label.ModelName"
    label: object  # a lazy translation
    visible: Callable  # () -> queryset of what anyone may see
    text: Callable = lambda obj: ""  # obj -> plain text for the snippet
    url: Callable = None  # obj -> URL; default get_absolute_url()/get_url()
    title: Callable = None  # obj -> title; default str(obj)
    area_field: str | None = "area"
    #: or a function of the area ids giving the filter (for items whose area is
    #: reached through another model, e.g. minutes through their meeting)
    area_lookup: Callable | None = None
    order: int = 100  # position in the type filter
    is_page: bool = field(default=False)

    def get_model(self):
        return apps.get_model(self.model)

    def url_of(self, obj):
        if self.url is not None:
            return self.url(obj)
        for attr in ("get_url", "get_absolute_url"):
            method = getattr(obj, attr, None)
            if method is not None:
                return method()
        return ""

    def title_of(self, obj):
        return self.title(obj) if self.title is not None else str(obj)

    def shown(self, listed_ids=None):
        """What the search page searches: ``visible()``, and for items that are
        not pages only those of areas a visitor sees listed (an item of an
        unpublished or restricted area is read by nobody, or by few: never listed).
        Pages are listed by their own ``visible`` (``listed``). ``listed_ids``:
        the listed areas' ids, when the caller already has them (one query for
        every source of a search)."""
        queryset = self.visible()
        if self.is_page:
            return queryset
        if listed_ids is None:
            listed_ids = listed_area_ids()
        return self._in_area_ids(queryset, listed_ids)

    def in_area(self, queryset, area, inside_ids=None):
        """Only the items of ``area`` and of the areas inside it (``inside_ids``:
        their ids, when the caller already has them)."""
        if area is None:
            return queryset
        if self.is_page:
            return queryset.descendant_of(area, inclusive=True)
        if inside_ids is None:
            inside_ids = area_ids_inside(area)
        return self._in_area_ids(queryset, inside_ids)

    def _in_area_ids(self, queryset, ids):
        if self.area_lookup is not None:
            return queryset.filter(**self.area_lookup(ids))
        return queryset.filter(**{f"{self.area_field}__in": ids})


def listed_area_ids():
    return list(listed(AreaPage.objects.all()).values_list("pk", flat=True))


def area_ids_inside(area):
    return list(
        AreaPage.objects.descendant_of(area, inclusive=True).values_list(
            "pk", flat=True
        )
    )


_sources = {}


def register(source):
    """Add (or replace) a kind of result; call from ``AppConfig.ready``."""
    _sources[source.key] = source


def sources():
    """Every registered source whose app is installed, in their display order."""
    out = []
    for source in _sources.values():
        try:
            source.get_model()
        except LookupError:
            continue
        out.append(source)
    return sorted(out, key=lambda s: (s.order, s.key))


def get(key):
    return next((s for s in sources() if s.key == key), None)
