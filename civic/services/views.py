"""Public pages of the procedure directory. Thin: every change goes through
``actions``; what other apps add to these pages (the support points near a
procedure) comes from ``sections``."""

from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from civic.core.lists import with_area_title

from . import sections
from .forms import ProcedureFilterForm
from .models import LifeEvent, Procedure

# --- procedures -------------------------------------------------------------------


def public_procedures():
    """Procedures anyone may see (their pages, the open API, the open data):
    those of a published commune."""
    return Procedure.objects.filter(area__live=True)


def procedure_list(request):
    form = ProcedureFilterForm(request.GET or None)
    procedures = with_area_title(public_procedures())
    event = None
    if form.is_valid():
        q = form.cleaned_data["q"].strip()
        event = form.cleaned_data["event"]
        area = form.cleaned_data["area"]
        if q:
            procedures = procedures.filter(Q(name__icontains=q) | Q(code__icontains=q))
        if event:
            procedures = procedures.filter(life_events=event)
        if area:
            procedures = procedures.filter(area=area)
    procedures = list(procedures.prefetch_related("life_events").order_by("name"))
    events = list(LifeEvent.objects.all())
    groups = []
    for e in [event] if event else events:
        items = [
            p for p in procedures if any(x.pk == e.pk for x in p.life_events.all())
        ]
        if items:
            groups.append((e, items))
    others = [p for p in procedures if not p.life_events.all()]
    if others and not event:
        groups.append((None, others))
    return render(
        request,
        "services/procedure_list.html",
        {
            "form": form,
            "events": events,
            "event": event,
            "groups": groups,
            "count": len(procedures),
            "filtered": bool(request.GET),
            "sections": sections.render("procedure_list", request),
            "links": sections.render("procedure_list_links", request),
        },
    )


def procedure_detail(request, pk):
    procedure = get_object_or_404(
        public_procedures().select_related("area").prefetch_related("life_events"),
        pk=pk,
    )
    return render(
        request,
        "services/procedure_detail.html",
        {
            "procedure": procedure,
            "sections": sections.render("procedure_detail", request, procedure),
        },
    )
