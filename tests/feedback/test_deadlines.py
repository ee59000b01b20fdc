"""Deadlines per commune: the defaults, a commune's own policy, holidays (national
and the commune's own) — all stored on the report."""

from datetime import time

import pytest
from django.db import IntegrityError, transaction

from civic.feedback import actions
from civic.feedback.models import DeadlinePolicy, Holiday

from .conftest import at, day, make_report

pytestmark = pytest.mark.django_db


def test_defaults(fb, clock):
    clock.set(at(day(4), 16))  # Friday 16:00
    report = make_report(fb.reporter, fb.group_1)
    assert report.accept_due == at(day(7), 16, 30)  # 1 h Friday + 7 h Monday


def test_national_and_commune_holidays(fb, clock):
    Holiday.objects.create(date=day(7), name="Nghỉ bù")  # next Monday, everywhere
    Holiday.objects.create(area=fb.commune_b, date=day(8), name="Lễ hội làng")
    clock.set(at(day(4), 16))
    a = make_report(fb.reporter, fb.group_1)
    assert a.accept_due == at(day(8), 16, 30)  # Tuesday
    clock.advance(minutes=5)
    b = make_report(fb.reporter, fb.group_b)
    assert b.accept_due == at(day(9), 16, 35)  # Wednesday for commune B


def test_a_communes_own_policy(fb, clock):
    DeadlinePolicy.objects.create(
        area=fb.commune_a,
        accept_hours=2,
        urgent_resolve_hours=1,
        normal_resolve_days=2,
        morning_start=time(8),
        morning_end=time(12),
        afternoon_start=time(14),
        afternoon_end=time(17, 30),
    )
    clock.set(at(day(0), 11))
    report = make_report(fb.reporter, fb.group_1, urgent=True)
    assert report.accept_due == at(day(0), 15)
    report = actions.accept_report(fb.editor_a, report)
    assert report.resolve_due == at(day(0), 12)  # 11:00–12:00
    clock.advance(minutes=5)
    normal = make_report(fb.reporter, fb.group_1, title="Không khẩn")
    normal = actions.accept_report(fb.editor_a, normal)
    assert normal.resolve_due == at(day(2), 11, 5)
    # commune B keeps the defaults
    clock.advance(minutes=5)
    other = make_report(fb.reporter, fb.group_b)
    assert other.accept_due == at(day(1), 13, 40)


def test_policy_constraints(fb):
    with pytest.raises(IntegrityError), transaction.atomic():
        DeadlinePolicy.objects.create(
            area=fb.commune_a, morning_start=time(12), morning_end=time(8)
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        DeadlinePolicy.objects.create(area=fb.commune_a, accept_hours=0)
    Holiday.objects.create(date=day(7), name="A")
    with pytest.raises(IntegrityError), transaction.atomic():
        Holiday.objects.create(date=day(7), name="B")
