from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "civic.comments"
    label = "comments"
    verbose_name = _("Comments and moderation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks

        from .moderation import check_read_checks

        checks.register(check_read_checks)

        from civic.core import registry

        from .templatetags.comments_tags import comments_for

        # below a news item or a notice: its comments (content's own pages)
        registry.register(
            registry.PageSection(
                "comments",
                render=registry.template_section_with_context(
                    "comments/comment_section.html", comments_for
                ),
                order=50,
            )
        )
