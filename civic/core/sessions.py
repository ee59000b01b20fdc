"""Sessions in the database, read through the page cache's memos (``SESSION_ENGINE =
"civic.core.sessions"``, set with ``REDIS_URL``).

Every signed-in request read its session row from PostgreSQL: a round trip, and the
health check of the connection before it, on every page. Django's ``cached_db``
engine would put a copy in Redis, but it fails when Redis is down, and a sign-out
while Redis is down leaves the session in Redis, valid again when Redis is back.

Here a session row is a :func:`civic.core.pagecache.memo`, so it has the page
cache's guarantees: it is served only while the version of :data:`SESSIONS` it was
read with is current (one pseudo-table, given a new version by every session
written or deleted through this engine: at once and again when the transaction
commits, as the page cache does for tables); kept in Redis and in each process, so
every process sees a sign-out made by another at its next request; a cache that is
down degrades to reading the table, and after a failed version change the cache is
off until a new global version is written, so nothing kept before the failure is
served after it. A session that expired is refused whatever was kept (the expiry
is kept with the data and checked on every read). Unknown keys are never kept.
"""

from asgiref.sync import sync_to_async
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.db import transaction
from django.utils import timezone

from civic.core import pagecache

#: the pseudo-table whose version every kept session depends on
SESSIONS = "~sessions"


class _NoSession(Exception):
    """No row for the key: nothing kept."""


def sessions_changed():
    pagecache.bump([SESSIONS])
    transaction.on_commit(lambda: pagecache.bump([SESSIONS]))


class SessionStore(DatabaseStore):
    def _row(self):
        pagecache.depends_on(SESSIONS)
        found = (
            self.model.objects.filter(session_key=self.session_key)
            .values_list("session_data", "expire_date")
            .first()
        )
        if found is None:
            raise _NoSession
        return tuple(found)

    def _get_session_from_db(self):
        if not self.session_key:
            self._session_key = None
            return None
        try:
            data, expires = pagecache.memo("session", [self.session_key], self._row)
        except _NoSession:
            self._session_key = None
            return None
        if expires <= timezone.now():
            self._session_key = None
            return None
        return self.model(
            session_key=self.session_key, session_data=data, expire_date=expires
        )

    def save(self, must_create=False):
        super().save(must_create=must_create)
        sessions_changed()

    def delete(self, session_key=None):
        super().delete(session_key=session_key)
        sessions_changed()

    async def asave(self, must_create=False):
        await super().asave(must_create=must_create)
        await sync_to_async(sessions_changed)()

    async def adelete(self, session_key=None):
        await super().adelete(session_key=session_key)
        await sync_to_async(sessions_changed)()
