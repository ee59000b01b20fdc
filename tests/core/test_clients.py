"""civic.core.clients.client_address: X-Forwarded-For only through trusted proxies."""

import pytest
from django.test import RequestFactory

from civic.core.clients import client_address

CLIENT = "203.0.113.5"


def request(peer, forwarded=None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def scope(peer, forwarded=None):
    headers = [(b"host", b"example.vn")]
    if forwarded is not None:
        headers.append((b"X-Forwarded-For", forwarded.encode()))
    return {"type": "websocket", "client": [peer, 51000], "headers": headers}


@pytest.fixture(params=[request, scope], ids=["request", "scope"])
def make(request):
    return request.param


def test_no_trusted_proxy_means_the_peer_whatever_the_header(make, settings):
    settings.TRUSTED_PROXIES = []
    assert client_address(make(CLIENT)) == CLIENT
    assert client_address(make(CLIENT, "198.51.100.7")) == CLIENT
    assert client_address(make("10.0.0.2", CLIENT)) == "10.0.0.2"


def test_an_untrusted_peer_cannot_use_the_header(make, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]
    assert client_address(make("10.0.0.3", "198.51.100.7")) == "10.0.0.3"


def test_trusted_proxy_gives_the_rightmost_untrusted_address(make, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "192.168.1.1"]
    assert client_address(make("10.0.0.2", CLIENT)) == CLIENT
    # what the client wrote itself stays at the left and is never reached
    forged = f"1.1.1.1, 198.51.100.7, {CLIENT}, 192.168.1.1"
    assert client_address(make("10.0.0.2", forged)) == CLIENT
    # a peer only of trusted hops: the left-most of them
    assert client_address(make("10.0.0.2", "10.0.0.9, 192.168.1.1")) == "10.0.0.9"
    # no header: the proxy itself
    assert client_address(make("10.0.0.2")) == "10.0.0.2"


def test_garbage_in_the_chain_stops_at_the_last_proxy(make, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    assert client_address(make("10.0.0.2", "not-an-ip")) == "10.0.0.2"
    assert client_address(make("10.0.0.2", f"{CLIENT}, \x00<x>")) == "10.0.0.2"
    assert client_address(make("10.0.0.2", "9" * 10_000)) == "10.0.0.2"


def test_addresses_are_canonical(make, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "2001:db8::/32"]
    assert client_address(make("2001:DB8:0:0::1", "203.0.113.5:4711")) == CLIENT
    assert client_address(make("10.0.0.2", "[2001:db9::0:1]:443")) == "2001:db9::1"
    assert client_address(make("::ffff:203.0.113.5")) == CLIENT


def test_a_bad_setting_entry_trusts_nothing_rather_than_failing(make, settings):
    settings.TRUSTED_PROXIES = ["nginx.local", "10.0.0.2"]
    assert client_address(make("10.0.0.2", CLIENT)) == CLIENT
    assert client_address(make("10.0.0.3", "198.51.100.7")) == "10.0.0.3"


def test_an_unknown_peer(settings):
    assert client_address(None) == ""
    assert client_address({"type": "websocket", "client": None, "headers": []}) == ""
