"""Issue 14: sockets are capped per process, per signed-in user and, for
visitors, per client address — on area pages (``/ws/areas/<id>/``) and public
channels alike (see README, "Limits")."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings as django_settings

from .conftest import session_cookie

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


async def open_socket(path, address, user=None):
    """(communicator, refused frame or None) for a client at ``address``."""
    from config.asgi import application

    headers = [(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1")]
    if user is not None:
        cookie = await database_sync_to_async(session_cookie)(user)
        name = django_settings.SESSION_COOKIE_NAME
        headers.append((b"cookie", f"{name}={cookie}".encode()))
    communicator = WebsocketCommunicator(application, path, headers=headers)
    communicator.scope["client"] = [address, 40000]
    connected, _ = await communicator.connect(timeout=5)
    assert connected
    # an accepted socket answers (hello, or pong on an area socket); a refused one
    # has already sent its error frame
    await communicator.send_json_to({"type": "ping"})
    frame = await communicator.receive_json_from(timeout=5)
    if frame["type"] == "error":
        output = await communicator.receive_output(timeout=3)
        assert output == {"type": "websocket.close", "code": 4429}
        return communicator, frame
    return communicator, None


async def test_anonymous_area_sockets_are_capped_per_address(layer, settings, tree):
    settings.REALTIME_MAX_CONNECTIONS_PER_ADDRESS = 3
    path = f"/ws/areas/{tree.group_1.pk}/"
    open_ones = []
    for _ in range(3):
        socket, refused = await open_socket(path, "203.0.113.5")
        assert refused is None
        open_ones.append(socket)
    socket, refused = await open_socket(path, "203.0.113.5")
    assert refused["code"] == "too_many_connections"
    # another address is not affected
    other, refused = await open_socket(path, "203.0.113.6")
    assert refused is None
    # a closed socket frees its place
    await open_ones.pop().disconnect()
    again, refused = await open_socket(path, "203.0.113.5")
    assert refused is None
    for socket in [*open_ones, other, again]:
        await socket.disconnect()


async def test_signed_in_area_sockets_are_capped_per_user(layer, settings, tree):
    settings.REALTIME_MAX_CONNECTIONS_PER_USER = 2
    path = f"/ws/areas/{tree.group_1.pk}/"
    sockets = []
    for address in ("198.51.100.1", "198.51.100.2"):
        socket, refused = await open_socket(path, address, tree.resident)
        assert refused is None
        sockets.append(socket)
    # a third address does not help the same user
    socket, refused = await open_socket(path, "198.51.100.3", tree.resident)
    assert refused["code"] == "too_many_connections"
    for socket in sockets:
        await socket.disconnect()


async def test_anonymous_sockets_of_a_public_channel_are_capped_per_address(
    layer, settings, tree, channel
):
    settings.REALTIME_MAX_CONNECTIONS_PER_ADDRESS = 2
    channel.is_public = True
    await database_sync_to_async(channel.save)()
    path = f"/ws/channels/{channel.pk}/"
    sockets = []
    for _ in range(2):
        socket, refused = await open_socket(path, "203.0.113.9")
        assert refused is None
        sockets.append(socket)
    socket, refused = await open_socket(path, "203.0.113.9")
    assert refused["code"] == "too_many_connections"
    for socket in sockets:
        await socket.disconnect()
