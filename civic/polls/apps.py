from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PollsConfig(AppConfig):
    name = "civic.polls"
    label = "polls"
    verbose_name = _("Polls")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from civic.core import pagecache

        # a poll opens and closes by the clock: cached pages expire then
        pagecache.register_boundary(next_poll_boundary)

        from civic.comments.moderation import register_target

        # Residents discuss a poll under it, like a news item or a notice.
        from .permissions import can_read

        register_target("polls.poll", can_read=can_read)

        from django.utils.translation import pgettext_lazy

        from civic.people import follows

        follows.register(
            "poll",
            "polls.Poll",
            label=pgettext_lazy("followed", "poll"),
            can_see=can_read,
        )
        from civic.core import registry
        from civic.core.figures import register_figures
        from content.search_sources import Source, register

        from . import signals  # noqa: F401  (poll events → notifications)
        from .figures import FIGURES as DASHBOARD_FIGURES

        register_figures(DASHBOARD_FIGURES)

        from .models import Poll
        from .templatetags.polls_tags import open_polls

        registry.register(
            registry.AreaSection(
                "polls",
                render=registry.template_section("polls/_open_polls.html", open_polls),
                order=20,
            )
        )
        from .home import section_context

        # a signed-in resident's home: the polls waiting for their vote
        registry.register(
            registry.HomeSection(
                "polls",
                render=registry.user_section("polls/_home_polls.html", section_context),
                order=20,
            )
        )
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


def next_poll_boundary(now):
    from django.db.models import Min, Q

    from .models import Poll

    found = Poll.objects.aggregate(
        opens=Min("opens_at", filter=Q(opens_at__gt=now)),
        closes=Min("closes_at", filter=Q(closes_at__gt=now)),
    )
    return min((m for m in found.values() if m is not None), default=None)
