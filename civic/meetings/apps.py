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
