"""The maps: Leaflet vendored in our static files, the area list's JSON data (only
public reports with a point, only public fields), the map settings and centre."""

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from civic.feedback import actions
from civic.feedback.maps import DEFAULT_CENTRE
from civic.support.models import SupportPoint

from .conftest import make_report, url

pytestmark = pytest.mark.django_db

PUBLIC_FIELDS = {"id", "title", "status", "lat", "lng", "url"}


def json_data(html, element_id):
    match = re.search(
        rf'<script id="{element_id}" type="application/json">(.*?)</script>',
        html,
        re.S,
    )
    return None if match is None else json.loads(match.group(1))


@pytest.fixture
def settings_many(settings):
    from datetime import timedelta

    settings.FEEDBACK_REPORT_INTERVAL = timedelta(0)
    settings.FEEDBACK_REPORTS_PER_DAY = 100
    return settings


def test_leaflet_is_vendored_with_its_licence():
    for name in ("leaflet.js", "leaflet.css", "LICENSE", "images/marker-icon.png"):
        assert finders.find(f"feedback/vendor/leaflet/{name}"), name
    js = Path(finders.find("feedback/vendor/leaflet/leaflet.js")).read_text()
    assert "Leaflet 1.9.4" in js[:200]
    licence = Path(finders.find("feedback/vendor/leaflet/LICENSE")).read_text()
    assert "BSD 2-Clause" in licence
    assert finders.find("feedback/map.js")


def test_area_list_embeds_only_public_reports_with_a_point(fb, clock, settings_many):
    placed = make_report(
        fb.reporter,
        fb.group_1,
        title="Cống tắc </script><b>đậm</b>",
        latitude=Decimal("12.281234"),
        longitude=Decimal("109.201234"),
    )
    make_report(fb.reporter, fb.group_2, title="Không có điểm")
    hidden = make_report(
        fb.reporter,
        fb.group_1,
        title="Nêu tên người",
        latitude=Decimal("12.28"),
        longitude=Decimal("109.2"),
    )
    actions.set_public(fb.editor_a, hidden, False, "Nêu tên một người")
    make_report(
        fb.reporter,
        fb.group_b,
        title="Xã khác",
        latitude=Decimal("12.3"),
        longitude=Decimal("109.1"),
    )

    html = Client().get(url("area", fb.commune_a.pk)).content.decode()
    points = json_data(html, "fb-map-points")
    assert points == [
        {
            "id": placed.pk,
            "title": placed.title,
            "status": "Đã nhận",  # the label shown in the list
            "lat": 12.281234,
            "lng": 109.201234,
            "url": placed.get_absolute_url(),
        }
    ]
    assert set(points[0]) == PUBLIC_FIELDS
    # The title is escaped inside the script tag, and decodes back exactly.
    assert "</script><b>" not in html
    script = html.split('id="fb-map-points"')[1].split("</script>")[0]
    for private in (fb.reporter.full_name, fb.reporter.phone, fb.reporter.email):
        assert private not in script
    assert 'id="fb-map-list"' in html
    assert "feedback/vendor/leaflet/leaflet.js" in html


def test_no_map_without_points(fb, clock):
    make_report(fb.reporter, fb.group_1)
    html = Client().get(url("area", fb.commune_a.pk)).content.decode()
    assert json_data(html, "fb-map-points") is None
    assert 'id="fb-map-list"' not in html and "leaflet.js" not in html


def test_tiles_setting_and_centre(fb, settings):
    client = Client()
    client.force_login(fb.reporter)
    html = client.get(url("new")).content.decode()
    config = json_data(html, "fb-map-config")
    assert config["tiles"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert config["centre"] == list(DEFAULT_CENTRE) and config["centres"] == {}
    assert 'id="fb-map-picker"' in html and 'id="id_latitude"' in html

    settings.FEEDBACK_MAP_TILES = "https://tiles.example.vn/{z}/{x}/{y}.png"
    SupportPoint.objects.create(
        area=fb.commune_a,
        name="Điểm hỗ trợ",
        address="UBND phường",
        latitude=Decimal("12.250000"),
        longitude=Decimal("109.180000"),
    )
    html = client.get(
        url("new"), {"area": fb.group_1.pk, "category": "water"}
    ).content.decode()
    config = json_data(html, "fb-map-config")
    assert config["tiles"] == "https://tiles.example.vn/{z}/{x}/{y}.png"
    # Step 2 is centred on the group's commune (its support point); the picker
    # sits beside the number fields, which stay.
    assert config["centre"] == [12.25, 109.18]
    assert config["centres"][str(fb.commune_a.pk)] == [12.25, 109.18]
    assert str(fb.commune_b.pk) not in config["centres"]
    assert 'id="fb-map-picker"' in html and 'name="latitude"' in html
