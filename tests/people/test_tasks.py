"""Background tasks on the database queue: nothing runs in the request, a task
waits in its table while no worker runs, a failing task is retried with a growing
delay and then shown to the superusers as failed (civic/people/tasks.py)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from civic.people.tasks import retrying_task, run_queued_tasks, send_email
from tests.factories import make_user, sign_in

pytestmark = pytest.mark.django_db

CALLS = []


@retrying_task(max_attempts=3)
def flaky(label, fail_times):
    CALLS.append(label)
    if len(CALLS) <= fail_times:
        raise ConnectionError(f"provider unreachable ({len(CALLS)})")
    return f"done {label}"


@pytest.fixture(autouse=True)
def _calls(settings):
    settings.TASK_RETRY_DELAY = 10
    CALLS.clear()


def make_due(result_id):
    """Time passes: the deferred retry is due now."""
    DBTaskResult.objects.filter(id=result_id).update(
        run_after=timezone.now() - timedelta(seconds=1)
    )


def test_enqueued_with_no_worker_waits_then_a_worker_sends_it():
    result = send_email.enqueue("Chào", "Nội dung", ["a@example.vn"])
    row = DBTaskResult.objects.get(id=result.id)
    assert row.status == TaskResultStatus.READY
    assert mail.outbox == []  # nothing sent without a worker
    assert run_queued_tasks() == 1
    assert [m.to for m in mail.outbox] == [["a@example.vn"]]
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert run_queued_tasks() == 0  # sent once, not again


def test_failures_are_retried_with_backoff_until_success():
    before = timezone.now()
    first = flaky.enqueue("x", fail_times=2)
    assert run_queued_tasks() == 1
    assert CALLS == ["x"]
    assert DBTaskResult.objects.get(id=first.id).return_value["retry"] == 2
    second = DBTaskResult.objects.exclude(id=first.id).get()
    assert second.status == TaskResultStatus.READY
    assert second.args_kwargs["kwargs"] == {"fail_times": 2, "_attempt": 2}
    assert second.run_after >= before + timedelta(seconds=10)
    assert run_queued_tasks() == 0  # not due yet
    make_due(second.id)
    assert run_queued_tasks() == 1
    third = DBTaskResult.objects.exclude(id__in=[first.id, second.id]).get()
    assert third.run_after >= before + timedelta(seconds=40)  # 10 s, then 40 s
    make_due(third.id)
    assert run_queued_tasks() == 1
    third.refresh_from_db()
    assert third.status == TaskResultStatus.SUCCESSFUL
    assert third.return_value == "done x"
    assert not DBTaskResult.objects.failed().exists()


def test_gives_up_after_the_last_attempt_and_superusers_see_it(client):
    flaky.enqueue("y", fail_times=99)
    for _ in range(3):
        for row in DBTaskResult.objects.filter(status=TaskResultStatus.READY):
            make_due(row.id)
        assert run_queued_tasks() == 1
    assert CALLS == ["y", "y", "y"]
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    failed = DBTaskResult.objects.failed().get()
    assert failed.exception_class_path == "builtins.ConnectionError"

    sign_in(client, make_user("Quản trị", email="qt@example.vn", is_superuser=True))
    page = client.get("/quan-tri/tac-vu-loi/")
    assert page.status_code == 200
    assert b"tests.people.test_tasks.flaky" in page.content
    assert b"provider unreachable (3)" in page.content


def test_failed_tasks_are_for_superusers_only(client):
    staff = make_user("Biên tập", "0935111222", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in(client, staff)
    assert client.get("/quan-tri/tac-vu-loi/").status_code in (302, 403)
