"""The rollout dashboard: figures per commune and for the whole portal.

Every figure is one grouped query over the whole tree, mapped to its commune by
the commune's materialised-path prefix, so the page costs the same number of
queries for 2 communes or 200. Which figures there are is what the installed apps
registered (``civic.core.figures``): residents and households (registered by
this app: ``people.py``), support points and assisted sessions
(``civic.support.figures``), poll participation (``civic.polls.figures``), the
feedback on-time rate (``civic.feedback.figures``).
"""

from django.utils import timezone

from civic.core.figures import registered
from content.models import COMMUNE_KINDS, AreaPage


class CommuneFigures:
    """One line of the table: a commune (or ``None`` for the total line) and the
    figures the registered apps added to it, read as attributes (``row.points_open``)."""

    def __init__(self, commune, derived=None):
        self.commune = commune
        self.counts = {}
        self.values = {}
        self._derived = derived if derived is not None else {}

    @property
    def is_total(self):
        return self.commune is None

    def add(self, name, n):
        self.counts[name] = self.counts.get(name, 0) + (n or 0)

    def add_to(self, name, key, n):
        counts = self.counts.setdefault(name, {})
        counts[key] = counts.get(key, 0) + (n or 0)

    def set(self, name, value):
        self.values[name] = value

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self.counts:
            return self.counts[name]
        if name in self.values:
            return self.values[name]
        if name in self._derived:
            return self._derived[name](self)
        raise AttributeError(name)


class Rollout:
    """What ``collect`` functions see: the rows by commune path, the total line,
    the date and the page-level values."""

    def __init__(self, communes, today, derived):
        self.today = today
        self.rows = {c.path: CommuneFigures(c, derived) for c in communes}
        self.total = CommuneFigures(None, derived)
        self.page = {}
        self._lengths = sorted({len(p) for p in self.rows})

    def row_for(self, path):
        """The row of the commune whose subtree holds ``path``, or None."""
        for n in self._lengths:
            if path[:n] in self.rows:
                return self.rows[path[:n]]
        return None

    def lines(self):
        """Every commune's row and the total line (to start a count at 0 or {})."""
        return [*self.rows.values(), self.total]

    def sum_total(self):
        for row in self.rows.values():
            for name, value in row.counts.items():
                if isinstance(value, dict):
                    self.total.counts.setdefault(name, {})
                    for key, n in value.items():
                        self.total.add_to(name, key, n)
                else:
                    self.total.add(name, value)


def rollout(today=None):
    """A dict with ``rows`` (one ``CommuneFigures`` per live commune), ``total``,
    ``communes``, the registered ``columns`` and ``sections``, and the page-level
    values the apps set (``target``, ``months``…)."""
    today = today or timezone.localdate()
    figures = registered()
    derived = {}
    for f in figures:
        derived.update(f.derived)
    communes = list(
        AreaPage.objects.live().filter(kind__in=COMMUNE_KINDS).order_by("title")
    )
    state = Rollout(communes, today, derived)
    for f in figures:
        if f.collect is not None:
            f.collect(state)
    state.sum_total()
    for f in figures:
        if f.finish is not None:
            f.finish(state)
    return {
        **state.page,
        "rows": list(state.rows.values()),
        "total": state.total,
        "communes": len(state.rows),
        "columns": sorted(
            (c for f in figures for c in f.columns), key=lambda c: c.order
        ),
        "sections": sorted(
            (s for f in figures for s in f.sections), key=lambda s: s.order
        ),
    }
