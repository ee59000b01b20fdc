"""An in-process channel layer whose cost per message does not grow with the number
of channels.

Channels' ``InMemoryChannelLayer`` calls ``_clean_expired()`` on every
``receive()`` and ``group_send()``, which walks every channel of the process: a
broadcast to N sockets is followed by N receives, each scanning N queues — O(N²)
(587 ms for 1,000 members, 21 s for 5,000, measured before issue 5).

:class:`LazyExpiryChannelLayer` keeps the stock layer's behaviour (expiry,
capacity, group expiry) but expires lazily:

* a ``receive()`` drops the expired messages at the head of *its own* queue only;
* a ``group_send()`` copies the message once and puts it on each member's queue
  directly (no task per member);
* everything else (channels nobody reads any more, old group memberships) is swept
  at most once per ``expiry`` seconds, so the sweep's cost is shared by all the
  messages of that period instead of being paid by each of them.

``inspected`` counts the queue entries looked at for expiry; the tests use it to
show that a broadcast and its receives cost O(N), not O(N²).

The channel of a process's fan-out hub (``realtime.fanout``, named
``fanout…``) carries every broadcast of the process: its queue is unbounded and
its group memberships never expire (an expired message is dropped, the hub stays
in its groups; it leaves them itself when its last local socket does).
"""

import asyncio
import time
from copy import deepcopy

from channels.exceptions import ChannelFull
from channels.layers import InMemoryChannelLayer

from .fanout import CHANNEL_PREFIX


def _is_hub(channel):
    return channel.startswith(CHANNEL_PREFIX)


class LazyExpiryChannelLayer(InMemoryChannelLayer):
    def __init__(self, *args, sweep_interval=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.sweep_interval = self.expiry if sweep_interval is None else sweep_interval
        self._next_sweep = time.time() + self.sweep_interval
        #: channel → the groups it joined (to leave them when a message expires)
        self._memberships = {}
        self.inspected = 0

    def get_capacity(self, channel):
        if _is_hub(channel):
            return 0  # unbounded: the hub reads as fast as the process can
        return super().get_capacity(channel)

    # --- sending -----------------------------------------------------------------

    def _put(self, channel, message):
        queue = self.channels.get(channel)
        if queue is None:
            queue = self.channels[channel] = asyncio.Queue(
                maxsize=self.get_capacity(channel)
            )
        try:
            queue.put_nowait((time.time() + self.expiry, message))
        except asyncio.QueueFull:
            raise ChannelFull(channel) from None

    async def send(self, channel, message):
        assert isinstance(message, dict), "message is not a dict"
        self.require_valid_channel_name(channel)
        assert "__asgi_channel__" not in message
        self._maybe_sweep()
        self._put(channel, deepcopy(message))

    async def group_send(self, group, message):
        assert isinstance(message, dict), "Message is not a dict"
        self.require_valid_group_name(group)
        self._maybe_sweep()
        members = self.groups.get(group)
        if not members:
            return
        # one deep copy for the group; each member gets its own top-level dict
        shared = deepcopy(message)
        for channel in list(members):
            try:
                self._put(channel, dict(shared))
            except ChannelFull:
                pass

    # --- receiving ---------------------------------------------------------------

    async def receive(self, channel):
        self.require_valid_channel_name(channel)
        self._maybe_sweep()
        queue = self.channels.get(channel)
        if queue is not None:
            self._expire_head(channel, queue, time.time())
        queue = self.channels.get(channel)
        if queue is None:
            queue = self.channels[channel] = asyncio.Queue(
                maxsize=self.get_capacity(channel)
            )
        try:
            _, message = await queue.get()
        finally:
            if queue.empty() and self.channels.get(channel) is queue:
                del self.channels[channel]
        return message

    def _expire_head(self, channel, queue, now):
        """Drop the expired messages at the head of one queue (the oldest first)."""
        expired = False
        while not queue.empty():
            self.inspected += 1
            if queue._queue[0][0] >= now:
                break
            queue.get_nowait()
            expired = True
        if expired and not _is_hub(channel):
            self._remove_from_groups(channel)
            if queue.empty() and self.channels.get(channel) is queue:
                del self.channels[channel]

    # --- the periodic sweep --------------------------------------------------------

    def _maybe_sweep(self):
        now = time.time()
        if now < self._next_sweep:
            return
        self._next_sweep = now + self.sweep_interval
        for channel, queue in list(self.channels.items()):
            self._expire_head(channel, queue, now)
        timeout = now - self.group_expiry
        for group, members in list(self.groups.items()):
            for channel, joined in list(members.items()):
                if joined and joined < timeout and not _is_hub(channel):
                    self._leave(group, channel)

    def _clean_expired(self):
        """The stock layer's full scan, kept for callers that ask for it."""
        self._next_sweep = 0
        self._maybe_sweep()

    # --- groups --------------------------------------------------------------------

    def _remove_from_groups(self, channel):
        for group in list(self._memberships.get(channel, ())):
            self._leave(group, channel)

    def _leave(self, group, channel):
        members = self.groups.get(group)
        if members is not None:
            members.pop(channel, None)
            if not members:
                del self.groups[group]
        joined = self._memberships.get(channel)
        if joined is not None:
            joined.discard(group)
            if not joined:
                del self._memberships[channel]

    async def group_add(self, group, channel):
        await super().group_add(group, channel)
        self._memberships.setdefault(channel, set()).add(group)

    async def group_discard(self, group, channel):
        self.require_valid_channel_name(channel)
        self.require_valid_group_name(group)
        self._leave(group, channel)

    async def flush(self):
        await super().flush()
        self._memberships = {}
