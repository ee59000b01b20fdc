"""What a connect costs the database (issue 16: cheap connects): the session and
the user (the auth middleware), then one trip to a thread for the channel, the
user's rights in it (membership asked once) and the backlog (one query, also
after a reconnect with ``?after=``)."""

import pytest
from channels.db import database_sync_to_async
from django.db.backends import utils

from .conftest import connect, joined, session_cookie

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

#: session, user; channel, roles, residency, mute, messages
CONNECT_QUERIES = 7


@pytest.fixture
def queries(monkeypatch):
    """Every SQL statement run, in every thread (the consumer's run in threads)."""
    seen = []
    original = utils.CursorWrapper._execute_with_wrappers

    def counted(self, sql, params, many, executor):
        seen.append(sql)
        return original(self, sql, params, many, executor)

    monkeypatch.setattr(utils.CursorWrapper, "_execute_with_wrappers", counted)
    return seen


async def test_a_resident_connects_in_few_queries(
    layer, tree, people, channel, queries
):
    cookie = await database_sync_to_async(session_cookie)(people.r1)
    queries.clear()
    sock, hello = await connect(people.r1, channel, cookie=cookie)
    assert hello["type"] == "hello" and hello["can_post"]
    await joined(sock)
    assert len(queries) <= CONNECT_QUERIES, queries
    await sock.disconnect()


async def test_a_reconnect_with_after_costs_no_more(
    layer, tree, people, channel, queries
):
    cookie = await database_sync_to_async(session_cookie)(people.r1)
    queries.clear()
    sock, hello = await connect(people.r1, channel, cookie=cookie, after=0)
    backfill = await joined(sock)
    assert backfill["after"] == 0 and backfill["messages"] == []
    assert len(queries) <= CONNECT_QUERIES, queries
    await sock.disconnect()
