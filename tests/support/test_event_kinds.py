"""Appointment confirmed (issue 19's list): told to the resident only, once, in
their language; the helper gets their own record, not the resident's."""

from datetime import time

import pytest

from civic.support import actions
from tests.notified import recipients, speaks, told

from .conftest import next_weekday

pytestmark = pytest.mark.django_db


def test_appointment_confirmed(tree, svc):
    speaks(tree.resident, "en")
    appointment = actions.request_appointment(
        tree.resident, svc.point_a, next_weekday(0), time(9, 0), "Khai sinh"
    )
    actions.confirm_appointment(tree.helper_a, appointment)
    assert recipients("support.appointment_confirmed") == [tree.resident.pk]
    (note,) = told(tree.resident, "support.appointment_confirmed")
    assert note.text().startswith(f"Your appointment at {svc.point_a.name}, 09:00 ")
    assert note.actor == tree.helper_a
