"""Before a resident sends a report, open reports of the same category in the same
group or close by are suggested; the resident can follow one instead."""

from decimal import Decimal

import pytest
from django.test import Client

from civic.feedback import actions
from civic.feedback.models import Category, Follow, Report
from civic.people.tasks import run_queued_tasks

from .conftest import make_report, url

pytestmark = pytest.mark.django_db

HERE = (Decimal("12.276500"), Decimal("109.201000"))
# ~110 m north, ~1.1 km north
NEAR = (Decimal("12.277500"), Decimal("109.201000"))
FAR = (Decimal("12.286500"), Decimal("109.201000"))


@pytest.fixture
def reports(fb, clock, settings):
    settings.FEEDBACK_REPORTS_PER_DAY = 100
    r = {}
    r["same_group"] = make_report(fb.other, fb.group_1, title="Cùng tổ")
    clock.advance(minutes=2)
    r["near"] = make_report(
        fb.other, fb.group_2, title="Gần đây", latitude=NEAR[0], longitude=NEAR[1]
    )
    clock.advance(minutes=2)
    r["far"] = make_report(
        fb.other, fb.group_2, title="Ở rất xa", latitude=FAR[0], longitude=FAR[1]
    )
    clock.advance(minutes=2)
    r["other_category"] = make_report(
        fb.other, fb.group_1, title="Khác loại", category=Category.ENVIRONMENT
    )
    clock.advance(minutes=2)
    r["closed"] = make_report(fb.other, fb.group_1, title="Đã đóng")
    actions.mark_out_of_scope(fb.editor_a, r["closed"], "Không thuộc thẩm quyền")
    clock.advance(minutes=2)
    r["other_commune"] = make_report(
        fb.other, fb.group_b, title="Xã khác", latitude=HERE[0], longitude=HERE[1]
    )
    clock.advance(minutes=2)
    return r


def titles(found):
    return {r.title for r in found}


def test_same_group_and_nearby(fb, reports):
    found = actions.similar_open_reports(fb.group_1, Category.LIGHTING, *HERE)
    assert titles(found) == {"Cùng tổ", "Gần đây"}
    assert found[0].title == "Gần đây" and 90 < found[0].distance < 130


def test_without_a_point_only_the_same_group(fb, reports):
    assert titles(actions.similar_open_reports(fb.group_1, Category.LIGHTING)) == {
        "Cùng tổ"
    }
    assert titles(actions.similar_open_reports(fb.group_2, Category.LIGHTING)) == {
        "Gần đây",
        "Ở rất xa",
    }


def test_suggested_on_the_form_and_followed_instead(fb, reports):
    client = Client()
    client.force_login(fb.reporter)
    response = client.get(
        url("new"),
        {
            "area": fb.group_1.pk,
            "category": Category.LIGHTING,
            "latitude": HERE[0],
            "longitude": HERE[1],
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Cùng tổ" in html and "Gần đây" in html and "Ở rất xa" not in html
    assert url("follow", reports["near"].pk) in html
    response = client.post(url("follow", reports["near"].pk))
    assert response.status_code == 302
    assert Follow.objects.filter(report=reports["near"], user=fb.reporter).exists()
    assert Report.objects.filter(reporter=fb.reporter).count() == 0
    # followers are told of changes too, by the worker
    actions.accept_report(fb.editor_a, reports["near"])
    assert not fb.reporter.notifications.filter(
        url__contains=str(reports["near"].pk)
    ).exists()
    run_queued_tasks()
    assert fb.reporter.notifications.filter(
        url__contains=str(reports["near"].pk)
    ).exists()


def test_closed_reports_cannot_be_followed(fb, reports):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.follow_report(fb.reporter, reports["closed"])
