"""Fan-out in the process: one channel layer message per process per broadcast,
not one per socket (issue 16).

Each process (each event loop, each channel layer) has one :class:`Hub`. The hub
owns one layer channel (``fanout…``) and keeps its *local subscribers* per group:
``group → {socket}``. The hub's channel joins a group of the layer when the first
local socket subscribes to it and leaves it when the last one leaves, so a
``group_send`` costs the layer one message per process that has a socket in the
group (in-process layer: one queue entry; Redis pub/sub: one message per
subscribed process). The hub reads its channel and hands each message to the
local subscribers of the message's group (``message["group"]``, set by
:func:`group_send`): a broadcast's JSON was encoded once by the sender and is
written as it is to every socket.

Membership stays exact: the hub's layer membership follows its local set (joined
before the first subscriber is told it is in, left after the last one is out;
adds and discards of one group are serialised by a lock), and a subscriber only
receives messages of the groups it subscribed to, in the order the hub read them.

A subscriber is any object with ``async fanout_receive(message)``
(``consumers.JsonSocket``): it writes broadcast frames at once, or holds them
behind an access check in progress, so nothing sent after a change of access
reaches a socket before it has been checked again.
"""

import asyncio
import logging
import weakref

from channels.layers import get_channel_layer

log = logging.getLogger(__name__)

#: The hub's channel name starts with this (``layers.LazyExpiryChannelLayer``
#: gives it an unbounded queue and never drops its group memberships).
CHANNEL_PREFIX = "fanout"


async def group_send(layer, group, message):
    """``layer.group_send`` with the group named in the message (the hub reads
    it to find the local subscribers)."""
    await layer.group_send(group, {**message, "group": group})


class Hub:
    """The local subscribers of one process (one event loop, one layer)."""

    def __init__(self, layer):
        self.layer = layer
        self.channel = None
        #: group → {subscriber: None} (an ordered set)
        self.groups = {}
        #: group → [lock, users]: the adds and discards of a group, one at a time
        self._locks = {}
        self._start_lock = asyncio.Lock()
        self._reader = None
        #: layer messages read by this hub (the tests count them)
        self.received = 0

    # --- membership ------------------------------------------------------------

    async def subscribe(self, group, subscriber):
        members = self.groups.get(group)
        if members is not None:  # the hub is in the group (joined, not leaving)
            members[subscriber] = None
            return
        async with self._group_lock(group):
            members = self.groups.get(group)
            if members is None:
                await self._start()
                await self.layer.group_add(group, self.channel)
                members = self.groups[group] = {}
            members[subscriber] = None

    async def unsubscribe(self, group, subscriber):
        members = self.groups.get(group)
        if members is None or subscriber not in members:
            return
        del members[subscriber]
        if members:
            return
        async with self._group_lock(group):
            members = self.groups.get(group)
            if members is not None and not members:
                del self.groups[group]  # before the await: a new subscriber re-adds
                await self.layer.group_discard(group, self.channel)

    def subscribers(self, group):
        return list(self.groups.get(group, ()))

    class _GroupLock:
        def __init__(self, hub, group):
            self.hub, self.group = hub, group

        async def __aenter__(self):
            entry = self.hub._locks.get(self.group)
            if entry is None:
                entry = self.hub._locks[self.group] = [asyncio.Lock(), 0]
            entry[1] += 1
            self.entry = entry
            await entry[0].acquire()

        async def __aexit__(self, *exc):
            self.entry[0].release()
            self.entry[1] -= 1
            if self.entry[1] == 0 and self.hub._locks.get(self.group) is self.entry:
                del self.hub._locks[self.group]

    def _group_lock(self, group):
        return self._GroupLock(self, group)

    # --- reading ---------------------------------------------------------------

    async def _start(self):
        if self._reader is not None:
            return
        async with self._start_lock:
            if self._reader is None:
                self.channel = await self.layer.new_channel(CHANNEL_PREFIX)
                self._reader = asyncio.ensure_future(self._read())

    async def _read(self):
        while True:
            message = await self.layer.receive(self.channel)
            self.received += 1
            try:
                await self.dispatch(message)
            except Exception:
                log.exception("fan-out of a message failed")

    async def dispatch(self, message):
        """Hand ``message`` to every local subscriber of its group, in turn."""
        members = self.groups.get(message.get("group"))
        if not members:
            return
        for subscriber in list(members):
            try:
                await subscriber.fanout_receive(message)
            except Exception:
                log.exception("a socket failed to take a broadcast")


def hub(layer=None):
    """The hub of this event loop for ``layer`` (the default channel layer)."""
    layer = get_channel_layer() if layer is None else layer
    loop = asyncio.get_running_loop()
    hubs = layer.__dict__.get("_fanout_hubs")
    if hubs is None:
        hubs = layer.__dict__["_fanout_hubs"] = weakref.WeakKeyDictionary()
    found = hubs.get(loop)
    if found is None:
        found = hubs[loop] = Hub(layer)
    return found
