"""The kinds of notification of the market (civic/people/notifications.py)."""

from django.utils.translation import gettext_lazy as _lazy

from civic.people.notifications import Kind

ORDER_REQUESTED = Kind(
    "market.order_requested",
    _lazy("%(actor)s asks to buy %(quantity)s × “%(listing)s”."),
)
ORDER_ACCEPTED = Kind(
    "market.order_accepted",
    _lazy("Your order for “%(listing)s” was accepted."),
)
ORDER_PROPOSED = Kind(
    "market.order_proposed",
    _lazy("The seller of “%(listing)s” proposes another time: %(when)s."),
)
ORDER_DECLINED = Kind(
    "market.order_declined",
    _lazy("Your order for “%(listing)s” was declined: %(reason)s"),
)
PROPOSAL_CONFIRMED = Kind(
    "market.proposal_confirmed",
    _lazy("%(actor)s agreed to the time you proposed for “%(listing)s”."),
)
ORDER_CANCELLED = Kind(
    "market.order_cancelled",
    _lazy("%(actor)s cancelled the order for “%(listing)s”."),
)
ORDER_COMPLETED = Kind(
    "market.order_completed",
    _lazy("The seller marked your order for “%(listing)s” as completed."),
)
ORDER_CONFIRMED = Kind(
    "market.order_confirmed",
    _lazy("%(actor)s confirmed receiving “%(listing)s”."),
)
ORDER_RATED = Kind(
    "market.order_rated",
    _lazy("%(actor)s rated the order for “%(listing)s”: %(rating)s of 5."),
)
LISTING_HIDDEN = Kind(
    "market.listing_hidden",
    _lazy("Your listing “%(listing)s” was hidden: %(reason)s"),
)
ORDER_CANCELLED_BY_SELLER = Kind(
    "market.order_cancelled_by_seller",
    _lazy("The seller cancelled your order for “%(listing)s”: %(reason)s"),
)
LISTING_SHOWN = Kind(
    "market.listing_shown",
    _lazy("Moderators showed your listing “%(listing)s” again."),
)
