from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RealtimeConfig(AppConfig):
    name = "realtime"
    verbose_name = _("Discussion channels")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from civic.comments.moderation import register_target

        from . import signals  # noqa: F401  (connects the receivers)

        # residents report a message through the comments' report mechanism
        register_target("realtime.message")
