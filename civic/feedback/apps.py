from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "civic.feedback"
    label = "feedback"
    verbose_name = _("Resident feedback")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from civic.core import pagecache

        # a report turns late when a deadline passes
        pagecache.register_boundary(next_feedback_deadline)

        from django.utils.translation import pgettext_lazy

        from civic.people import follows

        from .actions import ReportFollows, check_followable
        from .permissions import can_read

        # reports keep their own followers (the reporter among them)
        follows.register(
            "report",
            "feedback.Report",
            label=pgettext_lazy("followed", "report"),
            can_see=can_read,
            store=ReportFollows(),
            check=check_followable,
        )

        from civic.comments.moderation import register_target

        from .permissions import can_read

        register_target("feedback.report", can_read=can_read)

        from civic.core import registry
        from content.search_sources import Source, register

        from .models import Report

        registry.register(
            registry.NavEntry(
                "feedback", _("Residents' feedback"), "feedback:list", order=30
            )
        )
        registry.register(
            registry.AreaSection(
                "feedback",
                render=registry.template_section(
                    "feedback/_area_links.html", lambda page: {"page": page}
                ),
                order=40,
            )
        )
        from .home import section_context

        # a signed-in resident's home: their reports and the deadlines that run
        registry.register(
            registry.HomeSection(
                "feedback",
                render=registry.user_section(
                    "feedback/_home_reports.html", section_context
                ),
                order=30,
            )
        )
        # public reports only, never who sent them (the reporter is not indexed)
        register(
            Source(
                key="feedback",
                model="feedback.Report",
                label=_("Residents' feedback"),
                visible=lambda: Report.objects.filter(is_public=True),
                text=lambda r: f"{r.description} {r.address}",
                title=lambda r: r.title,
                order=20,
            )
        )

        from civic.core.figures import register_figures

        from .figures import FIGURES

        register_figures(FIGURES)


def next_feedback_deadline(now):
    from django.db.models import Min, Q

    from .models import Report

    found = Report.objects.aggregate(
        accept=Min(
            "accept_due", filter=Q(accepted_at__isnull=True, accept_due__gt=now)
        ),
        resolve=Min(
            "resolve_due", filter=Q(resolved_at__isnull=True, resolve_due__gt=now)
        ),
    )
    return min((m for m in found.values() if m is not None), default=None)
