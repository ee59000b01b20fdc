"""API keys (hashed at rest, shown once, revocable, expiring) and the writes a
key may do, through the apps' actions."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from api.keys import authenticate, digest
from api.models import ApiKey, ApiWrite
from civic.feedback.models import Report
from civic.support.models import Appointment

from ..factories import sign_in

pytestmark = pytest.mark.django_db


def test_key_is_stored_hashed(key):
    row = ApiKey.objects.get(pk=key.pk)
    assert key.raw not in str(ApiKey.objects.filter(pk=key.pk).values().get())
    assert row.key_hash == digest(key.raw)
    assert authenticate(key.raw) == row
    assert not row.account.has_usable_password()


def report_body(area, **extra):
    body = {
        "area_id": area.pk,
        "category": "lighting",
        "title": "Đèn hỏng",
        "description": "Đèn đường trước chợ không sáng.",
        "address": "Chợ Hà Ra",
        "consent": True,
    }
    body.update(extra)
    return json.dumps(body)


def test_create_report_on_behalf(client, tree, key):
    response = client.post(
        "/api/v1/reports",
        report_body(tree.group_1),
        content_type="application/json",
        HTTP_X_API_KEY=key.raw,
    )
    assert response.status_code == 201, response.content
    report = Report.objects.get(pk=response.json()["id"])
    assert report.reporter == key.account and report.commune == tree.commune_a
    assert ApiWrite.objects.get(kind="report").object_id == report.pk
    # the action's own limit (one report a minute per reporter) holds
    again = client.post(
        "/api/v1/reports",
        report_body(tree.group_1),
        content_type="application/json",
        HTTP_X_API_KEY=key.raw,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert again.status_code == 400
    assert again.json()["error"]["code"] == "refused"


def test_consent_is_required(client, tree, key):
    response = client.post(
        "/api/v1/reports",
        report_body(tree.group_1, consent=False),
        content_type="application/json",
        HTTP_X_API_KEY=key.raw,
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "consent_required"
    assert not Report.objects.exists()


def test_expired_key_writes_nothing(client, tree, key):
    ApiKey.objects.filter(pk=key.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    response = client.post(
        "/api/v1/reports",
        report_body(tree.group_1),
        content_type="application/json",
        HTTP_X_API_KEY=key.raw,
    )
    assert response.status_code == 401
    assert not Report.objects.exists()


def test_book_a_free_slot(client, data, key):
    point = client.get(f"/api/v1/support-points/{data.point.pk}").json()
    day = point["free_slots"][-1]
    body = {
        "date": day["date"],
        "time": day["times"][0],
        "need": "Làm căn cước",
        "consent": True,
    }
    url = f"/api/v1/support-points/{data.point.pk}/appointments"
    response = client.post(
        url, json.dumps(body), content_type="application/json", HTTP_X_API_KEY=key.raw
    )
    assert response.status_code == 201, response.content
    appointment = Appointment.objects.get()
    assert appointment.resident == key.account
    # the slot is taken now: the same request is refused by the action
    other = client.post(
        url, json.dumps(body), content_type="application/json", HTTP_X_API_KEY=key.raw
    )
    assert other.status_code == 400
    after = client.get(f"/api/v1/support-points/{data.point.pk}").json()
    assert day["times"][0] not in next(
        (d["times"] for d in after["free_slots"] if d["date"] == day["date"]), []
    )


def test_admin_creates_a_key_shown_once(client, tree):
    sign_in(client, tree.admin)
    response = client.post(
        "/quan-tri/api-keys/new/",
        {"organisation": "Hue-S", "contact_email": "", "expires_at": ""},
    )
    assert response.status_code == 200, response.content[:500]
    key = ApiKey.objects.get(organisation="Hue-S")
    text = response.content.decode()
    start = text.index("kdc_")
    raw = text[start : text.index("<", start)]
    assert authenticate(raw) == key
    assert "no-store" in response["Cache-Control"]
    listing = client.get("/quan-tri/api-keys/").content.decode()
    assert raw not in listing and key.prefix in listing


def test_editors_cannot_manage_keys(client, tree):
    sign_in(client, tree.editor_a)
    response = client.get("/quan-tri/api-keys/")
    assert response.status_code in (302, 403)


def test_keys_are_revoked_not_deleted(client, tree, key):
    sign_in(client, tree.admin)
    response = client.post(f"/quan-tri/api-keys/delete/{key.pk}/")
    assert response.status_code in (302, 403)
    assert ApiKey.objects.filter(pk=key.pk).exists()
    edit = client.post(
        f"/quan-tri/api-keys/edit/{key.pk}/",
        {"organisation": key.organisation, "contact_email": "", "revoked": "on"},
    )
    assert edit.status_code == 302, edit.content[:300]
    key.refresh_from_db()
    assert key.revoked and key.revoked_at is not None
