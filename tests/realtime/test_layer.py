"""The in-process channel layer: a broadcast to N members and their N receives cost
O(N), where Channels' stock ``InMemoryChannelLayer`` costs O(N²). Counted in queue
entries looked at, not timed."""

import asyncio
import time

import pytest
from channels.layers import InMemoryChannelLayer

from realtime.layers import LazyExpiryChannelLayer

pytestmark = pytest.mark.asyncio


class CountingDict(dict):
    """The layer's ``channels`` dict, counting the entries any scan walks over."""

    walked = 0

    def items(self):
        CountingDict.walked += len(self)
        return super().items()

    def values(self):
        CountingDict.walked += len(self)
        return super().values()


async def broadcast_cost(layer_class, members):
    """Queue entries inspected for one group_send to ``members`` channels followed
    by every member's receive."""
    layer = layer_class()
    layer.channels = CountingDict()
    names = [await layer.new_channel() for _ in range(members)]
    for name in names:
        await layer.group_add("kenh", name)
    CountingDict.walked = 0
    before = getattr(layer, "inspected", 0)
    await layer.group_send("kenh", {"type": "chat.event", "text": "xin chào"})
    received = [await layer.receive(name) for name in names]
    assert all(m["text"] == "xin chào" for m in received)
    return CountingDict.walked + getattr(layer, "inspected", 0) - before


async def test_broadcast_and_receives_are_linear():
    small = await broadcast_cost(LazyExpiryChannelLayer, 100)
    large = await broadcast_cost(LazyExpiryChannelLayer, 1000)
    # at most one look at each member's queue head per receive
    assert small <= 100
    assert large <= 1000
    assert large <= 11 * small


async def test_the_stock_layer_is_quadratic():
    """What the subclass fixes (and what the count above would show if it
    regressed): every receive scans every channel still queued."""
    small = await broadcast_cost(InMemoryChannelLayer, 100)
    large = await broadcast_cost(InMemoryChannelLayer, 1000)
    assert small >= 100 * 100 / 2
    assert large >= 1000 * 1000 / 2
    assert large >= 50 * small


async def test_expired_messages_are_dropped_and_the_channel_leaves_its_groups():
    layer = LazyExpiryChannelLayer(expiry=0.05)
    gone, alive = await layer.new_channel(), await layer.new_channel()
    await layer.group_add("kenh", gone)
    await layer.group_add("kenh", alive)
    await layer.send(gone, {"type": "old"})
    await asyncio.sleep(0.1)
    await layer.send(gone, {"type": "new"})
    # the expired head is dropped on receive; the fresh message is delivered
    assert (await layer.receive(gone))["type"] == "new"
    assert gone not in layer.groups["kenh"]
    assert alive in layer.groups["kenh"]


async def test_unread_channels_are_swept_periodically():
    layer = LazyExpiryChannelLayer(expiry=0.05)
    dead = await layer.new_channel()
    await layer.group_add("kenh", dead)
    await layer.send(dead, {"type": "never read"})
    await asyncio.sleep(0.1)
    other = await layer.new_channel()
    await layer.send(other, {"type": "x"})  # any operation after the interval
    assert dead not in layer.channels
    assert "kenh" not in layer.groups


async def test_a_full_member_does_not_stop_the_broadcast():
    layer = LazyExpiryChannelLayer(capacity=1)
    slow, fast = await layer.new_channel(), await layer.new_channel()
    for name in (slow, fast):
        await layer.group_add("kenh", name)
    await layer.send(slow, {"type": "pending"})
    await layer.group_send("kenh", {"type": "event"})
    assert (await layer.receive(fast))["type"] == "event"
    assert (await layer.receive(slow))["type"] == "pending"


async def test_group_expiry():
    layer = LazyExpiryChannelLayer(group_expiry=1, expiry=0.01)
    name = await layer.new_channel()
    await layer.group_add("kenh", name)
    layer.groups["kenh"][name] = time.time() - 10
    await asyncio.sleep(0.02)
    await layer.group_send("kenh", {"type": "late"})
    assert "kenh" not in layer.groups


async def test_messages_are_isolated_between_members():
    layer = LazyExpiryChannelLayer()
    a, b = await layer.new_channel(), await layer.new_channel()
    for name in (a, b):
        await layer.group_add("kenh", name)
    original = {"type": "event", "text": "x"}
    await layer.group_send("kenh", original)
    first = await layer.receive(a)
    first["text"] = "changed"
    assert (await layer.receive(b))["text"] == "x"
    assert original["text"] == "x"
