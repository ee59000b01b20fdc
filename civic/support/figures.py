"""The support points' figures on the rollout dashboard (``civic.dashboard``):
open points per commune against ``SUPPORT_POINT_TARGET``, assisted sessions per
month. Registered in ``SupportConfig.ready``."""

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from civic.core.figures import (
    Column,
    Figures,
    Section,
    bar_chart,
    month_key,
    months_back,
)

from .models import AssistedSession, SupportPoint

MONTHS_SHOWN = 6


def point_target():
    """(minimum, maximum) support points per commune; ``SUPPORT_POINT_TARGET``."""
    low, high = getattr(settings, "SUPPORT_POINT_TARGET", (2, 4))
    return int(low), int(high)


def collect(rollout):
    for row in rollout.lines():
        row.add("points_open", 0)
        row.counts.setdefault("sessions", {})
    for path, n in (
        SupportPoint.objects.filter(is_open=True)
        .values_list("area__path")
        .annotate(n=Count("pk"))
    ):
        if (row := rollout.row_for(path)) is not None:
            row.add("points_open", n)
    months = months_back(rollout.today, MONTHS_SHOWN)
    for path, month, n in (
        AssistedSession.objects.filter(happened_at__date__gte=months[0])
        .annotate(month=TruncMonth("happened_at"))
        .values_list("point__area__path", "month")
        .annotate(n=Count("pk"))
    ):
        if (row := rollout.row_for(path)) is not None:
            row.add_to("sessions", month_key(month), n)
    low, high = point_target()
    rows = rollout.rows.values()
    rollout.page.update(
        target=(low, high),
        months=months,
        communes_with_point=sum(1 for r in rows if r.points_open),
        communes_on_target=sum(1 for r in rows if r.points_open >= low),
    )


def points_chart(figures):
    low, high = figures["target"]
    rows = figures["rows"]
    top = max([high] + [r.points_open for r in rows])
    chart = bar_chart([(r.commune.title, r.points_open) for r in rows], maximum=top)
    return {"chart": chart, "target_x": round(chart["width"] * low / top, 1)}


def sessions_chart(figures):
    total = figures["total"].sessions
    return {
        "chart": bar_chart([(m, total.get(m, 0)) for m in figures["months"]]),
    }


FIGURES = Figures(
    key="support",
    order=10,
    collect=collect,
    derived={
        "meets_target": lambda r: r.points_open >= point_target()[0],
        "sessions_total": lambda r: sum(r.sessions.values()),
    },
    columns=[
        Column(10, _("Support points open"), "support/_fig_points.html"),
        Column(30, _("Assisted sessions (6 months)"), "support/_fig_sessions.html"),
    ],
    sections=[
        Section(-10, "support/_fig_intro.html"),
        Section(10, "support/_fig_points_chart.html", points_chart),
        Section(50, "support/_fig_sessions_chart.html", sessions_chart),
    ],
)
