"""The email backend of ``bench/notify.py``'s workers: builds each message's MIME
as Django's locmem backend does (``message()``; with ``BENCH_MAIL_BYTES=1`` also
its bytes, as the SMTP backend does before writing them) and, per connection, appends the recipients it
was handed to ``$BENCH_MAIL_DIR/<pid>.txt`` (one write per batch), so the bench
can count what reached the backend, lost and duplicates across processes."""

import os

from django.core.mail.backends.base import BaseEmailBackend


class CountingBackend(BaseEmailBackend):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pending = []
        self.is_open = False

    def open(self):
        self.is_open = True
        return True

    def close(self):
        self.flush()
        self.is_open = False

    def flush(self):
        if not self.pending:
            return
        path = os.path.join(os.environ["BENCH_MAIL_DIR"], f"{os.getpid()}.txt")
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, ("\n".join(self.pending) + "\n").encode())
        finally:
            os.close(fd)
        self.pending = []

    def send_messages(self, messages):
        for message in messages:
            mime = message.message()  # what the locmem backend does
            if os.environ.get("BENCH_MAIL_BYTES"):
                mime.as_bytes()  # and the SMTP backend, minus its I/O
            self.pending.extend(message.to)
        if not self.is_open:
            self.flush()
        return len(messages)
