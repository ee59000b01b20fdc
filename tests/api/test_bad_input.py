"""Bad input is a 4xx with a JSON error in the client's language, never a 500."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from api.models import ApiKey

pytestmark = pytest.mark.django_db

VI = {"HTTP_ACCEPT_LANGUAGE": "vi"}
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def error(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["error"]["code"] and body["error"]["message"]
    return body["error"]


@pytest.mark.parametrize(
    "query",
    [
        "limit=100000",
        "limit=0",
        "limit=abc",
        "area=abc",
        "area=99999999999999999999999",
        "since=2026-13-45",
        "since=2026-05-01&until=2026-01-01",
        "category=nope",
        "colour=red",
        "cursor=not-a-cursor",
    ],
)
def test_bad_list_parameters(client, tree, query):
    error(client.get(f"/api/v1/notices?{query}", **EN), 400)


def test_unknown_filter_is_named(client, tree):
    err = error(client.get("/api/v1/reports?colour=red", **EN), 400)
    assert err["code"] == "unknown_parameter" and "colour" in err["message"]


def test_error_in_the_clients_language(client, tree):
    en = error(client.get("/api/v1/reports?colour=red", **EN), 400)
    vi = error(client.get("/api/v1/reports?colour=red", **VI), 400)
    assert en["message"] != vi["message"]
    assert "Tham số" in vi["message"]


def test_a_cursor_of_another_list_is_refused(client, data):
    first = client.get("/api/v1/areas?limit=1").json()
    assert first["next"]
    err = error(client.get(f"/api/v1/notices?cursor={first['next']}"), 400)
    assert err["code"] == "bad_cursor"


def test_cursor_walks_every_item_once(client, tree):
    seen, cursor = [], None
    while True:
        query = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/v1/areas", query).json()
        seen += [row["id"] for row in body["items"]]
        cursor = body["next"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 5


def test_unknown_ids_are_404(client, tree):
    error(client.get("/api/v1/notices/999999"), 404)
    # an id no column holds: a 404 before any view (civic.core.ids), in JSON
    err = error(client.get("/api/v1/reports/99999999999999999999", **VI), 404)
    assert err["message"] == "Không tìm thấy."
    assert client.get("/khong-co-trang-nay/").status_code == 404  # the site's page
    error(client.get("/api/v1/reports/2147483648"), 400)


def test_malformed_json(client, key, tree):
    response = client.post(
        "/api/v1/reports",
        "{not json",
        content_type="application/json",
        HTTP_X_API_KEY=key.raw,
        **VI,
    )
    assert error(response, 400)["code"] == "malformed"


def test_wrong_types(client, key, tree):
    response = client.post(
        "/api/v1/reports",
        json.dumps({"area_id": "abc", "consent": "maybe", "title": 5}),
        content_type="application/json",
        HTTP_X_API_KEY=key.raw,
    )
    assert error(response, 400)["code"] == "invalid"


def test_write_without_key(client, tree):
    response = client.post("/api/v1/reports", "{}", content_type="application/json")
    assert error(response, 401)["code"] == "key_required"


@pytest.mark.parametrize("state", ["revoked", "expired", "forged"])
def test_refused_keys(client, key, tree, state):
    raw = key.raw
    if state == "revoked":
        key.revoked = True
        key.save()
    elif state == "expired":
        ApiKey.objects.filter(pk=key.pk).update(
            expires_at=timezone.now() - timedelta(minutes=1)
        )
    else:
        raw = raw[:-2] + ("aa" if not raw.endswith("aa") else "bb")
    response = client.post(
        "/api/v1/reports",
        "{}",
        content_type="application/json",
        HTTP_X_API_KEY=raw,
        **VI,
    )
    err = error(response, 401)
    assert err["code"] == "invalid_key"


def test_flood_is_429(client, tree, settings):
    settings.API_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get("/api/v1/areas").status_code == 200
    response = client.get("/api/v1/areas", **VI)
    err = error(response, 429)
    assert int(response["Retry-After"]) > 0
    assert "yêu cầu" in err["message"]


def test_cors_and_etag(client, tree):
    response = client.get("/api/v1/areas", HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    etag = response["ETag"]
    again = client.get("/api/v1/areas", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    preflight = client.options("/api/v1/areas")
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def test_a_made_up_key_does_not_buy_a_fresh_count(client, tree, settings):
    settings.API_RATE_LIMIT = 2
    settings.API_KEY_RATE_LIMIT = 1000
    for _ in range(2):
        assert client.get("/api/v1/areas").status_code == 200
    fake = {"HTTP_X_API_KEY": "kdc_abcd1234_made-up"}
    assert client.get("/api/v1/areas", **fake).status_code == 429


def test_a_real_key_has_its_own_count(client, tree, key, settings):
    settings.API_RATE_LIMIT = 1
    assert client.get("/api/v1/areas").status_code == 200
    assert client.get("/api/v1/areas").status_code == 429
    assert client.get("/api/v1/areas", HTTP_X_API_KEY=key.raw).status_code == 200
