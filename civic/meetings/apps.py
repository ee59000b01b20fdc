from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "civic.meetings"
    label = "meetings"
    verbose_name = _("Meetings")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from civic.comments.moderation import register_target
        from content.documents import register_document_source

        from .documents import meeting_source

        # a meeting is shown to everyone while its area is published
        register_target("meetings.meeting", can_read=lambda user, meeting: meeting.live)
        register_document_source(meeting_source)
