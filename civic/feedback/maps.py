"""What the pages' maps need: the tile settings, where to centre the map, and the
public data of the listed reports. The maps are an enhancement (``static/feedback/
map.js``): the pages work without them."""

from decimal import Decimal

from django.apps import apps
from django.conf import settings
from django.db.models import Avg
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext

from content.models import AreaPage

from .models import settings_value

# Nha Trang, around the demo ward: used when no area has coordinates.
DEFAULT_CENTRE = (12.27, 109.19)


def _support_point_centres():
    """{commune path: (lat, lng)} — the mean of the commune's open support points
    (civic.support), the only coordinates an area has today."""
    if not apps.is_installed("civic.support"):
        return {}
    SupportPoint = apps.get_model("support", "SupportPoint")
    rows = (
        SupportPoint.objects.filter(is_open=True, area__live=True)
        .values("area__path")
        .annotate(lat=Avg("latitude"), lng=Avg("longitude"))
    )
    return {r["area__path"]: (float(r["lat"]), float(r["lng"])) for r in rows}


def area_centres():
    """{area pk: [lat, lng]} for every live area whose commune has a support point:
    a group is centred on its commune."""

    by_path = _support_point_centres()
    if not by_path:
        return {}
    centres = {}
    for pk, path in AreaPage.objects.live().values_list("pk", "path"):
        for commune_path, centre in by_path.items():
            if path.startswith(commune_path):
                centres[str(pk)] = list(centre)
                break
    return centres


def default_centre(centres):
    """The mean of the known area centres, else the demo ward."""
    if not centres:
        return list(DEFAULT_CENTRE)
    points = list(centres.values())
    return [
        sum(p[0] for p in points) / len(points),
        sum(p[1] for p in points) / len(points),
    ]


OSM_LINK = '<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'


def attribution():
    """The tiles' attribution: ``FEEDBACK_MAP_ATTRIBUTION`` if set (HTML, as
    written), else OpenStreetMap's, in the active language."""
    configured = getattr(settings, "FEEDBACK_MAP_ATTRIBUTION", None)
    if configured:
        return configured
    return gettext("&copy; %(openstreetmap)s contributors") % {
        "openstreetmap": OSM_LINK
    }


def labels():
    """Leaflet's own texts (its controls' titles and labels are English), in
    the active language: map.js sets them on the maps it makes."""
    return {
        "zoomIn": gettext("Zoom in"),
        "zoomOut": gettext("Zoom out"),
        "closePopup": gettext("Close"),
        "marker": gettext("Marker"),
        "prefix": format_html(
            '<a href="https://leafletjs.com" title="{}" hreflang="en">Leaflet</a>',
            gettext("A JavaScript library for interactive maps"),
        ),
    }


def map_config(area=None, centres=True):
    """The settings map.js reads (rendered with ``json_script``); ``area`` is an
    area page or its pk, to centre the map on. The lists fit their map to the
    reports' points, so they skip the areas' centres (``centres=False``)."""
    centres = area_centres() if centres else {}
    centre = None
    if area is not None:
        centre = centres.get(str(getattr(area, "pk", area)))
    return {
        "tiles": settings_value("FEEDBACK_MAP_TILES"),
        "attribution": attribution(),
        "labels": labels(),
        "centre": centre or default_centre(centres),
        "centres": centres,
    }


def _number(value):
    return float(value) if isinstance(value, Decimal) else value


def report_points(reports):
    """The public fields of the reports that have a point — never the reporter."""
    return [
        {
            "id": r.pk,
            "title": r.title,
            "status": capfirst(str(r.get_status_display())),
            "lat": _number(r.latitude),
            "lng": _number(r.longitude),
            "url": r.get_absolute_url(),
        }
        for r in reports
        if r.latitude is not None and r.longitude is not None
    ]
