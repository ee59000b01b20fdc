"""Figures of an area's feedback: received, resolved, on-time rate, median working
time to resolve, average rating, and a server-rendered bar chart.

``on_time_rate`` is the hook other apps (the services rollout dashboard) call.
"""

from statistics import median

from django.db.models import Avg, Count, F, Q

from content.models import AreaPage

from .models import Category, Holiday, Report, Status, schedule_for
from .workingtime import working_time_between

ON_TIME = Q(accepted_at__lte=F("accept_due")) & Q(resolved_at__lte=F("resolve_due"))


def reports_in(areas):
    """Public reports in ``areas`` (one ``AreaPage`` or a queryset/list of them) and
    every area under them."""

    if isinstance(areas, AreaPage):
        areas = [areas]
    scope = Q()
    for area in areas:
        scope |= Q(area__path__startswith=area.path)
    if not scope:
        return Report.objects.none()
    return Report.objects.filter(scope, is_public=True)


def on_time_rate(areas):
    """The share (0.0–1.0) of resolved reports in ``areas`` (a commune page or a
    queryset of area pages) that were accepted and resolved within their deadlines;
    None when none is resolved yet."""
    counts = reports_in(areas).aggregate(
        resolved=Count("pk", filter=Q(status=Status.RESOLVED)),
        on_time=Count("pk", filter=Q(status=Status.RESOLVED) & ON_TIME),
    )
    if not counts["resolved"]:
        return None
    return counts["on_time"] / counts["resolved"]


def area_stats(area, since=None):
    reports = reports_in(area)
    if since is not None:
        reports = reports.filter(created_at__gte=since)
    resolved = Q(status=Status.RESOLVED)
    figures = reports.aggregate(
        received=Count("pk"),
        resolved=Count("pk", filter=resolved),
        on_time=Count("pk", filter=resolved & ON_TIME),
        rated=Count("rating"),
        rating=Avg("rating"),
    )
    figures["on_time_rate"] = (
        figures["on_time"] / figures["resolved"] if figures["resolved"] else None
    )
    figures["median_hours"] = _median_working_hours(reports.filter(resolved))
    by_category = dict(
        reports.values_list("category").annotate(n=Count("pk")).order_by()
    )
    figures["by_category"] = [
        (label, by_category.get(value, 0)) for value, label in Category.choices
    ]
    by_status = dict(reports.values_list("status").annotate(n=Count("pk")).order_by())
    figures["by_status"] = [
        (label, by_status.get(value, 0)) for value, label in Status.choices
    ]
    return figures


def _median_working_hours(resolved):
    rows = list(resolved.values_list("commune_id", "created_at", "resolved_at"))
    if not rows:
        return None
    holidays = {}
    for area_id, day in Holiday.objects.values_list("area_id", "date"):
        holidays.setdefault(area_id, set()).add(day)
    schedules = {}

    hours = []
    for commune_id, created, done in rows:
        if commune_id not in schedules:
            commune = AreaPage(pk=commune_id)
            days = holidays.get(None, set()) | holidays.get(commune_id, set())
            schedules[commune_id] = schedule_for(commune, days)[1]
        spent = working_time_between(created, done, schedules[commune_id])
        hours.append(spent.total_seconds() / 3600)
    return median(hours)


def bar_chart(rows, width=240, bar=18, gap=8, label_width=190):
    """Bars for ``rows`` of (label, value), scaled to the largest value."""
    top = max((value for _, value in rows), default=0) or 1
    bars = [
        {
            "label": label,
            "value": value,
            "width": round(width * value / top),
            "y": i * (bar + gap),
        }
        for i, (label, value) in enumerate(rows)
    ]
    return {
        "bars": bars,
        "bar": bar,
        "height": len(rows) * (bar + gap),
        "width": label_width + width + 40,
        "label_width": label_width,
        "text_x": label_width + 5,
    }
