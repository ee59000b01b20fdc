"""The market's sections of "download my data", and what deletion leaves."""

from civic.market import actions
from civic.market.models import Listing, Order, Seller
from civic.people.personal_data import REGISTRY

from .conftest import make_listing, order


def test_export_and_erase(mk):
    import civic.market.personal_data  # noqa: F401  (registers the sections)

    actions.set_bank_account(mk.seller, "970436", "0123456789", "Người Bán")
    listing = make_listing(mk.seller, mk.group_1)
    unsold = make_listing(mk.seller, mk.group_1, title="Cải ngọt")
    o = order(mk.neighbour, listing, note="Gọi trước khi đến")
    actions.accept_order(mk.seller, o)
    actions.complete_order(mk.seller, o)
    actions.rate_order(mk.neighbour, o, 5, "Tuyệt")
    sections = {k: v for k, v in REGISTRY.items() if k.startswith("market.")}
    assert set(sections) == {
        "market.listings",
        "market.sales",
        "market.purchases",
        "market.bank_account",
    }
    assert len(sections["market.listings"].export(mk.seller)) == 2
    assert sections["market.sales"].export(mk.seller)[0]["buyer"] == "Hàng xóm"
    bought = sections["market.purchases"].export(mk.neighbour)
    assert bought[0]["note"] == "Gọi trước khi đến" and bought[0]["review"] == "Tuyệt"
    assert sections["market.bank_account"].export(mk.seller)[0]["account_name"] == (
        "NGUOI BAN"
    )
    for section in sections.values():
        section.erase(mk.neighbour)
    o.refresh_from_db()
    assert (o.buyer, o.note, o.review, o.rating) == (None, "", "", 5)
    for section in sections.values():
        section.erase(mk.seller)
    assert not Listing.objects.filter(pk=unsold.pk).exists()
    assert Listing.objects.filter(pk=listing.pk, is_active=False).exists()
    seller = Seller.objects.get(pk=listing.seller_id)
    assert seller.user is None and seller.account_number == ""
    assert Order.objects.filter(pk=o.pk).exists()
