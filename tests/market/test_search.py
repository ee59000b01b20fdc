"""The site search finds shown listings with or without Vietnamese marks, and
never a hidden, withdrawn or expired one."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civic.market import actions
from civic.market.models import Listing

from .conftest import make_listing

pytestmark = [pytest.mark.search_index, pytest.mark.usefixtures("uncached")]

URL = "/tim-kiem/"


def test_rau_sach_without_marks(client, mk):
    shown = make_listing(mk.seller, mk.group_1, title="Rau sạch vườn nhà")
    hidden = make_listing(mk.seller, mk.group_1, title="Rau sạch bị ẩn")
    gone = make_listing(mk.seller, mk.group_1, title="Rau sạch đã gỡ")
    old = make_listing(mk.seller, mk.group_1, title="Rau sạch hết hạn")
    actions.hide_after_reports(hidden, 3)
    actions.withdraw_listing(mk.seller, gone)
    Listing.objects.filter(pk=old.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    html = client.get(URL, {"q": "rau sach"}).content.decode()
    assert "Rau sạch vườn nhà" in html
    assert f"/cho/tin/{shown.pk}/" in html
    for title in ("bị ẩn", "đã gỡ", "hết hạn"):
        assert f"Rau sạch {title}" not in html
    html = client.get(URL, {"q": "rau sạch", "type": "market"}).content.decode()
    assert "Rau sạch vườn nhà" in html
