"""Issue 14 in a real browser: a notice with a password is not listed on its area
page, and opening it shows the site's own password page; the language switch goes
to English and back to Vietnamese on /dich-vu-cong/."""

import re

from playwright.sync_api import expect
from wagtail.models import PageViewRestriction

from content.models import NoticePage

SECRET = "Danh sách hộ nhận hỗ trợ bão số 13"
PUBLIC = "Lịch tiêm chủng tháng Mười Hai"


def _notice(area, title, password=None):
    notice = NoticePage(title=title, body="<p>Nội dung chi tiết</p>", category="other")
    area.add_child(instance=notice)
    if password:
        PageViewRestriction.objects.create(
            page=notice,
            restriction_type=PageViewRestriction.PASSWORD,
            password=password,
        )
    notice.save_revision().publish()
    return notice


def test_restricted_notice_is_not_listed_and_asks_for_the_password(
    daphne_server, tree, new_context
):
    secret = _notice(tree.group_1, SECRET, password="bao-13")
    _notice(tree.group_1, PUBLIC)
    page = new_context().new_page()

    page.goto(tree.group_1.url)
    expect(page.locator("main")).to_contain_text(PUBLIC)
    expect(page.locator("main")).not_to_contain_text(SECRET)

    page.goto(secret.url)
    expect(page.locator("h1")).to_have_text("Cần mật khẩu")
    expect(page.locator(".site-header")).to_be_visible()  # the site's own page
    expect(page).not_to_have_title(re.compile("bão"))
    expect(page.locator("body")).not_to_contain_text(SECRET)
    password = page.get_by_label("Mật khẩu")
    password.fill("sai-roi")
    page.locator("form.password-required button[type=submit]").click()
    expect(page.locator(".field-error")).to_contain_text("không chính xác")
    expect(page.locator("body")).not_to_contain_text(SECRET)
    page.get_by_label("Mật khẩu").fill("bao-13")
    page.locator("form.password-required button[type=submit]").click()
    expect(page.locator("h1")).to_have_text(SECRET)


def test_language_switch_goes_to_english_and_back(daphne_server, tree, new_context):
    page = new_context().new_page()
    page.goto("/dich-vu-cong/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.locator("a.lang-switch", has_text="English").click()
    expect(page).to_have_url(re.compile(r"/en/dich-vu-cong/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("a.lang-switch", has_text="Tiếng Việt").click()
    expect(page).to_have_url(re.compile(r"^[^?]*//[^/]+/dich-vu-cong/$"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")
