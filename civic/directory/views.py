"""Public pages of the utilities and the local business directory, the residents'
proposal form and the leaders' approval queue. Reads come from ``queries``,
changes go through ``actions``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from modelsearch.backends import get_search_backend

from civic.core.views import run_action
from content.models import COMMUNE_KINDS, GROUP_KINDS, AreaPage

from . import actions, queries
from .forms import BusinessFilterForm, BusinessForm, RejectForm
from .models import Business, BusinessStatus
from .permissions import APPROVE

BUSINESSES_SHOWN = 100
DECIDED_SHOWN = 30


def utilities_index(request):
    areas = list(
        AreaPage.objects.live()
        .filter(kind__in=COMMUNE_KINDS | GROUP_KINDS)
        .order_by("path")
        .only("pk", "title", "kind", "depth", "path")
    )
    communes = []
    for area in areas:
        if area.is_commune:
            communes.append((area, []))
        elif communes and area.path.startswith(communes[-1][0].path):
            communes[-1][1].append(area)
    return render(request, "directory/utilities_index.html", {"communes": communes})


def utilities_area(request, pk):
    area = get_object_or_404(
        AreaPage.objects.live().filter(kind__in=COMMUNE_KINDS | GROUP_KINDS), pk=pk
    )
    today = timezone.localdate()
    links = queries.utilities_for(area)
    businesses = Business.approved.filter(area__path__startswith=area.path)
    return render(
        request,
        "directory/utilities_area.html",
        {
            "area": area,
            "commune": area.commune if area.is_group else area,
            "own": [link for link in links if link.area_id == area.pk],
            "inherited": [link for link in links if link.area_id != area.pk],
            "next": queries.next_collection(links, today),
            "today": today,
            "groups": queries.group_collection_days(area) if area.is_commune else [],
            "businesses": list(
                businesses.select_related("area").order_by("name")[:BUSINESSES_SHOWN]
            ),
        },
    )


def business_list(request):
    form = BusinessFilterForm(request.GET or None)
    businesses = Business.approved.select_related("area")
    query = ""
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        if form.cleaned_data["area"]:
            businesses = businesses.filter(
                area__path__startswith=form.cleaned_data["area"].path
            )
    if query:
        # the search backend, filtered on ``status`` again: a proposal waiting for
        # the leader or rejected is never a result
        results = list(
            get_search_backend().search(
                query, businesses.filter(status=BusinessStatus.APPROVED)
            )[:BUSINESSES_SHOWN]
        )
    else:
        results = list(businesses.order_by("name")[:BUSINESSES_SHOWN])
    return render(
        request,
        "directory/business_list.html",
        {
            "form": form,
            "businesses": results,
            "query": query,
            "filtered": bool(request.GET),
            "can_approve": queries.local_areas_where(request.user, APPROVE).exists(),
        },
    )


@login_required
def business_new(request):
    area = queries.submission_area(request.user)
    form = BusinessForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid() and run_action(
            request,
            actions.submit_business,
            request.user,
            **form.cleaned_data,
            form=form,
            success=_(
                "Thank you. The group leader will check your proposal before "
                "it is shown."
            ),
        ):
            return redirect("directory:business_new")
        status = 400
    mine = list(
        Business.objects.filter(submitted_by=request.user)
        .select_related("area")
        .order_by("-created_at")[:50]
    )
    return render(
        request,
        "directory/business_new.html",
        {"form": form, "area": area, "mine": mine},
        status=status,
    )


def _require_approver(request):
    if not queries.local_areas_where(request.user, APPROVE).exists():
        raise PermissionDenied(_("This page is for group leaders and commune editors."))


@login_required
def business_queue(request):
    _require_approver(request)
    queue = queries.approval_queue(request.user)
    return render(
        request,
        "directory/business_queue.html",
        {
            "pending": list(
                queue.filter(status=BusinessStatus.PENDING).order_by("created_at")
            ),
            "decided": list(
                queue.exclude(status=BusinessStatus.PENDING).order_by("-decided_at")[
                    :DECIDED_SHOWN
                ]
            ),
        },
    )


@require_POST
@login_required
def business_approve(request, pk):
    run_action(
        request,
        actions.approve_business,
        request.user,
        pk,
        success=_("Approved; it is now in the directory."),
    )
    return redirect("directory:business_queue")


@require_POST
@login_required
def business_reject(request, pk):
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for the rejection."))
        return redirect("directory:business_queue")
    run_action(
        request,
        actions.reject_business,
        request.user,
        pk,
        form.cleaned_data["reason"],
        success=_("Rejected; the resident is told why."),
    )
    return redirect("directory:business_queue")
