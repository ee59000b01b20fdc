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
import contextlib
import json
import os
import random
import resource
import shutil
import socket
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


def cpu_s(pids):
    """CPU seconds (user + system) the processes have used so far: a figure
    that depends less on what else runs on the machine than the wall clock."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total / ticks


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
        self.order = []  # (number, id) of the messages as they arrived
        self.duplicates = 0  # frames of a message this client already had
        self.last_id = None  # the last message id seen (``?after=``)
        self.presence = None  # the last count of people the server told
        self.task = None
        self.ready = asyncio.Event()

    def _got(self, message):
        body = message.get("body") or ""
        if message.get("id"):
            self.last_id = max(self.last_id or 0, message["id"])
        if not body.startswith(MARK):
            return
        number = int(body[len(MARK) :].split(" ", 1)[0])
        if number in self.arrivals:
            self.duplicates += 1  # the page script drops it (same id)
        else:
            self.arrivals[number] = time.perf_counter()
            self.order.append((number, message.get("id") or 0))

    async def read(self, ready_type):
        if ready_type is None:
            self.ready.set()
        try:
            async for text in self.socket:
                if '"backfill"' in text:
                    data = json.loads(text)
                    if data.get("type") == "backfill":
                        if data.get("after") is None and self.last_id is None:
                            # a first connect: the history, not counted
                            ids = [m["id"] for m in data["messages"]]
                            self.last_id = max(ids, default=0)
                        else:
                            for message in data["messages"]:
                                self._got(message)
                if '"presence"' in text:
                    data = json.loads(text)
                    if data.get("type") == "presence":
                        self.presence = data.get("count")
                    elif data.get("type") == "hello":
                        self.presence = data.get("presence")
                if ready_type and not self.ready.is_set() and ready_type in text:
                    self.ready.set()  # the server has finished setting it up
                if '"message"' not in text:
                    continue
                data = json.loads(text)
                if data.get("type") != "message":
                    continue
                self._got(data["message"])
        except Exception:
            pass


async def run_clients(
    urls,
    headers_for,
    count,
    messages,
    interval,
    timeout,
    ready_type=None,
    storm=None,
    mark=lambda name: None,
):
    """Connect ``count`` clients (spread over ``urls``), post ``messages``, and
    return the latencies (ms), the deliveries and the duplicates (and, with
    ``storm``, the figures of a reconnect storm: :func:`reconnect_storm`)."""
    from websockets.asyncio.client import connect

    clients = [Client(i) for i in range(count)]
    gate = asyncio.Semaphore(20)
    started = time.perf_counter()

    async def open_one(client, gated=True, query=""):
        async with gate if gated else contextlib.nullcontext():
            for attempt in range(5):
                try:
                    client.socket = await connect(
                        urls[client.index % len(urls)] + query,
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
            client.ready = asyncio.Event()
            client.task = asyncio.ensure_future(client.read(ready_type))

    await asyncio.gather(*(open_one(c) for c in clients))
    # every client has its history: the server's work for the joins is done
    await asyncio.wait_for(
        asyncio.gather(*(c.ready.wait() for c in clients)), timeout=600
    )
    connect_s = time.perf_counter() - started
    mark("connected")
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
    mark("delivered")
    latencies = [
        (arrived - sent[number]) * 1000
        for c in clients
        for number, arrived in c.arrivals.items()
    ]
    delivered = sum(len(c.arrivals) for c in clients)
    duplicates = sum(c.duplicates for c in clients)
    stormed = None
    if storm is not None:
        mark("storm")
        stormed = await reconnect_storm(clients, open_one, messages, storm)
        mark("stormed")
        clients += stormed.pop("posters")
    for c in clients:
        c.task.cancel()
    await asyncio.gather(
        *(c.socket.close() for c in clients if c.socket), return_exceptions=True
    )
    return latencies, delivered, duplicates, connect_s, stormed


async def reconnect_storm(clients, open_one, first, storm):
    """Every client drops its connection at once (the transport aborted, as in a
    network blip) and reconnects after a random delay in [0.5, 1.5) s (the page
    script's first retry, ``channel.js``) with ``?after=<last id seen>``, while
    posters (``storm["posters"]`` other residents, connected throughout) keep
    posting ``storm["messages"]`` messages, one every ``storm["interval"]`` s.
    At the end every client must have every message once, in order."""
    posters = [Client(index) for index in storm["poster_indexes"]]
    await asyncio.gather(*(open_one(p) for p in posters))
    await asyncio.gather(*(p.ready.wait() for p in posters))
    numbers = list(range(first, first + storm["messages"]))

    async def post():
        for i, number in enumerate(numbers):
            poster = posters[i % len(posters)]
            body = f"{MARK}{number} mất mạng rồi có lại"
            await poster.socket.send(json.dumps({"type": "post", "body": body}))
            await asyncio.sleep(storm["interval"])

    async def come_back(client):
        await asyncio.sleep(0.5 + random.random())
        await open_one(client, gated=False, query=f"?after={client.last_id or 0}")
        await client.ready.wait()

    for c in clients:
        c.duplicates = 0
    posting = asyncio.ensure_future(post())
    await asyncio.sleep(min(1.0, storm["interval"] * 2))  # messages are coming
    dropped = time.perf_counter()
    for c in clients:
        c.task.cancel()
        c.socket.transport.abort()
    await asyncio.wait_for(
        asyncio.gather(*(come_back(c) for c in clients)), timeout=600
    )
    back_s = time.perf_counter() - dropped
    await posting
    deadline = time.perf_counter() + storm["timeout"]
    while time.perf_counter() < deadline:
        if all(all(n in c.arrivals for n in numbers) for c in clients):
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(2)  # the coalesced presence counts (1 s) go out
    people = len(clients) + len(posters)
    lost = sum(1 for c in clients for n in numbers if n not in c.arrivals)
    # in the server's order: the ids (the posters' messages may be saved in
    # another order than they were sent)
    out_of_order = sum(
        1
        for c in clients
        if (ids := [i for n, i in c.order if n >= first]) != sorted(set(ids))
    )
    return {
        "reconnect_lost": lost,
        "reconnect_duplicates": sum(c.duplicates for c in clients),
        "reconnect_out_of_order": out_of_order,
        "reconnect_s": round(back_s, 1),
        "reconnect_messages": len(numbers),
        # clients whose last presence count is not everyone (one per person)
        "reconnect_presence_wrong": sum(
            1 for c in clients + posters if c.presence != people
        ),
        "posters": posters,
    }


# --- main --------------------------------------------------------------------------


def server_command(kind, fd):
    """The ASGI server serving ``config.asgi:application`` on the listening
    socket ``fd``."""
    if kind == "uvicorn":
        return [sys.executable, "-m", "uvicorn", "config.asgi:application"] + [
            "--fd",
            str(fd),
            "--ws",
            "websockets",
            "--lifespan",
            "off",
            "--no-access-log",
            "--log-level",
            "warning",
        ]
    # daphne (Twisted) adopts a listening socket as systemd passes it: fd 3,
    # LISTEN_FDS and LISTEN_PID (see docs/deploy.md, socket activation)
    adopt = (
        "import os, sys; os.dup2(int(sys.argv[1]), 3); "
        "os.environ.update(LISTEN_FDS='1', LISTEN_FDNAMES='web', "
        "LISTEN_PID=str(os.getpid())); "
        "os.execv(sys.executable, [sys.executable] + sys.argv[2:])"
    )
    return [sys.executable, "-c", adopt, str(fd), "-m", "daphne"] + [
        "-e",
        "systemd:domain=INET:index=0",
        # a join storm on a small machine outlasts the default 5 s
        "--websocket_connect_timeout",
        "60",
        "config.asgi:application",
    ]


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
    parser.add_argument("--server", choices=["daphne", "uvicorn"], default="daphne")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--reconnect-storm",
        action="store_true",
        help="then every client drops and reconnects at once while messages come",
    )
    parser.add_argument("--storm-messages", type=int, default=20)
    parser.add_argument("--storm-posters", type=int, default=8)
    parser.add_argument("--baseline-server", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.baseline_server:
        asyncio.run(baseline_server(args.baseline_server))
        return 0
    # thousands of client sockets in this process
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = min(hard, max(soft, 4 * args.clients + 1024))
    if hard == resource.RLIM_INFINITY:
        wanted = max(soft, 4 * args.clients + 1024)
    resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))

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
    posters = args.storm_posters if args.reconnect_storm else 0
    channel, sessions = build(args.clients + posters)
    connection.close()

    env = dict(os.environ, DEBUG="false", SECURE_SSL_REDIRECT="false")
    env["SECURE_COOKIES"] = "false"
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    servers, listeners = [], []
    cpu = {}

    def mark(name):
        cpu[name] = cpu_s([s.pid for s in servers])

    # one address for every process (as behind one URL): each process gets its
    # own listening socket on the same port (SO_REUSEPORT), the kernel spreads
    # the connections over them
    port = free_port()
    try:
        for _ in range(args.processes):
            listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            listener.bind(("127.0.0.1", port))
            # a thousand sockets reconnecting in the same second overflow a
            # small backlog (Twisted's default is 50) and wait for the kernel's
            # SYN retries (1 s, 3 s, 7 s...)
            listener.listen(4096)
            listeners.append(listener)
            servers.append(
                subprocess.Popen(
                    server_command(args.server, listener.fileno()),
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    pass_fds=[listener.fileno()],
                )
            )
        for server in servers:
            wait_for_port(port, server)
        time.sleep(1)  # every process is up (the port answers with the first)
        for server in servers:
            if server.poll() is not None:
                raise SystemExit(f"a server exited ({server.returncode})")
        urls = [f"ws://127.0.0.1:{port}/ws/channels/{channel.pk}/"]
        mark("started")

        def headers_for(i):
            return {
                "Cookie": f"sessionid={sessions[i]}",
                "Origin": f"http://127.0.0.1:{port}",
            }

        storm = None
        if args.reconnect_storm:
            storm = {
                "messages": args.storm_messages,
                "interval": args.interval,
                "timeout": args.timeout,
                "poster_indexes": range(args.clients, args.clients + posters),
            }
        latencies, delivered, duplicates, connect_s, stormed = asyncio.run(
            run_clients(
                urls,
                headers_for,
                args.clients,
                args.messages,
                args.interval,
                args.timeout,
                ready_type='"backfill"',
                storm=storm,
                mark=mark,
            )
        )
        server_rss = rss_mb([s.pid for s in servers])
    finally:
        for listener in listeners:
            listener.close()
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
            b_latencies, b_delivered, b_duplicates, b_connect, _ = asyncio.run(
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
        "server": args.server,
        "layer": "redis-pubsub" if args.redis else "in-process",
        "database": vendor,
        "connect_s": round(connect_s, 1),
        "interval_s": args.interval,
    }
    figures.update(baseline)
    # the servers' CPU seconds for the connects (and the storm's reconnects)
    figures["connect_cpu_s"] = round(cpu["connected"] - cpu["started"], 1)
    # and for the messages: CPU microseconds per frame delivered
    figures["frame_cpu_us"] = (
        round((cpu["delivered"] - cpu["connected"]) / delivered * 1e6, 1)
        if delivered
        else None
    )
    if stormed:
        figures["reconnect_cpu_s"] = round(cpu["stormed"] - cpu["storm"], 1)
    figures.update(stormed or {})
    print(json.dumps(figures))
    ok = figures["lost"] == 0 and duplicates == 0
    if stormed:
        ok = ok and not (
            stormed["reconnect_lost"]
            or stormed["reconnect_duplicates"]
            or stormed["reconnect_out_of_order"]
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
