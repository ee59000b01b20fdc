"""The public services' kinds of result on the search page (registered from
``SearchConfig.ready``). Every other app registers its own sources in its own
``AppConfig.ready`` (``content.search_sources``); these move to the services apps
when ``civic/services`` is split (issue 18, part 4), and so do the services' menu
links and area section (``_services_site``), which are here meanwhile only because
``civic/services`` is being split on another branch.

Each ``visible`` queryset is what a visitor may see, filtered on the model's
``FilterField``s so that the index applies it: approved shops only.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from content.search_sources import Source, register


def _services():
    from civic.services.models import (
        Business,
        BusinessStatus,
        Procedure,
        SupportPoint,
        UtilityLink,
    )

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
    register(
        Source(
            key="point",
            model="services.SupportPoint",
            label=_("Support points"),
            visible=lambda: SupportPoint.objects.all(),
            text=lambda p: f"{p.address}. {p.services}",
            title=lambda p: p.name,
            url=lambda p: reverse("services:point", args=[p.pk]),
            order=31,
        )
    )
    register(
        Source(
            key="utility",
            model="services.UtilityLink",
            label=_("Public utilities"),
            visible=lambda: UtilityLink.objects.all(),
            text=lambda u: f"{u.address} {u.notes}",
            title=lambda u: u.name,
            url=lambda u: reverse("services:utilities_area", args=[u.area_id]),
            order=32,
        )
    )
    register(
        Source(
            key="shop",
            model="services.Business",
            label=_("Local shops and services"),
            visible=lambda: Business.objects.filter(status=BusinessStatus.APPROVED),
            text=lambda b: f"{b.offers} · {b.address}",
            title=lambda b: b.name,
            url=lambda b: (
                reverse("services:utilities_area", args=[b.area_id]) + "#shops-heading"
            ),
            order=33,
        )
    )


def _services_site():
    """The services' links in the main menu and their section of an area's page
    (``civic.core.registry``)."""
    from civic.core import registry
    from civic.services.templatetags.services_tags import area_services

    for key, label, url_name, order in [
        ("procedures", _("Public services"), "services:procedures", 10),
        ("points", _("Support points"), "services:points", 20),
    ]:
        registry.register(registry.NavEntry(key, label, url_name, order=order))
    registry.register(
        registry.AreaSection(
            "services",
            render=registry.template_section(
                "services/_area_services.html", area_services
            ),
            order=30,
        )
    )


def register_civic_sources():
    from django.apps import apps

    if apps.is_installed("civic.services"):
        _services()
        _services_site()
