"""One way to know which address a request or a WebSocket comes from.

Everything that counts, limits or records per client address (login and
registration throttles, socket caps, rate limits) calls :func:`client_address`,
and counts it by :func:`client_bucket` (an IPv6 client by its /64);
nothing else reads ``REMOTE_ADDR``, ``X-Forwarded-For`` or a Channels scope's
``client`` directly.

``X-Forwarded-For`` is a header anyone can send, so it is believed only when the
direct peer is one of ``settings.TRUSTED_PROXIES`` (addresses or networks, e.g.
the nginx in front of daphne; empty by default). Then the chain is read from the
right, skipping the trusted proxies, and the first address that is not one of
them is the client: what a client writes at the left of the header itself is
never reached, since each trusted proxy appends the address it saw.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(entries):
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(str(entry).strip(), strict=False))
        except ValueError:
            continue  # a typo in the setting trusts nothing rather than failing
    return tuple(networks)


def _parse(text):
    """``text`` as a canonical IP address string, or None. Accepts a port
    (``1.2.3.4:80``, ``[::1]:80``), as some proxies add one."""
    text = (text or "").strip()
    if not text:
        return None
    candidates = [text]
    if text.startswith("[") and "]" in text:
        candidates.append(text[1 : text.index("]")])
    elif text.count(":") == 1:
        candidates.append(text.split(":", 1)[0])
    for candidate in candidates:
        try:
            address = ipaddress.ip_address(candidate.split("%", 1)[0])
        except ValueError:
            continue
        if address.version == 6 and address.ipv4_mapped:
            address = address.ipv4_mapped
        return address
    return None


def _trusted(address, networks):
    return address is not None and any(address in net for net in networks)


def resolve(peer, forwarded_for=""):
    """The client's address given the direct ``peer`` and the ``X-Forwarded-For``
    value(s) it sent; "" when the peer is unknown."""
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ()) or ()))
    address = _parse(peer)
    if address is None:
        return (peer or "").strip()[:45]
    if not _trusted(address, networks) or not forwarded_for:
        return str(address)
    for hop in reversed(forwarded_for.split(",")):
        hop_address = _parse(hop)
        if hop_address is None:
            # Not written by a trusted proxy (they write the address they saw):
            # stop at the last proxy rather than believe it.
            break
        address = hop_address
        if not _trusted(hop_address, networks):
            break
    return str(address)


def _scope_header(scope, name):
    values = [
        value.decode("latin-1")
        for key, value in scope.get("headers") or ()
        if key.lower() == name
    ]
    return ",".join(values)


def client_address(request_or_scope):
    """The address of the client behind a Django request or a Channels scope."""
    if request_or_scope is None:
        return ""
    meta = getattr(request_or_scope, "META", None)
    if meta is not None:
        return resolve(
            meta.get("REMOTE_ADDR", ""), meta.get("HTTP_X_FORWARDED_FOR", "")
        )
    client = request_or_scope.get("client") or ("", 0)
    return resolve(client[0] or "", _scope_header(request_or_scope, b"x-forwarded-for"))


def client_bucket(address):
    """What one client is counted as wherever clients are counted (the sign-in
    and registration throttles, the visitor socket cap): an IPv4 address as it
    is, an IPv6 address by its /64 (one subscriber usually holds a whole /64 and
    can use any address in it); anything unparsable as itself, shortened."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return (address or "-")[:64]
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)
