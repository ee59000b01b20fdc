"""Who may read what of the market (the read checks given to civic.comments)."""


def can_read_listing(user, listing):
    """Shown listings to everyone; the seller always sees their own."""
    if listing.is_shown():
        return True
    return bool(user and user.is_authenticated and listing.seller.user_id == user.pk)


def can_read_seller(user, seller):
    return seller.user_id is not None
