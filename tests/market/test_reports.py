"""Reports through civic.comments: three residents' reports hide a listing
(its seller is told), a moderator shows it again; a seller can be reported."""

import pytest
from django.core.exceptions import PermissionDenied

from civic.comments import actions as comments
from civic.comments.models import Report, ReportReason
from civic.market.models import Listing

from ..factories import resident
from .conftest import make_listing


def test_three_reports_hide_a_listing_and_a_moderator_shows_it(mk):
    listing = make_listing(mk.seller, mk.group_1)
    reporters = [
        mk.neighbour,
        mk.other,
        resident("Người thứ ba", "0905100009", mk.group_2),
    ]
    for user in reporters[:2]:
        comments.report(user, listing, ReportReason.SPAM)
    assert not Listing.objects.get(pk=listing.pk).is_hidden
    comments.report(reporters[2], listing, ReportReason.SPAM)
    listing.refresh_from_db()
    assert listing.is_hidden
    assert mk.seller.notifications.filter(kind="market.listing_hidden").exists()
    assert not Listing.objects.shown().filter(pk=listing.pk).exists()
    with pytest.raises(PermissionDenied):
        comments.unhide_item(mk.leader_2, listing)  # not their group
    comments.unhide_item(mk.leader_1, listing)
    assert not Listing.objects.get(pk=listing.pk).is_hidden


def test_a_seller_can_be_reported(mk):
    listing = make_listing(mk.seller, mk.group_1)
    comments.report(mk.neighbour, listing.seller, ReportReason.OTHER, "Bán hàng kém")
    assert Report.objects.filter(object_id=listing.seller.pk).count() == 1


def test_report_link_on_the_listing(client, mk, uncached):
    listing = make_listing(mk.seller, mk.group_1)
    client.force_login(mk.neighbour)
    page = client.get(f"/cho/tin/{listing.pk}/").content.decode()
    assert "/bao-cao/" in page


def test_moderators_read_a_hidden_listing_others_do_not(client, mk, uncached):
    listing = make_listing(mk.seller, mk.group_1)
    Listing.objects.filter(pk=listing.pk).update(is_hidden=True)
    for user, status in [(mk.neighbour, 404), (mk.seller, 200), (mk.leader_1, 200)]:
        client.force_login(user)
        assert client.get(f"/cho/tin/{listing.pk}/").status_code == status, user
