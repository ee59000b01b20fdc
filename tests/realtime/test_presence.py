"""Issue 14: presence counts people exactly, whatever else is in the cache, on the
in-process store and on Redis (``realtime.presence``), never below zero."""

import pytest
from django.core.cache import cache

from realtime import presence

from .conftest import connect, next_of

db = pytest.mark.django_db(transaction=True, serialized_rollback=True)
pytestmark = pytest.mark.asyncio


async def test_the_store_follows_the_layer_and_never_goes_negative(layer):
    store = presence.store()
    kind = presence.RedisPresence if layer == "redis" else presence.LocalPresence
    assert isinstance(store, kind)
    room = 990001
    assert await store.leave(room, "nobody") == 0  # a departure never seen before
    assert await store.join(room, 1) == 1
    assert await store.join(room, 1) == 1  # the same person's second window
    assert await store.join(room, 2) == 2
    assert await store.leave(room, 1) == 2  # one window of person 1 is still open
    assert await store.leave(room, 1) == 1
    assert await store.leave(room, 1) == 1  # a leave too many changes nobody else
    assert await store.leave(room, 2) == 0
    assert await store.leave(room, 2) == 0
    assert await store.count(room) == 0


@db
async def test_presence_survives_a_full_cache(layer, tree, people, channel):
    alice, hello = await connect(people.r1, channel)
    assert hello["presence"] == 1
    bob, hello = await connect(people.r2, channel)
    assert hello["presence"] == 2
    # other keys (login throttles, pages…) push the local-memory cache past its
    # 300 entries: presence is not kept there
    for number in range(1000):
        await cache.aset(f"something-else:{number}", number)
    leader, hello = await connect(tree.leader_1, channel)
    assert hello["presence"] == 3
    await leader.disconnect()
    await bob.disconnect()
    assert await presence.store().count(channel.pk) == 1
    await alice.disconnect()
    assert await presence.store().count(channel.pk) == 0


@db
async def test_churn_leaves_the_exact_count(layer, tree, people, channel):
    watcher, hello = await connect(tree.leader_1, channel)
    assert hello["presence"] == 1
    counts = []
    for _round in range(5):
        first, hello = await connect(people.r1, channel)
        second, _ = await connect(people.r1, channel)  # the same person twice
        other, hello = await connect(people.r2, channel)
        assert hello["presence"] == 3
        for socket in (first, second, other):
            await socket.disconnect()
        assert await presence.store().count(channel.pk) == 1
    # what the watcher was told: never below one (the watcher), never above three
    while not await watcher.receive_nothing(timeout=0.2):
        frame = await watcher.receive_json_from()
        if frame["type"] == "presence":
            counts.append(frame["count"])
    assert counts and all(1 <= count <= 3 for count in counts), counts
    assert counts[-1] == 1
    await watcher.disconnect()
    assert await presence.store().count(channel.pk) == 0


@db
async def test_two_windows_count_once(layer, tree, people, channel):
    one, hello = await connect(people.r1, channel)
    two, hello = await connect(people.r1, channel)
    assert hello["presence"] == 1
    await one.disconnect()
    assert await presence.store().count(channel.pk) == 1
    bob, hello = await connect(people.r2, channel)
    assert hello["presence"] == 2
    assert (await next_of(two, "presence"))["count"] >= 1
    for socket in (two, bob):
        await socket.disconnect()
    assert await presence.store().count(channel.pk) == 0


@db
async def test_a_burst_of_joins_and_leaves_at_once_leaves_the_exact_count(
    layer, tree, people, channel, settings
):
    """Issue 16: a reconnect storm — sockets of the same people opening and
    closing concurrently — ends with one count per person, told to those left."""
    import asyncio

    settings.REALTIME_PRESENCE_DELAY = 0.05
    watcher, hello = await connect(tree.leader_1, channel)
    users = [people.r1, people.r2, people.r1, people.r2, people.r1]
    for _round in range(2):
        opened = await asyncio.gather(*(connect(u, channel) for u in users))
        assert await presence.store().count(channel.pk) == 3
        await asyncio.gather(*(socket.disconnect() for socket, _ in opened))
        assert await presence.store().count(channel.pk) == 1
    await asyncio.sleep(0.2)
    counts = []
    while not await watcher.receive_nothing(timeout=0.2):
        frame = await watcher.receive_json_from()
        if frame["type"] == "presence":
            counts.append(frame["count"])
    assert counts and all(1 <= count <= 3 for count in counts), counts
    assert counts[-1] == 1
    await watcher.disconnect()
    assert await presence.store().count(channel.pk) == 0
