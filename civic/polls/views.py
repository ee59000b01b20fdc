"""Public pages: an area's polls, a poll with its ballot form and results, and the
leaders' close / record / CSV actions. Thin: every change goes through actions."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civic.core import csv as safe_csv
from civic.core import pagecache
from civic.core.errors import ActionRefused, message_of
from civic.core.ids import parse_id
from civic.core.reversing import reverse_kept
from civic.core.views import run_action
from civic.people.permissions import can
from civic.people.residents import represented_household
from content.models import AreaPage

from . import actions
from .models import Participation, Poll, ResultsVisibility
from .results import public_polls, results_for, results_public

POLLS_PER_PAGE = 20


def _poll(pk):
    return get_object_or_404(public_polls().select_related("area", "result"), pk=pk)


def _poll_with_choices(pk):
    """A poll as its page shows it, with its area, result and choices (the
    ballot form and the live figures read the same choices), kept between
    requests until a poll, choice or tally changes (civic.core.pagecache.memo):
    nothing in it depends on the clock or on the visitor."""

    def read():
        poll = _poll(pk)
        prefetch_related_objects([poll], "choices")
        return poll

    return pagecache.memo("polls.poll", [pk], read)


def area_polls(request, area_id):
    area = get_object_or_404(AreaPage.objects.live(), pk=area_id)
    now = timezone.now()
    # as every public list: only polls of a published area (results.public_polls)
    polls = public_polls().concerning(area).select_related("area", "result")
    open_polls = list(polls.open_now(now).order_by("closes_at"))
    others = polls.exclude(pk__in=[p.pk for p in open_polls]).order_by("-closes_at")
    page_obj = Paginator(others, POLLS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "polls/area_polls.html",
        {
            "area": area,
            "page": area,
            "open_polls": open_polls,
            "page_obj": page_obj,
            "now": now,
            "can_manage": can(request.user, "open_polls", area),
        },
    )


def has_voted(user, poll):
    """Kept across requests until a ballot is cast anywhere (the participations
    table changes): a resident reading the poll page again asks nothing."""
    if not user.is_authenticated:
        return False
    if poll.is_household:
        household = represented_household(user, poll.area)
        if household is None:
            return False
        return pagecache.memo(
            "polls.household_voted",
            [poll.pk, household.pk],
            lambda: Participation.objects.filter(
                poll=poll, household=household
            ).exists(),
        )
    return pagecache.memo(
        "polls.voted",
        [poll.pk, user.pk],
        lambda: Participation.objects.filter(
            poll=poll, user=user, household__isnull=True
        ).exists(),
    )


def results_visible(poll, voted, manager, now):
    if manager or results_public(poll, now):
        return True
    if poll.results_visibility == ResultsVisibility.AFTER_VOTING:
        return voted
    return False


def poll_detail(request, pk):
    if request.method == "POST":
        return _vote(request, pk)
    poll = _poll_with_choices(pk)
    now = timezone.now()
    manager = can(request.user, "open_polls", poll.area)
    voted = has_voted(request.user, poll)
    refusal = None
    if poll.is_open(now) and not poll.decided_at_meeting and not voted:
        try:
            actions.check_eligible(request.user, poll)
        except ActionRefused as e:
            refusal = message_of(e)
    context = {
        "poll": poll,
        "page": poll.area,
        "choices": list(poll.choices.all()),
        "now": now,
        "voted": voted,
        "refusal": refusal,
        "manager": manager,
        "can_vote": poll.is_open(now)
        and not poll.decided_at_meeting
        and refusal is None
        and (not voted or (poll.allow_change and not poll.secret)),
        "result": poll.result_or_none(),
    }
    if results_visible(poll, voted, manager, now):
        context["results"] = results_for(poll)
    return render(request, "polls/poll_detail.html", context)


def _vote(request, pk):
    """Cast a ballot and redirect to the poll's page (which shows the message).
    The poll is read by the casting itself, in the statement that locks it
    (``actions.cast_ballot``): no lookup of its own here."""
    if not request.user.is_authenticated:
        _poll(pk)  # 404 for a poll that is not shown
        return redirect_to_login(request.get_full_path())
    household = request.POST.get("household") or None
    if household is not None:
        household = parse_id(household)
        if household is None:
            messages.error(request, _("You can only vote for your own household."))
            return redirect("polls:detail", pk=pk)
    try:
        run_action(
            request,
            actions.cast_ballot,
            request.user,
            pk,
            request.POST.getlist("choice"),
            household=household,
            public=True,
            success=_("Thank you: your ballot is recorded."),
        )
    except Poll.DoesNotExist:
        raise Http404 from None
    # the poll's own address, reversed once per process (kept_urls)
    return HttpResponseRedirect(reverse_kept("polls:detail", [pk]))


def _manager_or_403(request, poll):
    if not can(request.user, "open_polls", poll.area):
        raise PermissionDenied


@require_POST
def close(request, pk):
    poll = _poll(pk)
    _manager_or_403(request, poll)
    run_action(
        request,
        actions.close_poll,
        request.user,
        poll,
        success=_("The poll is closed and its result recorded."),
    )
    return redirect("polls:detail", pk=poll.pk)


@require_POST
def record_meeting(request, pk):
    poll = _poll(pk)
    _manager_or_403(request, poll)
    votes = {
        c.pk: request.POST.get(f"votes-{c.pk}", "0") or "0" for c in poll.choices.all()
    }
    run_action(
        request,
        actions.record_meeting_result,
        request.user,
        poll,
        request.POST.get("households_present", ""),
        votes,
        note=request.POST.get("note", "")[:2000],
        success=_("The result of the meeting is recorded."),
    )
    return redirect("polls:detail", pk=poll.pk)


def export_csv(request, pk):
    poll = _poll(pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    _manager_or_403(request, poll)
    data = results_for(poll)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="poll-{poll.pk}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 Vietnamese correctly with a BOM
    writer = safe_csv.writer(response)
    writer.writerow([_("Poll"), poll.title])
    writer.writerow([_("Area"), poll.area.title])
    writer.writerow([_("Kind"), poll.get_kind_display()])
    writer.writerow([_("Final result"), _("yes") if data["final"] else _("no")])
    writer.writerow([_("Eligible"), data["eligible"]])
    writer.writerow([_("Took part"), data["participants"]])
    if poll.is_household:
        writer.writerow([_("Approvals"), data["approvals"]])
        writer.writerow(
            [_("Outcome"), _("passed") if data["passed"] else _("not passed")]
        )
    writer.writerow([])
    writer.writerow([_("Choice"), _("Votes"), _("Percent")])
    for row in data["rows"]:
        writer.writerow([row["label"], row["votes"], row["percent"]])
    return response
