"""The feedback story in a real browser: a resident reports a broken street light
with a photo, the commune editor accepts it, posts progress and the answer, the
resident sees the answer and rates it — and a visitor never sees who reported.
The maps work offline (no tile loads): a click on the form's map fills the point,
and the area list shows a marker for the report."""

import io
import re
from urllib.parse import urlsplit

from PIL import Image
from playwright.sync_api import expect

from civic.feedback.models import Photo, Report, Status
from tests.conftest import PASSWORD, make_user

TITLE = "Đèn đường trước số 12 Hòn Chồng bị hỏng"


def photo_bytes():
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (12.0, 16.0, 30.0)
    out = io.BytesIO()
    Image.new("RGB", (120, 90), (40, 40, 160)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def offline(context):
    """No internet, as on the test machine: only our server answers (map tiles
    fail; nothing may depend on them)."""

    def handle(route):
        if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", handle)
    return context


def sign_in(new_context, phone):
    context = offline(new_context())
    page = context.new_page()
    page.goto("/dang-nhap/")
    page.locator('input[name="identifier"]').fill(phone)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form:has(input[name="identifier"]) [type="submit"]').click()
    expect(page).to_have_url(re.compile(r"^[^?]*/$"))
    return page


def test_resident_reports_editor_resolves_resident_rates(
    daphne_server, tree, new_context
):
    make_user("Người phản ánh", "0905111222")

    # the resident: from the group's page to the form, two steps, with a photo
    resident = sign_in(new_context, "0905111222")
    resident.goto(tree.group_1.url)
    resident.get_by_role("link", name="Gửi phản ánh").click()
    resident.get_by_label("Tổ dân phố, thôn hoặc xã, phường").select_option(
        label="Phường A › Tổ dân phố 1"
    )
    resident.get_by_label("Lĩnh vực").select_option(value="lighting")
    # a click on the map fills the point; the fields stay and can be typed in
    resident.get_by_role("region", name="Bản đồ để chọn vị trí").click()
    expect(resident.get_by_label("Vĩ độ")).to_have_value(re.compile(r"^12\.\d{6}$"))
    expect(resident.get_by_label("Kinh độ")).to_have_value(re.compile(r"^109\.\d{6}$"))
    expect(resident.locator("#fb-map-picker .leaflet-marker-icon")).to_have_count(1)
    # Leaflet's controls speak Vietnamese (issue 19)
    zoom_in = resident.locator("#fb-map-picker .leaflet-control-zoom-in")
    expect(zoom_in).to_have_attribute("title", "Phóng to")
    expect(zoom_in).to_have_attribute("aria-label", "Phóng to")
    expect(
        resident.locator("#fb-map-picker .leaflet-control-zoom-out")
    ).to_have_attribute("title", "Thu nhỏ")
    expect(
        resident.locator("#fb-map-picker .leaflet-control-attribution")
    ).to_contain_text("những người đóng góp")
    resident.get_by_label("Vĩ độ").fill("12.2765")
    resident.get_by_label("Kinh độ").fill("109.2010")
    resident.get_by_role("button", name="Tiếp tục").click()
    expect(
        resident.get_by_role("heading", name="Bước 2/2: nội dung chi tiết")
    ).to_be_visible()
    resident.get_by_label("Tiêu đề").fill(TITLE)
    resident.get_by_label("Nội dung").fill("Đèn không sáng ba đêm nay, đường rất tối.")
    resident.get_by_label("Địa chỉ hoặc điểm mốc").fill("Trước số 12 Hòn Chồng")
    resident.get_by_label("Hình ảnh").set_input_files(
        files=[{"name": "den.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes()}]
    )
    resident.get_by_role("button", name="Gửi phản ánh").click()
    expect(resident.get_by_role("heading", name=re.compile(TITLE))).to_be_visible()
    expect(resident.locator(".fb-status")).to_have_text("Đã nhận")
    report = Report.objects.get()
    assert Photo.objects.filter(report=report).count() == 1
    expect(resident.locator(".fb-photos img")).to_have_count(1)

    # the editor of the commune: accept, progress, answer
    editor = sign_in(new_context, "0935000001")
    editor.goto("/phan-anh/xu-ly/")
    editor.get_by_role("link", name=re.compile(TITLE)).click()
    expect(editor.locator(".fb-reporter")).to_contain_text("Người phản ánh")
    editor.get_by_role("button", name="Tiếp nhận").click()
    expect(editor.locator(".fb-status")).to_have_text("Đã tiếp nhận")
    editor.get_by_label("Cập nhật tiến độ").fill("Đã báo Điện lực đến thay bóng.")
    editor.get_by_role("button", name="Đăng cập nhật tiến độ").click()
    expect(editor.locator(".fb-status")).to_have_text("Đang xử lý")
    editor.get_by_label("Kết quả trả lời").fill("Điện lực đã thay bóng đèn mới.")
    editor.get_by_role("button", name="Đăng kết quả trả lời và hoàn tất").click()
    expect(editor.locator(".fb-status")).to_have_text("Đã xử lý xong")

    # the resident sees the answer and rates it
    resident.reload()
    expect(resident.locator(".fb-answer")).to_have_text(
        "Điện lực đã thay bóng đèn mới."
    )
    resident.get_by_label("5★").check()
    resident.get_by_role("button", name="Gửi đánh giá").click()
    expect(resident.get_by_text("Cảm ơn bạn đã đánh giá.")).to_be_visible()
    report.refresh_from_db()
    assert report.status == Status.RESOLVED and report.rating == 5

    # a visitor sees the report, the answer and the rating, not the reporter
    visitor = offline(new_context()).new_page()
    visitor.goto(f"/phan-anh/{report.pk}/")
    expect(visitor.locator(".fb-answer")).to_be_visible()
    expect(visitor.locator("dl").get_by_text("5/5 sao")).to_be_visible()
    assert "Người phản ánh" not in visitor.content()

    # the area's list: one marker for the report, its popup links to it
    visitor.goto(f"/phan-anh/khu-vuc/{tree.commune_a.pk}/")
    markers = visitor.locator("#fb-map-list .leaflet-marker-icon")
    expect(markers).to_have_count(1)
    link = visitor.locator(".leaflet-popup-content").get_by_role("link", name=TITLE)
    # on a loaded machine a first click can land while the map is still drawing
    for _attempt in range(3):
        markers.click()
        try:
            expect(link).to_be_visible(timeout=3000)
            break
        except AssertionError:
            continue
    expect(link).to_have_attribute("href", f"/phan-anh/{report.pk}/")
