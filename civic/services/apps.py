from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "civic.services"
    label = "services"
    verbose_name = _("Online public services")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from civic.core import pagecache

        # support points show whether they are open now
        pagecache.register_boundary(next_opening_change)


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
