"""The header badge over the socket: ``/ws/inbox/`` sends the unread count at
connect and again when a notification is written or read (after commit), in
the socket's language; visitors are refused (realtime.consumers.InboxConsumer)."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings as django_settings

from civic.people.actions import mark_notifications_read, notify
from civic.people.notifications import WELCOME

from .conftest import next_of, session_cookie

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


async def open_inbox(user, lang="en", cookie=None):
    from config.asgi import application

    headers = [(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1")]
    if user is not None:
        if cookie is None:
            cookie = await database_sync_to_async(session_cookie)(user)
        name = django_settings.SESSION_COOKIE_NAME
        headers.append((b"cookie", f"{name}={cookie}".encode()))
    communicator = WebsocketCommunicator(
        application, f"/ws/inbox/?lang={lang}", headers=headers
    )
    connected, _ = await communicator.connect(timeout=5)
    assert connected
    return communicator


async def test_the_badge_follows_the_unread_count(layer, tree, people):
    inbox = await open_inbox(people.r1, lang="vi")
    assert await next_of(inbox, "unread") == {
        "type": "unread",
        "count": 0,
        "label": "0 thông báo mới",
    }
    other = await open_inbox(people.r2)
    await next_of(other, "unread")
    await database_sync_to_async(notify)(people.r1, WELCOME, people.r1)
    frame = await next_of(inbox, "unread")
    assert (frame["count"], frame["label"]) == (1, "1 thông báo mới")
    assert await other.receive_nothing(timeout=0.3)  # not someone else's
    await database_sync_to_async(mark_notifications_read)(people.r1)
    assert (await next_of(inbox, "unread"))["count"] == 0
    await inbox.disconnect()
    await other.disconnect()


async def test_a_visitor_is_refused(layer, tree):
    inbox = await open_inbox(None)
    frame = await next_of(inbox, "error")
    assert frame["code"] == "signed_out"
    assert (await inbox.receive_output(timeout=3))["code"] == 4401


async def test_a_socket_whose_session_ended_is_closed(layer, tree, people):
    from importlib import import_module

    cookie = await database_sync_to_async(session_cookie)(people.r1)
    inbox = await open_inbox(people.r1, cookie=cookie)
    await next_of(inbox, "unread")
    engine = import_module(django_settings.SESSION_ENGINE)
    # signed out elsewhere (the session deleted wherever the engine keeps it)
    await database_sync_to_async(engine.SessionStore(cookie).delete)()
    await database_sync_to_async(notify)(people.r1, WELCOME, people.r1)
    frame = await next_of(inbox, "error")
    assert frame["code"] == "signed_out"
    assert (await inbox.receive_output(timeout=3))["code"] == 4401
