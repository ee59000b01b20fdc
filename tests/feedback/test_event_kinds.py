"""Issue 19's feedback events: a new report for the handlers (not the reporter),
a change of status / an answer for the reporter (in the request) and the
report's followers (by the worker), once each, never the actor, in each
recipient's language."""

import pytest

from civic.feedback import actions
from civic.people.follows import follow
from civic.people.tasks import run_queued_tasks
from tests.notified import recipients, speaks, told

from .conftest import make_report

pytestmark = pytest.mark.django_db


def test_a_new_report_is_told_to_the_handlers(fb):
    speaks(fb.editor_a, "en")
    report = make_report(fb.reporter, fb.group_1)
    assert fb.editor_a.pk in recipients("feedback.new_report")
    assert fb.reporter.pk not in recipients("feedback.new_report")
    assert fb.editor_b.pk not in recipients("feedback.new_report")
    (note,) = told(fb.editor_a, "feedback.new_report")
    assert note.text() == f"New report in Tổ dân phố 1: {report.title}"


def test_an_answer_reaches_the_reporter_and_the_followers_once(fb):
    report = make_report(fb.reporter, fb.group_1)
    speaks(fb.other, "en")
    follow(fb.other, report)  # the shared mechanism: the report's own followers
    follow(fb.editor_a, report)  # the handler who answers: the actor
    report = actions.accept_report(fb.editor_a, report)
    report = actions.post_progress(fb.editor_a, report, "Đã báo điện lực.")
    report = actions.resolve_report(fb.editor_a, report, "Đã thay bóng đèn mới.")
    assert told(fb.other, "feedback.resolved") == []  # followers: by the worker
    run_queued_tasks()
    run_queued_tasks()
    assert recipients("feedback.resolved") == [fb.reporter.pk]
    (mine,) = told(fb.reporter, "feedback.resolved")
    assert mine.text().startswith(
        f"Phản ánh “{report.title}” của bạn đã có kết quả trả lời."
    )
    # the follower, in their own words and language: accepted, in progress, resolved
    assert recipients("feedback.followed_update") == [fb.other.pk] * 3
    notes = told(fb.other, "feedback.followed_update")
    assert [n.text() for n in notes] == [
        f"The report “{report.title}” that you follow is now: accepted.",
        f"The report “{report.title}” that you follow is now: in progress.",
        f"The report “{report.title}” that you follow is now: resolved.",
    ]
