"""Personal-data rights in a real browser: a resident downloads their data, then
deletes their account (issue 20)."""

import json
import zipfile

from django.utils import translation
from playwright.sync_api import expect

from civic.comments.models import Comment
from civic.people import rights
from civic.people.models import DataExport, User
from tests.conftest import PASSWORD
from tests.e2e.test_meetings import sign_in
from tests.factories import resident

NAME = "Lê Văn Tải Về"


def test_resident_downloads_their_data_and_deletes_their_account(
    daphne_server, tree, new_context
):
    from django.contrib.contenttypes.models import ContentType

    person = resident(NAME, "0913555001", tree.group_1)
    comment = Comment.objects.create(
        content_type=ContentType.objects.get_for_model(tree.group_1),
        object_id=tree.group_1.pk,
        area=tree.group_1,
        author=person,
        body="Tối nay họp tổ lúc 19 giờ.",
    )
    page = sign_in(new_context, person.phone)
    page.goto("/tai-khoan/")
    page.get_by_role(
        "link", name="Dữ liệu của bạn: xem, tải về, chỉnh sửa, xóa"
    ).click()
    expect(page.locator("h1")).to_have_text("Dữ liệu của tôi")
    expect(page.locator("#section-comments\\.comments summary")).to_contain_text("1")

    page.get_by_role("button", name="Chuẩn bị dữ liệu để tải về").click()
    expect(page.locator(".messages")).to_contain_text("đang được chuẩn bị")
    # the worker's part, in this process
    rights.prepare_export.call(DataExport.objects.get(user=person).pk)
    page.reload()
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải tệp ZIP").click()
    with zipfile.ZipFile(info.value.path()) as archive:
        assert "README.txt" in archive.namelist()
        account = json.loads(archive.read("people.account.json"))
        assert account[0]["full_name"] == NAME
        comments = json.loads(archive.read("comments.comments.json"))
        assert comments[0]["body"] == "Tối nay họp tổ lúc 19 giờ."

    page.get_by_role("link", name="Xóa tài khoản của tôi…").click()
    page.locator('input[name="password"]').fill(PASSWORD)
    page.get_by_role("button", name="Xóa vĩnh viễn tài khoản của tôi").click()
    expect(page.locator(".messages")).to_contain_text("Tài khoản của bạn đã được xóa")
    expect(page.locator('form[action$="/dang-xuat/"]')).to_have_count(0)

    person.refresh_from_db()
    assert person.erased_at is not None and person.phone is None
    with translation.override("vi"):
        shown = Comment.objects.get(pk=comment.pk).author.display_name
    assert shown == "một cư dân cũ"
    # the phone no longer signs in
    other = new_context().new_page()
    other.goto("/dang-nhap/")
    other.locator('input[name="identifier"]').fill("0913555001")
    other.locator('input[name="password"]').fill(PASSWORD)
    other.locator('form:has(input[name="identifier"]) [type="submit"]').click()
    expect(other.locator('form[action$="/dang-xuat/"]')).to_have_count(0)
    assert not User.objects.filter(phone="+84913555001").exists()
