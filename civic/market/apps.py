from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MarketConfig(AppConfig):
    name = "civic.market"
    label = "market"
    verbose_name = _("Neighbourhood market")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.utils import timezone

        from civic.comments.moderation import register_target
        from civic.core import pagecache, registry
        from content.search_sources import Source, register

        from .actions import hide_after_reports, unhide_listing
        from .models import Listing
        from .permissions import can_read_listing, can_read_seller
        from .queries import next_expiry

        # residents report a listing or a seller through civic.comments; three
        # reports hide a listing (its own actions), a moderator shows it again
        register_target(
            "market.listing",
            can_read=can_read_listing,
            on_reports=hide_after_reports,
            on_unhide=unhide_listing,
        )
        register_target("market.seller", can_read=can_read_seller)
        # a listing leaves the public pages when it expires
        pagecache.register_boundary(next_expiry)
        registry.register(
            registry.NavEntry(
                "market", _("Neighbourhood market"), "market:market", order=45
            )
        )
        registry.register(registry.AreaSection("market", render=area_section, order=45))
        # shown listings only: never a hidden, withdrawn or expired one
        register(
            Source(
                key="market",
                model="market.Listing",
                label=_("Neighbourhood market"),
                visible=lambda: Listing.objects.filter(
                    is_active=True, is_hidden=False, expires_at__gt=timezone.now()
                ),
                text=lambda listing: listing.description,
                title=lambda listing: listing.title,
                order=50,
            )
        )


def area_section(context, page):
    from django.template.loader import render_to_string

    from .queries import latest_in

    listings = latest_in(page)
    return render_to_string(
        "market/_area_section.html", {"page": page, "listings": listings}
    )
