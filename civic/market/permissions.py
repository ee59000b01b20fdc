"""Who may read what of the market (the read checks given to civic.comments),
and who moderates a listing."""

from civic.people.permissions import can


def can_moderate_listing(user, listing):
    """Hide a listing or show it again, directly or from the moderation queue:
    the moderators of its area (its group's leader, the commune's editors; a
    superuser). Anyone else is refused (403)."""
    return can(user, "moderate", listing.area)


def can_read_listing(user, listing):
    """Shown listings to everyone; the seller always sees their own, and the
    area's moderators see a hidden one (to review it in the queue)."""
    if listing.is_shown():
        return True
    if not user or not user.is_authenticated:
        return False
    return listing.seller.user_id == user.pk or can_moderate_listing(user, listing)


def can_read_seller(user, seller):
    return seller.user_id is not None
