"""An urgent notice in a commune of 10,000 residents: time from publishing until
every notification is handed to the email backend, by the worker(s) ``make run``
starts.

    .venv/bin/python bench/notify.py [--residents 10000] [--workers 1]

Builds, in a fresh SQLite database in a temporary folder (the embedded default;
the checkout's ``var/`` is not touched), a commune and a group with
``--residents`` residents who follow the commune, each with an email address.
Starts ``--workers`` real ``manage.py db_worker --backend queue`` processes (the
command of ``make run``) whose email backend is ``bench/notify_mail.py`` (it
builds each message's MIME bytes as SMTP would, and writes the recipients it
was handed to a file per process, once per connection). Then publishes an
urgent notice and waits until every resident's address has reached the backend:
``content.tasks.tell_followers_of_notice`` writes the notifications
(``notify_many``) and enqueues one ``deliver_notifications`` task per 500, the
workers plan the ``Delivery`` rows and send each chunk over one connection.

Baseline, in the same run: this process builds and hands the same number of
messages, rendered by the same ``EmailChannel`` code, to the same backend over one
connection, with no database and no queue.

``BENCH_MAIL_BYTES=1``: the backend also serialises each message to bytes, as
Django's SMTP backend does before writing them (the baseline too).

Push: the push channel is not in this branch (civic.people.push is written on
another branch), so every resident has email only.

Last line: JSON {"recipients", "seconds", "per_s", "lost", "duplicates",
"sent_rows", "workers", "baseline_seconds", "load_before", "load_after", ...}.
Exit status 1 if a notification was lost or duplicated.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def build(residents):
    from civic.people.follows import _key
    from civic.people.models import Follow, User
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
    return commune, {u.email for u in users}


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
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY=os.environ.get("SECRET_KEY") or "bench-" + os.urandom(16).hex(),
        PYTHONPATH=str(ROOT),
    )
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from civic.people.models import Delivery

    t = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    commune, addresses = build(args.residents)
    setup_s = time.perf_counter() - t
    baseline_s = baseline(args.residents)
    for path in mail_dir.glob("*.txt"):
        path.unlink()
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
        seen = []
        while time.perf_counter() - start < args.timeout:
            seen = read_mail(mail_dir)
            if len(set(seen)) >= len(addresses):
                break
            time.sleep(0.1)
        seconds = time.perf_counter() - start
        load_after = [round(x, 2) for x in os.getloadavg()]
        time.sleep(2)  # anything sent twice would show up now
        seen = read_mail(mail_dir)
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            try:
                worker.wait(10)
            except subprocess.TimeoutExpired:
                worker.kill()
    unique = set(seen)
    lost = len(addresses - unique)
    duplicates = len(seen) - len(unique)
    sent_rows = Delivery.objects.filter(status="sent").count()
    result = {
        "recipients": len(addresses),
        "seconds": round(seconds, 2),
        "per_s": round(len(unique & addresses) / seconds, 1),
        "lost": lost,
        "duplicates": duplicates,
        "sent_rows": sent_rows,
        "workers": args.workers,
        "publish_seconds": round(published_s, 2),
        "baseline_seconds": round(baseline_s, 2),
        "baseline_per_s": round(args.residents / baseline_s, 1),
        "push": "not in this branch (email only)",
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
