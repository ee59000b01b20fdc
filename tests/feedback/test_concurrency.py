"""Races on PostgreSQL: two handlers accepting the same report at once, a double
click on the rating, many reports sent at once against the daily limit. Row locks
(``select_for_update``) let exactly one win; the others get a clear refusal."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from civic.feedback import actions
from civic.feedback.models import Report, Status, Update, UpdateKind
from civic.people.actions import grant_role
from civic.people.models import RoleKind

from ..concurrency import labels
from ..concurrency import run_at_once as race
from ..conftest import make_user
from .conftest import make_report

pytestmark = [pytest.mark.postgres]


def run_at_once(jobs):
    return sorted(labels(race(jobs, ValidationError)))


def test_handlers_accepting_at_once(pg, fb):
    editors = [fb.editor_a] + [
        make_user(f"Biên tập {i}", f"09350001{i:02d}") for i in range(5)
    ]
    for editor in editors[1:]:
        grant_role(fb.admin, editor, fb.commune_a, RoleKind.COMMUNE_EDITOR)
    report = make_report(fb.reporter, fb.group_1)
    outcomes = run_at_once(
        [lambda e=e: actions.accept_report(e, report) for e in editors]
    )
    assert outcomes == ["ok"] + ["refused"] * 5
    assert Update.objects.filter(report=report, kind=UpdateKind.ACCEPTED).count() == 1
    assert fb.reporter.notifications.filter(url=report.get_absolute_url()).count() == 1
    assert Report.objects.get(pk=report.pk).status == Status.ACCEPTED


def test_rating_twice_at_once(pg, fb):
    report = make_report(fb.reporter, fb.group_1)
    actions.accept_report(fb.editor_a, report)
    actions.post_progress(fb.editor_a, report, "Đang xử lý")
    actions.resolve_report(fb.editor_a, report, "Xong")
    outcomes = run_at_once(
        [lambda n=n: actions.rate_report(fb.reporter, report, n) for n in (1, 5, 3, 4)]
    )
    assert outcomes == ["ok", "refused", "refused", "refused"]
    assert Update.objects.filter(report=report, kind=UpdateKind.RATED).count() == 1
    rating = Report.objects.get(pk=report.pk).rating
    assert rating in (1, 3, 4, 5)


def test_daily_limit_holds_under_parallel_reports(pg, fb, settings):
    settings.FEEDBACK_REPORTS_PER_DAY = 3
    settings.FEEDBACK_REPORT_INTERVAL = timedelta(0)
    outcomes = run_at_once(
        [
            lambda i=i: make_report(fb.reporter, fb.group_1, title=f"Phản ánh {i}")
            for i in range(8)
        ]
    )
    assert outcomes == ["ok"] * 3 + ["refused"] * 5
    assert Report.objects.filter(reporter=fb.reporter).count() == 3
