from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """The rollout dashboard: an integration app that shows the figures the
    installed apps registered (``figures.register_figures``)."""

    name = "civic.dashboard"
    label = "dashboard"
    verbose_name = _("Rollout dashboard")

    def ready(self):
        from civic.core.figures import register_figures
        from civic.services import sections

        from .people import FIGURES

        # residents, households and group leaders: the core's figures
        register_figures(FIGURES)
        sections.register(
            "procedure_list_links", "dashboard/_procedures_link.html", lambda r: {}
        )
