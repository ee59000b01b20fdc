"""The workflow: only allowed transitions, only by handlers of the report's commune;
the reporter is told of each change (in the app, and by email from the worker); rating once;
reopening once within 7 days; everything in the log."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from civic.core.errors import ActionForbidden
from civic.feedback import actions
from civic.feedback.models import HandlingUnit, Report, Status, Update, UpdateKind
from civic.people.models import Notification
from civic.people.tasks import run_queued_tasks

from .conftest import at, day, make_report

pytestmark = pytest.mark.django_db


def kinds(report):
    return list(Update.objects.filter(report=report).values_list("kind", flat=True))


def test_received_accepted_in_progress_resolved(
    fb, clock, django_capture_on_commit_callbacks
):
    report = make_report(fb.reporter, fb.group_1)
    assert report.status == Status.RECEIVED
    assert report.commune == fb.commune_a
    # Monday 09:00 + 8 working hours = Tuesday 09:00 (2.5 h + 3.5 h Monday, 2 h Tuesday)
    assert report.accept_due == at(day(1), 9, 30)
    with django_capture_on_commit_callbacks(execute=True):
        report = actions.accept_report(fb.editor_a, report)
    assert report.status == Status.ACCEPTED and report.accepted_at == clock.now
    # normal: 5 working days from Monday 09:00
    assert report.resolve_due == at(day(7), 9)
    unit = HandlingUnit.objects.create(area=fb.commune_a, name="Điện lực Bắc Nha Trang")
    actions.assign_unit(fb.editor_a, report, unit)
    clock.advance(hours=1)
    report = actions.post_progress(
        fb.editor_a, report, "Đã báo điện lực đến thay bóng."
    )
    assert report.status == Status.IN_PROGRESS
    clock.advance(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        report = actions.resolve_report(fb.editor_a, report, "Đã thay bóng đèn mới.")
    assert report.status == Status.RESOLVED and report.answer == "Đã thay bóng đèn mới."
    assert not report.is_late()
    assert kinds(report) == ["received", "accepted", "assigned", "progress", "resolved"]
    notes = Notification.objects.filter(user=fb.reporter).order_by("pk")
    assert notes.count() == 4  # accepted, assigned, progress, resolved
    assert all(n.url == report.get_absolute_url() for n in notes)
    # the reporter has an email: one per change, sent by the worker, not the request
    assert mail.outbox == []
    run_queued_tasks()
    assert len(mail.outbox) == 4
    assert mail.outbox[0].to == ["phananh@example.vn"]
    # written by the worker in the reporter's language (Vietnamese by default)
    assert mail.outbox[0].subject.startswith("Phản ánh của bạn: ")
    assert report.get_absolute_url() in mail.outbox[-1].body
    # the editors were told of the new report
    assert Notification.objects.filter(user=fb.editor_a).count() == 1


def test_the_email_is_in_the_reporters_language(fb, clock):
    fb.reporter.language = "en"
    fb.reporter.save(update_fields=["language"])
    report = make_report(fb.reporter, fb.group_1)
    with translation.override("vi"):  # the handler works in Vietnamese
        actions.accept_report(fb.editor_a, report)
    run_queued_tasks()
    assert [m.subject for m in mail.outbox] == [f"Your report: {report.title}"]
    assert mail.outbox[0].body.startswith(f"Your report “{report.title}” was accepted")


def test_urgent_reports_are_due_four_working_hours_after_acceptance(fb, clock):
    clock.set(at(day(4), 15))  # Friday 15:00
    report = make_report(fb.reporter, fb.group_1, urgent=True)
    report = actions.accept_report(fb.editor_a, report)
    # 2 h on Friday, 2 h on Monday morning
    assert report.resolve_due == at(day(7), 9, 30)


@pytest.mark.parametrize(
    "who", ["editor_b", "leader_1", "helper_a", "resident", "reporter", "other"]
)
def test_only_handlers_of_the_commune(fb, who):
    report = make_report(fb.reporter, fb.group_1)
    with pytest.raises(ActionForbidden):
        actions.accept_report(getattr(fb, who), report)
    with pytest.raises(ActionForbidden):
        actions.mark_out_of_scope(getattr(fb, who), report, "Không thuộc thẩm quyền")
    assert Report.objects.get(pk=report.pk).status == Status.RECEIVED
    assert kinds(report) == ["received"]


def test_the_administrator_may_handle(fb):
    report = make_report(fb.reporter, fb.commune_a)
    assert actions.accept_report(fb.admin, report).status == Status.ACCEPTED


def test_disallowed_transitions_change_nothing(fb, clock):
    report = make_report(fb.reporter, fb.group_1)
    with pytest.raises(ValidationError):
        actions.resolve_report(fb.editor_a, report, "Xong")
    with pytest.raises(ValidationError):
        actions.post_progress(fb.editor_a, report, "Đang làm")
    actions.accept_report(fb.editor_a, report)
    with pytest.raises(ValidationError):
        actions.accept_report(fb.editor_a, report)
    with pytest.raises(ValidationError):
        actions.resolve_report(fb.editor_a, report, "Xong")  # not in progress yet
    with pytest.raises(ValidationError):
        actions.mark_duplicate(fb.editor_a, report, "Trùng")
    clock.advance(minutes=2)
    closed = make_report(fb.reporter, fb.group_2, title="Rác", category="environment")
    actions.mark_out_of_scope(
        fb.editor_a, closed, "Thuộc thẩm quyền công ty môi trường"
    )
    for attempt in (
        lambda: actions.accept_report(fb.editor_a, closed),
        lambda: actions.post_progress(fb.editor_a, closed, "x"),
        lambda: actions.assign_unit(fb.editor_a, closed, None),
    ):
        with pytest.raises(ValidationError):
            attempt()
    assert Report.objects.get(pk=report.pk).status == Status.ACCEPTED
    assert Report.objects.get(pk=closed.pk).status == Status.OUT_OF_SCOPE


def test_duplicate_and_out_of_scope_need_a_reason(fb, clock):
    report = make_report(fb.reporter, fb.group_1)
    for attempt in (
        lambda: actions.mark_duplicate(fb.editor_a, report, "  "),
        lambda: actions.mark_out_of_scope(fb.editor_a, report, ""),
    ):
        with pytest.raises(ValidationError):
            attempt()
    assert Report.objects.get(pk=report.pk).status == Status.RECEIVED


def test_duplicate_points_to_the_original_and_the_reporter_follows_it(fb, clock):
    original = make_report(fb.other, fb.group_1)
    clock.advance(minutes=5)
    copy = make_report(fb.reporter, fb.group_1)
    copy = actions.mark_duplicate(fb.editor_a, copy, "Đã có phản ánh #1", original)
    assert copy.status == Status.DUPLICATE and copy.duplicate_of == original
    assert original.follows.filter(user=fb.reporter).exists()
    other_commune = make_report(fb.other, fb.group_b, title="Khác xã")
    clock.advance(minutes=5)
    third = make_report(fb.reporter, fb.group_1, title="Lần ba")
    with pytest.raises(ValidationError):
        actions.mark_duplicate(fb.editor_a, third, "x", other_commune)
    with pytest.raises(ValidationError):
        actions.mark_duplicate(fb.editor_a, third, "x", third)


def test_units_must_be_the_communes_own(fb):
    report = make_report(fb.reporter, fb.group_1)
    foreign = HandlingUnit.objects.create(area=fb.commune_b, name="Công an xã B")
    with pytest.raises(ValidationError):
        actions.assign_unit(fb.editor_a, report, foreign)
    assert Report.objects.get(pk=report.pk).unit is None


def resolved(fb, clock):
    report = make_report(fb.reporter, fb.group_1)
    actions.accept_report(fb.editor_a, report)
    actions.post_progress(fb.editor_a, report, "Đang xử lý")
    clock.advance(hours=1)
    return actions.resolve_report(fb.editor_a, report, "Đã xử lý xong")


def test_rating_once_by_the_reporter_only(fb, clock):
    report = resolved(fb, clock)
    with pytest.raises(ActionForbidden):
        actions.rate_report(fb.other, report, 5)
    for bad in (0, 6, "x", None):
        with pytest.raises(ValidationError):
            actions.rate_report(fb.reporter, report, bad)
    actions.rate_report(fb.reporter, report, 4)
    with pytest.raises(ValidationError):
        actions.rate_report(fb.reporter, report, 5)
    assert Report.objects.get(pk=report.pk).rating == 4
    assert kinds(report)[-1] == UpdateKind.RATED


def test_only_resolved_reports_are_rated(fb):
    report = make_report(fb.reporter, fb.group_1)
    with pytest.raises(ValidationError):
        actions.rate_report(fb.reporter, report, 5)


def test_reopen_once_within_seven_days(fb, clock):
    report = resolved(fb, clock)
    actions.rate_report(fb.reporter, report, 1)
    with pytest.raises(ActionForbidden):
        actions.reopen_report(fb.other, report, "Chưa sửa")
    with pytest.raises(ValidationError):
        actions.reopen_report(fb.reporter, report, "")
    clock.advance(days=3)
    told = Notification.objects.filter(user=fb.editor_a)
    before = told.count()
    report = actions.reopen_report(fb.reporter, report, "Đèn lại tắt sau một ngày")
    assert report.status == Status.IN_PROGRESS and report.reopened
    assert report.rating is None and report.resolved_at is None
    assert report.resolve_due > clock.now
    assert told.count() == before + 1  # the handlers are told
    assert kinds(report)[-1] == UpdateKind.REOPENED
    clock.advance(hours=1)
    report = actions.resolve_report(fb.editor_a, report, "Đã thay cả chấn lưu")
    with pytest.raises(ValidationError):
        actions.reopen_report(fb.reporter, report, "Lại hỏng")
    assert Report.objects.get(pk=report.pk).status == Status.RESOLVED


def test_reopen_window_closes_after_seven_days(fb, clock):
    report = resolved(fb, clock)
    clock.advance(days=7, minutes=1)
    with pytest.raises(ValidationError):
        actions.reopen_report(fb.reporter, report, "Chưa sửa")
    assert Report.objects.get(pk=report.pk).status == Status.RESOLVED


def test_late_reports(fb, clock):
    report = make_report(fb.reporter, fb.group_1)
    assert not report.is_late()
    clock.set(at(day(1), 10))  # past Tuesday 09:30
    assert report.is_late(clock.now)
    report = actions.accept_report(fb.editor_a, report)
    assert report.is_late() and report.accepted_on_time is False


def test_muted_users_cannot_report_and_see_why(fb, clock):
    from civic.comments.models import Mute

    Mute.objects.create(
        user=fb.reporter,
        area=fb.commune_a,
        reason="Xúc phạm người khác",
        by=fb.editor_a,
    )
    with pytest.raises(ValidationError) as exc:
        make_report(fb.reporter, fb.group_1)
    assert "Xúc phạm người khác" in exc.value.messages[0]
    assert not Report.objects.exists()
    # another commune is not concerned
    assert make_report(fb.reporter, fb.group_b).commune == fb.commune_b


def test_rate_limit(fb, clock, settings):
    settings.FEEDBACK_REPORTS_PER_DAY = 2
    make_report(fb.reporter, fb.group_1)
    with pytest.raises(ValidationError):
        make_report(fb.reporter, fb.group_1, title="Ngay sau")  # within a minute
    clock.advance(minutes=2)
    make_report(fb.reporter, fb.group_1, title="Lần hai")
    clock.advance(minutes=2)
    with pytest.raises(ValidationError):
        make_report(fb.reporter, fb.group_1, title="Lần ba")
    assert Report.objects.count() == 2
    clock.advance(days=1)
    make_report(fb.reporter, fb.group_1, title="Hôm sau")


def test_bad_input_saves_nothing(fb):
    for extra in (
        {"title": ""},
        {"description": " "},
        {"address": ""},
        {"category": "khieu-nai"},
        {"latitude": 12.2},
        {"latitude": 120, "longitude": 109},
        {"title": "x" * 151},
    ):
        with pytest.raises(ValidationError):
            make_report(fb.reporter, fb.group_1, **extra)
    assert not Report.objects.exists() and not Update.objects.exists()


def test_database_constraints(fb):
    from django.db import IntegrityError, transaction

    report = make_report(fb.reporter, fb.group_1)
    for change in (
        {"status": "closed"},
        {"rating": 3},  # not resolved
        {"latitude": 91, "longitude": 100},
        {"latitude": 12},  # without longitude
        {"status": Status.OUT_OF_SCOPE},  # without a reason
        {"status": Status.ACCEPTED},  # without acceptance time and deadline
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Report.objects.filter(pk=report.pk).update(**change)
