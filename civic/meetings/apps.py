from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "civic.meetings"
    label = "meetings"
    verbose_name = _("Meetings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from civic.core import pagecache

        # upcoming → under way → past, and the calendar's one-year window
        pagecache.register_boundary(next_meeting_boundary)

        from civic.comments.moderation import register_target
        from content.documents import register_document_source

        from .documents import meeting_source

        # a meeting is shown to everyone while its area is published
        register_target("meetings.meeting", can_read=lambda user, meeting: meeting.live)
        register_document_source(meeting_source)

        from django.utils.translation import pgettext_lazy

        from civic.people import follows

        follows.register(
            "meeting",
            "meetings.Meeting",
            label=pgettext_lazy("followed", "meeting"),
            can_see=lambda user, meeting: follows.page_visible(user, meeting.area),
        )

        from civic.core import registry

        from .templatetags.meetings_tags import upcoming_meetings

        registry.register(
            registry.AreaSection(
                "meetings",
                render=registry.template_section(
                    "meetings/_upcoming.html", upcoming_meetings
                ),
                order=50,
            )
        )
        register_search_sources()


def register_search_sources():
    """Meetings that were not cancelled, and published minutes (not drafts, not
    superseded revisions), as kinds of result of the search page."""
    from content.search_sources import Source, register

    from .models import Meeting, Minutes, MinutesStatus

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


def next_meeting_boundary(now):
    from datetime import timedelta

    from django.db.models import Min, Q

    from .models import Meeting
    from .views import FEED_PAST_DAYS

    window = timedelta(days=FEED_PAST_DAYS)
    found = Meeting.objects.aggregate(
        starts=Min("starts_at", filter=Q(starts_at__gt=now)),
        ends=Min("ends_at", filter=Q(ends_at__gt=now)),
        leaves=Min("ends_at", filter=Q(ends_at__gte=now - window)),
    )
    if found["leaves"] is not None:
        found["leaves"] += window
        if found["leaves"] <= now:
            found["leaves"] = None
    return min((m for m in found.values() if m is not None), default=None)
