from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "civic.feedback"
    label = "feedback"
    verbose_name = _("Resident feedback")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from civic.comments.moderation import register_target

        from .permissions import can_read

        register_target("feedback.report", can_read=can_read)
