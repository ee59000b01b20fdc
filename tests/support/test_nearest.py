"""Finding the nearest support point, and whether it is open now."""

from datetime import time

import pytest
from django.urls import reverse

from civic.support.models import haversine_km

from .conftest import make_point

# Nha Trang (Tháp Bà Ponagar) and Ho Chi Minh City (Bến Thành market)
PONAGAR = (12.2654, 109.1953)
BEN_THANH = (10.7725, 106.6980)


def test_haversine_against_a_known_distance():
    assert haversine_km(*PONAGAR, *PONAGAR) == 0
    assert 315 < haversine_km(*PONAGAR, *BEN_THANH) < 325
    # one degree of latitude is about 111 km everywhere
    assert haversine_km(10, 106, 11, 106) == pytest.approx(111.2, abs=0.2)


def test_points_are_sorted_by_distance_from_the_given_place(client, tree, svc):
    always = [(d, time(0), time(0, 0)) for d in range(0)]  # no hours: never open
    far_open = make_point(
        tree.commune_a,
        "Điểm hỗ trợ xa, luôn mở",
        12.40,
        109.30,
        [(d, time(0), time(23, 59)) for d in range(7)],
    )
    make_point(tree.commune_a, "Điểm hỗ trợ gần, đóng cửa", 12.2655, 109.1954, always)
    response = client.get(
        reverse("support:points"), {"lat": PONAGAR[0], "lng": PONAGAR[1]}
    )
    assert response.status_code == 200
    html = response.content.decode()
    names = [r["point"].name for r in response.context["rows"]]
    assert names[0] == "Điểm hỗ trợ gần, đóng cửa"
    distances = [r["distance"] for r in response.context["rows"]]
    assert distances == sorted(distances)
    nearest_open = response.context["nearest_open"]
    # the near point never opens; the nearest *open* one is reported apart
    assert nearest_open is None or nearest_open["open_now"]
    if nearest_open:
        assert nearest_open["point"].name in html
    assert far_open.name in html


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"lat": "abc", "lng": "109"}, "Enter a number"),
        ({"lat": "95", "lng": "109"}, "less than or equal to 90"),
        ({"lat": "12.2", "lng": ""}, "both the latitude and the longitude"),
    ],
)
def test_bad_coordinates_get_a_message(client, tree, svc, params, expected):
    response = client.get(reverse("support:points"), params)
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert response.context["here"] is None


def test_the_page_works_without_coordinates_and_offers_the_location_button(client, svc):
    html = client.get(reverse("support:points")).content.decode()
    assert svc.point_a.name in html and svc.point_b.name in html
    assert 'id="use-location" hidden' in html  # shown by JS only where it works
    assert '<label for="id_lat">' in html
