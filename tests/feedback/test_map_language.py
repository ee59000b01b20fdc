"""The maps' controls speak the page's language (issue 19): Leaflet's own texts
("Zoom in", "Zoom out", its attribution) come from the server, translated."""

import pytest
from django.test import Client

from .conftest import url
from .test_maps import json_data

pytestmark = pytest.mark.django_db


def config_of(client, lang):
    html = client.get(url("new", lang=lang)).content.decode()
    return json_data(html, "fb-map-config")


def test_leaflet_texts_in_the_page_language(fb, settings):
    client = Client()
    client.force_login(fb.reporter)
    config = config_of(client, "vi")
    assert config["labels"]["zoomIn"] == "Phóng to"
    assert config["labels"]["zoomOut"] == "Thu nhỏ"
    assert config["labels"]["closePopup"] == "Đóng"
    assert "Thư viện JavaScript cho bản đồ tương tác" in config["labels"]["prefix"]
    assert "những người đóng góp" in config["attribution"]
    assert "OpenStreetMap</a>" in config["attribution"]
    config = config_of(client, "en")
    assert config["labels"]["zoomIn"] == "Zoom in"
    assert config["attribution"].endswith("OpenStreetMap</a> contributors")
    # a provider's attribution, as configured
    settings.FEEDBACK_MAP_ATTRIBUTION = "&copy; Bản đồ của tỉnh"
    assert config_of(client, "vi")["attribution"] == "&copy; Bản đồ của tỉnh"


def test_map_js_sets_them():
    from django.contrib.staticfiles import finders

    with open(finders.find("feedback/map.js"), encoding="utf-8") as f:
        js = f.read()
    for name in ("zoomInTitle: labels.zoomIn", "prefix: labels.prefix", "closePopup"):
        assert name in js
