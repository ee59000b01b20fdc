"""The registry of the rollout dashboard: what each app counts and shows.

An app that has figures to show registers them from its ``AppConfig.ready``::

    from civic.core.figures import Column, Figures, Section, register_figures

    register_figures(Figures(
        key="support",
        collect=collect,                      # collect(rollout): count per commune
        columns=[Column(10, _("Support points open"), "support/_fig_points.html")],
        sections=[Section(10, "support/_fig_charts.html", charts)],
    ))

* ``collect(rollout)`` runs one grouped query (or a few) over the whole tree and
  adds to the communes' rows: ``rollout.row_for(path)`` finds the commune of an
  area's path, ``row.add(name, n)`` adds to a count (summed into the total line),
  ``row.add_to(name, key, n)`` to a count per key (a month), ``row.set(name, v)``
  stores a value that is not summed, ``rollout.page[name] = v`` a page-level value.
* ``finish(rollout)``, optional, runs after the total line is summed (a rate of the
  whole province is not a sum of rates).
* ``derived``: ``{name: function(row)}``, figures computed from the counts (a share).
* ``columns``: ``Column(order, heading, template)``; the cell template gets ``r``
  (the row, or the total line with ``is_total``) and the page's values.
* ``sections``: ``Section(order, template, context)`` shown under the table (charts,
  notes), ``context(figures)`` giving the template's extra values.

The dashboard (``civic.dashboard.rollout``) shows what is registered: an app that
is not installed has no column and no section.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone


@dataclass(frozen=True)
class Column:
    order: int
    heading: object  # a lazy translation
    template: str


@dataclass(frozen=True)
class Section:
    order: int
    template: str
    context: Callable = None  # (figures dict) -> dict of extra values


@dataclass(frozen=True)
class Figures:
    key: str
    collect: Callable = None
    finish: Callable = None
    columns: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    derived: dict = field(default_factory=dict)
    order: int = 100


_registry = {}


def register_figures(figures):
    """Add (or replace, by ``key``) an app's figures; call from ``ready``."""
    _registry[figures.key] = figures


def unregister_figures(key):
    """Remove an app's figures (tests: the dashboard without that app)."""
    return _registry.pop(key, None)


def registered():
    """Every registered ``Figures``, in order."""
    return sorted(_registry.values(), key=lambda f: (f.order, f.key))


# --- what the apps' figures use to compute and draw -----------------------


def share(part, whole):
    return round(100 * part / whole) if whole else None


def months_back(today, n):
    """The first days of the ``n`` months up to ``today``'s, oldest first."""
    months = []
    year, month = today.year, today.month
    for _ in range(n):
        months.append(date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(months))


def month_key(value):
    if hasattr(value, "date"):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value
    return date(value.year, value.month, 1)


def bar_chart(items, maximum=None, width=300, bar=18, gap=8, label_width=0):
    """Bars for a server-rendered SVG: ``items`` is [(label, value)]; returns the
    geometry the template draws (no JavaScript, readable without the picture
    because the same figures are in the table)."""
    values = [v or 0 for _, v in items]
    top = maximum or max(values + [1])
    out = []
    for i, (label, value) in enumerate(items):
        value = value or 0
        out.append(
            {
                "label": label,
                "value": value,
                "y": i * (bar + gap),
                "width": round(width * min(value, top) / top, 1) if top else 0,
            }
        )
    return {"bars": out, "height": len(items) * (bar + gap), "width": width, "bar": bar}
