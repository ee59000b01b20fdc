"""Requesting a help appointment; the helper confirms or proposes another slot;
both are told; a slot cannot be taken twice; bad input changes nothing."""

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from civic.core.errors import ActionForbidden
from civic.people.models import Notification
from civic.support import actions
from civic.support.models import Appointment, AppointmentStatus

from ..conftest import make_user
from .conftest import next_weekday, sign_in, when

NINE = time(9, 0)


def book(client, point, day, slot, need="Đăng ký khai sinh cho con"):
    return client.post(
        reverse("support:point", args=[point.pk]),
        {"when": when(day, slot), "need": need},
    )


def test_resident_books_and_helper_confirms(client, tree, svc):
    monday = next_weekday(0)
    page = client.get(reverse("support:point", args=[svc.point_a.pk]))
    assert page.status_code == 200
    assert f'value="{when(monday, NINE)}"' in page.content.decode()

    sign_in(client, tree.resident)
    response = book(client, svc.point_a, monday, NINE)
    assert response.status_code == 302
    assert response["Location"] == reverse("support:my_appointments")
    appointment = Appointment.objects.get()
    assert (appointment.date, appointment.slot) == (monday, NINE)
    assert appointment.status == AppointmentStatus.REQUESTED
    assert Notification.objects.filter(user=tree.helper_a).count() == 1
    # the slot is no longer offered
    page = client.get(reverse("support:point", args=[svc.point_a.pk]))
    assert f'value="{when(monday, NINE)}"' not in page.content.decode()

    sign_in(client, tree.helper_a)
    desk = client.get(reverse("support:helper_desk"))
    assert "Đăng ký khai sinh cho con" in desk.content.decode()
    response = client.post(reverse("support:confirm", args=[appointment.pk]))
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CONFIRMED
    assert appointment.helper == tree.helper_a
    told = Notification.objects.filter(user=tree.resident).latest("created_at")
    assert "confirmed" in told.text("en") and svc.point_a.name in told.text("en")
    assert Notification.objects.filter(user=tree.helper_a).count() == 2  # both told
    actions_logged = list(
        ModelLogEntry.objects.for_instance(appointment).values_list("action", flat=True)
    )
    assert set(actions_logged) == {
        "kdcdt.appointment.request",
        "kdcdt.appointment.confirm",
    }


def test_a_taken_slot_cannot_be_booked_again(client, tree, svc):
    monday = next_weekday(0)
    actions.request_appointment(tree.resident, svc.point_a, monday, NINE, "Khai sinh")
    other = make_user("Cư dân khác", "0905000077")
    sign_in(client, other)
    response = book(client, svc.point_a, monday, NINE)
    assert response.status_code == 400
    assert "Choose a date and a time" in response.content.decode() or (
        "just booked" in response.content.decode()
    )
    assert Appointment.objects.count() == 1
    # the constraint itself, below the Python checks
    with pytest.raises(actions.SlotTaken):
        actions.request_appointment(other, svc.point_a, monday, NINE, "Kết hôn")
    assert Appointment.objects.count() == 1


def test_a_cancelled_slot_is_free_again(tree, svc):
    monday = next_weekday(0)
    first = actions.request_appointment(tree.resident, svc.point_a, monday, NINE, "A")
    actions.cancel_appointment(tree.resident, first)
    other = make_user("Cư dân khác", "0905000077")
    again = actions.request_appointment(other, svc.point_a, monday, NINE, "B")
    assert again.pk != first.pk
    assert Appointment.objects.filter(status=AppointmentStatus.CANCELLED).count() == 1


@pytest.mark.parametrize(
    "day_offset,slot,expected",
    [
        (-1, NINE, "has passed"),
        (0, time(0, 0), "passed"),  # today at midnight is already over
        (400, NINE, "days ahead"),
        (None, time(12, 0), "no appointment at"),  # lunch break
        (None, time(9, 10), "no appointment at"),  # not on a slot boundary
        (None, time(18, 0), "no appointment at"),  # after closing
        ("sunday", NINE, "no appointment at"),  # day off
    ],
)
def test_bad_dates_and_times_are_refused(client, tree, svc, day_offset, slot, expected):
    today = timezone.localdate()
    if day_offset is None:
        day = next_weekday(0)
    elif day_offset == "sunday":
        day = next_weekday(6)
    else:
        day = today + timedelta(days=day_offset)
    sign_in(client, tree.resident)
    response = book(client, svc.point_a, day, slot)
    if day_offset == 0 and slot not in svc.point_a.slots_on(day):
        expected = "no appointment at"
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert Appointment.objects.count() == 0


@pytest.mark.parametrize(
    "data,expected",
    [
        ({"when": "ngày mai", "need": "x"}, "Choose a date and a time from the list"),
        ({"when": "2026-13-45T09:00", "need": "x"}, "Choose a date and a time"),
        ({"when": "", "need": "x"}, "required"),
        ({"need": "  "}, "required"),
    ],
)
def test_garbage_input_gets_a_message(client, tree, svc, data, expected):
    sign_in(client, tree.resident)
    data.setdefault("when", when(next_weekday(0), NINE))
    response = client.post(reverse("support:point", args=[svc.point_a.pk]), data)
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert Appointment.objects.count() == 0


def test_visitors_are_sent_to_sign_in_and_forged_points_are_404(client, tree, svc):
    response = book(client, svc.point_a, next_weekday(0), NINE)
    assert response.status_code == 302 and "dang-nhap" in response["Location"]
    assert Appointment.objects.count() == 0
    sign_in(client, tree.resident)
    assert client.get("/en/diem-ho-tro/999999/").status_code == 404
    assert client.post("/en/diem-ho-tro/999999/", {"need": "x"}).status_code == 404


def test_a_closed_point_takes_no_appointment(client, tree, svc):
    svc.point_a.is_open = False
    svc.point_a.save()
    with pytest.raises(ValidationError):
        actions.request_appointment(
            tree.resident, svc.point_a, next_weekday(0), NINE, "x"
        )
    assert Appointment.objects.count() == 0


def test_at_most_three_waiting_appointments(tree, svc):
    monday = next_weekday(0)
    for slot in (time(8), time(8, 30), time(9)):
        actions.request_appointment(tree.resident, svc.point_a, monday, slot, "x")
    with pytest.raises(ValidationError, match="cancel one first"):
        actions.request_appointment(tree.resident, svc.point_a, monday, time(10), "x")


def test_helper_proposes_another_slot_and_resident_accepts(client, tree, svc):
    monday = next_weekday(0)
    appointment = actions.request_appointment(
        tree.resident, svc.point_a, monday, NINE, "Kết hôn"
    )
    sign_in(client, tree.helper_a)
    response = client.post(
        reverse("support:propose", args=[appointment.pk]),
        {"when": when(monday, time(14)), "note": "Buổi sáng tôi bận họp"},
    )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.PROPOSED
    assert (appointment.date, appointment.slot) == (monday, time(14))
    told = Notification.objects.filter(user=tree.resident).latest("created_at")
    assert "14:00" in told.message and "Buổi sáng tôi bận họp" in told.message
    # the old slot is free again, the new one is held
    other = make_user("Cư dân khác", "0905000077")
    actions.request_appointment(other, svc.point_a, monday, NINE, "x")
    with pytest.raises(actions.SlotTaken):
        actions.request_appointment(other, svc.point_a, monday, time(14), "x")

    sign_in(client, tree.resident)
    page = client.get(reverse("support:my_appointments")).content.decode()
    assert "Accept this time" in page
    client.post(reverse("support:accept", args=[appointment.pk]))
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CONFIRMED
    assert any(
        "accepted" in n.text("en")
        for n in Notification.objects.filter(user=tree.helper_a)
    )


def test_proposing_a_taken_or_invalid_slot_changes_nothing(client, tree, svc):
    monday = next_weekday(0)
    other = make_user("Cư dân khác", "0905000077")
    actions.request_appointment(other, svc.point_a, monday, time(14), "x")
    appointment = actions.request_appointment(
        tree.resident, svc.point_a, monday, NINE, "y"
    )
    sign_in(client, tree.helper_a)
    for value, expected in [
        (when(monday, time(14)), "just booked"),
        (when(monday, time(12)), "no appointment at"),
        (when(timezone.localdate() - timedelta(days=2), NINE), "has passed"),
        ("hôm nay", "Choose a date and a time"),
    ]:
        response = client.post(
            reverse("support:propose", args=[appointment.pk]),
            {"when": value},
            follow=True,
        )
        assert expected in response.content.decode(), value
        appointment.refresh_from_db()
        assert (appointment.date, appointment.slot, appointment.status) == (
            monday,
            NINE,
            AppointmentStatus.REQUESTED,
        )


def test_a_helper_of_another_commune_cannot_confirm_or_propose(client, tree, svc):
    monday = next_weekday(0)
    appointment = actions.request_appointment(
        tree.resident, svc.point_a, monday, NINE, "Cần cài đặt VNeID"
    )
    sign_in(client, svc.helper_b)
    # a 403 page that says why, for each of the desk's buttons
    for response in (
        client.post(reverse("support:confirm", args=[appointment.pk])),
        client.post(
            reverse("support:propose", args=[appointment.pk]),
            {"when": when(monday, time(14))},
        ),
        client.post(reverse("support:cancel", args=[appointment.pk]), {"reason": "x"}),
    ):
        assert response.status_code == 403
        assert "not responsible for this commune" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.REQUESTED
    assert (appointment.date, appointment.slot) == (monday, NINE)
    # nor a resident, nor a group leader
    for user in (tree.resident, tree.leader_1):
        with pytest.raises(ActionForbidden):
            actions.confirm_appointment(user, appointment)
    # the other commune's desk does not list it
    desk = client.get(reverse("support:helper_desk")).content.decode()
    assert appointment.need not in desk and tree.resident.display_name not in desk


def test_forged_appointment_ids_get_a_message(client, tree, svc):
    sign_in(client, tree.helper_a)
    response = client.post(reverse("support:confirm", args=[987654]), follow=True)
    assert "does not exist" in response.content.decode()
    sign_in(client, tree.resident)
    response = client.post(reverse("support:accept", args=[987654]), follow=True)
    assert "does not exist" in response.content.decode()


def test_a_resident_cannot_touch_someone_elses_appointment(client, tree, svc):
    appointment = actions.request_appointment(
        tree.resident, svc.point_a, next_weekday(0), NINE, "x"
    )
    other = make_user("Cư dân khác", "0905000077")
    sign_in(client, other)
    client.post(reverse("support:cancel", args=[appointment.pk]))
    client.post(reverse("support:accept", args=[appointment.pk]))
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.REQUESTED
    page = client.get(reverse("support:my_appointments")).content.decode()
    assert "You have no appointment" in page


def test_confirming_twice_is_refused(tree, svc):
    appointment = actions.request_appointment(
        tree.resident, svc.point_a, next_weekday(0), NINE, "x"
    )
    actions.confirm_appointment(tree.helper_a, appointment)
    with pytest.raises(ValidationError, match="already"):
        actions.confirm_appointment(tree.helper_a, appointment)


def test_helper_cancels_with_a_reason_and_the_resident_is_told(client, tree, svc):
    appointment = actions.request_appointment(
        tree.resident, svc.point_a, next_weekday(0), NINE, "x"
    )
    sign_in(client, tree.helper_a)
    response = client.post(
        reverse("support:cancel", args=[appointment.pk]),
        {"reason": "", "back": "desk"},
        follow=True,
    )
    assert "Give a reason" in response.content.decode()
    client.post(
        reverse("support:cancel", args=[appointment.pk]),
        {"reason": "Mất điện cả ngày", "back": "desk"},
    )
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    assert Notification.objects.filter(
        user=tree.resident, message__contains="Mất điện cả ngày"
    ).exists()


def test_the_desk_is_for_helpers_only(client, tree, svc):
    sign_in(client, tree.resident)
    assert client.get(reverse("support:helper_desk")).status_code == 403
    sign_in(client, tree.editor_a)  # editors may help residents too
    assert client.get(reverse("support:helper_desk")).status_code == 200


def test_a_slot_earlier_today_is_refused(tree, svc):
    import datetime as dt

    monday = next_weekday(0)
    now = timezone.make_aware(dt.datetime.combine(monday, time(10, 15)))
    with pytest.raises(ValidationError, match="This time has passed"):
        actions.request_appointment(
            tree.resident, svc.point_a, monday, NINE, "x", now=now
        )
    appointment = actions.request_appointment(
        tree.resident, svc.point_a, monday, time(10, 30), "x", now=now
    )
    assert appointment.slot == time(10, 30)
