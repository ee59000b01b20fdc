"""The installable site: manifest, service worker, offline page, and the list of
the resident's group pages kept for offline reading (content/pwa.py)."""

import json

import pytest
from django.contrib.staticfiles import finders
from wagtail.models import PageViewRestriction

from civic.people.models import Household, Residency, ResidencyStatus
from content.models import NewsPage, NoticePage
from content.pwa import PRIVATE_PATHS
from tests.factories import make_user, sign_in


def add(area, page):
    area.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def worker_config(response):
    text = response.content.decode()
    start = text.index("const CONFIG = ") + len("const CONFIG = ")
    return json.loads(text[start : text.index(";\n", start)])


def test_the_service_worker_is_served_from_the_root_with_its_shell(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]  # a new version is seen at once
    config = worker_config(response)
    assert "/static/css/site.css" in config["shell"]
    assert "/static/js/pwa.js" in config["shell"]
    assert config["offline"] == {"vi": "/ngoai-tuyen/", "en": "/en/ngoai-tuyen/"}
    assert {"/ngoai-tuyen/", "/en/ngoai-tuyen/"} <= set(config["shell"])
    assert config["signOut"] == ["/dang-xuat/", "/en/dang-xuat/"]
    assert "tai-khoan" in config["private"] and config["version"]
    for line in ('addEventListener("push"', 'addEventListener("notificationclick"'):
        assert line in response.content.decode()


def test_the_manifest_is_vietnamese_with_icons_and_the_sites_colour(client, db):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["name"] == "Khu dân cư điện tử"
    assert data["short_name"] == "Khu dân cư" and data["lang"] == "vi"
    assert data["theme_color"] == "#0b5394" and data["display"] == "standalone"
    sizes = {icon["sizes"] for icon in data["icons"]}
    assert sizes == {"192x192", "512x512"}
    assert any(icon.get("purpose") == "maskable" for icon in data["icons"])
    for icon in data["icons"]:
        name = icon["src"].removeprefix("/static/")
        assert finders.find(name), name
    css = open(finders.find("css/site.css")).read()
    assert "--c-primary: #0b5394" in css  # the theme colour is the site's


def test_the_offline_page_in_both_languages_names_nobody(client, db):
    user = make_user("Cư dân bí mật", "0905222001")
    sign_in(client, user)
    vi = client.get("/ngoai-tuyen/").content.decode()
    assert "Không có kết nối" in vi and "Cư dân bí mật" not in vi
    en = client.get("/en/ngoai-tuyen/").content.decode()
    assert "No connection" in en and 'lang="en"' in en


def test_pages_link_the_manifest_and_say_who_they_are_for(client, db):
    page = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert '<meta name="civic-viewer" content="">' in page
    assert "/static/js/pwa.js" in page
    a = make_user("Người A", "0905222002")
    b = make_user("Người B", "0905222003")
    sign_in(client, a)
    token_a = (
        client.get("/").content.decode().split('name="civic-viewer" content="')[1][:16]
    )
    sign_in(client, b)
    token_b = (
        client.get("/").content.decode().split('name="civic-viewer" content="')[1][:16]
    )
    assert token_a and token_b and token_a != token_b
    assert str(a.pk) != token_a  # not the id itself


def test_the_group_pages_kept_offline_are_the_residents(client, tree):
    group = tree.group_1
    notices = [
        add(
            group, NoticePage(title=f"Thông báo {i}", body="<p>x</p>", category="other")
        )
        for i in range(7)
    ]
    news = add(group, NewsPage(title="Tin tổ 1", intro="x"))
    urgent = add(
        tree.commune_a,
        NoticePage(title="Cúp nước", body="<p>x</p>", category="other", is_urgent=True),
    )
    elsewhere = add(
        tree.group_2, NoticePage(title="Tổ 2", body="<p>x</p>", category="other")
    )
    hidden = notices[0]
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    # a visitor, and a resident not yet verified: nothing
    assert client.get("/ngoai-tuyen/trang.json").json() == {"viewer": "", "pages": []}
    home = Household.objects.create(area=group, address="5 Lý Tự Trọng")
    user = make_user("Cư dân tổ 1", "0905222004")
    residency = Residency.objects.create(
        user=user, household=home, status=ResidencyStatus.PENDING
    )
    sign_in(client, user)
    assert client.get("/ngoai-tuyen/trang.json").json()["pages"] == []
    residency.status = ResidencyStatus.VERIFIED
    residency.save()
    response = client.get("/ngoai-tuyen/trang.json")
    assert "no-cache" in response["Cache-Control"]
    data = response.json()
    assert data["viewer"]
    pages = data["pages"]
    assert pages[0] == group.url
    assert news.url in pages and urgent.url in pages
    assert elsewhere.url not in pages and hidden.url not in pages
    assert sum(1 for url in pages if "/thong-bao-" in url) == 5  # the latest five
    assert not any(url.strip("/").split("/")[0] in PRIVATE_PATHS for url in pages)


@pytest.mark.django_db
def test_the_account_page_offers_push_with_the_vapid_key(client, settings, tmp_path):
    from civic.people import push

    settings.VAPID_PRIVATE_KEY_FILE = tmp_path / "vapid.pem"
    push._keys.clear()
    sign_in(client, make_user("Người C", "0905222005"))
    page = client.get("/tai-khoan/").content.decode()
    assert f'data-public-key="{push.public_key()}"' in page
    assert "Bật thông báo trên thiết bị này" in page
    assert "Chưa có thiết bị nào nhận thông báo." in page
    push._keys.clear()
