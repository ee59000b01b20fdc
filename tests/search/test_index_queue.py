"""Issue 17: indexing in the background. A save records the object in the queue
(search.PendingIndex, in the save's transaction) and never writes the index in
the request; the serving process's worker indexes it, and the search page shows
it then (the page cache's SEARCH_INDEX bumped); what a stopped process left in
the queue is indexed by the next process's worker when it starts."""

import time

import pytest
from modelsearch.backends import get_search_backend

from civic.directory.models import Business, BusinessStatus
from search import indexqueue
from search.models import PendingIndex

URL = "/en/tim-kiem/"


@pytest.fixture(autouse=True)
def queue_on(settings):
    settings.SEARCH_INDEX_QUEUE = True


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


def test_a_save_is_queued_not_indexed_in_the_request(tree):
    business = shop(tree, "Tạp hóa Cô Năm")
    assert found("co nam") == []
    queued = PendingIndex.objects.filter(model="directory.business")
    assert list(queued.values_list("object_pk", flat=True)) == [str(business.pk)]


def test_the_worker_indexes_it_and_the_results_page_is_not_stale(client, tree):
    business = shop(tree, "Tạp hóa Cô Năm")
    business.name = "Tạp hóa Cô Năm Hai"
    business.save()  # two saves, two rows: one object to index
    assert PendingIndex.objects.filter(model="directory.business").count() == 2
    objects = PendingIndex.objects.values("model", "object_pk").distinct().count()
    before = client.get(URL, {"q": "co nam"})  # kept by the page cache
    assert "Tạp hóa Cô Năm" not in before.content.decode()
    # only the worker runs between the two requests: the cached page must be
    # forgotten because the index changed (SEARCH_INDEX bumped)
    assert indexqueue.apply_queue() == objects
    assert found("co nam") == [business.pk]
    assert not PendingIndex.objects.exists()
    after = client.get(URL, {"q": "co nam"})
    assert "Tạp hóa Cô Năm Hai" in after.content.decode()


def test_a_delete_is_queued_and_removed_by_the_worker(tree):
    business = shop(tree, "Tạp hóa Cô Năm")
    indexqueue.apply_queue()
    pk = business.pk
    business.delete()
    assert in_index("co nam") == 1  # not removed in the request
    indexqueue.apply_queue()
    assert in_index("co nam") == 0
    assert found("co nam") == []
    assert pk not in found("tap hoa")


def test_a_failed_write_keeps_the_row_for_a_retry(tree, monkeypatch):
    shop(tree, "Tạp hóa Cô Năm")

    def locked(model, pk):
        raise OSError("index locked")

    monkeypatch.setattr(indexqueue, "_write", locked)
    assert indexqueue.apply_queue() == 0
    assert PendingIndex.objects.get(model="directory.business").attempts == 1
    monkeypatch.undo()
    assert indexqueue.apply_queue() >= 1
    assert found("co nam") != []


def test_with_the_queue_off_a_save_indexes_in_the_request(tree, settings):
    settings.SEARCH_INDEX_QUEUE = False
    business = shop(tree, "Tạp hóa Cô Năm")
    assert found("co nam") == [business.pk]
    assert not PendingIndex.objects.filter(model="directory.business").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_what_a_stopped_process_left_is_indexed_when_the_next_one_starts(tree):
    """Saved and committed, then the process stopped before its worker ran: the
    row is in the database, and the next process's worker indexes it first."""
    business = shop(tree, "Tạp hóa Cô Năm")
    assert PendingIndex.objects.exists()
    assert indexqueue._worker["thread"] is None  # no worker in this process yet
    worker = indexqueue.start_worker(poll=60)
    try:
        deadline = time.monotonic() + 10
        while PendingIndex.objects.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert found("co nam") == [business.pk]
    finally:
        worker.stop()
        worker.join(5)
        indexqueue._worker["thread"] = None
