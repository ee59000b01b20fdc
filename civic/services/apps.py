from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "civic.services"
    label = "services"
    verbose_name = _("Online public services")
    default_auto_field = "django.db.models.BigAutoField"
