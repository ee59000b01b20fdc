"""The Redis cache keeps one connection pool per process (civic/core/cache.py).

Django keeps cache objects per context, and under ASGI each request is a new
context: with Django's own RedisCache every request opened new connections to
Redis. These tests run each "request" in a fresh context, as daphne does.
"""

import contextvars
import os

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.utils.module_loading import import_string

from civic.core.cache import RedisVersions, SharedRedisCache

ALIASES = ("pages", "page_parts", "page_versions", "default")


def in_new_context(function):
    return contextvars.Context().run(function)


@pytest.fixture
def shared(settings):
    url = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:9/0")
    settings.CACHES = {
        **settings.CACHES,
        **{
            f"test-{alias}": {
                "BACKEND": "civic.core.cache.SharedRedisCache",
                "LOCATION": url,
                "KEY_PREFIX": f"test-{alias}",
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
            }
            for alias in ALIASES
        },
    }
    return [f"test-{alias}" for alias in ALIASES]


def test_every_context_and_alias_uses_one_client(shared):
    clients = {
        id(in_new_context(lambda alias=alias: caches[alias]._cache))
        for alias in shared
        for _ in range(3)
    }
    assert len(clients) == 1
    # and one redis.Redis object per pool, not one per command
    client = in_new_context(lambda: caches[shared[0]]._cache)
    assert client.get_client() is client.get_client(write=True)


def test_requests_in_new_contexts_reuse_one_connection(shared):
    if not os.environ.get("REDIS_TEST_URL"):
        pytest.skip("REDIS_TEST_URL not set (run under scripts/with-redis)")
    pages, parts = shared[0], shared[1]

    def request(n):
        caches[pages].set("page", n, 30)
        caches[parts].get_many(["a", "b"])
        return caches[pages].get("page")

    assert [in_new_context(lambda n=n: request(n)) for n in range(20)] == list(
        range(20)
    )
    pool = in_new_context(lambda: caches[pages]._cache._get_connection_pool(True))
    assert pool._created_connections == 1


def test_the_configured_redis_caches_are_the_shared_backend():
    """With REDIS_URL every cache alias is the shared backend (the class stays
    closed: a new alias added with Django's RedisCache fails here)."""
    if not any(
        "redis" in (conf.get("BACKEND", "")).lower()
        for conf in django_settings.CACHES.values()
    ):
        from importlib import reload

        import config.settings as config_settings

        os.environ["REDIS_URL"] = "redis://127.0.0.1:9/0"
        try:
            configured = reload(config_settings).CACHES
        finally:
            del os.environ["REDIS_URL"]
            reload(config_settings)
    else:
        configured = django_settings.CACHES
    redis_backends = [
        import_string(conf["BACKEND"])
        for conf in configured.values()
        if "edis" in conf["BACKEND"]
    ]
    assert redis_backends
    assert all(issubclass(backend, SharedRedisCache) for backend in redis_backends)
    assert import_string(configured["page_versions"]["BACKEND"]) is RedisVersions


def test_the_versions_hash_is_read_again_only_after_a_change(settings):
    """RedisVersions keeps the hash it read with its generation: a request
    whose generation is unchanged reads no hash (a raw change that bypasses
    the generation is therefore not seen - proof that nothing was re-read);
    every change through the store, and a Redis that lost its data, is."""
    if not os.environ.get("REDIS_TEST_URL"):
        pytest.skip("REDIS_TEST_URL not set (run under scripts/with-redis)")
    settings.CACHES = {
        **settings.CACHES,
        "test-versions": {
            "BACKEND": "civic.core.cache.RedisVersions",
            "LOCATION": os.environ["REDIS_TEST_URL"],
            "KEY_PREFIX": "test-versions",
        },
    }
    store = caches["test-versions"]
    store.clear()
    store.set_many({"pv:a": "1", "pv:b": "1"})
    assert store.all_tokens() == {"pv:a": "1", "pv:b": "1"}
    raw = store._redis(write=True)
    raw.hset(store._name(), "pv:a", "raw")  # no new generation
    seen = store.all_tokens()
    assert seen == {"pv:a": "1", "pv:b": "1"}
    seen["pv:a"] = "changed by a caller"  # a copy: nobody else sees it
    store.set("pv:b", "2")
    assert store.all_tokens() == {"pv:a": "raw", "pv:b": "2"}
    assert store.add("pv:c", "1") and store.all_tokens()["pv:c"] == "1"
    raw.delete(store._name(), store._generation())  # Redis lost its data
    store.set("pv:a", "3")
    assert store.all_tokens() == {"pv:a": "3"}
    store.clear()
