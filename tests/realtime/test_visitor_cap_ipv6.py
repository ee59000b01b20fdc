"""Visitors are capped per client as the sign-in throttle counts clients (audit,
second round, realtime hole 3): every address of one IPv6 /64 is one client
(``civic.core.clients.client_bucket``)."""

from civic.core.clients import client_bucket
from civic.people import throttle
from realtime import consumers


def test_one_ipv6_subscriber_cannot_open_unlimited_visitor_sockets(settings):
    settings.REALTIME_MAX_CONNECTIONS_PER_ADDRESS = 20
    consumers._open_sockets.clear()
    taken = 0
    try:
        for i in range(100):
            scope = {"client": (f"2001:db8:1:2::{i + 1:x}", 5000), "headers": []}
            if consumers._take_slot("area", scope, None) is not None:
                taken += 1
    finally:
        consumers._open_sockets.clear()
    assert taken == 20


def test_other_ipv6_networks_and_ipv4_addresses_are_other_clients(settings):
    settings.REALTIME_MAX_CONNECTIONS_PER_ADDRESS = 1
    consumers._open_sockets.clear()
    try:
        for peer in ("2001:db8:1:2::1", "2001:db8:1:3::1", "10.0.0.1", "10.0.0.2"):
            scope = {"client": (peer, 5000), "headers": []}
            assert consumers._take_slot("area", scope, None) is not None, peer
    finally:
        consumers._open_sockets.clear()


def test_the_throttle_and_the_socket_cap_count_clients_alike():
    for address in ("2001:db8:1:2::9", "10.1.2.3", "::ffff:10.1.2.3", "", "junk"):
        assert throttle._bucket(address) == client_bucket(address)
    assert client_bucket("2001:db8:1:2::9") == "2001:db8:1:2::/64"
    assert client_bucket("::ffff:10.1.2.3") == "10.1.2.3"
