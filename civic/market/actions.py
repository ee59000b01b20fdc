"""Every change of the market, one function each (the contract of
``civic/comments/actions.py``): re-read and lock what is counted or changed,
check who may, run in a transaction, log, notify.

Refusals are ``ActionRefused`` (a message for the person, nothing changed) or
``ActionForbidden`` (403: not theirs to do).

Decisions (README "Decisions"):

* **Stock is taken when the order is requested**, under a row lock on the
  listing, and given back when the order is declined or cancelled: two buyers
  asking for the last item at once cannot both get it, and a seller never
  accepts more than they have. A listing without a stock count takes any
  quantity (made to order, services).
* **Limits** are counted under row locks: a seller's active listings under the
  lock of their ``Seller`` row (new sellers — for ``MARKET_NEW_SELLER_DAYS`` —
  at most ``MARKET_NEW_SELLER_ACTIVE_LISTINGS``), a buyer's requests of the
  last 24 hours under the lock of their user row (``MARKET_ORDERS_PER_DAY``).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from civic.comments.actions import REQUIRED_REASON, mute_message, unhide_item
from civic.comments.models import LogAction, ModerationLog, Report, Resolution
from civic.comments.moderation import active_mute
from civic.core import photos as shared_photos
from civic.core.errors import ActionForbidden, ActionRefused
from civic.core.ids import parse_id
from civic.core.text import clean_text
from civic.directory.models import Business, BusinessStatus
from civic.people.actions import notify
from civic.people.residents import verified_residency
from content.models import GROUP_KINDS, AreaPage

from . import notifications as told
from .banks import BANKS
from .models import (
    MAX_PRICE,
    MAX_QUANTITY,
    Availability,
    Category,
    Fulfilment,
    Kind,
    Listing,
    ListingPhoto,
    Order,
    OrderEvent,
    OrderStatus,
    Seller,
    setting,
)
from .permissions import can_moderate_listing
from .rules import fold, prohibited_in

# --- who sells where ------------------------------------------------------------


def selling_places(user):
    """Where ``user`` may post: ``{key: (area, shop)}`` — ``"r"`` for their own
    verified residency's group (shop None), ``"s<id>"`` for each approved shop
    of the directory that they proposed (its group)."""
    places = {}
    if not user or not user.is_authenticated:
        return places
    residency = verified_residency(user)
    if residency is not None:
        places["r"] = (residency.household.area, None)
    for shop in Business.objects.filter(
        submitted_by=user, status=BusinessStatus.APPROVED, area__live=True
    ).select_related("area"):
        places[f"s{shop.pk}"] = (shop.area, shop)
    return places


def _require_signed_in(user, message):
    if not user or not user.is_authenticated or not user.is_active:
        raise ActionForbidden(message)


def sell_refusal(user, area):
    """Why ``user`` may not post in ``area`` now (a message), or None."""
    mute = active_mute(user, area)
    if mute is not None:
        return mute_message(mute)
    return None


def _seller(user, lock=False):
    seller, _created = Seller.objects.get_or_create(user=user)
    if lock:
        seller = Seller.objects.select_for_update().get(pk=seller.pk)
    return seller


def _active_limit(seller, now):
    if seller.created_at > now - timedelta(days=setting("MARKET_NEW_SELLER_DAYS")):
        return setting("MARKET_NEW_SELLER_ACTIVE_LISTINGS")
    return setting("MARKET_ACTIVE_LISTINGS")


def _check_active_limit(seller, now, exclude=None):
    limit = _active_limit(seller, now)
    active = Listing.objects.filter(seller=seller, is_active=True, expires_at__gt=now)
    if exclude is not None:
        active = active.exclude(pk=exclude.pk)
    if active.count() >= limit:
        raise ActionRefused(
            _(
                "You already have %(n)d active listings, the most a seller may have "
                "now. Withdraw one or wait until one expires."
            )
            % {"n": limit},
            code="listing_limit",
        )


# --- listings -------------------------------------------------------------------


def _clean_price(price):
    if price in (None, ""):
        return None
    try:
        price = int(price)
    except (TypeError, ValueError):
        raise ActionRefused(_("The price is a whole number of đồng.")) from None
    if price < 0:
        raise ActionRefused(_("The price cannot be negative."))
    if price > MAX_PRICE:
        raise ActionRefused(
            _("The price is at most %(max)s đồng on the neighbourhood market.")
            % {"max": formats.number_format(MAX_PRICE, force_grouping=True)}
        )
    return price


def _clean_quantity(value, *, allow_none=False, allow_zero=False):
    if value in (None, "") and allow_none:
        return None
    try:
        value = int(value)
    except (TypeError, ValueError):
        raise ActionRefused(_("The quantity is a whole number.")) from None
    if value < 0 or (value == 0 and not allow_zero):
        raise ActionRefused(_("The quantity must be at least 1."))
    if value > MAX_QUANTITY:
        raise ActionRefused(
            _("The quantity is at most %(max)s.") % {"max": MAX_QUANTITY}
        )
    return value


def _clean_listing(area, fields):
    title = clean_text(
        fields.get("title"),
        max_length=120,
        required=_("Give the listing a title."),
    )
    description = clean_text(fields.get("description"), multiline=True, max_length=2000)
    unit = clean_text(fields.get("unit"), max_length=30)
    category = fields.get("category")
    if category not in Category.values:
        raise ActionRefused(_("Choose a category."))
    kind = fields.get("kind") or Kind.GOODS
    if kind not in Kind.values:
        raise ActionRefused(_("Choose goods or a service."))
    availability = fields.get("availability") or Availability.IN_STOCK
    if availability not in Availability.values:
        raise ActionRefused(_("Choose the availability."))
    found = prohibited_in(title, description, unit)
    if found:
        label, word = found
        raise ActionRefused(
            _(
                "This cannot be sold on the neighbourhood market (%(what)s: “%(word)s”). "
                "See the market rules."
            )
            % {"what": label, "word": word},
            code="prohibited",
        )
    pickup = bool(fields.get("pickup"))
    delivery = list(fields.get("delivery_areas") or [])
    commune = area.commune
    for group in delivery:
        if (
            not isinstance(group, AreaPage)
            or group.kind not in GROUP_KINDS
            or commune is None
            or not group.path.startswith(commune.path)
        ):
            raise ActionRefused(
                _("Delivery is only to residential groups of %(commune)s.")
                % {"commune": commune.title if commune else area.title}
            )
    if not pickup and not delivery:
        raise ActionRefused(_("Offer pickup in the group, delivery, or both."))
    return {
        "title": title,
        "description": description,
        "unit": unit,
        "category": category,
        "kind": kind,
        "availability": availability,
        "price": _clean_price(fields.get("price")),
        "stock": _clean_quantity(fields.get("stock"), allow_none=True, allow_zero=True),
        "pickup": pickup,
    }, delivery


def _photo_headers(photos, already=0):
    return shared_photos.check_photos(
        photos,
        limit=setting("MARKET_MAX_PHOTOS"),
        max_bytes=setting("MARKET_PHOTO_MAX_BYTES"),
        already=already,
    )


def _save_photos(listing, headers):
    for content in shared_photos.decode_photos(
        headers, max_side=setting("MARKET_PHOTO_MAX_SIDE")
    ):
        photo = ListingPhoto(
            listing=listing, width=content.width, height=content.height
        )
        photo.image.save(content.name, content, save=False)
        photo.save()


def _require_place(user, area, shop):
    places = selling_places(user)
    for place_area, place_shop in places.values():
        if place_area.pk == area.pk and (
            (shop is None and place_shop is None)
            or (
                shop is not None and place_shop is not None and place_shop.pk == shop.pk
            )
        ):
            return
    if not places:
        raise ActionRefused(
            _(
                "Only verified residents and approved local shops can sell on the "
                "market. Ask your group leader to verify you first."
            ),
            code="not_verified",
        )
    raise ActionRefused(
        _("You can only post in your own residential group (or your shop's)."),
        code="wrong_area",
    )


@transaction.atomic
def post_listing(user, area, *, shop=None, photos=(), **fields):
    """``user`` posts a listing in ``area`` (their group, or their shop's)."""
    _require_signed_in(user, _("Sign in to sell on the market."))
    _require_place(user, area, shop)
    refusal = sell_refusal(user, area)
    if refusal:
        raise ActionRefused(refusal, code="muted")
    values, delivery = _clean_listing(area, fields)
    headers = _photo_headers(photos)
    now = timezone.now()
    seller = _seller(user, lock=True)
    _check_active_limit(seller, now)
    listing = Listing.objects.create(
        seller=seller,
        shop=shop,
        area=area,
        created_at=now,
        renewed_at=now,
        expires_at=now + timedelta(days=setting("MARKET_LISTING_DAYS")),
        **values,
    )
    listing.delivery_areas.set(delivery)
    _save_photos(listing, headers)
    return listing


def _own_listing(user, listing, lock=True):
    _require_signed_in(user, _("Sign in to sell on the market."))
    qs = Listing.objects.select_related("seller", "area")
    listing = (qs.select_for_update(of=("self",)) if lock else qs).get(pk=listing.pk)
    if listing.seller.user_id != user.pk:
        raise ActionForbidden(_("This is not your listing."))
    return listing


def _photos_to_remove(listing, photo_ids):
    """The listing's photos with these ids; an id that is not one of them
    (another listing's photo, a forged or gone id) refuses the whole edit."""
    ids = set()
    for value in photo_ids or ():
        photo_id = parse_id(value)
        if photo_id is None:
            ids = None
            break
        ids.add(photo_id)
    photos = list(listing.photos.filter(pk__in=ids)) if ids else []
    if ids is None or len(photos) != len(ids):
        raise ActionRefused(
            _(
                "A photo you chose to remove is not a photo of this listing "
                "(perhaps it was already removed). Nothing was changed."
            ),
            code="foreign_photo",
        )
    return photos


def _remove_photos(photos):
    """The rows now; each file once the transaction commits (a rollback keeps
    it, and the row that points at it)."""
    for photo in photos:
        storage, name = photo.image.storage, photo.image.name
        photo.delete()
        transaction.on_commit(lambda s=storage, n=name: s.delete(n), robust=True)


@transaction.atomic
def edit_listing(user, listing, *, photos=(), remove_photos=(), **fields):
    """The seller changes their listing: its fields, photos added (up to
    ``MARKET_MAX_PHOTOS`` with those kept) and ``remove_photos`` (ids of its
    photos) removed."""
    listing = _own_listing(user, listing)
    if listing.is_hidden:
        raise ActionRefused(_("A hidden listing cannot be changed."))
    refusal = sell_refusal(user, listing.area)
    if refusal:
        raise ActionRefused(refusal, code="muted")
    values, delivery = _clean_listing(listing.area, fields)
    removed = _photos_to_remove(listing, remove_photos)
    headers = _photo_headers(photos, already=listing.photos.count() - len(removed))
    for name, value in values.items():
        setattr(listing, name, value)
    listing.save()
    listing.delivery_areas.set(delivery)
    _remove_photos(removed)
    _save_photos(listing, headers)
    return listing


@transaction.atomic
def renew_listing(user, listing):
    """Another 30 days from now (an expired listing comes back, within the
    seller's limit of active listings)."""
    listing = _own_listing(user, listing)
    if listing.is_hidden:
        raise ActionRefused(_("A hidden listing cannot be renewed."))
    refusal = sell_refusal(user, listing.area)
    if refusal:
        raise ActionRefused(refusal, code="muted")
    now = timezone.now()
    seller = Seller.objects.select_for_update().get(pk=listing.seller_id)
    if not listing.is_active or listing.expires_at <= now:
        _check_active_limit(seller, now, exclude=listing)
    listing.is_active = True
    listing.renewed_at = now
    listing.expires_at = now + timedelta(days=setting("MARKET_LISTING_DAYS"))
    listing.save(update_fields=["is_active", "renewed_at", "expires_at"])
    return listing


@transaction.atomic
def withdraw_listing(user, listing):
    listing = _own_listing(user, listing)
    if not listing.is_active:
        raise ActionRefused(_("This listing is already withdrawn."))
    listing.is_active = False
    listing.save(update_fields=["is_active"])
    return listing


# residents' reports (civic.comments) hide a listing; a moderator of its area
# hides one directly or shows it again, with a reason, logged in the moderation
# log of civic.comments (``ModerationLog``) as a comment's hiding is


def _require_listing_moderator(user, listing):
    if not can_moderate_listing(user, listing):
        raise ActionForbidden(
            _("You can only moderate the items of the area you are responsible for.")
        )


def _locked_listing(listing):
    return (
        Listing.objects.select_for_update(of=("self",))
        .select_related("seller__user", "area")
        .get(pk=listing.pk)
    )


def hide_after_reports(listing, count):
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    if listing.is_hidden:
        return False
    listing.is_hidden = True
    listing.hidden_at = timezone.now()
    listing.hidden_reason = _("Hidden automatically after %(n)d reports.") % {
        "n": count
    }
    listing.save(update_fields=["is_hidden", "hidden_at", "hidden_reason"])
    if listing.seller.user_id:
        notify(
            listing.seller.user,
            told.LISTING_HIDDEN,
            listing,
            url=listing.get_absolute_url(),
            listing=listing.title,
            reason=listing.hidden_reason,
        )
    return True


@transaction.atomic
def hide_listing(moderator, listing, reason):
    """A moderator of the listing's area hides it at once, with a reason the
    seller sees (on the listing and in a notification); its open reports are
    upheld and the hiding is logged, as when a comment is hidden."""
    listing = _locked_listing(listing)
    _require_listing_moderator(moderator, listing)
    reason = clean_text(reason, **REQUIRED_REASON)
    if listing.is_hidden:
        raise ActionRefused(_("This listing is already hidden."), code="hidden")
    listing.is_hidden = True
    listing.hidden_at = timezone.now()
    listing.hidden_reason = reason
    listing.save(update_fields=["is_hidden", "hidden_at", "hidden_reason"])
    listing_type = ContentType.objects.get_for_model(Listing)
    Report.objects.filter(
        content_type=listing_type, object_id=listing.pk, resolution=""
    ).update(
        resolution=Resolution.UPHELD,
        resolved_by=moderator,
        resolved_at=listing.hidden_at,
    )
    ModerationLog.objects.create(
        actor=moderator,
        action=LogAction.HIDE,
        content_type=listing_type,
        object_id=listing.pk,
        subject=listing.seller.user,
        area=listing.area,
        reason=reason,
    )
    if listing.seller.user_id:
        notify(
            listing.seller.user,
            told.LISTING_HIDDEN,
            listing,
            actor=moderator,
            url=listing.get_absolute_url(),
            listing=listing.title,
            reason=reason,
        )
    return listing


@transaction.atomic
def show_listing(moderator, listing, reason):
    """A moderator shows a hidden listing again, with a reason (kept in the
    moderation log): ``civic.comments.actions.unhide_item``, as the queue does
    (open reports dismissed, logged), which calls ``unhide_listing``."""
    listing = Listing.objects.select_related("area").get(pk=listing.pk)
    _require_listing_moderator(moderator, listing)
    reason = clean_text(reason, **REQUIRED_REASON)
    return unhide_item(moderator, listing, reason)


@transaction.atomic
def unhide_listing(moderator, listing):
    """Shown again (``on_unhide`` of civic.comments: from the queue or from
    ``show_listing``); the seller is told."""
    listing = _locked_listing(listing)
    _require_listing_moderator(moderator, listing)
    if not listing.is_hidden:
        raise ActionRefused(_("This listing is not hidden."), code="not_hidden")
    listing.is_hidden = False
    listing.hidden_reason = ""
    listing.save(update_fields=["is_hidden", "hidden_reason"])
    if listing.seller.user_id:
        notify(
            listing.seller.user,
            told.LISTING_SHOWN,
            listing,
            actor=moderator,
            url=listing.get_absolute_url(),
            listing=listing.title,
        )
    return listing


# --- orders ---------------------------------------------------------------------

#: the two parties of an order: who takes a step, who is told of it
SELLER, BUYER = "seller", "buyer"


def _event(order, actor, status, note=""):
    OrderEvent.objects.create(order=order, actor=actor, status=status, note=note)


def _params(order):
    return {"listing": order.listing.title}


def _locked_order(order):
    return (
        Order.objects.select_for_update(of=("self",))
        .select_related("listing", "seller", "buyer")
        .get(pk=order.pk)
    )


def _as_seller(user, order):
    _require_signed_in(user, _("Sign in to manage your orders."))
    order = _locked_order(order)
    if order.seller.user_id != user.pk:
        raise ActionForbidden(_("Only the seller can do this."))
    return order


def _as_buyer(user, order):
    _require_signed_in(user, _("Sign in to manage your orders."))
    order = _locked_order(order)
    if order.buyer_id != user.pk:
        raise ActionForbidden(_("Only the buyer can do this."))
    return order


def _require_status(order, *statuses):
    if order.status not in statuses:
        raise ActionRefused(
            _("This order is “%(status)s”: this step is no longer possible.")
            % {"status": order.get_status_display()},
            code="wrong_status",
        )


def _open(user, order, party, *statuses):
    """The first half of every step: the order re-read under its row lock, the
    person checked as its ``party`` (``SELLER`` or ``BUYER``: 403 otherwise),
    its state checked against ``statuses`` (a refusal otherwise)."""
    order = (_as_seller if party == SELLER else _as_buyer)(user, order)
    _require_status(order, *statuses)
    return order


def _tell(order, party, kind, actor, **extra):
    """Notify ``party`` of the order (nobody when their account is gone)."""
    if party == SELLER:
        recipient = order.seller.user if order.seller.user_id else None
    else:
        recipient = order.buyer if order.buyer_id else None
    if recipient is not None:
        notify(
            recipient,
            kind,
            order,
            actor=actor,
            url=order.get_absolute_url(),
            **extra,
            **_params(order),
        )


def _move(
    order, actor, status, kind, tell, *, fields=(), note="", give_back=False, **extra
):
    """The second half of every step, still under the lock ``_open`` took: the
    new ``status`` saved with ``fields`` (already set on ``order``), the stock
    given back when the order no longer holds it, one line of the history
    (``note``), and the other party (``tell``) notified with ``kind``."""
    order.status = status
    order.save(update_fields=["status", *fields])
    if give_back:
        _give_back(order)
    _event(order, actor, status, note)
    _tell(order, tell, kind, actor, **extra)
    return order


def _clean_when(when, now):
    if when is None:
        raise ActionRefused(_("Say when you would like it."))
    if when < now - timedelta(minutes=5):
        raise ActionRefused(_("The time is in the past."))
    if when > now + timedelta(days=60):
        raise ActionRefused(_("The time is at most 60 days ahead."))
    return when


def _give_back(order):
    """The stock an order held, back on its listing (locked)."""
    listing = Listing.objects.select_for_update().get(pk=order.listing_id)
    if listing.stock is not None:
        listing.stock += order.quantity
        listing.save(update_fields=["stock"])


@transaction.atomic
def request_order(buyer, listing, *, quantity, fulfilment, wanted_at, note=""):
    """A verified resident asks to buy ``quantity`` of ``listing``."""
    _require_signed_in(buyer, _("Sign in to order."))
    residency = verified_residency(buyer)
    if residency is None:
        raise ActionRefused(
            _(
                "Only verified residents can order. Ask your group leader to verify you."
            ),
            code="not_verified",
        )
    quantity = _clean_quantity(quantity)
    if fulfilment not in Fulfilment.values:
        raise ActionRefused(_("Choose pickup or delivery."))
    now = timezone.now()
    wanted_at = _clean_when(wanted_at, now)
    note = clean_text(note, max_length=500)
    buyer = get_user_model().objects.locked(buyer)
    since = now - timedelta(days=1)
    per_day = setting("MARKET_ORDERS_PER_DAY")
    if Order.objects.filter(buyer=buyer, created_at__gte=since).count() >= per_day:
        raise ActionRefused(
            _(
                "You have reached the limit of %(n)d order requests a day; try again tomorrow."
            )
            % {"n": per_day},
            code="order_limit",
        )
    listing = (
        Listing.objects.select_for_update(of=("self",))
        .select_related("seller", "area")
        .get(pk=listing.pk)
    )
    if listing.seller.user_id == buyer.pk:
        raise ActionRefused(_("You cannot order from your own listing."), code="own")
    if not listing.is_shown(now) or not listing.area.live:
        raise ActionRefused(
            _("This listing is no longer available (expired, withdrawn or hidden)."),
            code="unavailable",
        )
    if fulfilment == Fulfilment.PICKUP and not listing.pickup:
        raise ActionRefused(_("This seller only delivers."))
    if fulfilment == Fulfilment.DELIVERY:
        home = residency.household.area
        if not listing.delivery_areas.filter(pk=home.pk).exists():
            raise ActionRefused(
                _("This seller does not deliver to %(group)s; choose pickup.")
                % {"group": home.title}
            )
    if listing.stock is not None:
        if listing.stock < quantity:
            raise ActionRefused(
                _("Only %(n)d left.") % {"n": listing.stock}
                if listing.stock
                else _("Sold out."),
                code="stock",
            )
        listing.stock -= quantity
        listing.save(update_fields=["stock"])
    order = Order.objects.create(
        listing=listing,
        seller=listing.seller,
        buyer=buyer,
        quantity=quantity,
        fulfilment=fulfilment,
        wanted_at=wanted_at,
        note=note,
        unit_price=listing.price,
        created_at=now,
    )
    _event(order, buyer, OrderStatus.REQUESTED, note)
    _tell(order, SELLER, told.ORDER_REQUESTED, buyer, quantity=quantity)
    return order


@transaction.atomic
def accept_order(user, order):
    order = _open(user, order, SELLER, OrderStatus.REQUESTED)
    order.accepted_at = timezone.now()
    return _move(
        order,
        user,
        OrderStatus.ACCEPTED,
        told.ORDER_ACCEPTED,
        BUYER,
        fields=["accepted_at"],
    )


@transaction.atomic
def propose_time(user, order, when, note=""):
    order = _open(user, order, SELLER, OrderStatus.REQUESTED)
    when = _clean_when(when, timezone.now())
    note = clean_text(note, max_length=500)
    order.proposed_at = when
    shown = formats.date_format(timezone.localtime(when), "DATETIME_FORMAT")
    return _move(
        order,
        user,
        OrderStatus.PROPOSED,
        told.ORDER_PROPOSED,
        BUYER,
        fields=["proposed_at"],
        note=note or shown,
        when=shown,
    )


@transaction.atomic
def decline_order(user, order, reason):
    order = _open(user, order, SELLER, OrderStatus.REQUESTED, OrderStatus.PROPOSED)
    reason = clean_text(
        reason, max_length=500, required=_("Say why you decline the order.")
    )
    order.reason = reason
    return _move(
        order,
        user,
        OrderStatus.DECLINED,
        told.ORDER_DECLINED,
        BUYER,
        fields=["reason"],
        note=reason,
        give_back=True,
        reason=reason,
    )


@transaction.atomic
def confirm_proposal(user, order):
    order = _open(user, order, BUYER, OrderStatus.PROPOSED)
    order.wanted_at = order.proposed_at
    order.accepted_at = timezone.now()
    return _move(
        order,
        user,
        OrderStatus.ACCEPTED,
        told.PROPOSAL_CONFIRMED,
        SELLER,
        fields=["wanted_at", "accepted_at"],
        note=_("The buyer agreed to the time."),
    )


@transaction.atomic
def cancel_order(user, order, reason=""):
    """The buyer withdraws a request (or turns down a proposed time)."""
    order = _open(user, order, BUYER, OrderStatus.REQUESTED, OrderStatus.PROPOSED)
    reason = clean_text(reason, max_length=500)
    order.reason = reason
    return _move(
        order,
        user,
        OrderStatus.CANCELLED,
        told.ORDER_CANCELLED,
        SELLER,
        fields=["reason"],
        note=reason,
        give_back=True,
    )


@transaction.atomic
def seller_cancel_order(user, order, reason):
    """The seller calls off an order they accepted (sold out after all, ill…):
    a reason is required, the buyer sees it in the history and is told; the
    stock comes back as on decline. Not once completed; before acceptance the
    seller declines instead."""
    order = _as_seller(user, order)
    if order.status in (OrderStatus.REQUESTED, OrderStatus.PROPOSED):
        raise ActionRefused(
            _(
                "You have not accepted this order yet: decline it with a reason "
                "instead."
            ),
            code="wrong_status",
        )
    _require_status(order, OrderStatus.ACCEPTED)
    reason = clean_text(
        reason,
        max_length=500,
        required=_("Say why you cancel the order; the buyer will see it."),
    )
    order.reason = reason
    return _move(
        order,
        user,
        OrderStatus.CANCELLED,
        told.ORDER_CANCELLED_BY_SELLER,
        BUYER,
        fields=["reason"],
        note=reason,
        give_back=True,
        reason=reason,
    )


@transaction.atomic
def complete_order(user, order):
    order = _open(user, order, SELLER, OrderStatus.ACCEPTED)
    order.completed_at = timezone.now()
    return _move(
        order,
        user,
        OrderStatus.COMPLETED,
        told.ORDER_COMPLETED,
        BUYER,
        fields=["completed_at"],
    )


@transaction.atomic
def confirm_received(user, order):
    order = _open(user, order, BUYER, OrderStatus.COMPLETED)
    return _move(order, user, OrderStatus.CONFIRMED, told.ORDER_CONFIRMED, SELLER)


@transaction.atomic
def rate_order(user, order, rating, review=""):
    """One rating and short review per order, after completion; the buyer may
    change it for ``MARKET_REVIEW_EDIT_WINDOW`` (7 days) after first rating."""
    order = _open(user, order, BUYER, OrderStatus.COMPLETED, OrderStatus.CONFIRMED)
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        raise ActionRefused(_("Give 1 to 5 stars."))
    review = clean_text(review, max_length=500)
    now = timezone.now()
    if order.rated_at is not None and now > order.review_editable_until:
        raise ActionRefused(
            _("A review can be changed for 7 days; this one can no longer be changed."),
            code="review_closed",
        )
    first = order.rated_at is None
    order.rating = rating
    order.review = review
    if first:
        order.rated_at = now
    order.save(update_fields=["rating", "review", "rated_at"])
    _event(order, user, order.status, _("Rated %(n)d of 5.") % {"n": rating})
    if first:
        _tell(order, SELLER, told.ORDER_RATED, user, rating=rating)
    return order


# --- the bank account -------------------------------------------------------------


def clean_account_name(name):
    """The account name as banks print it: capitals without marks."""
    text = " ".join(fold(clean_text(name)).upper().split())
    if text and not all(c.isascii() and (c.isalpha() or c == " ") for c in text):
        raise ActionRefused(
            _("The account name has only letters and spaces, as on your bank card.")
        )
    return text


@transaction.atomic
def set_bank_account(user, bank_bin, account_number, account_name):
    """The account buyers pay into through VietQR; all empty removes it."""
    _require_signed_in(user, _("Sign in to sell on the market."))
    number = "".join((account_number or "").split())
    name = clean_account_name(account_name)
    seller = _seller(user, lock=True)
    if not (bank_bin or number or name):
        seller.bank_bin = seller.account_number = seller.account_name = ""
        seller.save(update_fields=["bank_bin", "account_number", "account_name"])
        return seller
    if bank_bin not in BANKS:
        raise ActionRefused(_("Choose your bank from the list."))
    if not number.isdigit() or not number.isascii():
        raise ActionRefused(
            _("The account number has only digits (0–9), no letters or signs."),
            code="account_digits",
        )
    if not 6 <= len(number) <= 19:
        raise ActionRefused(_("The account number has 6 to 19 digits."))
    if not name:
        raise ActionRefused(_("Give the account name, as on your bank card."))
    if len(name) > 50:
        raise ActionRefused(_("The account name is at most 50 letters."))
    seller.bank_bin, seller.account_number, seller.account_name = bank_bin, number, name
    seller.save(update_fields=["bank_bin", "account_number", "account_name"])
    return seller
