"""Helpers for the lists public pages show."""

#: What a list shows of an item's area: its title (and what a link to it needs).
AREA_TITLE_FIELDS = ("title", "url_path", "path", "depth")


def with_area_title(queryset, field="area"):
    """``queryset.select_related(field)``, reading all of the item's own columns
    but of its area page only :data:`AREA_TITLE_FIELDS`, not the ~40 columns of a
    whole page (an area page read for its title on every item of a list)."""
    own = [f.name for f in queryset.model._meta.concrete_fields]
    related = [f"{field}__{name}" for name in AREA_TITLE_FIELDS]
    return queryset.select_related(field).only(*own, *related)
