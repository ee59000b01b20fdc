"""Who is connected to a channel: *people*, not windows (two tabs of one person
count once), exact, never negative, and never stored in Django's cache (the
local-memory cache evicts keys after 300 entries: presence counts used to vanish
and go negative when other keys pushed them out).

* In-process channel layer (one process): :class:`LocalPresence`, a dictionary
  of ``channel id → {person: open sockets}`` in this process.
* Redis channel layer (several processes): :class:`RedisPresence`, one Redis hash
  per channel (``realtime:presence:<channel id>``, field = person, value = open
  sockets in all processes). Joining and leaving are one Lua script each (atomic
  across processes); the count is ``HLEN``, the number of people, so it cannot go
  below zero. The hash expires ``PRESENCE_TTL`` seconds after its last change, so
  a process killed without closing its sockets leaves its people counted for at
  most that long.

The store follows the channel layer (``CHANNEL_LAYERS["default"]``): processes that
share a layer share presence.
"""

import asyncio
import weakref

from django.conf import settings

KEY_PREFIX = "realtime:presence:"
PRESENCE_TTL = 6 * 3600

_JOIN = """
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return redis.call('HLEN', KEYS[1])
"""

_LEAVE = """
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
    if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then
        redis.call('HDEL', KEYS[1], ARGV[1])
    end
    redis.call('EXPIRE', KEYS[1], ARGV[2])
end
return redis.call('HLEN', KEYS[1])
"""


class LocalPresence:
    """Presence in this process (the in-process channel layer)."""

    def __init__(self):
        self._rooms = {}

    async def join(self, channel_id, who):
        room = self._rooms.setdefault(channel_id, {})
        room[who] = room.get(who, 0) + 1
        return len(room)

    async def leave(self, channel_id, who):
        room = self._rooms.get(channel_id)
        if room is None or who not in room:
            return len(room or ())
        room[who] -= 1
        if room[who] <= 0:
            del room[who]
        if not room:
            del self._rooms[channel_id]
            return 0
        return len(room)

    async def count(self, channel_id):
        return len(self._rooms.get(channel_id, ()))

    async def clear(self):
        self._rooms.clear()


class RedisPresence:
    """Presence shared by the processes of one Redis server."""

    def __init__(self, url):
        self.url = url
        # redis.asyncio connections belong to the event loop that made them
        self._clients = weakref.WeakKeyDictionary()

    def _client(self):
        import redis.asyncio

        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            client = redis.asyncio.from_url(self.url)
            self._clients[loop] = client
        return client

    async def join(self, channel_id, who):
        key = f"{KEY_PREFIX}{channel_id}"
        return int(await self._client().eval(_JOIN, 1, key, str(who), PRESENCE_TTL))

    async def leave(self, channel_id, who):
        key = f"{KEY_PREFIX}{channel_id}"
        return int(await self._client().eval(_LEAVE, 1, key, str(who), PRESENCE_TTL))

    async def count(self, channel_id):
        return int(await self._client().hlen(f"{KEY_PREFIX}{channel_id}"))

    async def clear(self):
        client = self._client()
        async for key in client.scan_iter(match=f"{KEY_PREFIX}*"):
            await client.delete(key)


_local = LocalPresence()
_redis = {}


def _redis_url(config):
    hosts = (config.get("CONFIG") or {}).get("hosts") or []
    if not hosts:
        return None
    host = hosts[0]
    if isinstance(host, dict):
        host = host.get("address")
    if isinstance(host, list | tuple):
        host = f"redis://{host[0]}:{host[1]}"
    return host if isinstance(host, str) else None


def store():
    """The presence store for the configured channel layer."""
    config = settings.CHANNEL_LAYERS.get("default", {})
    if "channels_redis" in config.get("BACKEND", ""):
        url = _redis_url(config)
        if url:
            if url not in _redis:
                _redis[url] = RedisPresence(url)
            return _redis[url]
    return _local
