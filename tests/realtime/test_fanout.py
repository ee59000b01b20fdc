"""The process's fan-out hub (``realtime.fanout``): local subscribers per group,
one channel layer message per process per broadcast (issue 16)."""

import asyncio

import pytest
from channels.db import database_sync_to_async

from realtime import events, fanout
from realtime.layers import LazyExpiryChannelLayer

from .conftest import connect, joined, next_of

pytestmark = pytest.mark.asyncio


class Subscriber:
    def __init__(self):
        self.got = []

    async def fanout_receive(self, message):
        self.got.append(message["text"])


async def settle(condition=lambda: False, rounds=50):
    """Let the hub's reader run (no sleeping: it only needs turns of the loop)."""
    for _ in range(rounds):
        if condition():
            return
        await asyncio.sleep(0)


async def send(layer, group, text):
    await fanout.group_send(layer, group, {"type": events.EVENT, "text": text})


async def test_the_hub_joins_a_group_once_and_leaves_with_its_last_subscriber():
    layer = LazyExpiryChannelLayer()
    hub = fanout.hub(layer)
    a, b, other = Subscriber(), Subscriber(), Subscriber()
    await hub.subscribe("kenh", a)
    await hub.subscribe("kenh", b)
    await hub.subscribe("khac", other)
    assert list(layer.groups["kenh"]) == [hub.channel]  # one member: the process
    assert list(layer.groups["khac"]) == [hub.channel]

    await send(layer, "kenh", "một")
    await settle(lambda: a.got and b.got)
    assert a.got == ["một"] and b.got == ["một"] and other.got == []
    assert hub.received == 1

    await hub.unsubscribe("kenh", a)
    assert list(layer.groups["kenh"]) == [hub.channel]  # b is still here
    await send(layer, "kenh", "hai")
    await settle(lambda: len(b.got) == 2)
    assert a.got == ["một"] and b.got == ["một", "hai"]

    await hub.unsubscribe("kenh", b)
    assert "kenh" not in layer.groups and "kenh" not in hub.groups
    await hub.unsubscribe("kenh", b)  # twice: nothing happens
    assert list(layer.groups["khac"]) == [hub.channel]
    await hub.unsubscribe("khac", other)
    assert layer.groups == {}


async def test_one_layer_message_per_broadcast_whatever_the_local_sockets():
    layer = LazyExpiryChannelLayer()
    puts = []
    original = layer._put
    layer._put = lambda channel, message: (
        puts.append(channel),
        original(channel, message),
    )
    hub = fanout.hub(layer)
    subscribers = [Subscriber() for _ in range(200)]
    for s in subscribers:
        await hub.subscribe("kenh", s)
    await send(layer, "kenh", "xin chào")
    await settle(lambda: all(s.got for s in subscribers))
    assert puts == [hub.channel]
    assert hub.received == 1
    assert all(s.got == ["xin chào"] for s in subscribers)


async def test_concurrent_joins_and_leaves_stay_exact():
    layer = LazyExpiryChannelLayer()
    hub = fanout.hub(layer)
    subscribers = [Subscriber() for _ in range(30)]
    await asyncio.gather(*(hub.subscribe("kenh", s) for s in subscribers))
    stay = subscribers[0]
    await asyncio.gather(
        *(hub.unsubscribe("kenh", s) for s in subscribers[1:]),
        hub.subscribe("kenh", stay),
    )
    assert hub.subscribers("kenh") == [stay]
    assert list(layer.groups["kenh"]) == [hub.channel]
    # everyone leaves while someone comes back: the hub ends in the group
    await asyncio.gather(hub.unsubscribe("kenh", stay), hub.subscribe("kenh", stay))
    assert hub.subscribers("kenh") == [stay]
    assert list(layer.groups["kenh"]) == [hub.channel]
    await send(layer, "kenh", "còn đây")
    await settle(lambda: stay.got)
    assert stay.got == ["còn đây"]
    assert all(s.got == [] for s in subscribers[1:])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_a_broadcast_to_a_channel_costs_one_layer_message(
    layer, tree, people, channel
):
    """Three sockets of one channel in this process: a message is one layer
    message, read once by the hub, written to the three."""
    socks = []
    for user in (people.r1, people.r2, people.r1):
        sock, _hello = await connect(user, channel)
        await joined(sock)
        socks.append(sock)
    hub = fanout.hub()
    assert len(hub.subscribers(channel.group_name)) == 3
    read = []
    dispatch = hub.dispatch

    async def spy(message):
        if '"message"' in message.get("text", ""):
            read.append(message)
        await dispatch(message)

    hub.dispatch = spy
    await database_sync_to_async(events.broadcast)(
        channel.group_name, {"type": "message", "message": {"id": 1}}
    )
    for sock in socks:
        assert (await next_of(sock, "message"))["message"] == {"id": 1}
    assert len(read) == 1  # one layer message for the three sockets
    del hub.dispatch
    for sock in socks:
        await sock.disconnect()
    assert hub.subscribers(channel.group_name) == []
