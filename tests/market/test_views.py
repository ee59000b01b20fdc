"""The market's pages: forms refuse bad input with a Vietnamese message and save
nothing, never a 500; orders are seen by their two parties only; the VietQR
code appears once the order is accepted; the market pages, filters, distance
order, area section and rules page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from civic.market import actions
from civic.market.models import Listing, Operator, Order, OrderStatus, Seller

from .conftest import make_listing, order, photo, url

pytestmark = pytest.mark.usefixtures("uncached")


def when(hours=5):
    return (timezone.localtime() + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")


def listing_post(**extra):
    data = {
        "place": "r",
        "kind": "goods",
        "category": "produce",
        "title": "Rau sạch nhà trồng",
        "description": "Rau muống",
        "price": "15000",
        "unit": "bó",
        "availability": "in_stock",
        "stock": "4",
        "pickup": "on",
    }
    data.update(extra)
    return data


def test_post_listing_form(client, mk):
    client.force_login(mk.seller)
    response = client.post(url("new"), {**listing_post(), "photos": [photo()]})
    listing = Listing.objects.get()
    assert response.status_code == 302 and response["Location"] == url(
        "listing", listing.pk
    )
    assert listing.photos.count() == 1


@pytest.mark.parametrize(
    "extra,message",
    [
        ({"price": "-1000"}, "Giá không thể là số âm."),
        ({"price": "99999999999"}, "Giá tối đa"),
        ({"stock": "-1"}, "Số lượng phải ít nhất là 0."),
        ({"title": "Bán súng hơi"}, "không được bán"),
        ({"place": "s999"}, "Hãy chọn một lựa chọn hợp lệ"),
    ],
)
def test_listing_form_bad_input(client, mk, extra, message):
    client.force_login(mk.seller)
    response = client.post(url("new"), listing_post(**extra))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Listing.objects.exists()


def test_listing_form_refused_to_unverified(client, mk):
    from ..factories import make_user

    client.force_login(make_user("Khách", "0905999222"))
    response = client.get(url("new"))
    assert "Chỉ cư dân đã xác minh" in response.content.decode()


def test_order_flow_with_vietqr(client, mk):
    actions.set_bank_account(mk.seller, "970415", "0011001932418", "Nguyễn Văn Bán")
    listing = make_listing(mk.seller, mk.group_1, stock=5)
    client.force_login(mk.neighbour)
    response = client.post(
        url("order_new", listing.pk),
        {"quantity": "2", "fulfilment": "pickup", "wanted_at": when(), "note": ""},
    )
    o = Order.objects.get()
    assert response["Location"] == url("order", o.pk)
    page = client.get(url("order", o.pk)).content.decode()
    assert "<svg" not in page  # not accepted yet
    client.force_login(mk.seller)
    assert client.post(url("accept", o.pk)).status_code == 302
    client.force_login(mk.neighbour)
    page = client.get(url("order", o.pk)).content.decode()
    assert "<svg" in page and 'class="vietqr"' in page
    payload = re.search(r"<textarea[^>]*>([^<]+)</textarea>", page).group(1)
    from civic.market import vietqr

    fields = vietqr.decode(payload)
    assert fields["54"] == "30000" and fields["62"] == {"08": o.reference}
    assert fields["38"]["01"] == {"00": "970415", "01": "0011001932418"}
    assert "NGUYEN VAN BAN" in page


@pytest.mark.parametrize(
    "data,message",
    [
        ({"quantity": "0"}, "Số lượng phải ít nhất là 1."),
        ({"quantity": "-5"}, "Số lượng phải ít nhất là 1."),
        ({"quantity": "99999999"}, "Số lượng tối đa là"),
        ({"quantity": "abc"}, "Số lượng là một số nguyên."),
        ({"wanted_at": "not a date"}, "Nhập"),
    ],
)
def test_order_form_bad_input(client, mk, data, message):
    listing = make_listing(mk.seller, mk.group_1)
    client.force_login(mk.neighbour)
    post = {"quantity": "1", "fulfilment": "pickup", "wanted_at": when(), **data}
    response = client.post(url("order_new", listing.pk), post)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Order.objects.exists()


def test_order_on_own_listing_via_form(client, mk):
    listing = make_listing(mk.seller, mk.group_1)
    client.force_login(mk.seller)
    response = client.post(
        url("order_new", listing.pk),
        {"quantity": "1", "fulfilment": "pickup", "wanted_at": when()},
    )
    assert response.status_code == 400
    assert "Bạn không thể đặt mua tin của chính mình." in response.content.decode()


def test_order_on_hidden_or_expired_listing_is_404_or_refused(client, mk):
    listing = make_listing(mk.seller, mk.group_1)
    Listing.objects.filter(pk=listing.pk).update(is_hidden=True)
    client.force_login(mk.neighbour)
    assert client.get(url("listing", listing.pk)).status_code == 404
    post = {"quantity": "1", "fulfilment": "pickup", "wanted_at": when()}
    assert client.post(url("order_new", listing.pk), post).status_code == 404
    assert not Order.objects.exists()


@pytest.mark.parametrize("pk", ["999999", "99999999999999999999999", "0"])
def test_forged_order_id(client, mk, pk):
    client.force_login(mk.neighbour)
    response = client.get(f"/cho/don/{pk}/")
    assert response.status_code == 404
    assert client.post(f"/cho/don/{pk}/nhan/").status_code == 404


def test_someone_elses_order_is_404(client, mk):
    o = order(mk.neighbour, make_listing(mk.seller, mk.group_1))
    client.force_login(mk.other)
    assert client.get(url("order", o.pk)).status_code == 404
    assert client.post(url("accept", o.pk)).status_code == 404
    assert Order.objects.get(pk=o.pk).status == OrderStatus.REQUESTED


def test_buyer_cannot_accept_own_order(client, mk):
    o = order(mk.neighbour, make_listing(mk.seller, mk.group_1))
    client.force_login(mk.neighbour)
    assert client.post(url("accept", o.pk)).status_code == 403
    assert Order.objects.get(pk=o.pk).status == OrderStatus.REQUESTED


def test_decline_without_reason_via_form(client, mk):
    o = order(mk.neighbour, make_listing(mk.seller, mk.group_1))
    client.force_login(mk.seller)
    response = client.post(url("decline", o.pk), {"reason": ""}, follow=True)
    assert "Hãy cho biết lý do từ chối đơn." in response.content.decode()
    assert Order.objects.get(pk=o.pk).status == OrderStatus.REQUESTED


def test_steps_through_the_views(client, mk):
    o = order(mk.neighbour, make_listing(mk.seller, mk.group_1))
    client.force_login(mk.seller)
    client.post(url("propose", o.pk), {"when": when(30), "note": "Chiều nhé"})
    assert Order.objects.get(pk=o.pk).status == OrderStatus.PROPOSED
    client.force_login(mk.neighbour)
    client.post(url("confirm", o.pk))
    client.force_login(mk.seller)
    client.post(url("complete", o.pk))
    client.force_login(mk.neighbour)
    client.post(url("received", o.pk))
    client.post(url("rate", o.pk), {"rating": "4", "review": "Ngon"})
    o.refresh_from_db()
    assert (o.status, o.rating, o.review) == (OrderStatus.CONFIRMED, 4, "Ngon")
    page = client.get(url("order", o.pk)).content.decode()
    assert page.count("<li><time") == 6  # the whole history


@pytest.mark.parametrize(
    "data,message",
    [
        (
            {"account_number": "12345abc"},
            "Số tài khoản chỉ gồm chữ số (0–9), không có chữ cái hay ký hiệu.",
        ),
        ({"account_number": "12"}, "Số tài khoản có từ 6 đến 19 chữ số."),
        ({"bank_bin": "123456"}, "Hãy chọn một lựa chọn hợp lệ"),
        ({"account_name": "Nguyễn 123"}, "Tên tài khoản chỉ gồm chữ cái"),
    ],
)
def test_bank_account_bad_input(client, mk, data, message):
    client.force_login(mk.seller)
    post = {
        "bank_bin": "970436",
        "account_number": "0123456789",
        "account_name": "Nguyễn Văn Bán",
        **data,
    }
    response = client.post(url("bank"), post)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Seller.objects.filter(user=mk.seller).exclude(account_number="").exists()


def test_bank_account_saved_in_capitals_without_marks(client, mk):
    client.force_login(mk.seller)
    client.post(
        url("bank"),
        {
            "bank_bin": "970436",
            "account_number": "0123 456 789",
            "account_name": "Trần Thị Đào",
        },
    )
    seller = Seller.objects.get(user=mk.seller)
    assert (seller.account_number, seller.account_name) == (
        "0123456789",
        "TRAN THI DAO",
    )


def test_market_pages_filters_and_distance(client, mk):
    near = make_listing(mk.seller, mk.group_1, title="Rau tổ 1", price=10000)
    far = make_listing(mk.other, mk.group_2, title="Bánh tổ 2", price=50000)
    Listing.objects.filter(pk=far.pk).update(renewed_at=timezone.now() + timedelta(1))
    commune = client.get(url("area", mk.commune_a.pk)).content.decode()
    assert "Rau tổ 1" in commune and "Bánh tổ 2" in commune  # groups included
    group = client.get(url("area", mk.group_2.pk)).content.decode()
    assert "Bánh tổ 2" in group and "Rau tổ 1" not in group
    cheap = client.get(url("market"), {"max": "20000"}).content.decode()
    assert "Rau tổ 1" in cheap and "Bánh tổ 2" not in cheap
    assert client.get(url("market"), {"min": "-5"}).status_code == 200
    # a visitor: newest first; the neighbour of group 1: their group first
    visitor = client.get(url("market")).content.decode()
    assert visitor.index("Bánh tổ 2") < visitor.index("Rau tổ 1")
    client.force_login(mk.neighbour)
    mine = client.get(url("market")).content.decode()
    assert mine.index("Rau tổ 1") < mine.index("Bánh tổ 2")
    newest = client.get(url("market"), {"sort": "new"}).content.decode()
    assert newest.index("Bánh tổ 2") < newest.index("Rau tổ 1")
    assert near


def test_area_page_shows_the_market_section(client, mk):
    make_listing(mk.seller, mk.group_1, title="Rau tổ 1")
    page = client.get(mk.group_1.url).content.decode()
    assert "Ở chợ khu phố" in page and "Rau tổ 1" in page


def test_rules_page_with_operator(client, mk):
    Operator.objects.create(
        area=mk.commune_a,
        name="UBND Phường A",
        address="1 Trần Phú",
        registration_number="QĐ 12/2026",
    )
    page = client.get(url("rules")).content.decode()
    assert "UBND Phường A" in page and "52/2013/NĐ-CP" in page
    assert "Vũ khí" in page


def test_seller_page(client, mk):
    listing = make_listing(mk.seller, mk.group_1, title="Rau tổ 1")
    page = client.get(url("seller", listing.seller.pk)).content.decode()
    assert "Rau tổ 1" in page and "Người bán rau" in page


def test_edit_renew_withdraw_through_the_views(client, mk):
    listing = make_listing(mk.seller, mk.group_1)
    client.force_login(mk.neighbour)
    assert client.get(url("edit", listing.pk)).status_code == 404
    assert client.post(url("withdraw", listing.pk)).status_code == 403
    client.force_login(mk.seller)
    response = client.post(
        url("edit", listing.pk), {**listing_post(price="-3"), "place": ""}
    )
    assert response.status_code == 400
    assert "Giá không thể là số âm." in response.content.decode()
    response = client.post(url("edit", listing.pk), listing_post(price="20000"))
    assert response.status_code == 302
    assert Listing.objects.get(pk=listing.pk).price == 20000
    client.post(url("withdraw", listing.pk))
    assert not Listing.objects.get(pk=listing.pk).is_active
    client.post(url("renew", listing.pk))
    assert Listing.objects.get(pk=listing.pk).is_shown()


def test_my_market_page(client, mk):
    listing = make_listing(mk.seller, mk.group_1)
    o = order(mk.neighbour, listing)
    client.force_login(mk.seller)
    page = client.get(url("mine")).content.decode()
    assert o.reference in page and listing.title in page


def test_the_largest_total_gets_no_code_and_no_500(client, mk):
    """1,000,000,000 đ × 10,000 has 14 digits: EMVCo's amount has at most 13."""
    actions.set_bank_account(mk.seller, "970415", "0011001932418", "Nguyen Van Ban")
    listing = make_listing(mk.seller, mk.group_1, price=1_000_000_000, stock=None)
    o = order(mk.neighbour, listing, quantity=10_000)
    actions.accept_order(mk.seller, o)
    client.force_login(mk.neighbour)
    response = client.get(url("order", o.pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Số tiền này quá lớn để tạo mã VietQR" in page and "<svg" not in page
