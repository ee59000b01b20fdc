from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "civic.support"
    label = "support"
    verbose_name = _("Support points")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.urls import reverse

        from civic.core import pagecache
        from content.search_sources import Source, register

        from .models import SupportPoint

        # support points show whether they are open now
        pagecache.register_boundary(next_opening_change)

        from civic.core import registry

        registry.register(
            registry.NavEntry("points", _("Support points"), "support:points", order=20)
        )

        from .home import section_context

        # a signed-in resident's home: their coming help appointments
        registry.register(
            registry.HomeSection(
                "support",
                render=registry.user_section(
                    "support/_home_appointments.html", section_context
                ),
                order=40,
            )
        )

        register(
            Source(
                key="point",
                model="support.SupportPoint",
                label=_("Support points"),
                visible=lambda: SupportPoint.objects.all(),
                text=lambda p: f"{p.address}. {p.services}",
                title=lambda p: p.name,
                url=lambda p: reverse("support:point", args=[p.pk]),
                order=31,
            )
        )

        from civic.services import sections

        from . import views

        sections.register(
            "procedure_list", "support/_procedures_help_link.html", lambda request: {}
        )
        sections.register(
            "procedure_detail", "support/_procedure_help.html", views.procedure_help
        )

        from civic.core.figures import register_figures

        from .figures import FIGURES

        register_figures(FIGURES)


def next_opening_change(now):
    """The next time of day at which a support point opens or closes."""
    from datetime import datetime, timedelta

    from django.utils import timezone

    from .models import OpeningHours

    times = set()
    for opens, closes in OpeningHours.objects.values_list("opens", "closes"):
        times.add(opens)
        if closes is not None:
            times.add(closes)
    if not times:
        return None
    local = timezone.localtime(now)
    for day in (0, 1):
        date = (local + timedelta(days=day)).date()
        for moment in sorted(times):
            candidate = timezone.make_aware(
                datetime.combine(date, moment), local.tzinfo
            )
            if candidate > now:
                return candidate
    return None
