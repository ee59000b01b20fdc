"""The rollout dashboard page: the table of the registered columns, then the
registered sections (charts, notes). Read-only."""

from django.shortcuts import render
from django.template.loader import render_to_string

from .rollout import rollout as figures_of


def rollout(request):
    figures = figures_of()
    intro, parts = [], []
    for section in figures["sections"]:
        context = dict(figures)
        if section.context is not None:
            context.update(section.context(figures))
        html = render_to_string(section.template, context, request=request)
        (intro if section.order < 0 else parts).append(html)
    return render(
        request, "dashboard/dashboard.html", dict(figures, intro=intro, parts=parts)
    )
