"""Public pages and the leaders' forms for meetings. Thin: every change goes through
``civic.meetings.actions``, run by ``civic.core.views.run_action``: a refusal
becomes a message and nothing is saved; what the user's roles do not allow is a 403
that says why.

Review of minutes is done here on the site (not in the Wagtail admin): the leader and
the editor see the same meeting page, with the buttons their role allows
(``civic.people.permissions.can``), and a phone is enough for both.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civic.core.errors import ActionRefused
from civic.core.ids import require_id
from civic.core.lists import with_area_title
from civic.core.views import run_action
from civic.people.permissions import can, scoped
from civic.people.residents import households_in, is_verified_resident_in
from civic.polls.models import Poll, PollKind
from content.models import AreaPage

from . import actions
from .forms import (
    AgendaFormSet,
    AttendanceForm,
    CorrectionForm,
    MeetingForm,
    MinutesForm,
    RejectForm,
    make_document,
)
from .ical import calendar_for
from .models import (
    AgendaRecord,
    AttendanceIntent,
    Meeting,
    Minutes,
    MinutesStatus,
)

PAST_PER_PAGE = 20
FEED_PAST_DAYS = 365


def _meeting(pk):
    return get_object_or_404(Meeting.objects.public().select_related("area"), pk=pk)


def schedulable_areas(user):
    return scoped(AreaPage.objects.live().order_by("path"), user, actions.SCHEDULE)


# --- lists and feeds -----------------------------------------------------------------


def area_meetings(request, area_id):
    area = get_object_or_404(AreaPage.objects.live(), pk=area_id)
    now = timezone.now()
    # only meetings of a published area, as the API and the pages (public())
    meetings = with_area_title(Meeting.objects.public().concerning(area))
    upcoming = list(meetings.upcoming(now).order_by("starts_at"))
    past = meetings.past(now).order_by("-starts_at")
    return render(
        request,
        "meetings/area_meetings.html",
        {
            "area": area,
            "page": area,
            "upcoming": upcoming,
            "page_obj": Paginator(past, PAST_PER_PAGE).get_page(
                request.GET.get("page")
            ),
            "can_schedule": can(request.user, actions.SCHEDULE, area),
            "now": now,
        },
    )


def area_calendar(request, area_id):
    area = get_object_or_404(AreaPage.objects.live(), pk=area_id)
    since = timezone.now() - timezone.timedelta(days=FEED_PAST_DAYS)
    meetings = (
        Meeting.objects.public()
        .concerning(area)
        .filter(ends_at__gte=since)
        .select_related("area")
        .prefetch_related("agenda_items")
        .order_by("starts_at")
    )
    body = calendar_for(meetings, f"{_('Meetings')} · {area.title}", request)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="cuoc-hop-{area.pk}.ics"'
    return response


def meeting_calendar(request, pk):
    meeting = _meeting(pk)
    body = calendar_for([meeting], meeting.title, request)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="cuoc-hop-{meeting.pk}.ics"'
    )
    return response


# --- the meeting page ----------------------------------------------------------------


def _records(minutes):
    return list(
        AgendaRecord.objects.filter(minutes=minutes)
        .select_related("minutes", "agenda_item__document", "poll__result")
        .order_by("agenda_item__order", "agenda_item__pk")
    )


def _minutes_context(minutes):
    if minutes is None:
        return None
    return {
        "minutes": minutes,
        "records": _records(minutes),
        "attachments": list(minutes.attachments.select_related("document")),
    }


def meeting_detail(request, pk):
    meeting = _meeting(pk)
    user = request.user
    now = timezone.now()
    manager = can(user, actions.SCHEDULE, meeting.area)
    approver = can(user, actions.APPROVE, meeting.area)
    revisions = list(meeting.minutes_revisions.order_by("-revision"))
    published = next(
        (m for m in revisions if m.status == MinutesStatus.PUBLISHED), None
    )
    working = next(
        (
            m
            for m in revisions
            if m.status in (MinutesStatus.DRAFT, MinutesStatus.SUBMITTED)
        ),
        None,
    )
    earlier = [m for m in revisions if m.status == MinutesStatus.SUPERSEDED]
    resident = user.is_authenticated and is_verified_resident_in(user, meeting.area)
    context = {
        "meeting": meeting,
        "page": meeting.area,
        "area": meeting.area,
        "agenda": list(meeting.agenda_items.select_related("document")),
        "figures": actions.attendance_figures(meeting),
        "manager": manager,
        "approver": approver,
        "published": _minutes_context(published),
        "earlier": earlier,
        "working": _minutes_context(working) if (manager or approver) else None,
        "can_attend": resident and not meeting.cancelled and not meeting.is_past(now),
        "attending": user.is_authenticated
        and AttendanceIntent.objects.filter(meeting=meeting, user=user).exists(),
        "expected": meeting.intents.count() if manager else None,
        "started": meeting.has_started(now),
        "now": now,
        "reject_form": RejectForm(),
        "correction_form": CorrectionForm(),
    }
    return render(request, "meetings/meeting_detail.html", context)


@require_POST
@login_required
def attend(request, pk):
    meeting = _meeting(pk)
    attending = request.POST.get("attending") != "0"
    run_action(
        request,
        actions.set_attendance_intent,
        request.user,
        meeting,
        attending,
        success=_("Thank you: the leader knows you will attend.")
        if attending
        else _("You are no longer counted as attending."),
    )
    return redirect("meetings:detail", pk=meeting.pk)


# --- scheduling ----------------------------------------------------------------------


def _agenda_entries(formset, user, area):
    entries = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None) or {}
        if not (data.get("title") or "").strip():
            continue
        entry = {"pk": data.get("pk"), "title": data["title"]}
        if data.get("file"):
            entry["document"] = make_document(data["file"], data["title"], user, area)
        entries.append(entry)
    return entries


@login_required
def schedule(request, area_id):
    area = get_object_or_404(AreaPage.objects.live(), pk=area_id)
    areas = schedulable_areas(request.user)
    if not areas.exists():
        actions.require(request.user, actions.SCHEDULE, area)  # a 403 saying why
        return redirect("meetings:area", area_id=area.pk)
    if request.method == "POST":
        form = MeetingForm(request.POST, areas=areas)
        formset = AgendaFormSet(request.POST, request.FILES, prefix="agenda")
        if form.is_valid() and formset.is_valid():
            data = form.cleaned_data

            @transaction.atomic  # uploaded documents go with the meeting
            def schedule_with_documents():
                return actions.schedule_meeting(
                    request.user,
                    data["area"],
                    data,
                    _agenda_entries(formset, request.user, data["area"]),
                )

            done = run_action(
                request, schedule_with_documents, success=_("The meeting is scheduled.")
            )
            if done:
                return redirect("meetings:detail", pk=done.value.pk)
    else:
        initial_area = area if areas.filter(pk=area.pk).exists() else areas.first()
        form = MeetingForm(areas=areas, initial={"area": initial_area})
        formset = AgendaFormSet(prefix="agenda")
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "formset": formset, "area": area, "page": area, "meeting": None},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def edit(request, pk):
    meeting = _meeting(pk)
    actions.require(request.user, actions.SCHEDULE, meeting.area)
    areas = schedulable_areas(request.user)
    if request.method == "POST":
        form = MeetingForm(request.POST, areas=areas)
        formset = AgendaFormSet(request.POST, request.FILES, prefix="agenda")
        if form.is_valid() and formset.is_valid():
            data = form.cleaned_data

            @transaction.atomic  # uploaded documents go with the meeting
            def update_with_documents():
                actions.update_meeting(
                    request.user,
                    meeting,
                    data,
                    _agenda_entries(formset, request.user, data["area"]),
                    area=data["area"],
                )

            if run_action(
                request, update_with_documents, success=_("The meeting is saved.")
            ):
                return redirect("meetings:detail", pk=meeting.pk)
    else:
        tz = timezone.get_current_timezone()
        form = MeetingForm(
            areas=areas,
            initial={
                "area": meeting.area,
                "title": meeting.title,
                "kind": meeting.kind,
                "starts_at": meeting.starts_at.astimezone(tz),
                "ends_at": meeting.ends_at.astimezone(tz),
                "place": meeting.place,
                "online_url": meeting.online_url,
                "description": meeting.description,
            },
        )
        formset = AgendaFormSet(
            prefix="agenda",
            initial=[
                {"pk": i.pk, "title": i.title} for i in meeting.agenda_items.all()
            ],
        )
    return render(
        request,
        "meetings/meeting_form.html",
        {
            "form": form,
            "formset": formset,
            "area": meeting.area,
            "page": meeting.area,
            "meeting": meeting,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@login_required
def cancel(request, pk):
    meeting = _meeting(pk)
    run_action(
        request,
        actions.cancel_meeting,
        request.user,
        meeting,
        success=_("The meeting is cancelled; those attending are told."),
    )
    return redirect("meetings:detail", pk=meeting.pk)


# --- attendance ----------------------------------------------------------------------


@login_required
def attendance(request, pk):
    meeting = _meeting(pk)
    actions.require(request.user, actions.SCHEDULE, meeting.area)
    households = list(households_in(meeting.area).order_by("area__path", "address"))
    if request.method == "POST":
        form = AttendanceForm(request.POST, households=households)
        if form.is_valid() and run_action(
            request,
            actions.record_attendance,
            request.user,
            meeting,
            form.cleaned_data["households"],
            form.cleaned_data["guests_count"],
            form.cleaned_data["guests"],
            success=lambda figures: (
                _(
                    "Attendance saved: %(represented)s of %(total)s households represented."
                )
                % {
                    "represented": figures["households_represented"],
                    "total": figures["households_total"],
                }
            ),
        ):
            return redirect("meetings:detail", pk=meeting.pk)
        status = 400
    else:
        form = AttendanceForm(
            households=households,
            initial={
                "households": [
                    str(pk)
                    for pk in meeting.attendances.values_list("household_id", flat=True)
                ],
                "guests_count": meeting.guests_count,
                "guests": meeting.guests,
            },
        )
        status = 200
    return render(
        request,
        "meetings/attendance.html",
        {
            "meeting": meeting,
            "page": meeting.area,
            "form": form,
            "figures": actions.attendance_figures(meeting),
        },
        status=status,
    )


# --- minutes -------------------------------------------------------------------------


def _household_polls(meeting):
    return Poll.objects.concerning(meeting.area).filter(kind=PollKind.HOUSEHOLD)


@login_required
def minutes_edit(request, pk):
    meeting = _meeting(pk)
    actions.require(request.user, actions.SCHEDULE, meeting.area)
    minutes = actions.open_minutes(meeting)
    if minutes is None and actions.published_minutes(meeting) is not None:
        messages.error(
            request, _("The minutes are published; to change them, write a correction.")
        )
        return redirect("meetings:detail", pk=meeting.pk)
    if minutes is not None and minutes.status != MinutesStatus.DRAFT:
        messages.error(
            request, _("These minutes wait for review and cannot be changed now.")
        )
        return redirect("meetings:detail", pk=meeting.pk)
    items = list(meeting.agenda_items.all())
    polls = list(_household_polls(meeting).order_by("-closes_at"))
    if request.method == "POST":
        form = MinutesForm(request.POST, request.FILES, items=items, polls=polls)
        if form.is_valid():
            data = form.cleaned_data

            @transaction.atomic  # no stray document when refused
            def save_with_attachment():
                attachment = None
                if data.get("attachment"):
                    attachment = make_document(
                        data["attachment"],
                        data.get("attachment_title"),
                        request.user,
                        meeting.area,
                    )
                actions.save_minutes(
                    request.user,
                    meeting,
                    data["chair"],
                    data["secretary"],
                    form.records(),
                    summary=data["summary"],
                    attachment=attachment,
                )

            if run_action(
                request, save_with_attachment, success=_("The draft minutes are saved.")
            ):
                return redirect("meetings:detail", pk=meeting.pk)
        status = 400
    else:
        form = MinutesForm(
            initial=MinutesForm.initial_for(minutes), items=items, polls=polls
        )
        status = 200
    return render(
        request,
        "meetings/minutes_form.html",
        {
            "meeting": meeting,
            "page": meeting.area,
            "form": form,
            "minutes": minutes,
            "figures": actions.attendance_figures(meeting),
        },
        status=status,
    )


def _waiting_minutes(meeting):
    minutes = actions.open_minutes(meeting)
    if minutes is None:
        raise ActionRefused(_("There are no minutes waiting here."))
    return minutes


@require_POST
@login_required
def minutes_submit(request, pk):
    meeting = _meeting(pk)
    run_action(
        request,
        lambda: actions.submit_minutes(request.user, _waiting_minutes(meeting)),
        success=_("The minutes are sent to the commune's editors for review."),
    )
    return redirect("meetings:detail", pk=meeting.pk)


@require_POST
@login_required
def minutes_approve(request, pk):
    meeting = _meeting(pk)
    run_action(
        request,
        lambda: actions.approve_minutes(request.user, _waiting_minutes(meeting)),
        success=_("The minutes are approved and published."),
    )
    return redirect("meetings:detail", pk=meeting.pk)


@require_POST
@login_required
def minutes_reject(request, pk):
    meeting = _meeting(pk)
    run_action(
        request,
        lambda: actions.reject_minutes(
            request.user, _waiting_minutes(meeting), request.POST.get("reason")
        ),
        success=_("The minutes are sent back to the leader."),
    )
    return redirect("meetings:detail", pk=meeting.pk)


@require_POST
@login_required
def minutes_correct(request, pk):
    meeting = _meeting(pk)
    done = run_action(
        request,
        actions.start_correction,
        request.user,
        meeting,
        request.POST.get("note"),
        success=_("A correction is started: edit it, then submit it for review."),
    )
    if not done:
        return redirect("meetings:detail", pk=meeting.pk)
    return redirect("meetings:minutes_edit", pk=meeting.pk)


def minutes_print(request, pk):
    """The minutes laid out like the paper form (Decree 59/2023, Template 03)."""
    meeting = _meeting(pk)
    queryset = meeting.minutes_revisions.all()
    revision = request.GET.get("revision")
    privileged = can(request.user, actions.SCHEDULE, meeting.area) or can(
        request.user, actions.APPROVE, meeting.area
    )
    if not privileged:
        queryset = queryset.filter(
            status__in=[MinutesStatus.PUBLISHED, MinutesStatus.SUPERSEDED]
        )
    try:
        if revision:
            minutes = queryset.get(revision=require_id(revision))
        else:
            minutes = (
                queryset.filter(status=MinutesStatus.PUBLISHED).first()
                or queryset.order_by("-revision").first()
            )
    except (Minutes.DoesNotExist, ValueError):
        minutes = None
    if minutes is None:
        raise Http404
    present = list(
        households_in(meeting.area)
        .filter(pk__in=meeting.attendances.values("household_id"))
        .order_by("address")
    )
    return render(
        request,
        "meetings/minutes_print.html",
        {
            "meeting": meeting,
            "page": meeting.area,
            "minutes": minutes,
            "records": _records(minutes),
            "attachments": list(minutes.attachments.select_related("document")),
            "present": present,
            "commune": meeting.area.get_parent().specific
            if meeting.area.is_group
            else meeting.area,
        },
    )
