"""The market's public pages cost the same number of queries for 2 listings or
for 12 (photos prefetched, sellers and areas joined)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civic.market.models import Seller

from .conftest import make_listing, photo

pytestmark = pytest.mark.usefixtures("uncached")


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_market_pages_fixed_query_count(client, mk, settings):
    settings.MARKET_NEW_SELLER_ACTIVE_LISTINGS = 50
    for i in range(2):
        make_listing(mk.seller, mk.group_1, title=f"Rau {i}", photos=[photo()])
    paths = ["/cho/", f"/cho/khu-vuc/{mk.commune_a.pk}/", mk.group_1.url]
    paths.append(f"/cho/nguoi-ban/{Seller.objects.get().pk}/")
    [queries(client, p) for p in paths]  # warm: content types, memos
    few = [queries(client, p) for p in paths]
    for i in range(10):
        make_listing(mk.other, mk.group_2, title=f"Bánh {i}", photos=[photo()])
        make_listing(mk.seller, mk.group_1, title=f"Rau thêm {i}", photos=[photo()])
    assert [queries(client, p) for p in paths] == few
