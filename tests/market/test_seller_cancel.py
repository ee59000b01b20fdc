"""The seller cancels an order they accepted: a reason is required, the buyer
sees it in the history and is told, the stock comes back as on decline; not
before acceptance (decline instead) nor once completed; only the seller. The
buyer's own cancel keeps its rules (before acceptance only)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from civic.market import actions
from civic.market.models import Listing, Order, OrderEvent, OrderStatus

from .conftest import make_listing, order, url


def stock(listing):
    return Listing.objects.get(pk=listing.pk).stock


@pytest.fixture
def accepted(mk):
    listing = make_listing(mk.seller, mk.group_1, stock=5)
    o = order(mk.neighbour, listing, quantity=2)
    actions.accept_order(mk.seller, o)
    assert stock(listing) == 3
    return listing, o


def test_seller_cancels_an_accepted_order(mk, accepted):
    listing, o = accepted
    actions.seller_cancel_order(mk.seller, o, "Rau bị sâu hết rồi")
    o.refresh_from_db()
    assert (o.status, o.reason) == (OrderStatus.CANCELLED, "Rau bị sâu hết rồi")
    assert stock(listing) == 5  # given back, as on decline
    last = OrderEvent.objects.filter(order=o).last()
    assert (last.status, last.actor, last.note) == (
        OrderStatus.CANCELLED,
        mk.seller,
        "Rau bị sâu hết rồi",
    )
    note = mk.neighbour.notifications.get(kind="market.order_cancelled_by_seller")
    assert note.params["reason"] == "Rau bị sâu hết rồi"
    assert note.url == o.get_absolute_url()


def test_stock_not_counted_stays_not_counted(mk):
    listing = make_listing(mk.seller, mk.group_1, stock=None)
    o = order(mk.neighbour, listing)
    actions.accept_order(mk.seller, o)
    actions.seller_cancel_order(mk.seller, o, "Bận việc nhà")
    assert stock(listing) is None


@pytest.mark.parametrize("reason", ["", "   ", None])
def test_a_reason_is_required(mk, accepted, reason):
    listing, o = accepted
    with pytest.raises(ValidationError):
        actions.seller_cancel_order(mk.seller, o, reason)
    assert Order.objects.get(pk=o.pk).status == OrderStatus.ACCEPTED
    assert stock(listing) == 3


def test_only_the_seller(mk, accepted):
    listing, o = accepted
    for someone in (mk.neighbour, mk.other):
        with pytest.raises(PermissionDenied):
            actions.seller_cancel_order(someone, o, "Không muốn nữa")
    assert Order.objects.get(pk=o.pk).status == OrderStatus.ACCEPTED
    assert stock(listing) == 3


def test_not_once_completed_or_received(mk, accepted):
    listing, o = accepted
    actions.complete_order(mk.seller, o)
    for _step in range(2):
        with pytest.raises(ValidationError) as refused:
            actions.seller_cancel_order(mk.seller, o, "Nhầm")
        assert refused.value.code == "wrong_status"
        assert stock(listing) == 3
        if _step == 0:
            actions.confirm_received(mk.neighbour, o)
    assert Order.objects.get(pk=o.pk).status == OrderStatus.CONFIRMED


def test_before_acceptance_the_seller_declines_instead(mk):
    listing = make_listing(mk.seller, mk.group_1, stock=5)
    o = order(mk.neighbour, listing)
    with pytest.raises(ValidationError) as refused:
        actions.seller_cancel_order(mk.seller, o, "Hết hàng")
    assert refused.value.code == "wrong_status"
    assert "decline it with a reason" in refused.value.messages[0]
    assert Order.objects.get(pk=o.pk).status == OrderStatus.REQUESTED
    assert stock(listing) == 4


def test_twice_is_refused_and_gives_back_once(mk, accepted):
    listing, o = accepted
    actions.seller_cancel_order(mk.seller, o, "Hết hàng")
    with pytest.raises(ValidationError):
        actions.seller_cancel_order(mk.seller, o, "Hết hàng")
    assert stock(listing) == 5


def test_the_buyer_still_cannot_cancel_an_accepted_order(mk, accepted):
    listing, o = accepted
    with pytest.raises(ValidationError) as refused:
        actions.cancel_order(mk.neighbour, o, "Đổi ý")
    assert refused.value.code == "wrong_status"
    assert stock(listing) == 3


# --- through the order page -------------------------------------------------------


def test_cancel_form_on_the_sellers_accepted_order(client, mk, accepted, uncached):
    _listing, o = accepted
    client.force_login(mk.seller)
    page = client.get(url("order", o.pk)).content.decode()
    assert url("seller_cancel", o.pk) in page
    client.force_login(mk.neighbour)
    page = client.get(url("order", o.pk)).content.decode()
    assert url("seller_cancel", o.pk) not in page


def test_cancel_through_the_view_shows_the_reason_to_the_buyer(
    client, mk, accepted, uncached
):
    listing, o = accepted
    client.force_login(mk.seller)
    response = client.post(url("seller_cancel", o.pk), {"reason": "Mưa to, hoãn"})
    assert response.status_code == 302
    assert stock(listing) == 5
    client.force_login(mk.neighbour)
    page = client.get(url("order", o.pk)).content.decode()
    assert "Đã hủy" in page or "đã hủy" in page
    assert "Mưa to, hoãn" in page


@pytest.mark.parametrize(
    "who,data,status,message",
    [
        ("seller", {"reason": ""}, 302, "Hãy cho biết lý do hủy đơn"),
        ("seller", {"reason": "x" * 600}, 302, "tối đa 500"),
        ("neighbour", {"reason": "Đổi ý"}, 403, ""),
        ("other", {"reason": "Đổi ý"}, 404, ""),
    ],
)
def test_cancel_view_refusals(
    client, mk, accepted, uncached, who, data, status, message
):
    listing, o = accepted
    client.force_login(getattr(mk, who))
    response = client.post(url("seller_cancel", o.pk), data)
    assert response.status_code == status
    if message:
        page = client.get(response["Location"]).content.decode()
        assert message in page
    assert Order.objects.get(pk=o.pk).status == OrderStatus.ACCEPTED
    assert stock(listing) == 3


@pytest.mark.parametrize("pk", ["999999", "99999999999999999999999"])
def test_cancel_a_forged_order_id(client, mk, pk):
    client.force_login(mk.seller)
    assert (
        client.post(f"/cho/don/{pk}/nguoi-ban-huy/", {"reason": "x"}).status_code == 404
    )
