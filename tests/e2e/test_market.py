"""The market in a real browser: a resident lists vegetables with a photo; a
neighbour finds them by searching "rau sach" (no marks), orders; the seller
accepts; the buyer sees the VietQR code; the seller completes; the buyer rates."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from civic.market import vietqr
from civic.market.models import Listing, Order, OrderStatus
from tests.e2e.test_feedback import sign_in
from tests.factories import resident

pytestmark = pytest.mark.search_index

TITLE = "Rau sạch vườn nhà"


def photo_bytes():
    out = io.BytesIO()
    Image.new("RGB", (120, 90), (40, 160, 40)).save(out, "JPEG")
    return out.getvalue()


def test_list_find_order_pay_complete_rate(daphne_server, tree, new_context):
    resident("Người bán rau", "0905100001", tree.group_1)
    resident("Hàng xóm", "0905100002", tree.group_1)

    # the seller: a bank account for VietQR, then the listing with a photo
    seller = sign_in(new_context, "0905100001")
    seller.goto("/cho/tai-khoan-ngan-hang/")
    seller.get_by_label("Ngân hàng", exact=True).select_option(value="970415")
    seller.get_by_label("Số tài khoản").fill("0011001932418")
    seller.get_by_label("Tên tài khoản").fill("Nguyễn Văn Bán")
    seller.get_by_role("button", name="Lưu").click()
    expect(
        seller.get_by_text("Tài khoản ngân hàng của bạn đã được lưu.")
    ).to_be_visible()
    seller.goto("/cho/dang-tin/")
    seller.locator('select[name="category"]').select_option(value="produce")
    seller.get_by_label("Tiêu đề tin").fill(TITLE)
    seller.locator('textarea[name="description"]').fill(
        "Rau muống, cải ngọt hái buổi sáng."
    )
    seller.locator('input[name="price"]').fill("15000")
    seller.locator('input[name="unit"]').fill("bó")
    seller.locator('input[name="stock"]').fill("10")
    seller.locator('input[name="photos"]').set_input_files(
        files=[{"name": "rau.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes()}]
    )
    seller.get_by_role("button", name="Đăng tin").click()
    expect(seller.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(seller.locator(".mk-photos img")).to_have_count(1)

    # the neighbour: finds it without marks, orders two bunches
    buyer = sign_in(new_context, "0905100002")
    box = buyer.locator("#site-search-q")
    box.fill("rau sach")
    box.press("Enter")
    buyer.locator(".search-result a", has_text=TITLE).first.click()
    expect(buyer.get_by_role("heading", name=TITLE)).to_be_visible()
    buyer.locator('input[name="quantity"]').fill("2")
    when = timezone.localtime() + timedelta(hours=5)
    buyer.locator('input[name="wanted_at"]').fill(when.strftime("%Y-%m-%dT%H:%M"))
    buyer.get_by_role("button", name="Gửi đơn đặt mua").click()
    expect(buyer.locator(".mk-status")).to_have_text("Đã gửi yêu cầu")
    order = Order.objects.get()

    # the seller accepts
    seller.goto(f"/cho/don/{order.pk}/")
    seller.get_by_role("button", name="Nhận đơn").click()
    expect(seller.locator(".mk-status")).to_have_text("Người bán đã nhận đơn")

    # the buyer sees the VietQR code and its text
    buyer.reload()
    expect(buyer.locator("svg.vietqr")).to_be_visible()
    payload = buyer.get_by_label("Mã dạng chữ, để sao chép").input_value()
    fields = vietqr.decode(payload)
    assert fields["54"] == "30000" and fields["62"]["08"] == order.reference

    # the seller completes, the buyer rates
    seller.get_by_role("button", name="Đánh dấu đã hoàn thành").click()
    expect(seller.locator(".mk-status")).to_have_text("Người bán đã hoàn thành")
    buyer.reload()
    buyer.get_by_label("5", exact=True).check()
    buyer.locator('input[name="review"]').fill("Rau tươi, đúng giờ")
    buyer.get_by_role("button", name="Đánh giá").click()
    expect(buyer.get_by_text("Cảm ơn bạn đã đánh giá.")).to_be_visible()
    order.refresh_from_db()
    assert (order.status, order.rating) == (OrderStatus.COMPLETED, 5)
    assert Listing.objects.get().stock == 8
    assert re.search(r"\d", payload)
