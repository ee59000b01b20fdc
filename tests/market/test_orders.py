"""Orders: every state change, each refusal, the history, stock, limits,
ratings, and who may see an order."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from civic.market import actions
from civic.market.models import Listing, Order, OrderEvent, OrderStatus

from .conftest import make_listing, order, soon


def statuses(o):
    return list(OrderEvent.objects.filter(order=o).values_list("status", flat=True))


def test_request_accept_complete_confirm_rate(mk):
    listing = make_listing(mk.seller, mk.group_1, stock=5)
    o = order(mk.neighbour, listing, quantity=2, note="Để ở cổng giúp em")
    assert Listing.objects.get(pk=listing.pk).stock == 3  # taken on request
    assert mk.seller.notifications.filter(kind="market.order_requested").exists()
    actions.accept_order(mk.seller, o)
    assert mk.neighbour.notifications.filter(kind="market.order_accepted").exists()
    actions.complete_order(mk.seller, o)
    actions.confirm_received(mk.neighbour, o)
    actions.rate_order(mk.neighbour, o, 5, "Rau tươi, giao đúng giờ")
    o.refresh_from_db()
    assert o.status == OrderStatus.CONFIRMED and o.rating == 5
    assert o.total == 30000
    assert statuses(o) == [
        "requested",
        "accepted",
        "completed",
        "confirmed",
        "confirmed",
    ]


def test_propose_then_buyer_confirms(mk):
    o = order(mk.neighbour, make_listing(mk.seller, mk.group_1))
    when = soon(30)
    actions.propose_time(mk.seller, o, when, "Chiều mới có")
    assert Order.objects.get(pk=o.pk).status == OrderStatus.PROPOSED
    with pytest.raises(PermissionDenied):
        actions.confirm_proposal(mk.seller, o)  # the buyer's step
    actions.confirm_proposal(mk.neighbour, o)
    o.refresh_from_db()
    assert o.status == OrderStatus.ACCEPTED and o.wanted_at == when


def test_decline_needs_a_reason_and_gives_stock_back(mk):
    listing = make_listing(mk.seller, mk.group_1, stock=2)
    o = order(mk.neighbour, listing, quantity=2)
    assert Listing.objects.get(pk=listing.pk).stock == 0
    with pytest.raises(ValidationError):
        actions.decline_order(mk.seller, o, "  ")
    actions.decline_order(mk.seller, o, "Hết hàng rồi")
    assert Listing.objects.get(pk=listing.pk).stock == 2
    assert Order.objects.get(pk=o.pk).reason == "Hết hàng rồi"
    with pytest.raises(ValidationError) as refused:
        actions.accept_order(mk.seller, o)
    assert refused.value.code == "wrong_status"


def test_buyer_cancels(mk):
    listing = make_listing(mk.seller, mk.group_1, stock=1)
    o = order(mk.neighbour, listing)
    actions.cancel_order(mk.neighbour, o)
    assert Listing.objects.get(pk=listing.pk).stock == 1
    assert mk.seller.notifications.filter(kind="market.order_cancelled").exists()


def test_sold_out_and_too_many(mk):
    listing = make_listing(mk.seller, mk.group_1, stock=1)
    with pytest.raises(ValidationError) as refused:
        order(mk.neighbour, listing, quantity=2)
    assert refused.value.code == "stock"
    order(mk.neighbour, listing)
    with pytest.raises(ValidationError) as refused:
        order(mk.other, listing)
    assert "Sold out." in refused.value.messages


def test_no_order_on_own_listing(mk):
    listing = make_listing(mk.seller, mk.group_1)
    with pytest.raises(ValidationError) as refused:
        order(mk.seller, listing)
    assert refused.value.code == "own"
    assert not Order.objects.exists()


@pytest.mark.parametrize("how", ["expired", "hidden", "withdrawn"])
def test_no_order_on_unavailable_listing(mk, how):
    listing = make_listing(mk.seller, mk.group_1, stock=3)
    change = {
        "expired": {"expires_at": timezone.now() - timedelta(seconds=1)},
        "hidden": {"is_hidden": True},
        "withdrawn": {"is_active": False},
    }[how]
    Listing.objects.filter(pk=listing.pk).update(**change)
    with pytest.raises(ValidationError) as refused:
        order(mk.neighbour, listing)
    assert refused.value.code == "unavailable"
    assert Listing.objects.get(pk=listing.pk).stock == 3


@pytest.mark.parametrize(
    "extra,message",
    [
        ({"quantity": 0}, "The quantity must be at least 1."),
        ({"quantity": -2}, "The quantity must be at least 1."),
        ({"quantity": 10**7}, "The quantity is at most"),
        ({"fulfilment": "drone"}, "Choose pickup or delivery."),
        ({"wanted_at": timezone.now() - timedelta(days=1)}, "The time is in the past."),
        ({"fulfilment": "delivery"}, "does not deliver to"),
    ],
)
def test_bad_order_input(mk, extra, message):
    listing = make_listing(mk.seller, mk.group_1)
    with pytest.raises(ValidationError) as refused:
        order(mk.neighbour, listing, **extra)
    assert message in " ".join(refused.value.messages)
    assert not Order.objects.exists()


def test_delivery_to_a_group_it_reaches(mk):
    listing = make_listing(mk.seller, mk.group_1, delivery_areas=[mk.group_2])
    assert order(mk.other, listing, fulfilment="delivery")


def test_unverified_cannot_order(mk):
    from ..factories import make_user

    listing = make_listing(mk.seller, mk.group_1)
    with pytest.raises(ValidationError) as refused:
        order(make_user("Khách", "0905999111"), listing)
    assert refused.value.code == "not_verified"


def test_twenty_requests_a_day(mk, settings):
    settings.MARKET_ORDERS_PER_DAY = 3
    listing = make_listing(mk.seller, mk.group_1, stock=None)
    for _i in range(3):
        order(mk.neighbour, listing)
    with pytest.raises(ValidationError) as refused:
        order(mk.neighbour, listing)
    assert refused.value.code == "order_limit"
    Order.objects.update(created_at=timezone.now() - timedelta(days=1, minutes=1))
    assert order(mk.neighbour, listing)


def test_only_the_parties_act(mk):
    o = order(mk.neighbour, make_listing(mk.seller, mk.group_1))
    for step in (actions.accept_order, actions.complete_order):
        with pytest.raises(PermissionDenied):
            step(mk.neighbour, o)
        with pytest.raises(PermissionDenied):
            step(mk.other, o)
    with pytest.raises(PermissionDenied):
        actions.cancel_order(mk.seller, o)


def test_steps_out_of_order_refused(mk):
    o = order(mk.neighbour, make_listing(mk.seller, mk.group_1))
    with pytest.raises(ValidationError):
        actions.complete_order(mk.seller, o)
    with pytest.raises(ValidationError):
        actions.rate_order(mk.neighbour, o, 5)
    with pytest.raises(ValidationError):
        actions.confirm_received(mk.neighbour, o)
    with pytest.raises(ValidationError):
        actions.confirm_proposal(mk.neighbour, o)


def test_rating_editable_for_seven_days(mk):
    o = order(mk.neighbour, make_listing(mk.seller, mk.group_1))
    actions.accept_order(mk.seller, o)
    actions.complete_order(mk.seller, o)
    with pytest.raises(ValidationError):
        actions.rate_order(mk.neighbour, o, 6)
    actions.rate_order(mk.neighbour, o, 3, "Hơi héo")
    actions.rate_order(mk.neighbour, o, 4, "Lần sau tốt hơn")
    assert Order.objects.get(pk=o.pk).rating == 4
    assert mk.seller.notifications.filter(kind="market.order_rated").count() == 1
    Order.objects.filter(pk=o.pk).update(rated_at=timezone.now() - timedelta(days=8))
    with pytest.raises(ValidationError) as refused:
        actions.rate_order(mk.neighbour, o, 1)
    assert refused.value.code == "review_closed"
    assert Order.objects.get(pk=o.pk).rating == 4
