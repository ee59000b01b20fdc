"""The WebSocket handshakes refuse hostile ids without an exception (issue 14,
item 7): ``/ws/areas/<id>/`` answered 9999999999999999999999999 with an
``OverflowError``; every id now goes through the ``<id:…>`` converter."""

import pytest
from channels.testing import WebsocketCommunicator

from .conftest import session_cookie

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOSTILE = [
    "9999999999999999999999999",
    str(2**63),
    "-1",
    "0",
    "%C2%B2",  # ²
    "%D9%A3",  # ٣
    "1%00",
    "9" * 10_240,
    "abc",
]


@pytest.mark.parametrize("kind", ["areas", "channels"])
async def test_hostile_ids_are_refused_at_the_handshake(kind, tree, settings):
    from channels.db import database_sync_to_async
    from django.conf import settings as django_settings

    from config.asgi import application

    cookie = await database_sync_to_async(session_cookie)(tree.resident)
    headers = [
        (b"origin", b"http://127.0.0.1"),
        (b"host", b"127.0.0.1"),
        (b"cookie", f"{django_settings.SESSION_COOKIE_NAME}={cookie}".encode()),
    ]
    for value in HOSTILE:
        communicator = WebsocketCommunicator(
            application, f"/ws/{kind}/{value}/", headers=headers
        )
        # An exception in the application would be raised here.
        connected, _code = await communicator.connect(timeout=5)
        assert not connected, value[:40]
        await communicator.disconnect()


async def test_an_unknown_socket_path_is_refused(tree):
    from config.asgi import application

    communicator = WebsocketCommunicator(
        application,
        "/ws/nothing-here/",
        headers=[(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1")],
    )
    connected, _code = await communicator.connect(timeout=5)
    assert not connected
    await communicator.disconnect()
