from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RealtimeConfig(AppConfig):
    name = "realtime"
    verbose_name = _("Discussion channels")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from civic.comments.moderation import register_target

        from . import signals  # noqa: F401  (connects the receivers)
        from .permissions import can_read

        # residents report a message through the comments' report mechanism;
        # only those who may read its channel
        register_target(
            "realtime.message",
            can_read=lambda user, message: can_read(user, message.channel),
        )
