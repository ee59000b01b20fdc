"""Listings: who may post where, what is refused (with its message, nothing
saved), the limits, renewal, expiry, withdrawal, photos."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from PIL import Image

from civic.comments.models import Mute
from civic.directory.models import Business, BusinessStatus
from civic.market import actions
from civic.market.models import Listing, ListingPhoto, Seller

from .conftest import listing_fields, make_listing, photo


def test_verified_resident_posts_in_own_group(mk):
    listing = make_listing(mk.seller, mk.group_1, photos=[photo()])
    assert listing.area == mk.group_1
    assert listing.is_shown()
    assert listing.expires_at - listing.created_at == timedelta(days=30)
    stored = ListingPhoto.objects.get(listing=listing)
    data = stored.image.read()
    image = Image.open(io.BytesIO(data))
    assert not image.getexif() and b"PhoneMaker" not in data


def test_unverified_user_cannot_sell(mk):
    from ..factories import make_user

    nobody = make_user("Khách", "0905999000")
    with pytest.raises(ValidationError) as refused:
        make_listing(nobody, mk.group_1)
    assert refused.value.code == "not_verified"
    assert not Listing.objects.exists()


def test_listing_in_another_groups_area_refused(mk):
    with pytest.raises(ValidationError) as refused:
        make_listing(mk.seller, mk.group_2)
    assert refused.value.code == "wrong_area"
    assert not Listing.objects.exists()


def test_approved_shop_posts_in_its_group(mk):
    shop = Business.objects.create(
        area=mk.group_2,
        name="Tạp hóa Cô Ba",
        offers="tạp hóa",
        phone="0905000000",
        status=BusinessStatus.APPROVED,
        submitted_by=mk.seller,
    )
    listing = make_listing(mk.seller, mk.group_2, shop=shop)
    assert listing.shop == shop
    shop.status = BusinessStatus.REJECTED
    shop.rejection_reason = "x"
    shop.save()
    with pytest.raises(ValidationError):
        make_listing(mk.seller, mk.group_2, shop=shop)


@pytest.mark.parametrize(
    "extra,message",
    [
        ({"price": -1}, "The price cannot be negative."),
        ({"price": 10**12}, "The price is at most"),
        ({"price": "abc"}, "The price is a whole number"),
        ({"stock": -3}, "The quantity must be at least 1."),
        ({"stock": 10**9}, "The quantity is at most"),
        ({"title": "   "}, "Give the listing a title."),
        ({"category": "guns"}, "Choose a category."),
        ({"pickup": False}, "Offer pickup in the group, delivery, or both."),
    ],
)
def test_bad_input_refused(mk, extra, message):
    with pytest.raises(ValidationError) as refused:
        make_listing(mk.seller, mk.group_1, **extra)
    assert message in " ".join(refused.value.messages)
    assert not Listing.objects.exists()


@pytest.mark.parametrize(
    "title", ["Bán súng hơi cũ", "ban sung hoi cu", "SÚNG HƠI", "Mật gấu rừng"]
)
def test_prohibited_keywords_with_or_without_marks(mk, title):
    with pytest.raises(ValidationError) as refused:
        make_listing(mk.seller, mk.group_1, title=title)
    assert refused.value.code == "prohibited"
    assert not Listing.objects.exists()


@pytest.mark.parametrize(
    "title", ["Đàn ghi-ta cũ", "Nước kiềm", "Sung ngọt", "Bảng giá"]
)
def test_honest_titles_pass(mk, title):
    assert make_listing(mk.seller, mk.group_1, title=title)


def test_delivery_only_to_groups_of_the_commune(mk):
    listing = make_listing(mk.seller, mk.group_1, delivery_areas=[mk.group_2])
    assert list(listing.delivery_areas.all()) == [mk.group_2]
    with pytest.raises(ValidationError):
        make_listing(mk.seller, mk.group_1, delivery_areas=[mk.group_b])


def test_muted_seller_cannot_post(mk):
    Mute.objects.create(user=mk.seller, area=mk.commune_a, reason="spam")
    with pytest.raises(ValidationError) as refused:
        make_listing(mk.seller, mk.group_1)
    assert refused.value.code == "muted"


def test_new_seller_limit_of_five_active(mk, settings):
    for i in range(5):
        make_listing(mk.seller, mk.group_1, title=f"Rau {i}")
    with pytest.raises(ValidationError) as refused:
        make_listing(mk.seller, mk.group_1, title="Rau 6")
    assert refused.value.code == "listing_limit"
    # an older seller has the larger limit
    Seller.objects.filter(user=mk.seller).update(
        created_at=timezone.now() - timedelta(days=40)
    )
    assert make_listing(mk.seller, mk.group_1, title="Rau 6")


def test_withdrawn_listing_frees_a_place_and_renewal_counts(mk):
    listings = [make_listing(mk.seller, mk.group_1, title=f"Rau {i}") for i in range(5)]
    actions.withdraw_listing(mk.seller, listings[0])
    assert not Listing.objects.get(pk=listings[0].pk).is_shown()
    make_listing(mk.seller, mk.group_1, title="Rau 6")
    with pytest.raises(ValidationError):
        actions.renew_listing(mk.seller, listings[0])  # would be a sixth


def test_expiry_and_renewal(mk):
    listing = make_listing(mk.seller, mk.group_1)
    Listing.objects.filter(pk=listing.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    assert not Listing.objects.shown().filter(pk=listing.pk).exists()
    renewed = actions.renew_listing(mk.seller, listing)
    assert renewed.expires_at > timezone.now() + timedelta(days=29)
    assert Listing.objects.shown().filter(pk=listing.pk).exists()


def test_only_the_seller_changes_a_listing(mk):
    listing = make_listing(mk.seller, mk.group_1)
    with pytest.raises(PermissionDenied):
        actions.renew_listing(mk.neighbour, listing)
    with pytest.raises(PermissionDenied):
        actions.withdraw_listing(mk.neighbour, listing)
    with pytest.raises(PermissionDenied):
        actions.edit_listing(mk.neighbour, listing, **listing_fields())


def test_edit(mk):
    listing = make_listing(mk.seller, mk.group_1)
    actions.edit_listing(mk.seller, listing, **listing_fields(price=None, stock=None))
    listing.refresh_from_db()
    assert listing.price is None and listing.stock is None


@pytest.mark.parametrize(
    "field,value",
    [("price", -5), ("stock", -1), ("title", "")],
)
def test_database_checks(mk, field, value):
    listing = make_listing(mk.seller, mk.group_1)
    setattr(listing, field, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        Listing.objects.filter(pk=listing.pk).update(**{field: value})
