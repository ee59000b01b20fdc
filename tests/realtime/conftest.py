"""Channel fixtures on top of ``tree``, and a WebSocket client for the real ASGI
application (session cookie, origin header, the whole middleware stack).

group_1: r1, r2 verified, ``waiting`` pending.  group_2: r6 verified.
group_b (another commune): rb verified.

Every consumer test runs twice when ``REDIS_TEST_URL`` is set (``scripts/with-redis``):
on the in-process layer and on ``RedisPubSubChannelLayer``.
"""

import asyncio
import json
import os

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings as django_settings
from django.test import Client

from civic.people.models import ResidencyStatus
from realtime import consumers, presence
from realtime.actions import area_channel

from ..factories import People, resident  # noqa: F401 (re-exported)

LAYERS = ["memory", "redis"]


@pytest.fixture
def people(tree):
    p = People()
    p.r1 = resident("Cư dân Một", "0913000001", tree.group_1)
    p.r2 = resident("Cư dân Hai", "0913000002", tree.group_1)
    p.waiting = resident(
        "Chờ xác minh", "0913000050", tree.group_1, ResidencyStatus.PENDING
    )
    p.r6 = resident("Cư dân tổ 2", "0913000006", tree.group_2)
    p.rb = resident("Cư dân thôn Đông", "0913000007", tree.group_b)
    return p


@pytest.fixture
def channel(tree):
    """The channel of Tổ dân phố 1 (created with the area page)."""
    return area_channel(tree.group_1)


@pytest.fixture(params=LAYERS)
def layer(request, settings):
    """The channel layer the consumers run on."""
    if request.param == "redis":
        url = os.environ.get("REDIS_TEST_URL")
        if not url:
            pytest.skip("REDIS_TEST_URL not set (run under scripts/with-redis)")
        settings.CHANNEL_LAYERS = {
            "default": {
                "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
                "CONFIG": {"hosts": [url]},
            }
        }
        _clear_redis_presence(url)  # channel ids are reused from test to test
    else:
        settings.CHANNEL_LAYERS = {
            "default": {"BACKEND": "realtime.layers.LazyExpiryChannelLayer"}
        }
    yield request.param


def _clear_redis_presence(url):
    import redis

    client = redis.Redis.from_url(url)
    try:
        for key in client.scan_iter(match=f"{presence.KEY_PREFIX}*"):
            client.delete(key)
    finally:
        client.close()


@pytest.fixture(autouse=True)
def _presence_at_once(settings):
    """Presence counts are sent at once (not coalesced) unless a test says so."""
    settings.REALTIME_PRESENCE_DELAY = 0


@pytest.fixture(autouse=True)
def _no_open_sockets():
    consumers._open_sockets.clear()
    consumers._presence_pending.clear()
    presence._local._rooms.clear()
    yield
    consumers._open_sockets.clear()
    consumers._presence_pending.clear()
    presence._local._rooms.clear()


def session_cookie(user):
    client = Client()
    client.force_login(user)
    return client.cookies[django_settings.SESSION_COOKIE_NAME].value


async def connect(
    user, channel, after=None, lang="en", origin=b"http://127.0.0.1", cookie=None
):
    """A connected WebSocket client of ``channel`` as ``user`` (None: a visitor),
    with a new session or the session ``cookie``; returns (communicator, first
    frame)."""
    from config.asgi import application

    headers = [(b"origin", origin), (b"host", b"127.0.0.1")]
    if user is not None:
        if cookie is None:
            cookie = await database_sync_to_async(session_cookie)(user)
        name = django_settings.SESSION_COOKIE_NAME
        headers.append((b"cookie", f"{name}={cookie}".encode()))
    path = f"/ws/channels/{channel.pk}/?lang={lang}"
    if after is not None:
        path += f"&after={after}"
    communicator = WebsocketCommunicator(application, path, headers=headers)
    connected, _subprotocol = await communicator.connect(timeout=5)
    assert connected
    return communicator, await communicator.receive_json_from(timeout=5)


async def next_of(communicator, kind, timeout=3):
    """The next frame of type ``kind``, skipping others (presence updates…)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        left = deadline - loop.time()
        if left <= 0:
            raise AssertionError(f"no {kind!r} frame within {timeout} s")
        frame = await communicator.receive_json_from(timeout=left)
        if frame["type"] == kind:
            return frame


async def nothing_of(communicator, kind, wait=0.3):
    """True when no frame of type ``kind`` arrives within ``wait`` seconds."""
    # receive_nothing(), unlike a receive that times out, keeps the app running
    while not await communicator.receive_nothing(timeout=wait):
        if (await communicator.receive_json_from())["type"] == kind:
            return False
    return True


async def joined(communicator):
    """Wait until the hello and the backfill of a new connection are in."""
    return await next_of(communicator, "backfill")


def dumps(frame):
    return json.dumps(frame)
