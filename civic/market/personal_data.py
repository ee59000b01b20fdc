"""The market in "download my data" and on account deletion (the registry of
``civic.people.personal_data``, kept by the ``rights`` work).

* ``market.listings`` — what the person sells: their listings.
* ``market.sales`` — orders others placed with them (the buyer's name is theirs
  to know as the seller; nothing more of the buyer).
* ``market.purchases`` — their own orders, with the ratings and reviews they gave.
* ``market.bank_account`` — the account buyers pay into.

On deletion: listings (and their photos) are deleted; orders stay for the other
party's history, anonymised — the buyer is unlinked and their note and review
emptied (the star rating stays, it counts in the seller's rating); the seller is
unlinked from their ``Seller`` row, whose bank account is emptied.
"""

from django.utils.translation import gettext_lazy as _

from civic.people.personal_data import Section

from .models import Listing, Order, OrderEvent, Seller


def _when(value):
    return value.isoformat() if value else ""


def export_listings(user):
    return [
        {
            "id": listing.pk,
            "title": listing.title,
            "description": listing.description,
            "category": listing.category,
            "price": listing.price,
            "unit": listing.unit,
            "stock": listing.stock,
            "area": listing.area.title,
            "created_at": _when(listing.created_at),
            "expires_at": _when(listing.expires_at),
            "active": listing.is_active,
            "hidden": listing.is_hidden,
        }
        for listing in Listing.objects.filter(seller__user=user).select_related("area")
    ]


def _order_row(order, *, as_seller):
    row = {
        "reference": order.reference,
        "listing": order.listing.title,
        "quantity": order.quantity,
        "unit_price": order.unit_price,
        "fulfilment": order.fulfilment,
        "wanted_at": _when(order.wanted_at),
        "status": order.status,
        "created_at": _when(order.created_at),
        "rating": order.rating,
        "review": order.review,
    }
    if as_seller:
        row["buyer"] = order.buyer.display_name if order.buyer_id else ""
    else:
        row["seller"] = order.seller.display_name
        row["note"] = order.note
    return row


def export_sales(user):
    return [
        _order_row(o, as_seller=True)
        for o in Order.objects.filter(seller__user=user).select_related(
            "listing", "buyer"
        )
    ]


def export_purchases(user):
    return [
        _order_row(o, as_seller=False)
        for o in Order.objects.filter(buyer=user).select_related(
            "listing", "seller__user"
        )
    ]


def export_bank_account(user):
    seller = Seller.objects.filter(user=user).first()
    if seller is None or not seller.has_bank_account:
        return []
    return [
        {
            "bank_bin": seller.bank_bin,
            "account_number": seller.account_number,
            "account_name": seller.account_name,
        }
    ]


def erase_listings(user):
    for listing in Listing.objects.filter(seller__user=user):
        for photo in listing.photos.all():
            photo.image.delete(save=False)
            photo.delete()
        if listing.orders.exists():
            # orders keep their listing for the buyer's history: emptied instead
            listing.description = ""
            listing.is_active = False
            listing.save(update_fields=["description", "is_active"])
        else:
            listing.delete()


def erase_purchases(user):
    orders = Order.objects.filter(buyer=user)
    OrderEvent.objects.filter(order__in=orders, actor=user).update(actor=None, note="")
    orders.update(buyer=None, note="", review="")


def erase_sales(user):
    OrderEvent.objects.filter(order__seller__user=user, actor=user).update(actor=None)


def erase_bank_account(user):
    Seller.objects.filter(user=user).update(
        user=None, bank_bin="", account_number="", account_name=""
    )


Section(
    "market.listings",
    _("Market listings"),
    export=export_listings,
    erase=erase_listings,
)
Section(
    "market.sales",
    _("Market orders you received"),
    export=export_sales,
    erase=erase_sales,
)
Section(
    "market.purchases",
    _("Market orders you placed"),
    export=export_purchases,
    erase=erase_purchases,
)
# last: the other sections find the seller through its user
Section(
    "market.bank_account",
    _("Bank account for the market"),
    export=export_bank_account,
    erase=erase_bank_account,
)
