"""The civic apps' kinds of result on the search page, in one place.

Each ``visible`` queryset is what a visitor may see, filtered on the model's
``FilterField``s so that the index applies it: approved shops only, public feedback
reports only (never who sent them: the reporter is not indexed), published minutes
only (not drafts, not superseded revisions), meetings that were not cancelled.
A source whose app is not installed is skipped by ``search.sources.sources()``.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from search.sources import Source, register


def _services():
    from civic.services.models import (
        Business,
        BusinessStatus,
        Procedure,
        SupportPoint,
        UtilityLink,
    )

    register(
        Source(
            key="procedure",
            model="services.Procedure",
            label=_("Public services"),
            visible=lambda: Procedure.objects.all(),
            text=lambda p: f"{p.code} · {p.authority}. {p.documents}",
            title=lambda p: p.name,
            url=lambda p: reverse("services:procedure", args=[p.pk]),
            order=30,
        )
    )
    register(
        Source(
            key="point",
            model="services.SupportPoint",
            label=_("Support points"),
            visible=lambda: SupportPoint.objects.all(),
            text=lambda p: f"{p.address}. {p.services}",
            title=lambda p: p.name,
            url=lambda p: reverse("services:point", args=[p.pk]),
            order=31,
        )
    )
    register(
        Source(
            key="utility",
            model="services.UtilityLink",
            label=_("Public utilities"),
            visible=lambda: UtilityLink.objects.all(),
            text=lambda u: f"{u.address} {u.notes}",
            title=lambda u: u.name,
            url=lambda u: reverse("services:utilities_area", args=[u.area_id]),
            order=32,
        )
    )
    register(
        Source(
            key="shop",
            model="services.Business",
            label=_("Local shops and services"),
            visible=lambda: Business.objects.filter(status=BusinessStatus.APPROVED),
            text=lambda b: f"{b.offers} · {b.address}",
            title=lambda b: b.name,
            url=lambda b: (
                reverse("services:utilities_area", args=[b.area_id]) + "#shops-heading"
            ),
            order=33,
        )
    )


def _feedback():
    from civic.feedback.models import Report

    register(
        Source(
            key="feedback",
            model="feedback.Report",
            label=_("Residents' feedback"),
            visible=lambda: Report.objects.filter(is_public=True),
            text=lambda r: f"{r.description} {r.address}",
            title=lambda r: r.title,
            order=20,
        )
    )


def _meetings():
    from civic.meetings.models import Meeting, Minutes, MinutesStatus

    register(
        Source(
            key="meeting",
            model="meetings.Meeting",
            label=_("Meetings"),
            visible=lambda: Meeting.objects.filter(cancelled=False),
            text=lambda m: getattr(m, "place", "") or "",
            title=lambda m: m.title,
            order=15,
        )
    )

    def minutes_in(ids):
        return {
            "meeting__in": list(
                Meeting.objects.filter(area__in=ids).values_list("pk", flat=True)
            )
        }

    register(
        Source(
            key="minutes",
            model="meetings.Minutes",
            label=_("Meeting minutes"),
            visible=lambda: Minutes.objects.filter(
                status=MinutesStatus.PUBLISHED
            ).select_related("meeting"),
            text=lambda m: m.summary,
            title=lambda m: _("Minutes: %(meeting)s") % {"meeting": m.meeting.title},
            url=lambda m: m.meeting.get_absolute_url() + "#minutes",
            area_field="meeting",
            area_lookup=minutes_in,
            order=16,
        )
    )


def register_civic_sources():
    from django.apps import apps

    if apps.is_installed("civic.services"):
        _services()
    if apps.is_installed("civic.feedback"):
        _feedback()
    if apps.is_installed("civic.meetings"):
        _meetings()
