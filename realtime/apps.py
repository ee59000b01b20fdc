from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RealtimeConfig(AppConfig):
    name = "realtime"
    verbose_name = _("Discussion channels")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.utils.translation import pgettext_lazy

        from civic.comments.moderation import register_target
        from civic.core import registry
        from civic.people import follows

        from . import signals  # noqa: F401  (connects the receivers)
        from .actions import hide_after_reports, unhide_message
        from .permissions import can_read
        from .templatetags.realtime_tags import area_channels

        follows.register(
            "channel",
            "realtime.Channel",
            label=pgettext_lazy("followed", "channel"),
            can_see=can_read,
        )

        # residents report a message through the comments' report mechanism;
        # only those who may read its channel. Enough reports hide it; a
        # moderator shows it again (the message's own actions, not the model's)
        register_target(
            "realtime.message",
            can_read=lambda user, message: can_read(user, message.channel),
            on_reports=hide_after_reports,
            on_unhide=unhide_message,
        )
        # the channels an area's page lists depend on who is looking
        registry.register(
            registry.AreaSection(
                "channels", render=area_channels, order=60, per_viewer=True
            )
        )
