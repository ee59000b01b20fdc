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

        register_target("meetings.meeting")
        register_document_source(meeting_source)
