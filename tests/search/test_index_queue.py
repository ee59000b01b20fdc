"""Issues 17 and 19: indexing in the background, on the task queue. A save
records the object in the queue (search.PendingIndex, in the save's
transaction) with one waiting ``index_pending`` task, and never writes the index
in the request; the task worker indexes it (run here for real through the
``queue`` backend: run_queued_tasks, the worker's own loop), and the search
page shows it then (the page cache's SEARCH_INDEX bumped). While no worker runs
the rows and the task wait; a failed write is retried with backoff and, when
the task gives up, shown to the administrators."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from modelsearch.backends import get_search_backend

from civic.directory.models import Business, BusinessStatus
from civic.people.tasks import run_queued_tasks
from search import indexqueue
from search.models import PendingIndex
from search.tasks import index_pending
from tests.factories import make_user, sign_in

URL = "/en/tim-kiem/"


@pytest.fixture(autouse=True)
def queue_on(settings):
    settings.SEARCH_INDEX_QUEUE = True
    settings.TASK_RETRY_DELAY = 10


def shop(tree, name):
    return Business.objects.create(
        area=tree.group_1,
        name=name,
        offers="Bán nước mắm, tạp hóa",
        phone="0905111222",
        status=BusinessStatus.APPROVED,
        submitted_by=tree.leader_1,
    )


def found(query):
    return [obj.pk for obj in get_search_backend().search(query, Business)]


def in_index(query):
    """Documents the index holds for ``query`` (whether or not still in the
    database)."""
    return get_search_backend().search(query, Business.objects.all()).count()


def index_tasks(status=TaskResultStatus.READY):
    return DBTaskResult.objects.filter(
        task_path=index_pending.module_path, status=status
    )


def make_due():
    """Time passes: the deferred retries are due now."""
    index_tasks().update(run_after=timezone.now() - timedelta(seconds=1))


def test_a_save_is_queued_not_indexed_in_the_request(tree):
    business = shop(tree, "Tạp hóa Cô Năm")
    assert found("co nam") == []
    queued = PendingIndex.objects.filter(model="directory.business")
    assert list(queued.values_list("object_pk", flat=True)) == [str(business.pk)]
    assert index_tasks().count() == 1  # waiting for the worker


def test_the_worker_indexes_it_and_the_results_page_is_not_stale(client, tree):
    business = shop(tree, "Tạp hóa Cô Năm")
    business.name = "Tạp hóa Cô Năm Hai"
    business.save()  # two saves, two rows, one task: one object to index
    assert PendingIndex.objects.filter(model="directory.business").count() == 2
    assert index_tasks().count() == 1
    before = client.get(URL, {"q": "co nam"})  # kept by the page cache
    assert "Tạp hóa Cô Năm" not in before.content.decode()
    # only the worker runs between the two requests: the cached page must be
    # forgotten because the index changed (SEARCH_INDEX bumped)
    assert run_queued_tasks() == 1
    done = index_tasks(TaskResultStatus.SUCCESSFUL).get()
    assert done.return_value == {"indexed": 1}
    assert found("co nam") == [business.pk]
    assert not PendingIndex.objects.exists()
    after = client.get(URL, {"q": "co nam"})
    assert "Tạp hóa Cô Năm Hai" in after.content.decode()


def test_a_delete_is_queued_and_removed_by_the_worker(tree):
    business = shop(tree, "Tạp hóa Cô Năm")
    run_queued_tasks()
    pk = business.pk
    business.delete()
    assert in_index("co nam") == 1  # not removed in the request
    assert index_tasks().count() == 1
    assert run_queued_tasks() == 1
    assert in_index("co nam") == 0
    assert found("co nam") == []
    assert pk not in found("tap hoa")


def test_a_save_after_the_waiting_task_started_gets_a_task_of_its_own(tree):
    """The waiting task is claimed (RUNNING) before the next save commits: it
    may already have read the queue, so that save must not count on it."""
    shop(tree, "Tạp hóa Cô Năm")
    index_tasks().update(status=TaskResultStatus.RUNNING)  # the worker took it
    shop(tree, "Tạp hóa Chú Sáu")
    assert index_tasks().count() == 1  # a new one: no row left behind
    # nor does a retry waiting for later count (it may be half an hour away)
    index_tasks().update(run_after=timezone.now() + timedelta(minutes=30))
    shop(tree, "Tạp hóa Bà Tư")
    assert index_tasks().count() == 2
    assert run_queued_tasks() == 1  # the due one applies every row
    assert not PendingIndex.objects.exists()
    assert len(found("tap hoa")) == 3


def test_while_no_worker_runs_the_rows_wait_then_are_indexed(tree):
    """The worker is down: the rows and their task wait in the database. A
    worker killed in the middle of a task leaves it RUNNING: `make run` enqueues
    a new one at start (index_queue --enqueue)."""
    business = shop(tree, "Tạp hóa Cô Năm")
    index_tasks().update(status=TaskResultStatus.RUNNING)  # killed mid-task
    call_command("index_queue", "--enqueue", verbosity=0)
    assert index_tasks().count() == 1
    call_command("index_queue", "--enqueue", verbosity=0)  # one is enough
    assert index_tasks().count() == 1
    assert found("co nam") == []
    assert run_queued_tasks() == 1
    assert found("co nam") == [business.pk]
    call_command("index_queue", "--enqueue", verbosity=0)  # nothing waits
    assert not index_tasks().exists()


def test_a_failed_write_is_retried_then_shown_to_the_administrators(
    client, tree, monkeypatch, settings
):
    settings.TASK_MAX_ATTEMPTS = 2
    shop(tree, "Tạp hóa Cô Năm")

    def locked(model, pk):
        raise OSError("index locked")

    monkeypatch.setattr(indexqueue, "_write", locked)
    assert run_queued_tasks() == 1
    assert PendingIndex.objects.get(model="directory.business").attempts == 1
    retry = index_tasks().get()  # retried later, with the row kept
    assert retry.run_after >= timezone.now() + timedelta(seconds=5)
    assert run_queued_tasks() == 0  # not due yet
    make_due()
    assert run_queued_tasks() == 1  # the last attempt: given up
    failed = index_tasks(TaskResultStatus.FAILED).get()
    assert failed.exception_class_path == "search.tasks.NotIndexed"
    sign_in(client, make_user("Quản trị", email="qt@example.vn", is_superuser=True))
    page = client.get("/quan-tri/tac-vu-loi/").content.decode()
    assert "search.tasks.index_pending" in page
    assert "index locked" in page
    # the row still waits; the next pass (here the next save's task) writes it
    assert PendingIndex.objects.get(model="directory.business").attempts == 2
    monkeypatch.undo()
    shop(tree, "Tạp hóa Chú Sáu")
    assert run_queued_tasks() == 1
    assert found("co nam") != []
    assert not PendingIndex.objects.exists()


def test_with_the_queue_off_a_save_indexes_in_the_request(tree, settings):
    settings.SEARCH_INDEX_QUEUE = False
    business = shop(tree, "Tạp hóa Cô Năm")
    assert found("co nam") == [business.pk]
    assert not PendingIndex.objects.filter(model="directory.business").exists()
    assert not index_tasks().exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_claiming_the_waiting_task_during_a_save_leaves_no_row(tree):
    """A save finds the index task waiting and enqueues none; the worker tries
    to take that task before the save commits. It must not run it then (it
    would read the queue without the new row, which would wait forever): on
    PostgreSQL the save holds the task's row lock (the worker skips it), on
    SQLite the database's write lock (the worker waits for the commit)."""
    import threading
    import time

    from django.db import OperationalError, connection, transaction

    first = shop(tree, "Tạp hóa Cô Năm")  # committed, with its waiting task
    ran = []

    def worker():
        try:
            ran.append(run_queued_tasks())
        except OperationalError as exc:  # the test's in-memory SQLite: no wait
            assert "locked" in str(exc)
            ran.append("locked")
        finally:
            connection.close()

    with transaction.atomic():
        second = shop(tree, "Tạp hóa Chú Sáu")
        thread = threading.Thread(target=worker)
        thread.start()
        time.sleep(0.3)  # the worker tries to claim the task meanwhile
    thread.join(30)
    assert not thread.is_alive()
    # whether it tried during the save (and took nothing: 0, "locked") or
    # after (1): no row is left, and one task served both saves
    run_queued_tasks()  # whatever the worker skipped
    assert index_tasks(TaskResultStatus.SUCCESSFUL).count() == 1  # one for both
    assert not PendingIndex.objects.exists()
    assert sorted(found("tap hoa")) == sorted([first.pk, second.pk])
