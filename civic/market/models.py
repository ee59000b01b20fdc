"""The neighbourhood market (chợ khu phố): sellers, listings, orders.

* ``Seller`` — one per person who sells: their bank account for VietQR (bank
  BIN from ``data/banks.json``, digits-only account number, account name in
  capitals without marks — each a database check).
* ``Listing`` — goods or a service offered in a residential group, by a verified
  resident of it or as an approved shop of the directory (``shop``); price in VND
  or "contact" (``price`` NULL), stock optional; expires 30 days after it was
  posted or renewed; hidden by moderators or by three residents' reports.
* ``ListingPhoto`` — re-encoded by ``civic.core.photos`` (metadata gone).
* ``Order`` — a resident's request to buy; its states in ``OrderStatus``; every
  change logged in ``OrderEvent``; the rating and review on the order itself
  (one per order by construction).
* ``Operator`` — the details of who runs the market in a commune (Decree
  52/2013/NĐ-CP as amended by 85/2021/NĐ-CP), shown on the rules page.

Every change goes through ``actions.py``.
"""

import os
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelsearch import index

from .banks import BANK_CHOICES

#: the largest price or total the market takes: 1 billion đồng (an "absurd" price
#: beyond it is refused with a message; also a database check)
MAX_PRICE = 1_000_000_000
MAX_QUANTITY = 10_000

DEFAULTS = {
    "MARKET_LISTING_DAYS": 30,
    "MARKET_NEW_SELLER_DAYS": 30,
    "MARKET_NEW_SELLER_ACTIVE_LISTINGS": 5,
    "MARKET_ACTIVE_LISTINGS": 30,
    "MARKET_ORDERS_PER_DAY": 20,
    "MARKET_MAX_PHOTOS": 4,
    "MARKET_PHOTO_MAX_BYTES": 5 * 1024 * 1024,
    "MARKET_PHOTO_MAX_SIDE": 1600,
    "MARKET_REVIEW_EDIT_WINDOW": timedelta(days=7),
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])


class Category(models.TextChoices):
    FOOD = "food", _("Food")
    PRODUCE = "produce", _("Farm produce")
    HOUSEHOLD = "household", _("Household goods")
    SERVICES = "services", _("Repairs and services")
    TUTORING = "tutoring", _("Tutoring")
    ROOMS = "rooms", _("Rooms for rent")
    SECOND_HAND = "second_hand", _("Second-hand")
    OTHER = "other", _("Other")


class Kind(models.TextChoices):
    GOODS = "goods", _("Goods")
    SERVICE = "service", _("Service")


class Availability(models.TextChoices):
    IN_STOCK = "in_stock", _("In stock")
    TO_ORDER = "to_order", _("Made to order")
    APPOINTMENT = "appointment", _("By appointment")


class Seller(models.Model):
    """A person who sells on the market, and where buyers pay them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="market_seller",
        verbose_name=_("seller"),
    )
    bank_bin = models.CharField(
        _("bank"), max_length=6, blank=True, choices=BANK_CHOICES
    )
    account_number = models.CharField(_("account number"), max_length=19, blank=True)
    account_name = models.CharField(_("account name"), max_length=50, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("seller")
        verbose_name_plural = _("sellers")
        constraints = [
            models.CheckConstraint(
                condition=Q(account_number="")
                | Q(account_number__regex=r"^[0-9]{6,19}$"),
                name="market_seller_account_digits",
                violation_error_message=_(
                    "The account number has 6 to 19 digits, nothing else."
                ),
            ),
            models.CheckConstraint(
                condition=Q(account_name__regex=r"^[A-Z ]*$"),
                name="market_seller_account_name_caps",
            ),
            models.CheckConstraint(
                condition=(
                    Q(bank_bin="", account_number="", account_name="")
                    | (~Q(bank_bin="") & ~Q(account_number="") & ~Q(account_name=""))
                ),
                name="market_seller_bank_complete",
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.user.display_name if self.user_id else _("Former seller")

    @property
    def area(self):
        """Where the seller sells (their latest listing's group): where reports
        on the seller go (``civic.comments``)."""
        listing = self.listings.order_by("-renewed_at").select_related("area").first()
        return listing.area if listing else None

    @property
    def has_bank_account(self):
        return bool(self.bank_bin and self.account_number)

    def get_absolute_url(self):
        return reverse("market:seller", args=[self.pk])


class ListingQuerySet(models.QuerySet):
    def shown(self, now=None):
        """What anyone may see: active, not hidden, not expired, in a live area."""
        now = now or timezone.now()
        return self.filter(
            is_active=True, is_hidden=False, expires_at__gt=now, area__live=True
        )


def listing_photo_path(instance, filename):
    """A random name: the original file name may say who took the photo."""
    ext = os.path.splitext(filename)[1].lower()
    return f"market/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{ext}"


class Listing(index.Indexed, models.Model):
    seller = models.ForeignKey(
        Seller, on_delete=models.CASCADE, related_name="listings"
    )
    shop = models.ForeignKey(
        "directory.Business",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="market_listings",
        verbose_name=_("sold as the shop"),
    )
    area = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.CASCADE,
        related_name="market_listings",
        verbose_name=_("residential group"),
    )
    kind = models.CharField(
        _("goods or service"), max_length=10, choices=Kind.choices, default=Kind.GOODS
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    price = models.PositiveBigIntegerField(
        _("price (VND)"),
        null=True,
        blank=True,
        help_text=_("Empty: contact the seller for the price."),
    )
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    availability = models.CharField(
        _("availability"),
        max_length=12,
        choices=Availability.choices,
        default=Availability.IN_STOCK,
    )
    stock = models.PositiveIntegerField(
        _("quantity available"),
        null=True,
        blank=True,
        help_text=_("Empty: not counted."),
    )
    pickup = models.BooleanField(_("pickup in the group"), default=True)
    delivery_areas = models.ManyToManyField(
        "content.AreaPage",
        blank=True,
        related_name="+",
        verbose_name=_("delivers to"),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(max_length=500, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    renewed_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    objects = ListingQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.SearchField("unit"),
        index.AutocompleteField("title"),
        index.FilterField("area"),
        index.FilterField("category"),
        index.FilterField("is_active"),
        index.FilterField("is_hidden"),
        index.FilterField("expires_at"),
    ]

    class Meta:
        verbose_name = _("market listing")
        verbose_name_plural = _("market listings")
        ordering = ["-renewed_at", "-pk"]
        indexes = [models.Index(fields=["area", "is_active", "expires_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(price__isnull=True) | Q(price__gte=0, price__lte=MAX_PRICE),
                name="market_listing_price_range",
            ),
            models.CheckConstraint(
                condition=Q(stock__isnull=True) | Q(stock__gte=0),
                name="market_listing_stock_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(title=""), name="market_listing_has_title"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("market:listing", args=[self.pk])

    @property
    def author(self):
        """Who posted it (the moderation log's subject; ``civic.comments``)."""
        return self.seller.user

    @property
    def is_public(self):
        return self.is_shown()

    def is_shown(self, now=None):
        now = now or timezone.now()
        return self.is_active and not self.is_hidden and self.expires_at > now

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def sold_out(self):
        return self.stock is not None and self.stock == 0


class ListingPhoto(models.Model):
    listing = models.ForeignKey(
        Listing, on_delete=models.CASCADE, related_name="photos"
    )
    image = models.FileField(_("photo"), upload_to=listing_photo_path, max_length=200)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()

    class Meta:
        ordering = ["pk"]


class OrderStatus(models.TextChoices):
    REQUESTED = "requested", _("requested")
    PROPOSED = "proposed", _("another time proposed")
    ACCEPTED = "accepted", _("accepted by the seller")
    DECLINED = "declined", _("declined")
    CANCELLED = "cancelled", _("cancelled")
    COMPLETED = "completed", _("completed by the seller")
    CONFIRMED = "confirmed", _("received by the buyer")


#: the states in which an order holds the stock it asked for
HOLDING = (OrderStatus.REQUESTED, OrderStatus.PROPOSED, OrderStatus.ACCEPTED)


class Fulfilment(models.TextChoices):
    PICKUP = "pickup", _("I pick it up")
    DELIVERY = "delivery", _("Delivery to me")


class Order(models.Model):
    listing = models.ForeignKey(
        Listing, on_delete=models.PROTECT, related_name="orders"
    )
    seller = models.ForeignKey(Seller, on_delete=models.PROTECT, related_name="sales")
    buyer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="market_orders",
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    fulfilment = models.CharField(
        _("pickup or delivery"), max_length=10, choices=Fulfilment.choices
    )
    wanted_at = models.DateTimeField(_("when"))
    proposed_at = models.DateTimeField(_("time proposed"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    #: the price when asked (None: "contact"); the total follows from it
    unit_price = models.PositiveBigIntegerField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=OrderStatus.choices, default=OrderStatus.REQUESTED
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    review = models.CharField(_("review"), max_length=500, blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["buyer", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0, quantity__lte=MAX_QUANTITY),
                name="market_order_quantity_positive",
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="market_order_rating_1_to_5",
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(reason=""),
                name="market_order_decline_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True)
                | Q(status__in=["completed", "confirmed"]),
                name="market_order_rated_after_completion",
            ),
        ]

    def __str__(self):
        return f"{self.reference} · {self.listing}"

    def get_absolute_url(self):
        return reverse("market:order", args=[self.pk])

    @property
    def reference(self):
        """What the buyer writes in the transfer (VietQR field 62/08)."""
        return f"CHO{self.pk}"

    @property
    def total(self):
        if self.unit_price is None:
            return None
        return self.unit_price * self.quantity

    @property
    def review_editable_until(self):
        if self.rated_at is None:
            return None
        return self.rated_at + setting("MARKET_REVIEW_EDIT_WINDOW")


class OrderEvent(models.Model):
    """One line of an order's history: who moved it to which state, when, why."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    status = models.CharField(max_length=10, choices=OrderStatus.choices)
    note = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]


class Operator(models.Model):
    """Who operates the market of a commune, as a trading platform must say."""

    area = models.OneToOneField(
        "content.AreaPage",
        on_delete=models.CASCADE,
        related_name="market_operator",
        verbose_name=_("commune or ward"),
    )
    name = models.CharField(_("operator's name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    registration_number = models.CharField(
        _("registration or establishment number"), max_length=100, blank=True
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        verbose_name = _("market operator")
        verbose_name_plural = _("market operators")

    def __str__(self):
        return self.name
