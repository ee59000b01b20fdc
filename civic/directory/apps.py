from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "civic.directory"
    label = "directory"
    verbose_name = _("Local directory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.urls import reverse

        from civic.core import registry
        from content.search_sources import Source, register

        from .models import Business, BusinessStatus, UtilityLink

        register(
            Source(
                key="utility",
                model="directory.UtilityLink",
                label=_("Public utilities"),
                visible=lambda: UtilityLink.objects.all(),
                text=lambda u: f"{u.address} {u.notes}",
                title=lambda u: u.name,
                url=lambda u: reverse("directory:utilities_area", args=[u.area_id]),
                order=32,
            )
        )
        register(
            Source(
                key="shop",
                model="directory.Business",
                label=_("Local shops and services"),
                visible=lambda: Business.objects.filter(status=BusinessStatus.APPROVED),
                text=lambda b: f"{b.offers} · {b.address}",
                title=lambda b: b.name,
                url=lambda b: (
                    reverse("directory:utilities_area", args=[b.area_id])
                    + "#shops-heading"
                ),
                order=33,
            )
        )

        from civic.services import sections

        sections.register(
            "procedure_list_links", "directory/_procedures_links.html", lambda r: {}
        )
        from .templatetags.directory_tags import area_services

        # an area's public utilities and its next waste collection day
        registry.register(
            registry.AreaSection(
                "services",
                render=registry.template_section(
                    "directory/_area_services.html", area_services
                ),
                order=30,
            )
        )
