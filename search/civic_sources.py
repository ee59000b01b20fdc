"""The civic apps' kinds of result on the search page, in one place.

Each ``visible`` queryset is what a visitor may see, filtered on the model's
``FilterField``s so that the index applies it: approved shops only, public feedback
reports only (never who sent them: the reporter is not indexed), published minutes
only (not drafts, not superseded revisions), meetings that were not cancelled.
A source whose app is not installed is skipped by ``search.sources.sources()``.
"""

from django.utils.translation import gettext_lazy as _

from search.sources import Source, register


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

    if apps.is_installed("civic.feedback"):
        _feedback()
    if apps.is_installed("civic.meetings"):
        _meetings()
