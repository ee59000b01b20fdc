from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("Open API and open data")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from civic.core.registry import AreaSection, register

        from .opendata import open_data_section

        # the commune page links its open-data ZIP (once the nightly task wrote it)
        register(AreaSection("opendata", render=open_data_section, order=90))
