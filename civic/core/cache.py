"""Django's Redis cache, with one connection pool per process.

Django keeps cache objects per *context*, not per thread (``caches`` is an
asgiref ``Local``): under ASGI every request runs in a new context, so Django's
``RedisCache`` built a new client, a new connection pool and therefore a new TCP
connection to Redis on the first use of each alias in every request - with the
connection's handshake (``HELLO``, ``CLIENT SETINFO``, which reads the redis
package's metadata from disk each time). Measured in-process on the page cache's
hit path: two new connections per anonymous page, ~3 ms of a ~3.5 ms hit.

:class:`SharedRedisCache` is the same backend, but every instance with the same
servers and options uses one client, created once per process and kept: its
connection pools (thread-safe; redis-py re-creates them after a fork) and one
``redis.Redis`` object per pool, instead of a new one (with its table of ~170
response callbacks) per command. Key prefixes, versions and timeouts stay on
the ``BaseCache`` side, so aliases with different ``KEY_PREFIX`` share it too.
"""

import os
import threading

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property


class _SharedClient(RedisCacheClient):
    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._lock = threading.Lock()
        self._redis = {}

    def _get_connection_pool(self, write):
        index = self._get_connection_pool_index(write)
        pool = self._pools.get(index)
        if pool is None:
            with self._lock:
                pool = self._pools.get(index)
                if pool is None:
                    pool = self._pools[index] = self._pool_class.from_url(
                        self._servers[index], **self._pool_options
                    )
        return pool

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._redis.get(id(pool))
        if client is None:
            client = self._redis[id(pool)] = self._client(connection_pool=pool)
        return client


_clients = {}
_clients_lock = threading.Lock()


def shared_client(servers, options):
    """The one client of this process for ``servers`` with ``options``."""
    key = (tuple(servers), repr(sorted(options.items())))
    client = _clients.get(key)
    if client is None:
        with _clients_lock:
            client = _clients.get(key)
            if client is None:
                client = _clients[key] = _SharedClient(servers, **options)
    return client


class SharedRedisCache(RedisCache):
    @cached_property
    def _cache(self):
        return shared_client(self._servers, self._options)


class RedisVersions(SharedRedisCache):
    """The page cache's version tokens (civic/core/pagecache.py) in one Redis
    hash: short strings, no pickling, and all of them in one round trip
    (:meth:`all_tokens`), which the page cache reads once per request instead
    of once per cached part. ``KEY_PREFIX`` names the hash.

    A *generation* beside the hash, a new random value written in the same
    transaction as every change of a token, lets a process keep the whole hash
    it last read: a request reads the generation (one short reply) and the
    hash again only if it changed - a hash of some 300 tokens costs
    milliseconds to parse, a generation microseconds. Random, not a counter:
    after Redis lost its data (a restart without persistence) no new
    generation can equal one a process kept."""

    #: the page cache reads all tokens once per request (pagecache.request_scope)
    snapshots = True

    def _name(self):
        return self.make_key("tokens")

    def _generation(self):
        return self.make_key("generation")

    def _redis(self, write=False):
        return self._cache.get_client(write=write)

    def all_tokens(self):
        """Every token, as of one moment: a new dict the caller may change."""
        redis = self._redis()
        name = self._name()
        kept = _kept_tokens.get(name)
        if kept is not None and redis.get(self._generation()) == kept[0]:
            return dict(kept[1])
        pipe = redis.pipeline(transaction=True)
        pipe.get(self._generation())
        pipe.hgetall(name)
        generation, found = pipe.execute()
        tokens = {key.decode(): value.decode() for key, value in found.items()}
        if generation is not None:
            _kept_tokens[name] = (generation, tokens)
        return dict(tokens)

    def _write(self, command, *args, **kwargs):
        """``command`` on the hash and a new generation, in one transaction."""
        pipe = self._redis(write=True).pipeline(transaction=True)
        getattr(pipe, command)(self._name(), *args, **kwargs)
        pipe.set(self._generation(), os.urandom(8).hex())
        return pipe.execute()[0]

    def get(self, key, default=None, version=None):
        value = self._redis().hget(self._name(), key)
        return default if value is None else value.decode()

    def get_many(self, keys, version=None):
        keys = list(keys)
        if not keys:
            return {}
        values = self._redis().hmget(self._name(), keys)
        return {
            key: v.decode()
            for key, v in zip(keys, values, strict=True)
            if v is not None
        }

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return bool(self._write("hsetnx", key, value))

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._write("hset", key, value)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        if data:
            self._write("hset", mapping=data)
        return []

    def delete(self, key, version=None):
        return bool(self._write("hdel", key))

    def has_key(self, key, version=None):
        return bool(self._redis().hexists(self._name(), key))

    def clear(self):
        self._write("delete")


#: per hash: the generation and the tokens this process read last
_kept_tokens = {}
