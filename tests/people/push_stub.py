"""A push service (or an SMS gateway) on 127.0.0.1 for tests: a tiny
``http.server`` in a thread that answers each POST with the status given for its
path (``paths``), else the next of ``statuses`` (201 when none is left), and
keeps what it received (headers with lower-case names)."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Stub:
    def __init__(self, statuses=(), paths=None, delay=0):
        self.statuses = list(statuses)
        self.paths = dict(paths or {})
        self.delay = delay
        self.requests = []  # (path, headers, body)
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                stub.requests.append((self.path, headers, body))
                if stub.delay:
                    time.sleep(stub.delay)
                if self.path in stub.paths:
                    status = stub.paths[self.path]
                else:
                    status = stub.statuses.pop(0) if stub.statuses else 201
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
