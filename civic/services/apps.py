from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "civic.services"
    label = "services"
    verbose_name = _("Online public services")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.urls import reverse

        from civic.core import registry
        from content.search_sources import Source, register

        from .models import Procedure

        register(
            Source(
                key="procedure",
                model="services.Procedure",
                label=_("Public services"),
                visible=lambda: Procedure.objects.all(),
                text=lambda p: f"{p.code} · {p.authority}. {p.documents}",
                title=lambda p: p.name,
                url=lambda p: reverse("services:procedure", args=[p.pk]),
                order=30,
            )
        )
        registry.register(
            registry.NavEntry(
                "procedures", _("Public services"), "services:procedures", order=10
            )
        )
