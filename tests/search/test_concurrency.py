"""Two processes write to one index at once: nothing is lost or corrupted."""

import multiprocessing
import threading
import time

import pytest
from whoosh.index import LockError

from search.backends.whoosh import PK, WhooshIndex, WhooshSearchBackend

DOCS_PER_PROCESS = 25


def _backend(path, timeout=10):
    return WhooshSearchBackend({"PATH": path, "WRITE_TIMEOUT": timeout})


def _write_many(path, prefix, count):
    index = WhooshIndex(_backend(path), "concurrency_test")
    for i in range(count):
        writer = index.writer()  # waits for the other process's lock
        writer.update_document(pk=f"{prefix}-{i}", ct="test.Doc", all=f"tài liệu {i}")
        writer.commit()


def test_two_processes_write_without_losing_updates(tmp_path):
    ctx = multiprocessing.get_context("fork")
    procs = [
        ctx.Process(target=_write_many, args=(tmp_path, name, DOCS_PER_PROCESS))
        for name in ("a", "b")
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    ix = WhooshIndex(_backend(tmp_path), "concurrency_test").open()
    with ix.searcher() as searcher:
        assert searcher.doc_count() == 2 * DOCS_PER_PROCESS
        pks = {fields[PK] for fields in searcher.all_stored_fields()}
    assert pks == {f"{p}-{i}" for p in "ab" for i in range(DOCS_PER_PROCESS)}


def test_writer_waits_for_the_lock_then_gives_up(tmp_path):
    index = WhooshIndex(_backend(tmp_path, timeout=0.3), "lock_test")
    holder = index.writer()
    started = time.monotonic()
    with pytest.raises(LockError):
        index.writer()
    assert time.monotonic() - started >= 0.25

    patient = WhooshIndex(_backend(tmp_path, timeout=10), "lock_test")
    threading.Timer(0.3, holder.cancel).start()
    writer = patient.writer()  # gets the lock once the holder lets go
    writer.update_document(pk="1", ct="test.Doc", all="xin chào")
    writer.commit()
    with patient.open().searcher() as searcher:
        assert searcher.doc_count() == 1


def test_missing_folder_is_created_lazily_and_search_is_empty_before(tmp_path):
    path = tmp_path / "not" / "yet"
    index = WhooshIndex(_backend(path), "lazy_test")
    assert index.open() is None
    index.writer().commit()
    assert index.open() is not None


def test_tests_never_write_into_the_site_index(settings):
    from django.conf import settings as django_settings

    backend = WhooshSearchBackend({})
    assert backend.path != django_settings.VAR_DIR / "whoosh"
    assert WhooshSearchBackend({"PATH": "/srv/x"}).path.as_posix() == "/srv/x"
