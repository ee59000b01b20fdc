"""Fan-out of channel messages to N WebSocket clients, against the real server.

    .venv/bin/python bench/fanout.py [--clients 1000] [--messages 20]
    scripts/with-redis .venv/bin/python bench/fanout.py --redis --processes 2

Builds a fresh area with ``--clients`` verified residents (signed-in sessions) in
the configured database, starts daphne (``--processes`` of them; with ``--redis``
they share a ``RedisPubSubChannelLayer`` and clients are spread over them), connects
every resident to the area's channel, and has residents post ``--messages``
messages, one every ``--interval`` seconds, through the socket. Every client
records when each message reaches it: the latency of a message to a client is the
arrival time minus the time it was sent. A message seen twice by a client is a
duplicate; one never seen (within ``--timeout`` after the last send) is lost.

In the same run, the same clients do the same against a minimal broadcast server
written with the ``websockets`` library (the baseline: no Django, no channel
layer, no database).

Last line: JSON {"clients", "messages", "delivered", "lost", "duplicates",
"p50_ms", "p99_ms", "baseline_p50_ms", "baseline_p99_ms", "rss_mb", ...}.
Exit status 1 when a message was lost or duplicated (``tests/realtime`` runs it
small as the two-process test).
"""

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# the server must sign sessions with the same key as the sessions made here
os.environ.setdefault("SECRET_KEY", "bench-only-" + os.urandom(24).hex())

MARK = "bench-"


from bench.servers import free_port, wait_for_port  # noqa: E402


def rss_mb(pids):
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return round(total / 1024, 1)


def percentile(values, q):
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return round(ordered[index], 2)


# --- the data ----------------------------------------------------------------------


def build(clients):
    """A commune, a group, ``clients`` verified residents with sessions; the
    group's channel."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils.crypto import get_random_string

    from civic.people.models import (
        Household,
        Residency,
        ResidencyStatus,
        User,
        address_key,
    )
    from content.models import AreaKind, AreaPage, HomePage
    from realtime.actions import area_channel

    stamp = get_random_string(6).lower()
    home = HomePage.objects.get()
    commune = AreaPage(title=f"Phường đo {stamp}", kind=AreaKind.WARD)
    home.add_child(instance=commune)
    group = AreaPage(title="Tổ đo", kind=AreaKind.RESIDENTIAL_GROUP)
    commune.add_child(instance=group)
    store = import_module(settings.SESSION_ENGINE).SessionStore
    backend = settings.AUTHENTICATION_BACKENDS[0]
    users = [
        User(
            full_name=f"Cư dân {i}",
            email=f"bench-{stamp}-{i}@example.vn",
            username=f"bench-{stamp}-{i}@example.vn",  # save() is not called
        )
        for i in range(clients)
    ]
    for user in users:
        user.set_unusable_password()
    users = User.objects.bulk_create(users)
    homes = Household.objects.bulk_create(
        [
            Household(area=group, address=a, address_key=address_key(a))
            for a in (f"{i} Đường đo" for i in range(clients))
        ]
    )
    Residency.objects.bulk_create(
        [
            Residency(user=u, household=h, status=ResidencyStatus.VERIFIED)
            for u, h in zip(users, homes, strict=True)
        ]
    )
    sessions = []
    for user in users:
        s = store()
        s[SESSION_KEY] = str(user.pk)
        s[BACKEND_SESSION_KEY] = backend
        s[HASH_SESSION_KEY] = user.get_session_auth_hash()
        s.create()
        sessions.append(s.session_key)
    return area_channel(group), sessions


# --- the baseline server -----------------------------------------------------------


async def baseline_server(port):
    """Every text frame {"type": "post", "body": …} is broadcast to every client
    as {"type": "message", "message": {"body": …}}: the least a chat server does."""
    from websockets.asyncio.server import broadcast, serve

    clients = set()

    async def handler(websocket):
        clients.add(websocket)
        try:
            async for text in websocket:
                try:
                    frame = json.loads(text)
                except ValueError:
                    continue
                if frame.get("type") == "post":
                    out = json.dumps(
                        {"type": "message", "message": {"body": frame.get("body")}}
                    )
                    broadcast(clients, out)
        finally:
            clients.discard(websocket)

    async with serve(handler, "127.0.0.1", port, max_queue=None):
        await asyncio.Future()


# --- the clients -------------------------------------------------------------------


class Client:
    def __init__(self, index):
        self.index = index
        self.socket = None
        self.arrivals = {}  # message number → arrival time
        self.duplicates = 0
        self.task = None
        self.ready = asyncio.Event()

    async def read(self, ready_type):
        if ready_type is None:
            self.ready.set()
        try:
            async for text in self.socket:
                if ready_type and not self.ready.is_set() and ready_type in text:
                    self.ready.set()  # the server has finished setting it up
                if '"message"' not in text:
                    continue
                data = json.loads(text)
                if data.get("type") != "message":
                    continue
                body = data["message"].get("body") or ""
                if not body.startswith(MARK):
                    continue
                number = int(body[len(MARK) :].split(" ", 1)[0])
                if number in self.arrivals:
                    self.duplicates += 1
                else:
                    self.arrivals[number] = time.perf_counter()
        except Exception:
            pass


async def run_clients(
    urls, headers_for, count, messages, interval, timeout, ready_type=None
):
    """Connect ``count`` clients (spread over ``urls``), post ``messages``, and
    return the latencies (ms), the deliveries and the duplicates."""
    from websockets.asyncio.client import connect

    clients = [Client(i) for i in range(count)]
    gate = asyncio.Semaphore(20)
    started = time.perf_counter()

    async def open_one(client):
        async with gate:
            for attempt in range(5):
                try:
                    client.socket = await connect(
                        urls[client.index % len(urls)],
                        additional_headers=headers_for(client.index),
                        open_timeout=60,
                        max_size=2**22,
                        max_queue=None,
                        ping_interval=None,
                    )
                    break
                except Exception:
                    if attempt == 4:
                        raise
                    await asyncio.sleep(0.5 * (attempt + 1))
            client.task = asyncio.ensure_future(client.read(ready_type))

    await asyncio.gather(*(open_one(c) for c in clients))
    # every client has its history: the server's work for the joins is done
    await asyncio.wait_for(
        asyncio.gather(*(c.ready.wait() for c in clients)), timeout=600
    )
    connect_s = time.perf_counter() - started
    await asyncio.sleep(1.5)  # the coalesced presence counts go out
    sent = {}
    for number in range(messages):
        poster = clients[number % count]
        body = f"{MARK}{number} xin chào bà con tổ dân phố"
        sent[number] = time.perf_counter()
        await poster.socket.send(json.dumps({"type": "post", "body": body}))
        await asyncio.sleep(interval)
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if all(len(c.arrivals) >= messages for c in clients):
            break
        await asyncio.sleep(0.1)
    latencies = [
        (arrived - sent[number]) * 1000
        for c in clients
        for number, arrived in c.arrivals.items()
    ]
    delivered = sum(len(c.arrivals) for c in clients)
    duplicates = sum(c.duplicates for c in clients)
    for c in clients:
        c.task.cancel()
    await asyncio.gather(
        *(c.socket.close() for c in clients if c.socket), return_exceptions=True
    )
    return latencies, delivered, duplicates, connect_s


# --- main --------------------------------------------------------------------------


def start_redis():
    """A throwaway redis-server when --redis is asked and none is given."""
    binary = shutil.which("redis-server")
    if not binary:
        raise SystemExit("--redis: set REDIS_URL or install redis-server")
    port = free_port()
    tmp = tempfile.mkdtemp(prefix="fanout-redis-")
    process = subprocess.Popen(
        [binary, "--save", "", "--appendonly", "no", "--port", str(port)]
        + ["--bind", "127.0.0.1", "--dir", tmp],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(port, process)
    return f"redis://127.0.0.1:{port}/0", process


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=20)
    parser.add_argument("--interval", type=float, default=0.25)
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--redis", action="store_true")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--baseline-server", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.baseline_server:
        asyncio.run(baseline_server(args.baseline_server))
        return 0

    redis_process = None
    redis_url = ""
    if args.redis:
        redis_url = os.environ.get("REDIS_URL") or os.environ.get("REDIS_TEST_URL", "")
        if not redis_url:
            redis_url, redis_process = start_redis()
    elif args.processes > 1:
        raise SystemExit("several processes share their groups only with --redis")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    vendor = connection.vendor
    channel, sessions = build(args.clients)
    connection.close()

    env = dict(os.environ, DEBUG="false", SECURE_SSL_REDIRECT="false")
    env["SECURE_COOKIES"] = "false"
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    servers, ports = [], []
    try:
        for _ in range(args.processes):
            port = free_port()
            servers.append(
                subprocess.Popen(
                    [sys.executable, "-m", "daphne"]
                    + ["-b", "127.0.0.1", "-p", str(port)]
                    # a join storm on a small machine outlasts the default 5 s
                    + ["--websocket_connect_timeout", "60"]
                    + ["config.asgi:application"],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            ports.append(port)
        for port, server in zip(ports, servers, strict=True):
            wait_for_port(port, server)
        urls = [f"ws://127.0.0.1:{p}/ws/channels/{channel.pk}/" for p in ports]

        def headers_for(i):
            port = ports[i % len(ports)]
            return {
                "Cookie": f"sessionid={sessions[i]}",
                "Origin": f"http://127.0.0.1:{port}",
            }

        latencies, delivered, duplicates, connect_s = asyncio.run(
            run_clients(
                urls,
                headers_for,
                args.clients,
                args.messages,
                args.interval,
                args.timeout,
                ready_type='"backfill"',
            )
        )
        server_rss = rss_mb([s.pid for s in servers])
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()

    baseline = {}
    if not args.no_baseline:
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, __file__, "--baseline-server", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for_port(port, server)
            b_latencies, b_delivered, b_duplicates, b_connect = asyncio.run(
                run_clients(
                    [f"ws://127.0.0.1:{port}/"],
                    lambda i: {},
                    args.clients,
                    args.messages,
                    args.interval,
                    args.timeout,
                )
            )
            baseline = {
                "baseline_p50_ms": percentile(b_latencies, 50),
                "baseline_p99_ms": percentile(b_latencies, 99),
                "baseline_lost": args.clients * args.messages - b_delivered,
                "baseline_rss_mb": rss_mb([server.pid]),
                "baseline_connect_s": round(b_connect, 1),
            }
        finally:
            server.terminate()
            server.wait(timeout=10)

    if redis_process is not None:
        redis_process.terminate()
        redis_process.wait(timeout=10)

    expected = args.clients * args.messages
    figures = {
        "clients": args.clients,
        "messages": args.messages,
        "delivered": delivered,
        "lost": expected - delivered,
        "duplicates": duplicates,
        "p50_ms": percentile(latencies, 50),
        "p99_ms": percentile(latencies, 99),
        "mean_ms": round(statistics.fmean(latencies), 2) if latencies else None,
        "baseline_p50_ms": None,
        "baseline_p99_ms": None,
        "rss_mb": server_rss,
        "processes": args.processes,
        "layer": "redis-pubsub" if args.redis else "in-process",
        "database": vendor,
        "connect_s": round(connect_s, 1),
        "interval_s": args.interval,
    }
    figures.update(baseline)
    print(json.dumps(figures))
    return 0 if figures["lost"] == 0 and duplicates == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
