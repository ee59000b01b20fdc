"""Resident, handler and public pages of feedback. Thin: every change goes through
``actions``; handlers' buttons are on the report page, shown and allowed only to
users who may ``handle_feedback`` on the report's commune."""

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import BooleanField, Case, F, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civic.comments.moderation import active_mute
from civic.core.errors import ActionRefused
from civic.core.views import run_action, valid_data
from civic.people.permissions import can_anywhere, scoped
from content.models import AreaPage

from . import actions
from .forms import (
    PERIODS,
    AnswerForm,
    DuplicateForm,
    FilterForm,
    PlaceForm,
    ProgressForm,
    RateForm,
    ReasonForm,
    ReopenForm,
    ReportForm,
    UnitForm,
)
from .maps import map_config, report_points
from .models import (
    OPEN_STATUSES,
    PUBLIC_UPDATE_KINDS,
    Follow,
    Photo,
    Report,
    Status,
    Update,
)
from .permissions import can_read, public_reports
from .stats import area_stats, bar_chart

PER_PAGE = 20
COMPLAINTS_URL = "https://dichvucong.gov.vn/p/home/dvc-gioi-thieu-thu-tuc.html"


def _public_reports():
    return public_reports().select_related("area", "commune")


def _filtered(request, reports):
    form = FilterForm(request.GET or None)
    if form.is_valid():
        status = form.cleaned_data["status"]
        if status == "open":
            reports = reports.filter(status__in=OPEN_STATUSES)
        elif status:
            reports = reports.filter(status=status)
        if form.cleaned_data["category"]:
            reports = reports.filter(category=form.cleaned_data["category"])
        if form.cleaned_data["period"]:
            days = PERIODS[form.cleaned_data["period"]]
            reports = reports.filter(created_at__gte=timezone.now() - timedelta(days))
    return form, reports


def _page(request, reports):
    page = Paginator(reports, PER_PAGE).get_page(request.GET.get("page"))
    return page


#: What a list of reports shows (feedback/_report_item.html: the status, the
#: deadline, the point on the map) and of its area only the title: built from a
#: few columns, not from the report's texts and two whole area pages.
REPORT_LIST_FIELDS = (
    "id",
    "title",
    "status",
    "urgent",
    "category",
    "created_at",
    "latitude",
    "longitude",
    "accept_due",
    "accepted_at",
    "resolve_due",
    "resolved_at",
    "area__title",
)


# --- public -------------------------------------------------------------------------


def report_list(request, area_pk=None):
    area = None
    reports = _public_reports()
    if area_pk is not None:
        area = get_object_or_404(AreaPage.objects.live(), pk=area_pk)
        reports = reports.filter(area__path__startswith=area.path)
    form, reports = _filtered(request, reports)
    reports = reports.select_related(None).select_related("area")
    listing = _Listing(
        request, reports.only(*REPORT_LIST_FIELDS).order_by("-created_at"), form
    )
    return render(
        request,
        "feedback/report_list.html",
        {
            "area": area,
            "form": form,
            "listing": listing,
            # the list is the same for everyone: a shared part of the page
            # (civic.core.pagecache), by its filters and page number; a form
            # with errors is shown as it is, not kept
            "list_key": listing.key(),
            "map_config": map_config(centres=False),
        },
    )


class _Listing:
    """The reports a list shows, read only when the page renders them (not at
    all when its shared part is kept)."""

    def __init__(self, request, reports, form):
        self.reports_query = reports
        self.form = form
        self.requested_page = request.GET.get("page", "")

    def key(self):
        if self.form.is_bound and not self.form.is_valid():
            return None
        filters = self.form.cleaned_data if self.form.is_bound else {}
        page = self.requested_page
        page = page if page.isdigit() and len(page) <= 5 else "1"
        return "|".join(
            [*(str(filters.get(name) or "") for name in self.form.fields), page]
        )

    @cached_property
    def page_obj(self):
        return Paginator(self.reports_query, PER_PAGE).get_page(self.requested_page)

    @cached_property
    def reports(self):
        return self.page_obj.object_list

    @cached_property
    def map_points(self):
        return report_points(self.reports)

    @cached_property
    def query(self):
        """The filters for the pages' links: the valid ones only, so a link
        never carries what another visitor typed into the address."""
        filters = self.form.cleaned_data if self.form.is_bound else {}
        return urlencode({k: v for k, v in filters.items() if v})


def area_statistics(request, area_pk):
    area = get_object_or_404(AreaPage.objects.live(), pk=area_pk)
    figures = area_stats(area)
    return render(
        request,
        "feedback/area_stats.html",
        {
            "area": area,
            "figures": figures,
            "category_chart": bar_chart(figures["by_category"]),
            "status_chart": bar_chart(figures["by_status"]),
        },
    )


def _visible_report(request, pk):
    report = get_object_or_404(
        Report.objects.select_related(
            "area", "commune", "reporter", "unit", "duplicate_of"
        ),
        pk=pk,
    )
    is_handler = actions.can_handle(request.user, report)
    is_reporter = (
        request.user.is_authenticated and report.reporter_id == request.user.pk
    )
    if not can_read(request.user, report):
        raise Http404
    return report, is_handler, is_reporter


def report_detail(request, pk):
    report, is_handler, is_reporter = _visible_report(request, pk)
    updates = Update.objects.filter(report=report).prefetch_related("photos")
    if is_handler:
        updates = updates.select_related("actor")
    else:
        updates = updates.filter(is_public=True, kind__in=PUBLIC_UPDATE_KINDS)
    photos = Photo.objects.filter(report=report, update__isnull=True)
    following = (
        request.user.is_authenticated
        and Follow.objects.filter(report=report, user=request.user).exists()
    )
    context = {
        "report": report,
        "updates": list(updates),
        "photos": list(photos),
        "is_handler": is_handler,
        "is_reporter": is_reporter,
        "following": following,
        "late": report.is_late(),
        "can_rate": is_reporter
        and report.status == Status.RESOLVED
        and report.rating is None,
        "can_reopen": actions.can_reopen(request.user, report),
        "rate_form": RateForm(),
        "reopen_form": ReopenForm(),
    }
    if is_handler:
        context.update(
            {
                "unit_form": UnitForm(
                    commune=report.commune, initial={"unit": report.unit}
                ),
                "duplicate_form": DuplicateForm(
                    prefix="dup",
                    initial={"original": report.duplicate_of_id},
                ),
                "out_form": ReasonForm(prefix="out"),
                "progress_form": ProgressForm(),
                "answer_form": AnswerForm(),
                "hide_form": ReasonForm(prefix="vis"),
                "similar": [
                    r
                    for r in actions.similar_open_reports(
                        report.area, report.category, report.latitude, report.longitude
                    )
                    if r.pk != report.pk
                ],
            }
        )
    return render(request, "feedback/report_detail.html", context)


# --- residents ----------------------------------------------------------------------


@login_required
def report_new(request):
    """Two steps, no JavaScript needed: where and what (then the similar open
    reports, each with "follow it instead"), then the details and photos."""
    mute_reason = None
    if request.method == "POST":
        form = ReportForm(request.POST, request.FILES)
        if form.is_valid():
            done = run_action(
                request,
                actions.submit_report,
                request.user,
                form.area_page(),
                category=form.cleaned_data["category"],
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                address=form.cleaned_data["address"],
                latitude=form.cleaned_data["latitude"],
                longitude=form.cleaned_data["longitude"],
                urgent=form.cleaned_data["urgent"],
                photos=form.cleaned_data["photos"],
                form=form,
                success=_(
                    "Thank you. Your report was received; you will be told of every step."
                ),
            )
            if done:
                return redirect(done.value)
        return render(
            request,
            "feedback/report_form.html",
            {
                "form": form,
                "step": 2,
                "complaints_url": COMPLAINTS_URL,
                "map_config": map_config(form.cleaned_data.get("area")),
            },
            status=400,
        )
    place = PlaceForm(request.GET or None)
    if place.is_valid() and place.area_page() is not None:
        area = place.area_page()
        mute = active_mute(request.user, area)
        if mute is not None:
            mute_reason = actions.mute_message(mute)
        similar = actions.similar_open_reports(
            area,
            place.cleaned_data["category"],
            place.cleaned_data["latitude"],
            place.cleaned_data["longitude"],
        )
        form = ReportForm(initial=place.cleaned_data)
        return render(
            request,
            "feedback/report_form.html",
            {
                "form": form,
                "place": place,
                "area": area,
                "step": 2,
                "similar": similar,
                "mute_reason": mute_reason,
                "complaints_url": COMPLAINTS_URL,
                "map_config": map_config(area),
            },
        )
    return render(
        request,
        "feedback/report_form.html",
        {
            "place": place,
            "step": 1,
            "complaints_url": COMPLAINTS_URL,
            "map_config": map_config(),
        },
        status=400 if request.GET and not place.is_valid() else 200,
    )


@login_required
@require_POST
def follow(request, pk):
    report, _h, _r = _visible_report(request, pk)
    run_action(
        request,
        actions.follow_report,
        request.user,
        report,
        success=_("You follow this report; you will be told of every step."),
    )
    return redirect(report)


@login_required
@require_POST
def unfollow(request, pk):
    report, _h, _r = _visible_report(request, pk)
    run_action(request, actions.unfollow_report, request.user, report)
    return redirect(report)


@login_required
@require_POST
def rate(request, pk):
    report, _h, _r = _visible_report(request, pk)
    form = RateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a rating from 1 to 5 stars."))
        return redirect(report)
    run_action(
        request,
        actions.rate_report,
        request.user,
        report,
        form.cleaned_data["rating"],
        success=_("Thank you for your rating."),
    )
    return redirect(report)


@login_required
@require_POST
def reopen(request, pk):
    report, _h, _r = _visible_report(request, pk)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please say why the problem is not solved."))
        return redirect(report)
    run_action(
        request,
        actions.reopen_report,
        request.user,
        report,
        form.cleaned_data["reason"],
        success=_("The report is open again; the handlers are told."),
    )
    return redirect(report)


@login_required
def my_reports(request):
    mine = (
        Report.objects.filter(reporter=request.user)
        .select_related("area")
        .order_by("-created_at")
    )
    followed = (
        Report.objects.filter(follows__user=request.user, is_public=True)
        .exclude(reporter=request.user)
        .select_related("area")
        .order_by("-created_at")
    )
    return render(
        request,
        "feedback/my_reports.html",
        {"mine": mine, "followed": followed, "now": timezone.now()},
    )


# --- handlers -----------------------------------------------------------------------


def handled_reports(user):
    """Reports of the communes where ``user`` handles feedback, late first, then by
    the deadline that runs."""
    now = timezone.now()
    reports = scoped(
        Report.objects.select_related("area", "commune", "unit"),
        user,
        actions.HANDLE,
        "commune__path",
    )
    return reports.annotate(
        running_due=Case(
            When(status=Status.RECEIVED, then=F("accept_due")),
            default=F("resolve_due"),
        ),
        overdue=Case(
            When(status=Status.RECEIVED, accept_due__lt=now, then=Value(True)),
            When(
                status__in=[Status.ACCEPTED, Status.IN_PROGRESS],
                resolve_due__lt=now,
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        ),
    )


@login_required
def queue(request):
    reports = handled_reports(request.user)
    if not can_anywhere(request.user, actions.HANDLE):
        raise PermissionDenied
    show = request.GET.get("show", "open")
    if show == "open":
        reports = reports.filter(status__in=OPEN_STATUSES).order_by(
            "-overdue", "running_due"
        )
    else:
        show = "all"
        reports = reports.order_by("-overdue", "-created_at")
    page = _page(request, reports)
    return render(
        request,
        "feedback/queue.html",
        {
            "page_obj": page,
            "reports": page.object_list,
            "show": show,
            "now": timezone.now(),
        },
    )


def _handled_report(request, pk):
    """The report ``pk`` for a handler's button (403 for anyone else)."""
    report = get_object_or_404(Report.objects.select_related("commune"), pk=pk)
    if not actions.can_handle(request.user, report):
        raise PermissionDenied
    return report


def _to_handling(report):
    return redirect(reverse("feedback:report", args=[report.pk]) + "#handling")


@login_required
@require_POST
def accept(request, pk):
    report = _handled_report(request, pk)
    run_action(
        request,
        actions.accept_report,
        request.user,
        report,
        success=_("Accepted; the reporter is told."),
    )
    return _to_handling(report)


@login_required
@require_POST
def duplicate(request, pk):
    report = _handled_report(request, pk)

    def mark():
        data = valid_data(DuplicateForm(request.POST, prefix="dup"))
        original = None
        if data["original"]:
            original = Report.objects.filter(pk=data["original"]).first()
            if original is None:
                raise ActionRefused(_("There is no report with this number."))
        actions.mark_duplicate(request.user, report, data["reason"], original)

    run_action(request, mark, success=_("Marked as a duplicate; the reporter is told."))
    return _to_handling(report)


@login_required
@require_POST
def out_of_scope(request, pk):
    report = _handled_report(request, pk)

    def mark():
        data = valid_data(ReasonForm(request.POST, prefix="out"))
        actions.mark_out_of_scope(request.user, report, data["reason"])

    run_action(
        request, mark, success=_("Marked as out of scope; the reporter is told.")
    )
    return _to_handling(report)


@login_required
@require_POST
def assign(request, pk):
    report = _handled_report(request, pk)

    def assign_unit():
        data = valid_data(UnitForm(request.POST, commune=report.commune))
        actions.assign_unit(request.user, report, data["unit"])

    run_action(request, assign_unit, success=_("Handling unit saved."))
    return _to_handling(report)


@login_required
@require_POST
def progress(request, pk):
    report = _handled_report(request, pk)

    def post_progress():
        data = valid_data(ProgressForm(request.POST, request.FILES))
        actions.post_progress(request.user, report, data["message"], data["photos"])

    run_action(request, post_progress, success=_("Progress update published."))
    return _to_handling(report)


@login_required
@require_POST
def resolve(request, pk):
    report = _handled_report(request, pk)

    def resolve_report():
        data = valid_data(AnswerForm(request.POST, request.FILES))
        actions.resolve_report(request.user, report, data["answer"], data["photos"])

    run_action(
        request,
        resolve_report,
        success=_("Answer published; the reporter is asked to rate it."),
    )
    return _to_handling(report)


@login_required
@require_POST
def visibility(request, pk):
    report = _handled_report(request, pk)
    public = request.POST.get("public") == "1"

    def set_public():
        data = valid_data(ReasonForm(request.POST, prefix="vis"))
        actions.set_public(request.user, report, public, data["reason"])

    run_action(
        request,
        set_public,
        success=_("Shown to the public.") if public else _("Hidden from the public."),
    )
    return _to_handling(report)
