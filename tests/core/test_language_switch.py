"""The language switch goes both ways on every page (issue 14).

Django's ``set_language`` translated ``next`` by resolving it: with Vietnamese
active, Wagtail's catch-all took ``/en/dich-vu-cong/`` for the Vietnamese page
``en/dich-vu-cong/`` and "Tiếng Việt" led back to the English page.
``civic.core.i18n`` builds the address from the language prefix alone.
"""

import html
import re

import pytest
from django.urls import reverse
from django.utils.translation import override

from civic.core.i18n import language_url
from content.models import NewsPage, NoticePage

SWITCH = re.compile(
    r'<a href="(?P<href>[^"]*)" hreflang="(?P<language>\w+)" lang="\w+" class="lang-switch">'
)


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _urls(tree):
    notice = _publish(tree.group_1, NoticePage(title="Cắt nước", body="<p>x</p>"))
    news = _publish(tree.group_1, NewsPage(title="Ra quân dọn rác"))
    with override("vi"):
        return [
            # Wagtail pages and their routes
            "/",
            tree.commune_a.url,
            tree.group_1.url,
            notice.url,
            news.url,
            tree.commune_a.url + "thong-bao/?category=other",
            tree.group_1.url + "tin-tuc/",
            # each app's own pages
            reverse("people:login"),
            reverse("people:register"),
            reverse("services:procedures"),
            reverse("support:points"),
            reverse("feedback:list"),
            reverse("feedback:area", args=[tree.group_1.pk]),
            reverse("polls:area", args=[tree.group_1.pk]),
            reverse("meetings:area", args=[tree.group_1.pk]),
            reverse("realtime:area", args=[tree.group_1.pk]),
            reverse("search:search") + "?q=c%E1%BA%AFt+n%C6%B0%E1%BB%9Bc&type=notice",
        ]


def _switch(client, url, expected_language):
    """Open ``url``, check its language; the address the switch links to (a
    plain link: no form, so no CSRF token keeps the page out of the cache)."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert f'<html lang="{expected_language}">' in response.text, url
    link = SWITCH.search(response.text)
    assert link, url
    assert link["language"] != expected_language
    return html.unescape(link["href"])


def test_switch_goes_both_ways_on_every_kind_of_page(client, tree):
    for url in _urls(tree):
        english = _switch(client, url, "vi")
        assert english == "/en" + url
        assert _switch(client, english, "en") == url
        assert client.get(url).text.count('<html lang="vi">') == 1, url


@pytest.mark.parametrize(
    "url, language, expected",
    [
        ("/en/dich-vu-cong/", "vi", "/dich-vu-cong/"),
        ("/dich-vu-cong/", "en", "/en/dich-vu-cong/"),
        ("/en/dich-vu-cong/", "en", "/en/dich-vu-cong/"),
        ("/dich-vu-cong/", "vi", "/dich-vu-cong/"),
        ("/en/", "vi", "/"),
        ("/en", "vi", "/"),
        ("/", "en", "/en/"),
        ("/en/tim-kiem/?q=en%2Fx", "vi", "/tim-kiem/?q=en%2Fx"),
        ("http://testserver/en/phuong-a/", "vi", "http://testserver/phuong-a/"),
        ("/english-club/", "en", "/en/english-club/"),  # "en" only as a segment
        # addresses outside the language patterns stay as they are
        ("/quan-tri/pages/", "en", "/quan-tri/pages/"),
        ("/sitemap.xml", "en", "/sitemap.xml"),
        ("/tai-lieu/1/bien-ban.pdf", "en", "/tai-lieu/1/bien-ban.pdf"),
    ],
)
def test_language_url(url, language, expected):
    assert language_url(url, language) == expected


def test_foreign_next_and_unknown_language_change_nothing(client, tree):
    response = client.post(
        "/i18n/setlang/", {"next": "https://evil.example/en/", "language": "vi"}
    )
    assert response["Location"] == "/"
    response = client.post("/i18n/setlang/", {"next": "/en/", "language": "fr"})
    assert response["Location"] == "/en/"
    assert "django_language" not in response.cookies
    response = client.get("/i18n/setlang/", {"next": "/en/", "language": "vi"})
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert "django_language" not in response.cookies
