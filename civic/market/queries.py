"""What the market's pages read: listings of an area, filtered and sorted.

**Distance** is the area tree's, not the map's: listings of my own group first,
then of the other groups of my commune, then the rest; within each, the most
recently posted or renewed first. Areas carry no coordinates (see
civic/feedback's README) and a neighbour's "near" is their group; a visitor or
a resident who is not verified gets recency alone.
"""

from django.db.models import Avg, Case, Count, IntegerField, Q, Value, When

from civic.people.residents import verified_area_path
from content.models import AreaPage

from .models import Listing, Order, OrderStatus


def shown_listings(now=None):
    return (
        Listing.objects.shown(now)
        .select_related("area", "seller__user", "shop")
        .prefetch_related("photos")
    )


def in_area(listings, area):
    """An area's listings and those of every area under it (a commune's groups)."""
    return listings.filter(area__path__startswith=area.path)


def by_distance(listings, user):
    path = verified_area_path(user)
    if not path:
        return listings.order_by("-renewed_at", "-pk")
    group = AreaPage.objects.filter(path=path).first()
    commune = group.commune if group is not None else None
    rank = [When(area__path=path, then=Value(0))]
    if commune is not None:
        rank.append(When(area__path__startswith=commune.path, then=Value(1)))
    return listings.annotate(
        nearness=Case(*rank, default=Value(2), output_field=IntegerField())
    ).order_by("nearness", "-renewed_at", "-pk")


def filtered(listings, data, user):
    if data.get("category"):
        listings = listings.filter(category=data["category"])
    if data.get("min") is not None:
        listings = listings.filter(price__gte=data["min"])
    if data.get("max") is not None:
        listings = listings.filter(price__lte=data["max"])
    if data.get("sort") == "new":
        return listings.order_by("-renewed_at", "-pk")
    return by_distance(listings, user)


def seller_rating(seller):
    """``{"avg": 4.5 or None, "n": 2}`` over the seller's rated orders."""
    return Order.objects.filter(
        seller=seller,
        rating__isnull=False,
        status__in=[OrderStatus.COMPLETED, OrderStatus.CONFIRMED],
    ).aggregate(avg=Avg("rating"), n=Count("pk"))


def next_expiry(now):
    """The next moment a shown listing expires (a page-cache boundary)."""
    return (
        Listing.objects.filter(is_active=True, is_hidden=False, expires_at__gt=now)
        .order_by("expires_at")
        .values_list("expires_at", flat=True)
        .first()
    )


def latest_in(area, limit=4):
    return list(in_area(shown_listings(), area).order_by("-renewed_at", "-pk")[:limit])


def open_orders_q():
    return Q(status__in=[OrderStatus.REQUESTED, OrderStatus.PROPOSED])
