"""``update_index`` swaps in a complete new index: searches never see a half-built
one, and writers that waited on the old index land in the new one."""

import os

from django.core.management import call_command

from search.backends.whoosh import (
    PK,
    WhooshIndex,
    WhooshIndexRebuilder,
    WhooshSearchBackend,
)
from search.backends.whoosh.storage import _files_of


def _backend(path):
    return WhooshSearchBackend({"PATH": path, "WRITE_TIMEOUT": 5})


def _put(index, *pks):
    w = index.writer()
    for pk in pks:
        w.update_document(pk=pk, ct="test.Doc", all=f"tài liệu {pk}")
    w.commit()


def _pks(index):
    with index.open().searcher() as searcher:
        return {fields[PK] for fields in searcher.all_stored_fields()}


def test_searches_see_the_old_index_until_the_new_one_is_complete(tmp_path):
    index = WhooshIndex(_backend(tmp_path), "rebuild_test")
    _put(index, "old-1", "old-2")

    rebuilder = WhooshIndexRebuilder(index)
    new = rebuilder.start()
    _put(new, "new-1")
    assert _pks(index) == {"old-1", "old-2"}  # mid-rebuild: still the old, whole
    _put(new, "new-2", "new-3")
    rebuilder.finish()

    assert _pks(index) == {"new-1", "new-2", "new-3"}
    # a fresh object (another process) finds the new index through the pointer
    assert _pks(WhooshIndex(_backend(tmp_path), "rebuild_test")) == {
        "new-1",
        "new-2",
        "new-3",
    }
    # the old physical index's files are gone, the new one's are there
    storage = index._storage()
    assert _files_of(storage, "rebuild_test") == []
    assert _files_of(storage, index.physical_name)


def test_a_second_rebuild_replaces_the_first_and_leaves_one_index(tmp_path):
    index = WhooshIndex(_backend(tmp_path), "rebuild_test")
    for round_ in range(2):
        rebuilder = WhooshIndexRebuilder(index)
        new = rebuilder.start()
        _put(new, f"r{round_}")
        rebuilder.finish()
    assert _pks(index) == {"r1"}
    tocs = [f for f in os.listdir(tmp_path) if f.endswith(".toc")]
    assert len(tocs) == 1, tocs


def test_a_writer_that_started_before_the_swap_writes_to_the_new_index(tmp_path):
    stale = WhooshIndex(_backend(tmp_path), "rebuild_test")
    _put(stale, "a")
    assert stale.physical_name == "rebuild_test"

    rebuilder = WhooshIndexRebuilder(WhooshIndex(_backend(tmp_path), "rebuild_test"))
    _put(rebuilder.start(), "a")
    rebuilder.finish()

    _put(stale, "b")  # resolves the pointer again: goes to the new index
    assert _pks(stale) == {"a", "b"}


def test_update_index_rebuilds_pages_and_search_keeps_working(tree, settings, tmp_path):
    from content.models import NoticePage

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.whoosh", "PATH": tmp_path / "ix"}
    }
    notice = NoticePage(title="Thông báo cắt nước", body="<p>Thứ Hai</p>")
    tree.group_1.add_child(instance=notice)
    notice.save_revision().publish()
    for _ in range(2):
        call_command("update_index", stdout=open(os.devnull, "w"))
        found = list(NoticePage.objects.live().search("thong bao cat nuoc"))
        assert [p.pk for p in found] == [notice.pk]
    pointers = [f for f in os.listdir(tmp_path / "ix") if f.endswith(".current")]
    assert "wagtailcore_page.current" in pointers
