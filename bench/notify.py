"""An urgent notice in a commune of 10,000 residents: time from publishing until
every notification is handed to its backends (email, Web Push), by the worker(s)
``make run`` starts.

    .venv/bin/python bench/notify.py [--residents 10000] [--workers 1]

Builds, in a fresh SQLite database in a temporary folder (the embedded default;
the checkout's ``var/`` is not touched), a commune and a group with
``--residents`` residents who follow the commune, each with an email address,
and every other one (half) with a Web Push subscription (``PushSubscription``)
whose endpoint is a push-service stub this script runs on 127.0.0.1 (a threaded
HTTP server answering 201 and counting the requests per endpoint). Each
subscription has real P-256 keys so that pywebpush encrypts for it as for a
browser; generating 5,000 keys is slow, so ``KEY_POOL`` key pairs are made and
reused across subscriptions, whose endpoints are all distinct (the encryption
cost per message is the same). The VAPID key is generated into the temporary
folder. ``PushChannel`` accepts http://127.0.0.1 endpoints as they are (only the
subscribe view checks that an endpoint is a public HTTPS host), so no setting is
needed for the stub.
Starts ``--workers`` real ``manage.py db_worker --backend queue`` processes (the
command of ``make run``) whose email backend is ``bench/notify_mail.py`` (it
builds each message's MIME bytes as SMTP would, and writes the recipients it
was handed to a file per process, once per connection). Then publishes an
urgent notice and waits until every resident's address has reached the email
backend and every subscription's endpoint the push stub:
``content.tasks.tell_followers_of_notice`` writes the notifications
(``notify_many``) and enqueues one ``deliver_notifications`` task per 500, the
workers plan the ``Delivery`` rows (one per resident and channel) and send each
chunk, email over one connection, push with pywebpush (VAPID-signed, encrypted
per device) over one kept-alive HTTP session per worker thread.

Baseline, in the same run: this process builds and hands the same number of
email messages, rendered by the same ``EmailChannel`` code, to the same backend
over one connection, with no database and no queue; and (``baseline_push_*``)
encrypts and posts the same number of pushes with pywebpush, as ``PushChannel``
calls it, to the same stub over one session.

``BENCH_MAIL_BYTES=1``: the backend also serialises each message to bytes, as
Django's SMTP backend does before writing them (the baseline too).

Last line: JSON {"recipients", "seconds", "per_s" (notifications handed to a
backend per second, email and push together), "lost" (an address or endpoint
that never got it), "duplicates" (handed twice), "email_sent", "push_sent",
"sent_rows", "workers", "baseline_seconds", "baseline_push_seconds",
"load_before", "load_after", ...}. Exit status 1 if a notification was lost or
duplicated.
"""

import argparse
import base64
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: browser key pairs made for the push subscriptions, reused across them
KEY_POOL = 200


class PushStub:
    """A push service on 127.0.0.1: answers every POST 201 and counts the
    requests per endpoint path (HTTP/1.1, so a worker's session keeps its
    connection as with a real push service)."""

    def __init__(self):
        self.counts = Counter()
        lock = threading.Lock()
        counts = self.counts

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with lock:
                    counts[self.path] += 1
                self.send_response(201)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def seen(self):
        return Counter(self.counts)  # a copy: the server threads keep counting

    def reset(self):
        self.counts.clear()


def browser_keys(count):
    """``count`` devices' keys as a browser makes them (P-256 point, 16 bytes)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    def b64(raw):
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    keys = []
    for _ in range(count):
        point = (
            ec.generate_private_key(ec.SECP256R1())
            .public_key()
            .public_bytes(
                serialization.Encoding.X962,
                serialization.PublicFormat.UncompressedPoint,
            )
        )
        keys.append((b64(point), b64(os.urandom(16))))
    return keys


def build(residents, push_url):
    from civic.people.follows import _key
    from civic.people.models import Follow, PushSubscription, User
    from content.models import AreaKind, AreaPage, HomePage

    home = HomePage.objects.get()
    commune = AreaPage(title="Phường đo", kind=AreaKind.WARD)
    home.add_child(instance=commune)
    commune.save_revision().publish()
    users = [
        User(
            full_name=f"Cư dân {i}",
            email=f"cu-dan-{i}@example.vn",
            username=f"cu-dan-{i}@example.vn",  # save() is not called
            password="!",
        )
        for i in range(residents)
    ]
    users = User.objects.bulk_create(users, batch_size=1000)
    content_type, object_id = _key(commune)
    Follow.objects.bulk_create(
        [
            Follow(
                user_id=u.pk,
                content_type=content_type,
                object_id=object_id,
                automatic=True,
            )
            for u in users
        ],
        batch_size=1000,
    )
    keys = browser_keys(KEY_POOL)
    subscriptions = [
        PushSubscription(
            user_id=u.pk,
            endpoint=f"{push_url}/push/{i}",
            p256dh=keys[i % KEY_POOL][0],
            auth=keys[i % KEY_POOL][1],
            label="bench",
        )
        for i, u in enumerate(users)
        if i % 2 == 0  # half the residents
    ]
    PushSubscription.objects.bulk_create(subscriptions, batch_size=1000)
    endpoints = {s.endpoint.removeprefix(push_url) for s in subscriptions}
    return commune, {u.email for u in users}, endpoints


def publish_urgent(commune):
    from content.models import NoticePage

    notice = NoticePage(
        title="Cắt nước khẩn cấp toàn phường",
        body="<p>Sự cố vỡ ống, cắt nước từ 14:00.</p>",
        is_urgent=True,
    )
    commune.add_child(instance=notice)
    notice.save_revision().publish()
    return notice


def read_mail(folder):
    seen = []
    for path in Path(folder).glob("*.txt"):
        seen.extend(line for line in path.read_text().splitlines() if line)
    return seen


def baseline(residents):
    """The same messages, the same backend, one connection; no queue, no DB."""
    from django.core.mail import get_connection

    from civic.people.delivery import EmailChannel
    from civic.people.models import Notification, User

    channel = EmailChannel()
    user = User(pk=1, full_name="Cư dân", email="cu-dan-0@example.vn", language="vi")
    note = Notification(
        user=user,
        kind="content.urgent_notice",
        params={"area": "Phường đo", "title": "Cắt nước khẩn cấp toàn phường"},
        url="/phuong-do/cat-nuoc/",
    )
    note.actor = None
    start = time.perf_counter()
    connection = get_connection()
    connection.open()
    channel.connection = connection
    for _ in range(residents):
        channel.message(user, [note]).send()
    connection.close()
    return time.perf_counter() - start


def baseline_push(subscriptions):
    """The same pushes, encrypted and posted as ``PushChannel.send`` does, to the
    same stub over one session; no queue, no DB."""
    import requests
    from django.conf import settings
    from pywebpush import webpush

    from civic.people.push import TIMEOUT, TTL, vapid

    data = json.dumps(
        {"title": "Khu dân cư điện tử", "body": "Cắt nước khẩn cấp toàn phường"},
        ensure_ascii=False,
    )
    key = vapid()
    session = requests.Session()
    start = time.perf_counter()
    for subscription in subscriptions:
        webpush(
            subscription.subscription_info(),
            data,
            vapid_private_key=key,
            vapid_claims={"sub": settings.VAPID_CONTACT},
            timeout=TIMEOUT,
            ttl=TTL,
            requests_session=session,
        )
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-notify-"))
    mail_dir = work / "mail"
    mail_dir.mkdir()
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}",
        EMAIL_BACKEND="bench.notify_mail.CountingBackend",
        BENCH_MAIL_DIR=str(mail_dir),
        VAPID_PRIVATE_KEY_FILE=str(work / "vapid_private.pem"),
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY=os.environ.get("SECRET_KEY") or "bench-" + os.urandom(16).hex(),
        PYTHONPATH=str(ROOT),
    )
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from civic.people.models import Delivery, PushSubscription

    stub = PushStub()
    t = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    commune, addresses, endpoints = build(args.residents, stub.url)
    setup_s = time.perf_counter() - t
    baseline_s = baseline(args.residents)
    baseline_push_s = baseline_push(PushSubscription.objects.all())
    for path in mail_dir.glob("*.txt"):
        path.unlink()
    stub.reset()
    connection.close()

    # the command of `make run` (Makefile: WORKER)
    command = [
        sys.executable,
        "manage.py",
        "db_worker",
        "--backend",
        "queue",
        "--no-reload",
        "--verbosity",
        "0",
    ]
    workers = [
        subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(args.workers)
    ]
    try:
        time.sleep(3)  # the workers start (imports, first poll)
        load_before = [round(x, 2) for x in os.getloadavg()]
        start = time.perf_counter()
        publish_urgent(commune)
        connection.close()
        published_s = time.perf_counter() - start
        while time.perf_counter() - start < args.timeout:
            mailed = set(read_mail(mail_dir))
            pushed = stub.seen()
            if mailed >= addresses and endpoints <= pushed.keys():
                break
            time.sleep(0.1)
        seconds = time.perf_counter() - start
        load_after = [round(x, 2) for x in os.getloadavg()]
        time.sleep(2)  # anything sent twice would show up now
        seen = read_mail(mail_dir)
        pushed = stub.seen()
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            try:
                worker.wait(10)
            except subprocess.TimeoutExpired:
                worker.kill()
    stub.server.shutdown()
    unique = set(seen)
    email_sent = len(unique & addresses)
    push_sent = len(endpoints & pushed.keys())
    lost = len(addresses - unique) + len(endpoints - pushed.keys())
    duplicates = len(seen) - len(unique) + sum(n - 1 for n in pushed.values())
    sent_rows = Delivery.objects.filter(status="sent").count()
    result = {
        "recipients": len(addresses),
        "seconds": round(seconds, 2),
        "per_s": round((email_sent + push_sent) / seconds, 1),
        "lost": lost,
        "duplicates": duplicates,
        "email_sent": email_sent,
        "push_sent": push_sent,
        "push_subscriptions": len(endpoints),
        "sent_rows": sent_rows,
        "workers": args.workers,
        "publish_seconds": round(published_s, 2),
        "baseline_seconds": round(baseline_s, 2),
        "baseline_per_s": round(args.residents / baseline_s, 1),
        "baseline_push_seconds": round(baseline_push_s, 2),
        "baseline_push_per_s": round(len(endpoints) / baseline_push_s, 1),
        "key_pool": KEY_POOL,
        "mime_bytes": bool(os.environ.get("BENCH_MAIL_BYTES")),
        "database": "sqlite",
        "setup_seconds": round(setup_s, 1),
        "load_before": load_before,
        "load_after": load_after,
    }
    print(json.dumps(result))
    return 1 if lost or duplicates else 0


if __name__ == "__main__":
    sys.exit(main())
