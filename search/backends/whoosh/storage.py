"""Indexes on disk: opening, writing (with a lock timeout), the searchers kept
per thread, and the rebuild that swaps a new physical index in."""

import os
import re
import threading
import uuid
from collections import OrderedDict
from contextlib import contextmanager

from modelsearch.backends.base import (
    BaseIndex,
)
from modelsearch.index import (
    class_is_indexed,
)
from whoosh import index as windex
from whoosh import writing
from whoosh.filedb.filestore import FileStorage
from whoosh.util import now as wnow

from search.backends.common import (
    PK,
    index_changed,
)
from search.backends.whoosh.schema import WhooshMapping, build_schema

# -- index --------------------------------------------------------------------

_open_indexes = {}
_open_lock = threading.Lock()


#: Where a logical index's current physical index is named, after a rebuild:
#: ``<path>/<name>.current`` holds e.g. ``wagtailcore_page__1a2b3c4d``.
POINTER_SUFFIX = ".current"


def _read_pointer(path, name):
    try:
        with open(os.path.join(path, name + POINTER_SUFFIX), encoding="ascii") as f:
            return f.read().strip() or None
    except (FileNotFoundError, NotADirectoryError):
        return None


def _write_pointer(path, name, physical):
    """Point ``name`` at ``physical`` atomically (rename over the old pointer)."""
    target = os.path.join(path, name + POINTER_SUFFIX)
    tmp = f"{target}.{uuid.uuid4().hex}.tmp"
    with open(tmp, "w", encoding="ascii") as f:
        f.write(physical)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, target)


def _files_of(storage, physical):
    """The data files of one physical index in a shared folder (Whoosh names them
    ``_<name>_<gen>.toc`` and ``<name>_<segment id>.<ext>``). Lock files stay: a
    waiting process may hold one."""
    pattern = re.compile(
        rf"^(_{re.escape(physical)}_\d+\.toc|{re.escape(physical)}_[a-z0-9]+\.\w+)$"
    )
    return [f for f in storage.list() if pattern.match(f)]


class WhooshIndex(BaseIndex):
    """One logical index (``wagtailcore_page``). It is stored as a physical Whoosh
    index of the same name, or, after ``update_index``, of the name its pointer
    file gives: a rebuild fills a new physical index beside the old one and then
    swaps the pointer, so searches never see a half-built index."""

    def __init__(self, backend, name, physical=None):
        super().__init__(backend)
        self.name = name
        self._fixed_physical = physical

    def get_key(self):
        return self.name

    def __str__(self):
        return self.name

    # Opening and lazy creation.

    @property
    def path(self):
        return self.backend.path

    @property
    def physical_name(self):
        if self._fixed_physical:
            return self._fixed_physical
        return _read_pointer(self.path, self.name) or self.name

    def _storage(self, create=False):
        if create:
            os.makedirs(self.path, exist_ok=True)
        return FileStorage(str(self.path))

    def exists(self, physical=None):
        return os.path.isdir(self.path) and windex.exists_in(
            str(self.path), indexname=physical or self.physical_name
        )

    def open(self, create=False, physical=None):
        """The Whoosh index, or ``None`` if it does not exist (and not ``create``)."""
        physical = physical or self.physical_name
        key = (str(self.path), physical)
        ix = _open_indexes.get(key)
        if ix is not None:
            if os.path.isdir(self.path):
                return ix
            _open_indexes.pop(key, None)
        if not self.exists(physical):
            if not create:
                return None
            self._create(physical=physical)
        with _open_lock:
            ix = _open_indexes.get(key)
            if ix is None:
                ix = windex.open_dir(str(self.path), indexname=physical)
                _open_indexes[key] = ix
        return ix

    def _create(self, replace=False, physical=None):
        physical = physical or self.physical_name
        storage = self._storage(create=True)
        lock = storage.lock(physical + "_CREATELOCK")
        if not _acquire(lock, self.backend.write_timeout):
            raise windex.LockError(f"could not create the index {physical}")
        try:
            if replace or not windex.exists_in(str(self.path), indexname=physical):
                storage.create_index(build_schema(), indexname=physical)
        finally:
            lock.release()
        _open_indexes.pop((str(self.path), physical), None)

    def writer(self):
        """A writer on the current physical index, waiting up to ``WRITE_TIMEOUT``
        for another writer's lock. If a rebuild swapped the index while this one
        waited, it lets go and writes to the new index instead."""
        for _attempt in range(5):
            physical = self.physical_name
            try:
                ix = self.open(create=True, physical=physical)
                w = ix.writer(timeout=self.backend.write_timeout, delay=0.05)
            except (windex.EmptyIndexError, FileNotFoundError):
                _open_indexes.pop((str(self.path), physical), None)
                continue  # the old index was removed under us: look again
            if self._fixed_physical or self.physical_name == physical:
                return w
            w.cancel()
        raise windex.LockError(f"the index {self.name} kept moving")

    # BaseIndex API.

    def add_model(self, model):
        self.open(create=True)

    def refresh(self):
        pass

    def reset(self):
        ix = self.open()
        if ix is None or set(ix.schema.names()) != set(build_schema().names()):
            self._create(replace=True)
            return
        w = self.writer()
        w.commit(mergetype=writing.CLEAR)
        index_changed()

    def optimize(self):
        if self.open() is not None:
            self.writer().commit(optimize=True)

    def add_item(self, item):
        self.add_items(item._meta.model, [item])

    def add_items(self, model, items):
        if not class_is_indexed(model):
            return
        items = list(items)
        if not items:
            return
        docs = []
        for item in items:
            mapping = WhooshMapping(
                type(item) if class_is_indexed(type(item)) else model
            )
            docs.append(mapping.get_document(item))
        w = self.writer()
        # A rebuild's new index starts empty and gets each object once: adding is
        # enough (``update_document`` also deletes by key, for nothing).
        put = w.add_document if self._fixed_physical else w.update_document
        try:
            for doc in docs:
                put(**doc)
        except BaseException:
            w.cancel()
            raise
        w.commit()
        index_changed()

    def delete_item(self, item):
        if not class_is_indexed(item.__class__):
            return
        if self.open() is None:
            return
        w = self.writer()
        try:
            w.delete_by_term(PK, str(item.pk))
        except BaseException:
            w.cancel()
            raise
        w.commit()
        index_changed()


#: Searchers kept open per thread (an LRU): opening one copies every segment's
#: postings into memory (Whoosh's compound files), which cost ~0.5 s a query on
#: the benchmark's 100,000 documents.
SEARCHERS_PER_THREAD = 32
_local = threading.local()


@contextmanager
def searching(ix):
    """A searcher of ``ix`` for this thread: kept between searches, opened anew
    when the index has changed. Each thread has its own: Whoosh's readers are not
    meant to be shared."""
    cache = getattr(_local, "searchers", None)
    if cache is None:
        cache = _local.searchers = OrderedDict()
    key = (str(ix.storage.folder), ix.indexname)
    # After a rebuild, let go of the old physical index (its files are deleted).
    logical = _PHYSICAL_SUFFIX.sub("", ix.indexname)
    for other in [k for k in cache if k[0] == key[0] and k != key]:
        if _PHYSICAL_SUFFIX.sub("", other[1]) == logical:
            _close(cache.pop(other)[0])
    kept = cache.pop(key, None)
    try:
        generation = ix.latest_generation()
    except Exception:  # noqa: BLE001 - its files are gone
        generation = None
    searcher = None
    if kept is not None:
        # Not ``Searcher.refresh()``: it reuses the readers of unchanged segments,
        # and a segment whose documents were only deleted counts as unchanged, so
        # a deleted page was still found (tested). Nor ``up_to_date()``: an index
        # with no document has a reader with no generation, never "up to date".
        searcher, seen = kept
        if generation is None or generation != seen:
            _close(searcher)
            searcher = None
    if searcher is None:
        searcher = ix.searcher()
    cache[key] = (searcher, generation)
    while len(cache) > SEARCHERS_PER_THREAD:
        _close(cache.popitem(last=False)[1][0])
    yield searcher


_PHYSICAL_SUFFIX = re.compile(r"__[0-9a-f]{8}$")


def _close(searcher):
    try:
        searcher.close()
    except Exception:  # noqa: BLE001 - already closed
        pass


def _acquire(lock, timeout, delay=0.05):
    import time

    deadline = wnow() + timeout
    while True:
        if lock.acquire(blocking=False):
            return True
        if wnow() >= deadline:
            return False
        time.sleep(delay)


class WhooshIndexRebuilder:
    """``update_index`` without a gap: the objects go into a new physical index;
    ``finish()`` swaps the pointer while holding the old index's
    write lock, then deletes the old files. Until the swap, searches read the old
    index, complete. Changes saved while a rebuild runs are written to the old
    index and may miss the new one if their object was already read (as with
    Wagtail's Elasticsearch "atomic rebuild"); run ``update_index`` at a quiet
    time."""

    def __init__(self, index):
        self.index = index
        self.new = None

    def start(self):
        physical = f"{self.index.name}__{uuid.uuid4().hex[:8]}"
        self.new = WhooshIndex(self.index.backend, self.index.name, physical=physical)
        self.new._create(replace=True)
        return self.new

    def finish(self):
        # No optimise: each chunk's commit already merges small segments (Whoosh's
        # default policy), and rewriting every posting in pure Python cost 4.5× the
        # indexing itself in bench/search.py.
        old = self.index.physical_name
        path = str(self.index.path)
        old_ix = self.index.open(physical=old)
        holder = None
        if old_ix is not None:
            holder = old_ix.writer(timeout=self.index.backend.write_timeout, delay=0.05)
        try:
            _write_pointer(path, self.index.name, self.new.physical_name)
        finally:
            if holder is not None:
                holder.cancel()
        _open_indexes.pop((path, old), None)
        if old != self.new.physical_name:
            storage = self.index._storage()
            for filename in _files_of(storage, old):
                try:
                    storage.delete_file(filename)
                except OSError:  # pragma: no cover - already gone
                    pass
