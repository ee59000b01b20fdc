"""Search in a real browser: a resident types "thong bao cat nuoc" (no diacritics)
in the header box and finds the water-cut notice, by suggestion and by the form."""

import re

import pytest
from playwright.sync_api import expect

from tests.comments.conftest import resident
from tests.e2e.test_notice_review import publish_notice, sign_in

pytestmark = pytest.mark.search_index


def test_resident_finds_the_water_cut_notice_typed_without_diacritics(
    daphne_server, tree, new_context
):
    water = publish_notice(
        tree.group_1, "Thông báo cắt nước", "Thứ Hai cắt nước đường Đống Đa."
    )
    publish_notice(tree.group_1, "Thông báo họp tổ", "Họp tổ dân phố tối thứ Sáu.")
    me = resident("Bà Tư", "0913000201", tree.group_1)
    page = sign_in(new_context, me.phone)

    # the suggestions under the header box (JavaScript)
    box = page.locator("#site-search-q")
    box.press_sequentially("thong bao cat", delay=30)
    suggestion = page.locator("#site-search-suggestions a", has_text="cắt nước")
    expect(suggestion).to_be_visible()

    # the plain form: the search page lists the notice with the words highlighted
    box.fill("thong bao cat nuoc")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/tim-kiem/\?q=thong"))
    result = page.locator(".search-result").first
    expect(result).to_contain_text("Thông báo cắt nước")
    expect(result.locator("mark").first).to_be_visible()
    result.locator("a").first.click()
    expect(page).to_have_url(re.compile(water.url_path.split("/")[-2]))
    expect(page.locator("h1")).to_have_text("Thông báo cắt nước")
