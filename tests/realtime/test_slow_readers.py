"""A client that stops reading is dropped with 4408 once more than
``REALTIME_SEND_BUFFER`` bytes wait for it in the server; nothing more is
buffered for it (issue 16, ``realtime/slowreaders.py``). The other sockets never
wait for it: daphne's writes do not block, so a socket's buffer is all it costs."""

import pytest
from daphne.ws_protocol import WebSocketProtocol

from realtime import slowreaders


class Transport:
    """Twisted's buffer of one connection whose client reads nothing."""

    def __init__(self):
        self.dataBuffer = b""
        self.offset = 0
        self._tempDataLen = 0


def socket_class():
    class Socket(WebSocketProtocol):
        def __init__(self):
            self.state = self.STATE_OPEN
            self.transport = Transport()
            self.client_addr = ["127.0.0.1", 1]
            self.sent = 0
            self.closed_with = None

        def sendMessage(self, payload, isBinary=False):  # noqa: N802, N803
            self.sent += 1
            self.transport._tempDataLen += len(payload) + 4

        def sendClose(self, code=None, reason=None):  # noqa: N802
            self.closed_with = code

    slowreaders.bound(Socket)
    return Socket


@pytest.fixture
def small_buffer(settings):
    settings.REALTIME_SEND_BUFFER = 10_000


def test_a_socket_that_stops_reading_is_dropped_with_4408(small_buffer):
    Socket = socket_class()
    slow, reading = Socket(), Socket()
    frame = '{"type": "message", "body": "' + "x" * 1000 + '"}'
    for _ in range(50):
        slow.serverSend(frame)
        reading.serverSend(frame)
        reading.transport._tempDataLen = 0  # this one reads
    assert slow.closed_with == slowreaders.CLOSE_TOO_SLOW
    # bounded: nothing more was buffered once it was over the limit
    assert slow.sent == 10
    assert slowreaders.pending_bytes(slow.transport) < 10_000 + 2_000
    assert reading.sent == 50 and reading.closed_with is None


def test_a_socket_under_the_limit_is_kept(small_buffer):
    socket = socket_class()()
    for _ in range(5):
        socket.serverSend("x" * 1000)
    assert socket.closed_with is None and socket.sent == 5


def test_the_server_is_bounded_by_the_asgi_module():
    import config.asgi  # noqa: F401

    assert getattr(WebSocketProtocol.serverSend, "bounded", False)
