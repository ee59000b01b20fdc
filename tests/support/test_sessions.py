"""Assisted sessions: recorded only with consent, seen by the resident and the
commune, not by another commune."""

from datetime import time

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from civic.core.errors import ActionForbidden
from civic.people.models import Notification
from civic.support import actions
from civic.support.models import AppointmentStatus, AssistedSession

from .conftest import next_weekday, sign_in


def test_helper_records_a_session_with_consent(client, tree, svc):
    sign_in(client, tree.helper_a)
    url = reverse("support:record", args=[svc.point_a.pk])
    page = client.get(url).content.decode()
    assert "I agree that the helper records" in page
    response = client.post(
        url,
        {
            "resident_name": "Bà Trần Thị Lan",
            "procedure": svc.birth_reg.pk,
            "done": "Hướng dẫn nộp hồ sơ khai sinh trực tuyến cho cháu nội",
        },
    )
    assert response.status_code == 400
    assert "record only if they agree" in response.content.decode()
    assert AssistedSession.objects.count() == 0

    response = client.post(
        url,
        {
            "resident_name": "Bà Trần Thị Lan",
            "procedure": svc.birth_reg.pk,
            "done": "Hướng dẫn nộp hồ sơ khai sinh trực tuyến cho cháu nội",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    session = AssistedSession.objects.get()
    assert session.helper == tree.helper_a and session.procedure == svc.birth_reg
    assert "I agree" in session.consent_text and session.consent_given_at
    assert ModelLogEntry.objects.filter(
        action="kdcdt.session.record", object_id=str(session.pk)
    ).exists()
    desk = client.get(reverse("support:helper_desk")).content.decode()
    assert "Bà Trần Thị Lan" in desk


def test_session_from_an_appointment_is_shown_to_the_resident(client, tree, svc):
    appointment = actions.request_appointment(
        tree.resident, svc.point_a, next_weekday(0), time(9), "Khai sinh"
    )
    actions.confirm_appointment(tree.helper_a, appointment)
    sign_in(client, tree.helper_a)
    url = (
        reverse("support:record", args=[svc.point_a.pk]) + f"?lich-hen={appointment.pk}"
    )
    response = client.post(
        url,
        {
            "done": "Đã nộp hồ sơ khai sinh",
            "consent": "on",
            "appointment": appointment.pk,
        },
    )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.DONE
    session = AssistedSession.objects.get()
    assert session.resident == tree.resident
    assert session.resident_name == tree.resident.display_name
    assert any(
        "recorded the help" in n.text("en")
        for n in Notification.objects.filter(user=tree.resident)
    )
    sign_in(client, tree.resident)
    page = client.get(reverse("support:my_appointments")).content.decode()
    assert "Đã nộp hồ sơ khai sinh" in page
    # a second session for the same appointment is refused
    with pytest.raises(ValidationError):
        actions.record_session(
            tree.helper_a, svc.point_a, "lần hai", True, appointment=appointment
        )


def test_another_communes_helper_cannot_record_here(client, tree, svc):
    sign_in(client, svc.helper_b)
    url = reverse("support:record", args=[svc.point_a.pk])
    assert client.get(url).status_code == 403
    response = client.post(url, {"resident_name": "X", "done": "Y", "consent": "on"})
    assert response.status_code == 403
    with pytest.raises(ActionForbidden):
        actions.record_session(svc.helper_b, svc.point_a, "Y", True, resident_name="X")
    assert AssistedSession.objects.count() == 0
    # their desk does not show commune A's sessions
    actions.record_session(
        tree.helper_a, svc.point_a, "Y", True, resident_name="Ông Tư"
    )
    desk = client.get(reverse("support:helper_desk")).content.decode()
    assert "Ông Tư" not in desk


@pytest.mark.parametrize(
    "kwargs,expected",
    [
        ({"done": "", "resident_name": "X"}, "Say what was done"),
        ({"done": "Y", "resident_name": "  "}, "resident's name"),
        ({"done": "x" * 2001, "resident_name": "X"}, "2,000"),
    ],
)
def test_incomplete_sessions_are_refused(tree, svc, kwargs, expected):
    with pytest.raises(ValidationError, match=expected):
        actions.record_session(tree.helper_a, svc.point_a, consent=True, **kwargs)
    assert AssistedSession.objects.count() == 0


def test_forged_appointment_or_procedure_of_another_commune(client, tree, svc):
    from .conftest import make_procedure

    sign_in(client, tree.helper_a)
    url = reverse("support:record", args=[svc.point_a.pk])
    assert client.get(url + "?lich-hen=999999").status_code == 404
    assert client.get(url + "?lich-hen=abc").status_code == 404
    foreign = make_procedure(tree.commune_b, code="1.009999", name="Thủ tục xã B")
    response = client.post(
        url,
        {"resident_name": "X", "done": "Y", "consent": "on", "procedure": foreign.pk},
    )
    assert response.status_code == 400
    assert AssistedSession.objects.count() == 0
