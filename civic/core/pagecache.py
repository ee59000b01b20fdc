"""The page cache: public pages for visitors who are not signed in, never stale.

One mechanism for every page, whatever app renders it:

* **What a page depends on is what it read.** While a cacheable request is
  rendered, every SQL statement it runs is seen by a database execute wrapper
  (installed on every connection, in every process: the server, management
  commands, a worker) and the tables it names are recorded, with each table's
  current *version token*, read *before* the statement runs.
* **Every write changes the versions of the tables it touches.** An ``INSERT``,
  ``UPDATE``, ``DELETE`` or ``TRUNCATE`` - through a model's ``save()``, a
  queryset's ``update()``, a bulk operation or raw SQL on Django's connection -
  gives each table it names a new random token at once and again when its
  transaction commits (so a render that read the old rows between the two is
  never kept).
* **A cached page is served only if every token it recorded is still current**
  (one ``get_many``), and only before its time limit: the next moment at which a
  page may change by the clock alone (a notice's posting period starting or
  ending, a poll opening or closing, a meeting starting or ending, a support
  point opening or closing: see :func:`register_boundary`), or
  ``PAGE_CACHE_MAX_AGE`` seconds at most (relative dates such as "3 hours ago").

A page is a table-level function of the database, so this is exact at table
granularity: a change to a table invalidates the pages that read that table,
and nothing else; a page that did not read it stays cached.

Who gets a cached page: a ``GET`` without a session or messages cookie and
without an ``Authorization`` header, to a path outside the admin, documents,
media and static files, whose query string holds only known parameters
(``PAGE_CACHE_QUERY_PARAMS``, one value each, normalised; tracking parameters
such as ``utm_*`` and ``fbclid`` are dropped before the page is rendered).
Which responses are kept: a ``200`` that is not streamed, sets no cookie, did
not use the CSRF token and is not ``private``/``no-store``. Everything else is
served as before, uncached. Signed-in visitors always get fresh pages (their
shared parts can be cached as fragments: :func:`fragment`).

Every cached page carries ``ETag`` and ``Last-Modified`` and answers conditional
requests with ``304``; it is sent with ``Cache-Control: no-cache`` and ``Vary:
Cookie``, so a browser or proxy revalidates and never shows a stale copy.

A cache that fails (Redis stopped or full) degrades to uncached pages: a failed
version change turns the cache off in this process until a new global version
has been written, so an entry written before the failure is never served after
it.

In the embedded default the cache is in the daphne process's memory. A write
made by another process (the task worker, a management command run while the
site is serving) appends the names of the tables it changed to
``PAGE_CACHE_FLUSH_FILE`` once committed; the server reads what was appended on
each request and bumps exactly those (*writes from another process*, below).
With ``REDIS_URL`` every process shares the versions and the pages in Redis.
"""

import contextlib
import contextvars
import functools
import hashlib
import logging
import os
import pickle
import random
import re
import threading
import time
import unicodedata
from collections import OrderedDict
from datetime import date, datetime, timedelta
from types import MappingProxyType

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.signals import setting_changed
from django.db import connections, transaction
from django.db.backends.signals import connection_created
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date

logger = logging.getLogger(__name__)

ENTRY_PREFIX = "pc:"
FRAGMENT_PREFIX = "pf:"
TOKEN_PREFIX = "pv:"
#: a token that every entry depends on: bumped after migrations, on a settings
#: change (tests), by ``manage.py pagecache_clear`` and after a cache failure
GLOBAL = "*"
#: pseudo-tables for state outside the database that pages read
SEARCH_INDEX = "~search"

#: query parameters dropped before anything else: links shared on Zalo,
#: Facebook or from a newsletter carry them, and no view reads them
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "zarsrc", "mc_cid", "mc_eid"})
TRACKING_PREFIXES = ("utm_",)
MAX_PARAM_LENGTH = 100
MAX_PARAMS = 6

_WORD = re.compile(r"[A-Za-z0-9_]+")
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "TRUNCATE")
_WRITE_IN_WITH = re.compile(r"\b(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)

_reads = contextvars.ContextVar("pagecache_reads", default=None)


def _settings():
    return {
        "enabled": getattr(settings, "PAGE_CACHE_ENABLED", True),
        "max_age": getattr(settings, "PAGE_CACHE_MAX_AGE", 600),
    }


#: the cache objects, found once per process: Django keeps them per context
#: (an asgiref ``Local``: two lookups per use, a new object in every ASGI
#: request); every backend the page cache uses is thread-safe and shared by
#: design (local memory, civic.core.cache's Redis); forgotten on a settings
#: change (tests swap the caches)
_stores = {}


def _cache(setting, default):
    found = _stores.get(setting)
    if found is None:
        found = _stores[setting] = caches[getattr(settings, setting, default)]
    return found


def _store_for(key):
    """Whole pages in one cache (``pages``: few, large); fragments, memos and
    the time boundary in another (``page_parts``: many, small), so that
    thousands of residents' memos never push the storm notice out."""
    if key.startswith(ENTRY_PREFIX):
        return _cache("PAGE_CACHE_ALIAS", "pages")
    return _cache("PAGE_CACHE_PARTS_ALIAS", "page_parts")


def _versions():
    return _cache("PAGE_CACHE_VERSIONS_ALIAS", "page_versions")


def _new_token():
    """A new version token: 64 random bits from the process's own generator
    (reseeded in every forked child), not the operating system's — a token
    only has to differ from every other, and every write of a request makes
    several (``os.urandom`` is a system call that lets go of the GIL: under
    load each is a thread switch)."""
    return f"{_random.getrandbits(64):016x}"


#: seeded from the operating system, and again in every forked child
_random = random.Random()
os.register_at_fork(after_in_child=_random.seed)


# --- tables ----------------------------------------------------------------

_tables = None


def known_tables():
    """Every table of an installed model (many-to-many tables included) but
    those no page shows (``PAGE_CACHE_UNSHOWN_TABLES``: sessions, throttle
    counts), which are neither recorded as read nor versioned when written."""
    global _tables
    if _tables is None:
        found = {
            model._meta.db_table for model in apps.get_models(include_auto_created=True)
        }
        found -= set(getattr(settings, "PAGE_CACHE_UNSHOWN_TABLES", ()))
        _tables = frozenset(found)
    return _tables


def tables_in(sql):
    """The installed tables a SQL statement names (an over-approximation: a
    table named anywhere in it, quoted or not), but for those no page shows
    (``PAGE_CACHE_UNSHOWN_TABLES``: sessions, throttle counts)."""
    return set(_WORD.findall(sql)).intersection(known_tables())


#: the table a write statement writes: INSERT INTO t, UPDATE t, DELETE FROM t
#: (also inside a data-modifying WITH; "FOR UPDATE OF p", "DO UPDATE SET" name
#: no table and are dropped with every word that is not one)
_TARGET = re.compile(
    r"\b(?:INSERT\s+(?:OR\s+[A-Za-z]+\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)"
    r'\s+(?:ONLY\s+)?"?([A-Za-z0-9_]+)',
    re.IGNORECASE,
)


def written_tables(sql):
    """The installed tables a write statement writes: its targets, not the
    tables it only reads (a cast's ``WITH`` reads the poll and its area page
    to check them; writing a ballot must not forget every page). A statement
    whose targets are not found (``TRUNCATE``, a form not foreseen) counts as
    writing every table it names, as :func:`tables_in`."""
    if not sql.lstrip()[:8].upper().startswith("TRUNCATE"):
        targets = set(_TARGET.findall(sql))
        if targets:
            return targets.intersection(known_tables())
    return tables_in(sql)


_SET_COLUMNS = re.compile(r"\bSET\s+(.*?)\s+WHERE\b", re.IGNORECASE | re.DOTALL)
_ASSIGNED = re.compile(r'"([A-Za-z0-9_]+)"\s*=')


def _unshown_update(sql, tables):
    """Whether ``sql`` is an ``UPDATE`` of one table that sets only columns no
    page shows (``PAGE_CACHE_UNSHOWN_COLUMNS``: a user's ``last_login``, written
    at every sign-in - hundreds of times at a ward's peak)."""
    unshown = getattr(settings, "PAGE_CACHE_UNSHOWN_COLUMNS", {})
    if len(tables) != 1 or not sql.lstrip()[:6].upper() == "UPDATE":
        return False
    (table,) = tables
    columns = unshown.get(table)
    if not columns:
        return False
    found = _SET_COLUMNS.search(sql)
    if found is None:
        return False
    assigned = set(_ASSIGNED.findall(found.group(1)))
    return bool(assigned) and assigned <= set(columns)


def is_write(sql):
    head = sql.lstrip()[:8].upper()
    if head.startswith(_WRITES):
        return True
    return head.startswith("WITH") and bool(_WRITE_IN_WITH.search(sql))


@functools.lru_cache(maxsize=2048)
def _statement(sql):
    """``(is a write, tables)`` of a statement: the tables it writes (none for
    an update of unshown columns only) or, for a read, the tables it reads.
    Kept per SQL text (the ORM repeats the same texts with other parameters):
    finding the tables in a long statement costs tens of microseconds, on
    every statement of every request. Emptied when a setting changes."""
    if is_write(sql):
        tables = written_tables(sql)
        if tables and _unshown_update(sql, tables):
            tables = ()
        return True, frozenset(tables)
    return False, frozenset(tables_in(sql))


# --- failure: the cache turns itself off -----------------------------------

_broken = {"until": 0.0, "dirty": False}
FAILURE_PAUSE = 10.0


def _failed(exc):
    if not _broken["dirty"]:
        logger.warning("page cache unavailable, serving uncached pages: %s", exc)
    _broken["dirty"] = True
    _broken["until"] = time.monotonic() + FAILURE_PAUSE


def _usable():
    """Whether the cache may be read: not within the pause after a failure,
    and, after one, only once a new global token has been written."""
    if not _broken["dirty"]:
        return True
    if time.monotonic() < _broken["until"]:
        return False
    try:
        _versions().set(TOKEN_PREFIX + GLOBAL, _new_token(), None)
    except Exception as exc:  # still down
        _failed(exc)
        return False
    _broken["dirty"] = False
    return True


# --- versions --------------------------------------------------------------


def bump(tables, touch=True):
    """Give ``tables`` (names, or pseudo-tables such as :data:`SEARCH_INDEX`)
    new version tokens: every page or fragment that read them is stale."""
    if not tables:
        return
    tokens = {TOKEN_PREFIX + table: _new_token() for table in tables}
    try:
        _versions().set_many(tokens, None)
    except Exception as exc:
        _failed(exc)
    else:
        seen = _snapshot.get()
        if seen is not None and seen.tokens is not None:
            # this request's own writes are seen by the rest of its render
            seen.tokens.update(tokens)
    if touch:
        _touch_flush_file(tables)


def bump_all():
    """Forget every cached page and fragment (a new global token)."""
    bump([GLOBAL])


# --- one request's view of the versions (a store shared over the network) ----

_snapshot = contextvars.ContextVar("pagecache_snapshot", default=None)


class _Snapshot:
    """The version tokens as one request saw them: read from a shared store
    (Redis: ``RedisVersions``) in one round trip when the request first needs
    one, then used for every page, fragment and memo of that request.

    Never stale: a part is served only if the tokens it was kept with are the
    ones current when this request read them, so what it shows was current
    during the request. What the request itself writes updates its snapshot
    (:func:`bump`). Recording a token read earlier than the rows it guards is
    safe: an older token only makes a kept part expire sooner."""

    __slots__ = ("tokens",)

    def __init__(self):
        self.tokens = None

    def all(self, store):
        if self.tokens is None:
            self.tokens = store.all_tokens()
        return self.tokens

    def get_many(self, store, keys):
        tokens = self.all(store)
        return {key: tokens[key] for key in keys if key in tokens}


@contextlib.contextmanager
def request_scope():
    """Within, version tokens come from one snapshot (see :class:`_Snapshot`)
    when the versions store offers it; entered by the middleware for each
    request. A no-op for the embedded default (its tokens are a dict)."""
    if not getattr(_versions(), "snapshots", False) or _snapshot.get() is not None:
        yield
        return
    token = _snapshot.set(_Snapshot())
    try:
        yield
    finally:
        _snapshot.reset(token)


def _tokens(keys):
    seen = _snapshot.get()
    if seen is None:
        return _versions().get_many(keys)
    return seen.get_many(_versions(), keys)


def current_tokens(tables):
    """The version token of each table, creating one where none is stored (a
    fresh cache, or an evicted token: then what depended on it is a miss)."""
    store = _versions()
    keys = {TOKEN_PREFIX + table: table for table in tables}
    found = _tokens(list(keys))
    missing = [key for key in keys if key not in found]
    for key in missing:
        store.add(key, _new_token(), None)
    if missing:
        added = store.get_many(missing)
        found.update(added)
        seen = _snapshot.get()
        if seen is not None and seen.tokens is not None:
            seen.tokens.update(added)
    return {keys[key]: token for key, token in found.items()}


class Reads:
    """What one render read: table → token when first read; the earliest
    time at which it may change by the clock alone."""

    __slots__ = ("tokens", "until", "failed")

    def __init__(self):
        self.tokens = {}
        self.until = None
        self.failed = False

    def read(self, tables):
        new = [table for table in tables if table not in self.tokens]
        if not new:
            return
        try:
            self.tokens.update(current_tokens(new))
        except Exception as exc:
            self.failed = True
            _failed(exc)

    def valid_until(self, moment):
        if moment is not None and (self.until is None or moment < self.until):
            self.until = moment

    def merge(self, tokens, until):
        for table, token in tokens.items():
            self.tokens.setdefault(table, token)
        self.valid_until(until)


@contextlib.contextmanager
def recording():
    """Record what is read within (as the middleware does for a request)."""
    reads = Reads()
    token = _reads.set(reads)
    try:
        reads.read([GLOBAL])
        yield reads
    finally:
        _reads.reset(token)


def depends_on(*tables):
    """Record that what is being rendered reads state outside the database
    (e.g. :data:`SEARCH_INDEX`); a no-op outside a cacheable render."""
    reads = _reads.get()
    if reads is not None:
        reads.read(tables)


def valid_until(moment):
    """What is being rendered changes by the clock at ``moment``."""
    reads = _reads.get()
    if reads is not None:
        reads.valid_until(moment)


# --- the execute wrapper ---------------------------------------------------


class _Bump:
    """The commit-time version change of one transaction's written tables."""

    __slots__ = ("tables",)

    def __init__(self):
        self.tables = set()

    def __call__(self):
        bump(self.tables)


def _after_commit(connection, tables):
    if not connection.in_atomic_block:
        bump(tables)
        return
    for _sids, func, _robust in reversed(connection.run_on_commit):
        if isinstance(func, _Bump):
            func.tables |= tables
            return
    pending = _Bump()
    pending.tables |= tables
    transaction.on_commit(pending, using=connection.alias)


def execute_wrapper(execute, sql, params, many, context):
    write, tables = _statement(sql)
    if write:
        if tables:
            # another process sees the rows only once committed: the flush
            # file is written then (_after_commit), not now
            bump(tables, touch=False)
        result = execute(sql, params, many, context)
        if tables:
            _after_commit(context["connection"], tables)
        return result
    reads = _reads.get()
    if reads is not None:
        reads.read(tables)
    return execute(sql, params, many, context)


def _install_on(connection, **kwargs):
    if execute_wrapper not in connection.execute_wrappers:
        connection.execute_wrappers.append(execute_wrapper)


def install():
    """Watch every database connection of this process (called once, from
    ``civic.core.apps``)."""
    connection_created.connect(_install_on, dispatch_uid="pagecache")
    for connection in connections.all(initialized_only=True):
        _install_on(connection)
    setting_changed.connect(_on_setting_changed, dispatch_uid="pagecache")


def _on_setting_changed(setting, **kwargs):
    global _tables
    _tables = None
    _statement.cache_clear()
    _stores.clear()
    if setting in {"CACHES"}:
        return
    try:
        bump_all()
    except Exception:  # pragma: no cover - cache settings being swapped
        pass


# --- writes from another process (embedded default) -------------------------
#
# The embedded default keeps the version tokens in the serving process's memory.
# Another process (the task worker, a management command) cannot bump them
# there, so it appends the names it bumped to PAGE_CACHE_FLUSH_FILE, one line
# per bump ("people_user content_noticepage\n", "~search\n", "*\n"), after its
# transaction committed; the serving process reads what was appended since its
# last look, on each request, and bumps exactly those names. The file only
# grows (O_APPEND: each short line is one write, never interleaved with
# another's); the serving process remembers its offset, and empties the file
# when it has grown past FLUSH_FILE_LIMIT, then forgets every page (a line
# written between its last read and the truncation is lost: the global bump,
# made after truncating, covers it). Anything it cannot account for — the file
# shrunk, replaced, removed or unreadable, its time changed without growth (a
# ``touch``), a name it does not know — forgets every page, as before.

#: ``key``: (inode, bytes read, time) of the flush file at the last look;
#: ``absent``: it did not exist then
_serving = {"on": False, "key": None, "offset": 0, "absent": False}
_flush_lock = threading.Lock()
#: bytes after which the serving process empties the flush file
FLUSH_FILE_LIMIT = 1 << 20
#: names per line at most this long (a line is one atomic append)
FLUSH_LINE_BYTES = 1000
_PSEUDO = re.compile(r"~[A-Za-z0-9_.-]{1,64}")


def serving():
    """Called by the ASGI entry point: this process serves pages, so its
    own writes need not touch the flush file."""
    _serving["on"] = True


def _flush_file():
    return getattr(settings, "PAGE_CACHE_FLUSH_FILE", None)


def _flush_lines(tables):
    """``tables`` as lines of at most ``FLUSH_LINE_BYTES`` bytes."""
    lines, line = [], b""
    for name in sorted(tables):
        word = name.encode()
        if line and len(line) + 1 + len(word) > FLUSH_LINE_BYTES:
            lines.append(line + b"\n")
            line = b""
        line = word if not line else line + b" " + word
    if line:
        lines.append(line + b"\n")
    return lines


def _touch_flush_file(tables=(GLOBAL,)):
    """Tell the serving process (embedded default) that ``tables`` changed:
    one appended line per ``FLUSH_LINE_BYTES`` of names."""
    path = _flush_file()
    if path is None or _serving["on"]:
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    except OSError as exc:
        logger.warning("page cache: flush file not written: %s", exc)
        return
    try:
        for line in _flush_lines(tables):
            os.write(fd, line)
    except OSError as exc:
        logger.warning("page cache: flush file not written: %s", exc)
    finally:
        os.close(fd)


def _flush_key(path):
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


def _check_flush_file():
    """Bump what other processes wrote since the last look (see above). The
    state is only moved on after the bumps, so a request that finds it current
    never serves a page older than a change it could have seen."""
    path = _flush_file()
    if path is None:
        return
    if _flush_key(path) == _serving["key"]:
        return
    with _flush_lock:
        key = _flush_key(path)
        if key == _serving["key"]:
            return
        _read_flush_file(path, key)


def _names_of(data):
    known = known_tables()
    names = set()
    for word in data.decode("ascii", "replace").split():
        if word in known or word == GLOBAL or _PSEUDO.fullmatch(word):
            names.add(word)
        else:  # a name this process does not know (or a garbled line)
            names.add(GLOBAL)
    return names


def _read_flush_file(path, key):
    seen = _serving["key"]
    if key is None:
        if seen is not None:  # removed or unreadable: what was lost is unknown
            bump([GLOBAL], touch=False)
        _serving.update(key=None, offset=0, absent=True)
        return
    inode, size, mtime = key
    offset = _serving["offset"]
    if seen is None and _serving["absent"]:
        offset = 0  # created since the last look: every line in it is new
    elif seen is None or inode != seen[0] or size < offset:
        # first look, replaced or shrunk: its content is unknown, forget all
        bump([GLOBAL], touch=False)
        _serving.update(key=(inode, size, mtime), offset=size, absent=False)
        return
    if size == offset and seen is not None:  # touched, not written
        bump([GLOBAL], touch=False)
        _serving["key"] = key
        return
    try:
        with open(path, "rb") as found:
            if os.fstat(found.fileno()).st_ino != inode:
                raise OSError("replaced")
            found.seek(offset)
            data = found.read()
            after = os.fstat(found.fileno())
    except OSError:
        bump([GLOBAL], touch=False)
        _serving.update(key=None, offset=0, absent=False)
        return
    end = data.rfind(b"\n") + 1  # a line still being written: next time
    bump(_names_of(data[:end]), touch=False)
    offset += end
    if offset > FLUSH_FILE_LIMIT:
        try:
            os.truncate(path, 0)
        except OSError:
            pass
        else:
            # after truncating: covers a line appended since the read
            bump([GLOBAL], touch=False)
            offset = 0
            with contextlib.suppress(OSError):
                after = os.stat(path)
    # the size recorded is what was read: an unread tail makes the next
    # look differ (and read it)
    _serving.update(key=(inode, offset, after.st_mtime_ns), offset=offset, absent=False)


# --- time boundaries -------------------------------------------------------

_boundaries = []


def register_boundary(function):
    """``function(now)`` returns the next moment after ``now`` at which a
    public page may change by the clock alone (or ``None``). Every cached page
    expires at the earliest of them. Registered by each app's ``ready()``."""
    if function not in _boundaries:
        _boundaries.append(function)
    return function


def next_boundary(now):
    moments = [moment for f in _boundaries if (moment := f(now)) is not None]
    return min(moments, default=None)


def _boundary_cached(now):
    """:func:`next_boundary`, itself cached with the tables it read."""
    key = FRAGMENT_PREFIX + "boundary"
    found = _valid(key, now)
    if found is not None:
        return found[0]
    reads = Reads()
    token = _reads.set(reads)
    try:
        moment = next_boundary(now)
    finally:
        _reads.reset(token)
    if not reads.failed:
        limit = timedelta(seconds=_settings()["max_age"])
        _put(key, moment, reads, now, moment or now + limit)
    return moment


# --- storing and finding ---------------------------------------------------


def _put(key, value, reads, now, until):
    seconds = (until - now).total_seconds()
    if seconds < 1:
        return
    tokens = dict(reads.tokens)
    tokens.setdefault(GLOBAL, None)
    if tokens[GLOBAL] is None:
        tokens.update(current_tokens([GLOBAL]))
    stored = (tokens, until, value)
    try:
        _store_for(key).set(key, stored, int(seconds))
    except (pickle.PicklingError, TypeError, AttributeError):
        return  # a value that cannot be kept: computed each time
    except Exception as exc:
        _failed(exc)
        return
    if _snapshot.get() is not None:
        _near.put(key, stored)


def _valid(key, now):
    """The value stored at ``key`` if every token it read is current."""
    local = _snapshot.get() is not None
    try:
        stored = _near.get(key) if local else None
        found = _check(stored, now)
        if found is None:
            stored = _store_for(key).get(key)
            found = _check(stored, now)
            if found is not None and local:
                _near.put(key, stored)
    except Exception as exc:
        _failed(exc)
        return None
    return found


def _check(stored, now):
    if stored is None:
        return None
    tokens, until, value = stored
    if now >= until:
        return None
    versions = _versions()
    seen = _snapshot.get()
    if seen is not None:
        # the request's snapshot of a shared store (all tokens, one read)
        current = seen.all(versions)
    elif isinstance(versions, LocalVersions):
        # the embedded default: the tokens are a dict in this process
        current = versions._tokens
    else:
        current = versions.get_many([TOKEN_PREFIX + t for t in tokens])
    for table, token in tokens.items():
        if current.get(TOKEN_PREFIX + table) != token:
            return None
    if type(value) is _Pickled:
        value = pickle.loads(value.blob)
    return value, tokens, until


class _Near:
    """Entries also kept in this process, in front of a shared store (Redis):
    a part used by every request (the site's routes, a user's residency, the
    area's breadcrumbs) costs no round trip. Checked against the request's
    snapshot of the versions exactly as one from the store, so it is never
    stale; kept like the embedded default keeps them (:func:`_kept`: text as it
    is, objects pickled, so no request sees another's objects); the least
    recently used go first beyond ``PAGE_CACHE_NEAR_BYTES``."""

    def __init__(self):
        self._entries = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def limit(self):
        return getattr(settings, "PAGE_CACHE_NEAR_BYTES", 32 * 1024 * 1024)

    def get(self, key):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
        return found[0]

    def put(self, key, stored):
        try:
            kept = _kept(stored)
        except Exception:
            return
        size = _size(kept)
        limit = self.limit()
        if size > limit // 8:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._entries[key] = (kept, size)
            self._bytes += size
            while self._bytes > limit:
                _, (_dropped, dropped_size) = self._entries.popitem(last=False)
                self._bytes -= dropped_size

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._bytes = 0


_near = _Near()


def _query_key(request):
    """The normalised query string, or ``None`` if the request must not be
    served from the cache (an unknown parameter, several values, too long).
    Tracking parameters are removed from the request itself."""
    if not request.META.get("QUERY_STRING"):
        return ""
    allowed = getattr(settings, "PAGE_CACHE_QUERY_PARAMS", ())
    kept = []
    dropped = False
    for name, values in request.GET.lists():
        if name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES):
            dropped = True
            continue
        if name not in allowed or len(values) != 1:
            return None
        value = unicodedata.normalize("NFC", " ".join(values[0].split()))
        if len(value) > MAX_PARAM_LENGTH:
            return None
        kept.append((name, value))
    if len(kept) > MAX_PARAMS:
        return None
    kept.sort()
    if dropped:
        query = request.GET.copy()
        for name in list(query):
            if name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES):
                del query[name]
        request.GET = query
        request.META["QUERY_STRING"] = query.urlencode()
    return "&".join(f"{name}={value}" for name, value in kept)


def request_key(request):
    """The cache key of a request, or ``None`` if it is not served from the
    cache (see the module's docstring)."""
    if request.method != "GET":
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return None
    if "HTTP_AUTHORIZATION" in request.META:
        return None
    path = request.path
    if path.startswith(getattr(settings, "PAGE_CACHE_SKIP_PREFIXES", ())):
        return None
    query = _query_key(request)
    if query is None:
        return None
    try:
        host = request.get_host()
    except Exception:  # DisallowedHost: the normal path answers it
        return None
    raw = f"{request.scheme}://{host.lower()}{path}?{query}"
    return ENTRY_PREFIX + hashlib.sha256(raw.encode()).hexdigest()


def storable(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get(
        "CSRF_COOKIE_USED"
    ):
        return False
    control = response.get("Cache-Control", "").lower()
    if "private" in control or "no-store" in control:
        return False
    if "*" in response.get("Vary", ""):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


_SKIP_HEADERS = {"set-cookie", "date", "x-page-cache"}


def _public(response):
    patch_vary_headers(response, ("Cookie",))
    if "Cache-Control" in response:
        del response["Cache-Control"]
    patch_cache_control(response, no_cache=True)


def _store(key, request, response, reads, now):
    _public(response)
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.md5(response.content).hexdigest()}"'
    response["Last-Modified"] = http_date(now.timestamp())
    limit = now + timedelta(seconds=_settings()["max_age"])
    until = min(limit, reads.until) if reads.until else limit
    boundary = _boundary_cached(now)
    if boundary is not None and boundary < until:
        until = boundary
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in _SKIP_HEADERS
    ]
    _put(
        key,
        (response.status_code, headers, response.content, now.timestamp()),
        reads,
        now,
        until,
    )


def _serve(request, value):
    status, headers, content, modified = value
    response = HttpResponse(content, status=status)
    for name, header in headers:
        response[name] = header
    response["X-Page-Cache"] = "hit"
    conditional = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=int(modified),
        response=response,
    )
    conditional["X-Page-Cache"] = "hit"
    return conditional


#: how long a request waits for another request's render of the same page
INFLIGHT_WAIT = 5.0
_inflight = {}
_inflight_lock = threading.Lock()


def _inflight_start(key):
    """(True, event) for the request that renders ``key``; (False, event)
    for one that should wait for it."""
    with _inflight_lock:
        event = _inflight.get(key)
        if event is not None:
            return False, event
        event = _inflight[key] = threading.Event()
        return True, event


def _inflight_end(key, event):
    with _inflight_lock:
        if _inflight.get(key) is event:
            del _inflight[key]
    event.set()


class PageCacheMiddleware:
    """Serve and keep anonymous public pages (see the module's docstring).
    Placed after WhiteNoise and before the session middleware: a hit runs no
    session, authentication, CSRF or URL resolving work."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _settings()["enabled"]:
            return self.get_response(request)
        with request_scope():
            return self._respond(request)

    def _respond(self, request):
        # what other processes changed, before anything is read (memos are
        # read by signed-in requests too)
        _check_flush_file()
        key = request_key(request)
        if key is None:
            if request.method == "GET":
                # not kept, but what it reads is recorded: a shared fragment
                # of the page depends on what was read before it (fragment())
                with recording():
                    response = self.get_response(request)
            else:
                response = self.get_response(request)
            if request.COOKIES.get(settings.SESSION_COOKIE_NAME):
                # a signed-in page: never kept by a browser for someone else
                patch_cache_control(response, private=True)
            response["X-Page-Cache"] = "bypass"
            return response
        now = timezone.now()
        if _usable():
            found = _valid(key, now)
            if found is not None:
                return _serve(request, found[0])
            # one render per page at a time in this process: after a change,
            # the requests that arrive meanwhile wait for it (not 16 renders)
            leader, event = _inflight_start(key)
            if not leader:
                event.wait(INFLIGHT_WAIT)
                found = _valid(key, timezone.now())
                if found is not None:
                    return _serve(request, found[0])
        else:
            leader, event = False, None
        try:
            with recording() as reads:
                response = self.get_response(request)
            if not reads.failed and _usable() and storable(request, response):
                _store(key, request, response, reads, now)
                response["X-Page-Cache"] = "miss"
            else:
                response["X-Page-Cache"] = "pass"
            return response
        finally:
            if leader:
                _inflight_end(key, event)


# --- fragments ---------------------------------------------------------------


def fragment(name, parts, render):
    """A shared part of a page (an area's lists, its header), cached with the
    same versions as whole pages: ``render()`` runs only when a table that it,
    or the request before it, read has changed. For content that is the same
    for everyone who may see the page (no CSRF token, no names of the viewer).
    Only within a request's render (the middleware records its reads).
    Returns the text."""
    outer = _reads.get()
    if outer is None or not _settings()["enabled"] or not _usable():
        # outside a request's render nothing says what was read before it
        return render()
    raw = "\x1f".join([name, *(str(part) for part in parts)])
    key = FRAGMENT_PREFIX + hashlib.sha256(raw.encode()).hexdigest()
    now = timezone.now()
    found = _valid(key, now)
    if found is not None:
        value, tokens, until = found
        outer.merge(tokens, until)
        return value
    # what the page read before the fragment (its view's context, evaluated
    # there or here) may be shown in it: the fragment depends on that too
    reads = Reads()
    reads.merge(outer.tokens, outer.until)
    token = _reads.set(reads)
    try:
        reads.read([GLOBAL])
        text = render()
    finally:
        _reads.reset(token)
    outer.merge(reads.tokens, reads.until)
    if not reads.failed:
        limit = now + timedelta(seconds=_settings()["max_age"])
        boundary = _boundary_cached(now)
        until = min(m for m in (limit, reads.until, boundary) if m is not None)
        _put(key, text, reads, now, until)
    return text


def next_local_midnight(now):
    """Pages that say "today" (notices' posting periods are dates; dates
    shown relative to today) change at local midnight."""
    local = timezone.localtime(now)
    tomorrow = (local + timedelta(days=1)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    return tomorrow


def memo(name, parts, compute):
    """A value read from the database (a user's residency, the restricted
    pages, an area's channel), kept across requests until a table that
    ``compute()`` read changes - the same versions as pages, so never stale.
    ``parts`` must say everything the value depends on besides the database
    (a user's id, an area's id); ``compute`` must not depend on the clock."""
    if not _settings()["enabled"] or not _usable():
        return compute()
    raw = "\x1f".join(["memo", name, *(str(part) for part in parts)])
    key = FRAGMENT_PREFIX + hashlib.sha256(raw.encode()).hexdigest()
    now = timezone.now()
    outer = _reads.get()
    found = _valid(key, now)
    if found is not None:
        value, tokens, until = found
        if outer is not None:
            outer.merge(tokens, until)
        return value
    with recording() as reads:
        value = compute()
    if outer is not None:
        outer.merge(reads.tokens, reads.until)
    if not reads.failed:
        until = now + timedelta(seconds=_settings()["max_age"])
        _put(key, value, reads, now, until)
    return value


def keep_site_lookups():
    """Wagtail finds the request's ``Site`` with a query on every request (its
    ``get_site_for_hostname``, which ``Site.find_for_request`` calls): keep the
    answer per host and port with :func:`memo`, until a site or page changes.
    A wrapper of that module function, checked by tests/core/test_pagecache.py
    (a Wagtail upgrade that renames it fails there, not silently)."""
    from wagtail.models import sites

    original = sites.get_site_for_hostname
    if getattr(original, "kept", False):
        return

    def get_site_for_hostname(hostname, port):
        return memo("wagtail.site", [hostname, port], lambda: original(hostname, port))

    get_site_for_hostname.kept = True
    sites.get_site_for_hostname = get_site_for_hostname


def keep_routes():
    """Wagtail walks the page tree on every request (``Page.route_for_request``:
    the site's root page, then one query per level of the path, each page with
    its own fields): keep the route found per host, language and path with
    :func:`memo`, until a site or a page changes. Routing does not depend on the
    visitor (privacy is checked when the page is served, after routing), so
    signed-in pages use it too. A path that leads nowhere is not kept (no key
    for every mistyped address). Wraps Wagtail's static method; checked by
    tests/core/test_pagecache.py, so an upgrade that renames it fails there."""
    from django.utils import translation
    from wagtail.models import Page
    from wagtail.url_routing import RouteResult

    original = Page.route_for_request
    if getattr(original, "kept", False):
        return

    def route_for_request(request, path):
        if hasattr(request, "_wagtail_route_for_request"):
            return request._wagtail_route_for_request
        meta = request.META
        parts = [
            meta.get("HTTP_HOST", ""),
            meta.get("SERVER_NAME", ""),
            meta.get("SERVER_PORT", ""),
            translation.get_language(),
            path,
        ]

        def compute():
            found = original(request, path)
            del request._wagtail_route_for_request
            if found is None:
                raise _NoRoute
            return (found.page, found.args, found.kwargs)

        try:
            page, args, kwargs = memo("wagtail.route", parts, compute)
        except _NoRoute:
            request._wagtail_route_for_request = None
        else:
            request._wagtail_route_for_request = RouteResult(page, args, kwargs)
        return request._wagtail_route_for_request

    route_for_request.kept = True
    Page.route_for_request = staticmethod(route_for_request)


class _NoRoute(Exception):
    """No page at a path: not kept (see keep_routes)."""


class LocalVersions(BaseCache):
    """The embedded default's store of version tokens: a dict in the process
    (a hit checks some 20-30 tokens; Django's local-memory cache would pickle
    and lock each). Tokens are short strings that never expire; there are as
    many as tables, so nothing is ever culled."""

    def __init__(self, location, params):
        super().__init__(params)
        self._tokens = _LOCAL_VERSIONS.setdefault(location, {})

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._tokens.setdefault(key, value) is value

    def get(self, key, default=None, version=None):
        return self._tokens.get(key, default)

    def get_many(self, keys, version=None):
        tokens = self._tokens
        return {key: tokens[key] for key in keys if key in tokens}

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._tokens[key] = value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        self._tokens.update(data)
        return []

    def delete(self, key, version=None):
        return self._tokens.pop(key, None) is not None

    def has_key(self, key, version=None):
        return key in self._tokens

    def clear(self):
        self._tokens.clear()


_LOCAL_VERSIONS = {}


# --- the embedded default's store of fragments and memos ---------------------


class _Pickled:
    """A kept value that could be changed by whoever gets it (a model instance,
    a list): each request unpickles its own copy."""

    __slots__ = ("blob",)

    def __init__(self, blob):
        self.blob = blob


_FROZEN_TYPES = (str, bytes, int, float, bool, type(None), datetime, date, timedelta)


def _frozen(value, depth=0):
    """Whether ``value`` cannot be changed by whoever gets it (text, numbers,
    dates, tuples and frozensets of them), so one object can serve every
    request."""
    if isinstance(value, _FROZEN_TYPES):
        return True
    if depth < 3 and type(value) in (tuple, frozenset):
        return all(_frozen(item, depth + 1) for item in value)
    return False


def _is_entry(value):
    """An entry of this module: the versions it read, its limit, its value."""
    return (
        type(value) is tuple
        and len(value) == 3
        and isinstance(value[0], dict)
        and isinstance(value[1], datetime)
    )


def _kept(stored):
    """An entry as this process keeps it: the versions (read-only) and a frozen
    value as they are, any other value pickled (:func:`_check` unpickles it
    once the versions were found current)."""
    tokens, until, value = stored
    if type(value) is not _Pickled and not _frozen(value):
        value = _Pickled(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    return (MappingProxyType(dict(tokens)), until, value)


def _size(kept):
    """About the bytes an entry kept in this process holds."""
    tokens, _until, value = kept
    if type(value) is _Pickled:
        value = value.blob
    return 200 + 80 * len(tokens) + _length(value)


def _length(value, depth=0):
    if isinstance(value, str | bytes):
        return len(value)
    if depth < 3 and type(value) in (tuple, frozenset):
        return 16 + sum(_length(item, depth + 1) for item in value)
    return 64


class LocalParts(BaseCache):
    """The embedded default's store of fragments and memos (``page_parts``), in
    the process's memory like Django's local-memory cache, without paying a
    pickle round trip on every hit: of an entry of this module (the versions it
    read, its time limit, its value) the versions and a frozen value (a
    fragment's text, a number, a tuple of them) are kept as they are and shared
    by every request; any other value (a model instance, a list) is kept
    pickled, and unpickled only once its versions were found current
    (:func:`_check`), so no request sees another's objects. Other values are
    kept as they are when frozen, pickled otherwise. Least recently used
    entries go first beyond ``MAX_ENTRIES``."""

    def __init__(self, location, params):
        super().__init__(params)
        self._entries = _LOCAL_PARTS.setdefault(location, OrderedDict())
        self._lock = threading.Lock()

    def make_and_validate_key(self, key, version=None):
        # the page cache's keys are short hashes: nothing to warn about
        return self.make_key(key, version=version)

    def _keep(self, value):
        if _is_entry(value):
            return _kept(value)
        if _frozen(value):
            return value
        return _Pickled(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))

    def _expiry(self, timeout):
        timeout = self.get_backend_timeout(timeout)
        return None if timeout is None else time.monotonic() + timeout

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if self._live(key) is not None:
                return False
            self._set(key, self._keep(value), timeout)
            return True

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        kept = self._keep(value)
        with self._lock:
            self._set(key, kept, timeout)

    def _set(self, key, kept, timeout):
        entries = self._entries
        entries[key] = (kept, self._expiry(timeout))
        entries.move_to_end(key)
        while len(entries) > self._max_entries:
            entries.popitem(last=False)

    def _live(self, key):
        found = self._entries.get(key)
        if found is None:
            return None
        kept, expiry = found
        if expiry is not None and time.monotonic() >= expiry:
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return found

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            found = self._live(key)
        if found is None:
            return default
        kept = found[0]
        if type(kept) is _Pickled:
            return pickle.loads(kept.blob)
        return kept  # an entry of this module: _check unpickles its value

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            found = self._live(key)
            if found is None:
                return False
            self._entries[key] = (found[0], self._expiry(timeout))
            return True

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            return self._entries.pop(key, None) is not None

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            return self._live(key) is not None

    def clear(self):
        with self._lock:
            self._entries.clear()


_LOCAL_PARTS = {}
