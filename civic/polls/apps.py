from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PollsConfig(AppConfig):
    name = "civic.polls"
    label = "polls"
    verbose_name = _("Polls")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from civic.comments.moderation import register_target

        # Residents discuss a poll under it, like a news item or a notice.
        from .permissions import can_read

        register_target("polls.poll", can_read=can_read)

        from search.sources import Source, register

        from .models import Poll

        register(
            Source(
                key="poll",
                model="polls.Poll",
                label=_("Polls"),
                visible=lambda: Poll.objects.all(),
                text=lambda poll: poll.description,
                title=lambda poll: poll.title,
                order=10,
            )
        )
