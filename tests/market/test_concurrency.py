"""Races on PostgreSQL: buyers ordering the last item at once, a seller's
listing limit and a buyer's daily limit under parallel requests, a double
click on "accept". Row locks let exactly the allowed number win."""

import pytest
from django.core.exceptions import ValidationError

from civic.market import actions
from civic.market.models import Listing, Order, OrderStatus

from ..concurrency import labels
from ..concurrency import run_at_once as race
from ..factories import resident
from .conftest import make_listing, order

pytestmark = [pytest.mark.postgres]


def run_at_once(jobs):
    return sorted(labels(race(jobs, ValidationError)))


def test_buyers_ordering_the_last_item(pg, mk):
    listing = make_listing(mk.seller, mk.group_1, stock=1)
    buyers = [mk.neighbour, mk.other] + [
        resident(f"Người mua {i}", f"09051002{i:02d}", mk.group_2) for i in range(3)
    ]
    outcomes = run_at_once([lambda b=b: order(b, listing) for b in buyers])
    assert outcomes == ["ok"] + ["refused"] * 4
    assert Order.objects.filter(listing=listing).count() == 1
    assert Listing.objects.get(pk=listing.pk).stock == 0


def test_new_seller_limit_under_parallel_posts(pg, mk):
    outcomes = run_at_once(
        [
            lambda i=i: make_listing(mk.seller, mk.group_1, title=f"Rau {i}")
            for i in range(8)
        ]
    )
    assert outcomes == ["ok"] * 5 + ["refused"] * 3
    assert Listing.objects.filter(seller__user=mk.seller).count() == 5


def test_daily_order_limit_under_parallel_requests(pg, mk, settings):
    settings.MARKET_ORDERS_PER_DAY = 3
    listing = make_listing(mk.seller, mk.group_1, stock=None)
    outcomes = run_at_once([lambda: order(mk.neighbour, listing) for _i in range(7)])
    assert outcomes == ["ok"] * 3 + ["refused"] * 4
    assert Order.objects.filter(buyer=mk.neighbour).count() == 3


def test_double_click_on_accept(pg, mk):
    o = order(mk.neighbour, make_listing(mk.seller, mk.group_1))
    outcomes = run_at_once([lambda: actions.accept_order(mk.seller, o)] * 3)
    assert outcomes == ["ok", "refused", "refused"]
    assert Order.objects.get(pk=o.pk).status == OrderStatus.ACCEPTED
    assert o.events.filter(status=OrderStatus.ACCEPTED).count() == 1


def test_seller_cancel_and_complete_at_once(pg, mk):
    """Two devices of the seller: cancel (twice) and complete (twice) at once on
    an accepted order. One wins; the stock comes back once, or not at all."""
    listing = make_listing(mk.seller, mk.group_1, stock=3)
    o = order(mk.neighbour, listing, quantity=2)
    actions.accept_order(mk.seller, o)

    def cancel():
        return actions.seller_cancel_order(mk.seller, o, "Hết hàng")

    def complete():
        return actions.complete_order(mk.seller, o)

    outcomes = run_at_once([cancel, complete, cancel, complete])
    assert outcomes == ["ok", "refused", "refused", "refused"]
    o.refresh_from_db()
    assert o.status in (OrderStatus.CANCELLED, OrderStatus.COMPLETED)
    cancelled = o.status == OrderStatus.CANCELLED
    assert Listing.objects.get(pk=listing.pk).stock == (3 if cancelled else 1)
    assert (
        o.events.filter(
            status__in=[OrderStatus.CANCELLED, OrderStatus.COMPLETED]
        ).count()
        == 1
    )
