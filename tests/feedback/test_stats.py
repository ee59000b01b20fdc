"""Per-area figures: received, resolved, on-time rate, median working time to
resolve, average rating; ``on_time_rate`` for the services dashboard."""

import pytest
from django.utils import translation

from civic.feedback import actions
from civic.feedback.stats import area_stats, on_time_rate
from content.models import AreaPage

from .conftest import at, day, make_report

pytestmark = pytest.mark.django_db


def handled(fb, clock, area, title, hours_to_resolve, rating=None):
    report = make_report(fb.reporter, area, title=title)
    actions.accept_report(
        fb.editor_a if area.path.startswith(fb.commune_a.path) else fb.editor_b, report
    )
    editor = fb.editor_a if area.path.startswith(fb.commune_a.path) else fb.editor_b
    actions.post_progress(editor, report, "Đang xử lý")
    clock.advance(hours=hours_to_resolve)
    report = actions.resolve_report(editor, report, "Xong")
    if rating:
        actions.rate_report(fb.reporter, report, rating)
    return report


def test_figures(fb, clock, settings):
    settings.FEEDBACK_REPORT_INTERVAL = __import__("datetime").timedelta(0)
    settings.FEEDBACK_REPORTS_PER_DAY = 100
    clock.set(at(day(0), 8))
    handled(fb, clock, fb.group_1, "Một", 1, rating=5)  # 1 working hour
    clock.set(at(day(0), 10))
    handled(fb, clock, fb.group_2, "Hai", 5, rating=2)  # 10:00→15:00 = 3 working h
    clock.set(at(day(1), 8))
    handled(fb, clock, fb.group_1, "Ba", 24 * 14)  # two weeks: late
    clock.set(at(day(20), 8))
    make_report(fb.reporter, fb.group_1, title="Mở")
    handled(fb, clock, fb.group_b, "Xã B", 1)

    figures = area_stats(fb.commune_a)
    assert figures["received"] == 4
    assert figures["resolved"] == 3
    assert figures["on_time"] == 2
    assert figures["on_time_rate"] == pytest.approx(2 / 3)
    assert figures["median_hours"] == pytest.approx(3)
    assert figures["rating"] == pytest.approx(3.5) and figures["rated"] == 2
    with translation.override("en"):
        by_category = {str(label): n for label, n in figures["by_category"]}
    assert by_category["lighting and electricity"] == 4
    assert sum(by_category.values()) == 4

    group = area_stats(fb.group_1)
    assert (group["received"], group["resolved"], group["on_time"]) == (3, 2, 1)

    assert on_time_rate(fb.commune_a) == pytest.approx(2 / 3)
    assert on_time_rate(fb.commune_b) == 1.0
    both = AreaPage.objects.filter(pk__in=[fb.commune_a.pk, fb.commune_b.pk])
    assert on_time_rate(both) == pytest.approx(3 / 4)
    assert on_time_rate(AreaPage.objects.none()) is None


def test_no_reports(fb):
    figures = area_stats(fb.commune_a)
    assert figures["received"] == 0 and figures["on_time_rate"] is None
    assert figures["median_hours"] is None and figures["rating"] is None
    assert on_time_rate(fb.commune_a) is None
