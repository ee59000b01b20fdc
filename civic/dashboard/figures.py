"""The registry of the rollout dashboard: what each app counts and shows.

An app that has figures to show registers them from its ``AppConfig.ready``::

    from civic.dashboard.figures import Column, Figures, Section, register_figures

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
