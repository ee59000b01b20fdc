"""The seller removes photos one by one on the listing's edit form: the rows
at once, the files when the edit commits; another listing's photo, a forged
id or someone else's listing is refused with a message and nothing changes."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from civic.market import actions
from civic.market.models import Listing, ListingPhoto

from .conftest import listing_fields, make_listing, photo, url


def stored(photo_row):
    return photo_row.image.storage.exists(photo_row.image.name)


@pytest.fixture
def two_photos(mk):
    listing = make_listing(mk.seller, mk.group_1, photos=[photo(), photo("b.jpg")])
    return listing, list(listing.photos.all())


def test_remove_one_photo_keeps_the_rest(
    mk, two_photos, django_capture_on_commit_callbacks
):
    listing, (first, second) = two_photos
    with django_capture_on_commit_callbacks(execute=False) as pending:
        actions.edit_listing(
            mk.seller, listing, remove_photos=[first.pk], **listing_fields()
        )
    # the row is gone at once, the file only when the edit commits
    assert list(listing.photos.all()) == [second]
    assert stored(first)
    for callback in pending:
        callback()
    assert not stored(first) and stored(second)
    listing.refresh_from_db()
    assert listing.title == listing_fields()["title"] and listing.stock == 10


def test_removal_frees_a_place_for_a_new_photo(mk, settings, two_photos):
    settings.MARKET_MAX_PHOTOS = 2
    listing, (first, _second) = two_photos
    with pytest.raises(ValidationError):
        actions.edit_listing(mk.seller, listing, photos=[photo()], **listing_fields())
    actions.edit_listing(
        mk.seller,
        listing,
        photos=[photo("c.jpg")],
        remove_photos=[first.pk],
        **listing_fields(),
    )
    assert listing.photos.count() == 2
    assert not listing.photos.filter(pk=first.pk).exists()


@pytest.mark.parametrize("forged", ["other", 999999, "abc", -1])
def test_a_photo_of_another_listing_or_forged_id_is_refused(
    mk, two_photos, forged, django_capture_on_commit_callbacks
):
    listing, (first, _second) = two_photos
    theirs = make_listing(mk.neighbour, mk.group_1, photos=[photo()])
    photo_id = theirs.photos.get().pk if forged == "other" else forged
    with django_capture_on_commit_callbacks(execute=True) as done:
        with pytest.raises(ValidationError) as refused:
            actions.edit_listing(
                mk.seller,
                listing,
                remove_photos=[first.pk, photo_id],
                **listing_fields(title="Đổi tên"),
            )
    assert refused.value.code == "foreign_photo"
    assert "is not a photo of this listing" in refused.value.messages[0]
    assert not done  # nothing deleted, even from this listing
    assert ListingPhoto.objects.count() == 3 and stored(first)
    assert Listing.objects.get(pk=listing.pk).title != "Đổi tên"


def test_only_the_seller_removes_photos(mk, two_photos):
    listing, (first, _second) = two_photos
    with pytest.raises(PermissionDenied):
        actions.edit_listing(
            mk.neighbour, listing, remove_photos=[first.pk], **listing_fields()
        )
    assert listing.photos.count() == 2


def test_a_refused_edit_removes_nothing(mk, two_photos):
    listing, (first, _second) = two_photos
    with pytest.raises(ValidationError):
        actions.edit_listing(
            mk.seller, listing, remove_photos=[first.pk], **listing_fields(title=" ")
        )
    assert listing.photos.count() == 2


# --- the edit form ----------------------------------------------------------------


def edit_post(listing, **extra):
    data = {
        "kind": "goods",
        "category": "produce",
        "title": listing.title,
        "description": listing.description,
        "price": str(listing.price),
        "unit": listing.unit,
        "availability": "in_stock",
        "stock": str(listing.stock),
        "pickup": "on",
    }
    data.update(extra)
    return data


def test_edit_form_has_a_labelled_checkbox_per_photo(client, mk, two_photos, uncached):
    listing, (first, second) = two_photos
    client.force_login(mk.seller)
    page = client.get(url("edit", listing.pk)).content.decode()
    for n, row in enumerate((first, second), 1):
        assert (
            f'<label><input type="checkbox" name="remove_photos" value="{row.pk}"> '
            f"Xóa ảnh {n}</label>"
        ) in page
    assert "<legend>Ảnh của tin</legend>" in page
    assert page.index("Xóa ảnh 1") < page.index('type="file" name="photos"')


def test_edit_form_removes_the_ticked_photo(
    client, mk, two_photos, uncached, django_capture_on_commit_callbacks
):
    listing, (first, second) = two_photos
    client.force_login(mk.seller)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("edit", listing.pk), edit_post(listing, remove_photos=[first.pk])
        )
    assert response.status_code == 302
    assert list(listing.photos.all()) == [second]
    assert not stored(first)


@pytest.mark.parametrize("value", ["abc", "-5", "9" * 30])
def test_edit_form_refuses_a_malformed_id(client, mk, two_photos, uncached, value):
    listing, _photos = two_photos
    client.force_login(mk.seller)
    response = client.post(
        url("edit", listing.pk), edit_post(listing, remove_photos=value)
    )
    assert response.status_code == 400
    assert "Hãy chọn ảnh cần xóa trong các ảnh của tin" in response.content.decode()
    assert listing.photos.count() == 2


def test_edit_form_refuses_another_listings_photo(client, mk, two_photos, uncached):
    listing, _photos = two_photos
    theirs = make_listing(mk.neighbour, mk.group_1, photos=[photo()])
    client.force_login(mk.seller)
    response = client.post(
        url("edit", listing.pk),
        edit_post(listing, remove_photos=[theirs.photos.get().pk]),
    )
    assert response.status_code == 400
    assert "không phải là ảnh của tin này" in response.content.decode()
    assert ListingPhoto.objects.count() == 3
