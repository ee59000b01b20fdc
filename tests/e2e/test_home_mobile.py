"""The portal on a small phone, and the switch to English."""

import re

from playwright.sync_api import expect


def test_home_page_fits_a_360px_phone_and_switches_to_english(
    daphne_server, tree, new_context
):
    context = new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    response = page.goto("/")
    assert response is not None and response.ok
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    # the stylesheet is served with DEBUG=False
    css = page.request.get("/static/css/site.css")
    assert css.ok and "--c-primary" in css.text()
    assert (
        page.evaluate(
            "getComputedStyle(document.documentElement).getPropertyValue('--c-primary')"
        ).strip()
        == "#0b5394"
    )
    # the communes of the tree are listed
    expect(page.locator(f'a[href="{tree.commune_a.url}"]')).to_be_visible()
    # no horizontal scrolling at 360 CSS pixels
    assert page.evaluate("document.documentElement.clientWidth") == 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.locator('a.lang-switch[hreflang="en"]').click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator('a.lang-switch[hreflang="vi"]')).to_be_visible()
    expect(page.locator("a.brand")).to_have_text("Electronic residential area")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
