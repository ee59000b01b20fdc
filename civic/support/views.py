"""Public pages of the support points: the list with the nearest point, booking,
a resident's appointments and the helpers' desk. Thin: every change goes through
``actions``."""

from datetime import datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civic.core.ids import parse_id
from civic.core.views import run_action
from civic.people.permissions import can

from . import actions
from .forms import (
    BookingForm,
    LocationForm,
    ProposeForm,
    SessionForm,
)
from .models import (
    ACTIVE_APPOINTMENT,
    WEEKDAYS,
    Appointment,
    AppointmentStatus,
    AssistedSession,
    OpeningHours,
    SupportPoint,
)
from .permissions import HELP, communes_where

#: Free slots offered on a point's page.
BOOKING_DAYS_SHOWN = 14
DESK_SESSIONS_SHOWN = 50


# --- support points ---------------------------------------------------------------


def public_points():
    """Support points anyone may see (their pages, the open API, the open data):
    those of a published commune, with their opening hours."""
    return (
        SupportPoint.objects.filter(area__live=True)
        .select_related("area")
        .prefetch_related(
            Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("opens"))
        )
    )


def point_list(request):
    form = LocationForm(request.GET or None)
    points = list(public_points().filter(is_open=True).order_by("area__title", "name"))
    now = actions.local_naive(timezone.now())
    here = None
    if form.is_valid() and form.cleaned_data.get("lat") is not None:
        here = (form.cleaned_data["lat"], form.cleaned_data["lng"])
    rows = []
    for point in points:
        distance = point.distance_km(*here) if here else None
        rows.append(
            {
                "point": point,
                "open_now": point.is_open_at(now),
                "distance": distance,
                "today": point.hours_on(now.weekday()),
            }
        )
    if here:
        rows.sort(key=lambda r: r["distance"])
    nearest_open = next((r for r in rows if r["open_now"]), None) if here else None
    return render(
        request,
        "support/point_list.html",
        {"form": form, "rows": rows, "here": here, "nearest_open": nearest_open},
    )


def free_slots(point, now, days=BOOKING_DAYS_SHOWN):
    """[(day, [slot, …])] for the coming ``days``, without taken or past slots."""
    today = now.date()
    last = today + timedelta(days=days - 1)
    taken = set(
        Appointment.objects.filter(
            point=point,
            status__in=ACTIVE_APPOINTMENT,
            date__gte=today,
            date__lte=last,
        ).values_list("date", "slot")
    )
    out = []
    for i in range(days):
        day = today + timedelta(days=i)
        slots = [
            s
            for s in point.slots_on(day)
            if (day, s) not in taken and datetime.combine(day, s) > now
        ]
        if slots:
            out.append((day, slots))
    return out


def point_detail(request, pk):
    point = get_object_or_404(public_points(), pk=pk)
    form = BookingForm()
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('people:login')}?next={request.path}")
        form = BookingForm(request.POST)
        if form.is_valid():
            day, slot = form.cleaned_data["when"]
            if run_action(
                request,
                actions.request_appointment,
                request.user,
                point,
                day,
                slot,
                form.cleaned_data["need"],
                form=form,
                success=_(
                    "Your request is sent. A helper will confirm it or propose "
                    "another time; you will be told on your account page."
                ),
            ):
                return redirect("support:my_appointments")
    now = actions.local_naive(timezone.now())
    hours = [(label, point.hours_on(day)) for day, label in WEEKDAYS]
    return render(
        request,
        "support/point_detail.html",
        {
            "point": point,
            "open_now": point.is_open_at(now),
            "hours": hours,
            "helpers": list(point.helpers.filter(is_active=True)),
            "free": free_slots(point, now) if point.is_open else [],
            "form": form,
            "can_record": can(request.user, HELP, point.area),
        },
        status=400 if form.errors else 200,
    )


# --- a resident's appointments --------------------------------------------------------


@login_required
def my_appointments(request):
    appointments = list(
        Appointment.objects.filter(resident=request.user)
        .select_related("point", "helper")
        .order_by("-date", "-slot")[:50]
    )
    sessions = list(
        AssistedSession.objects.filter(resident=request.user)
        .select_related("point", "helper", "procedure")
        .order_by("-happened_at")[:50]
    )
    return render(
        request,
        "support/my_appointments.html",
        {"appointments": appointments, "sessions": sessions},
    )


@require_POST
@login_required
def accept(request, pk):
    run_action(
        request,
        actions.accept_proposal,
        request.user,
        pk,
        success=_("The new time is confirmed."),
    )
    return redirect("support:my_appointments")


@require_POST
@login_required
def cancel(request, pk):
    back = request.POST.get("back") == "desk"
    run_action(
        request,
        actions.cancel_appointment,
        request.user,
        pk,
        request.POST.get("reason", ""),
        success=_("The appointment is cancelled."),
    )
    return redirect("support:helper_desk" if back else "support:my_appointments")


# --- the helpers' desk ------------------------------------------------------------


def _require_helper(request):
    communes = communes_where(request.user, HELP)
    if not communes.exists():
        raise PermissionDenied(_("This page is for the helpers of a commune."))
    return communes


@login_required
def helper_desk(request):
    communes = _require_helper(request)
    today = timezone.localdate()
    appointments = list(
        Appointment.objects.filter(
            point__area__in=communes,
            status__in=ACTIVE_APPOINTMENT,
            date__gte=today - timedelta(days=1),
        )
        .select_related("point", "resident", "helper")
        .order_by("date", "slot")[:200]
    )
    sessions = list(
        AssistedSession.objects.filter(point__area__in=communes)
        .select_related("point", "helper", "resident", "procedure")
        .order_by("-happened_at")[:DESK_SESSIONS_SHOWN]
    )
    points = list(SupportPoint.objects.filter(area__in=communes).order_by("name"))
    return render(
        request,
        "support/helper_desk.html",
        {
            "appointments": appointments,
            "sessions": sessions,
            "points": points,
            "statuses": AppointmentStatus,
        },
    )


@require_POST
@login_required
def confirm(request, pk):
    run_action(
        request,
        actions.confirm_appointment,
        request.user,
        pk,
        success=_("Confirmed; the resident is told."),
    )
    return redirect("support:helper_desk")


@require_POST
@login_required
def propose(request, pk):
    form = ProposeForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("support:helper_desk")
    day, slot = form.cleaned_data["when"]
    run_action(
        request,
        actions.propose_slot,
        request.user,
        pk,
        day,
        slot,
        form.cleaned_data["note"],
        success=_("The new time is proposed; the resident is told."),
    )
    return redirect("support:helper_desk")


@login_required
def record_session(request, pk):
    point = get_object_or_404(SupportPoint.objects.select_related("area"), pk=pk)
    if not can(request.user, HELP, point.area):
        raise PermissionDenied(_("You are not responsible for this commune."))
    appointment = None
    appointment_id = request.GET.get("lich-hen") or request.POST.get("appointment")
    if appointment_id:
        appointment_pk = parse_id(appointment_id)
        appointment = (
            Appointment.objects.filter(pk=appointment_pk, point=point)
            .select_related("resident")
            .first()
            if appointment_pk is not None
            else None
        )
        if appointment is None:
            raise Http404(_("This appointment does not exist."))
    form = SessionForm(request.POST or None, point=point)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if run_action(
            request,
            actions.record_session,
            request.user,
            point,
            data["done"],
            data["consent"],
            resident_name=data["resident_name"],
            appointment=appointment,
            procedure=data["procedure"],
            form=form,
            success=_("The session is recorded."),
        ):
            return redirect("support:helper_desk")
    return render(
        request,
        "support/record_session.html",
        {
            "point": point,
            "form": form,
            "appointment": appointment,
            "consent_text": _(actions.SESSION_CONSENT_TEXT),
        },
        status=400 if form.errors else 200,
    )


# --- parts of the procedure pages (``civic.services.sections``) -----------------------


def procedure_help(request, procedure):
    """Below a procedure: the open points of its commune and whether they are
    open now."""
    points = list(
        SupportPoint.objects.filter(area=procedure.area, is_open=True).prefetch_related(
            "opening_hours"
        )
    )
    now = actions.local_naive(timezone.now())
    return {"points": [(p, p.is_open_at(now)) for p in points]}
