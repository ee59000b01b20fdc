"""Slow readers must not hold up the others (issue 16): a bounded send buffer
per socket.

Under daphne a frame written to a socket goes into Twisted's buffer for that
connection when the kernel's is full, and that buffer grows without limit: a
client that stops reading (a phone that went to sleep without closing, a
hostile client) would keep every broadcast in the server's memory. Writing
never waits, so it does not slow the other sockets down; memory is what it costs.

:func:`install` bounds it: after each frame written, if more than
``REALTIME_SEND_BUFFER`` bytes (default 1 MiB: thousands of messages) wait in
the server for this socket, nothing more is written to it and it is closed with
code **4408** (``CLOSE_TOO_SLOW``). The close frame waits behind the buffered
frames: a client that reads again in time sees the code; one that does not is
dropped when the closing handshake times out (autobahn's
``closeHandshakeTimeout``), and the consumer's ``disconnect`` frees its groups.
On reconnect the client asks for the messages after the last id it saw
(``?after=``) and catches up from the database like after any other drop.

Installed from ``config/asgi.py``; a no-op where daphne is not installed.
"""

import logging

from django.conf import settings

log = logging.getLogger(__name__)

CLOSE_TOO_SLOW = 4408


def send_buffer_limit():
    return getattr(settings, "REALTIME_SEND_BUFFER", 1024 * 1024)


def pending_bytes(transport):
    """Bytes Twisted holds for ``transport`` that the kernel has not taken."""
    if transport is None:
        return 0
    buffered = len(getattr(transport, "dataBuffer", b"") or b"")
    buffered -= getattr(transport, "offset", 0) or 0
    return buffered + (getattr(transport, "_tempDataLen", 0) or 0)


def bound(protocol_class):
    """Bound ``protocol_class.serverSend`` (daphne's ``WebSocketProtocol``)."""
    original = protocol_class.serverSend
    if getattr(original, "bounded", False):
        return

    def serverSend(self, content, binary=False):  # noqa: N802 (daphne's name)
        if getattr(self, "too_slow", False):
            return  # being dropped: nothing more is buffered for it
        original(self, content, binary)
        if pending_bytes(self.transport) > send_buffer_limit():
            self.too_slow = True
            log.info("dropping a socket that stopped reading (%s)", self.client_addr)
            self.sendClose(code=CLOSE_TOO_SLOW, reason="too slow")

    serverSend.bounded = True
    protocol_class.serverSend = serverSend


def install():
    try:
        from daphne.ws_protocol import WebSocketProtocol
    except ImportError:  # another ASGI server
        return
    bound(WebSocketProtocol)
