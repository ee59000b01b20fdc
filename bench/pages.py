"""Public pages against the stack's floor, and a storm notice read by a whole ward.

    .venv/bin/python bench/pages.py [--seconds 8] [--storm-clients 1000]
    scripts/with-postgres scripts/with-redis .venv/bin/python bench/pages.py --postgres
    .venv/bin/python bench/pages.py --seconds 2 --storm-clients 100   # a quick look
    PAGE_CACHE=false .venv/bin/python bench/pages.py   # the server's environment

Starts the project exactly as ``make run`` configures it, in a throwaway directory
(``VAR_DIR``, ``STATIC_ROOT``, ``MEDIA_ROOT`` and the Whoosh index under a temporary
folder; the checkout's ``var/`` is not touched): ``migrate``, ``seed_demo`` (the
ward, its services and its meetings), ``collectstatic``, then one
``daphne config.asgi:application`` with ``DEBUG`` off and the task worker beside
it (``db_worker --backend queue``: search indexing and the rest), on SQLite; with
``--postgres`` on ``DATABASE_URL`` and ``REDIS_URL`` (or ``REDIS_TEST_URL``, which
``scripts/with-redis`` sets; else a throwaway ``redis-server``: give it a Redis of
its own, whose cache holds nothing of another run). Next to it, one daphne process
serves a bare Django view from the same virtualenv (``bench/bare/``: no apps, no
middleware, no database, an HTML page of the real pages' median size).

The demo has no poll, feedback report or comment: the bench adds an open poll in
the ward, a public feedback report and three comments on the urgent storm notice
(with the project's own actions where they exist), then finds the address of each
public page type in the database: portal, ward, group, news, notice, poll,
feedback list, feedback report, services, support points, meetings and search
results. Each is checked once (status 200, no redirect), then driven for
``--seconds`` with ``wrk -t2 -c16`` (a Python client when ``wrk`` is missing or
with ``--python-client``), each run followed by a run against the bare view
(``--bare-seconds``, half as long by default) so that both see the same machine
state; between runs the bench waits until the server's CPU time stops growing (the
queue of the last run is drained).
``ratio`` is the page's rate over that of the bare run next to it. Then the same for
a signed-in verified resident (a session made in the database, sent as a cookie,
with the CSRF cookie its first page set, as a phone's browser keeps it)
on the ward, the resident's group, the poll and the feedback list: ``signed_in``.
The bare view runs on Django's stock ASGI handler (the issue's floor); the project
runs on its own (``civic/core/asgi.py``), which also spares the bare view Django's
new thread per request. So the same bare view is also served on the project's
handler (``bench/bare/asgi_pooled.py``) and measured once after the signed-in
pages: ``ratio_pooled_bare`` of each, ``baseline_pooled_per_s``, and
``min_signed_in_ratio_pooled_bare`` — the stricter figure.

Storm: ``--storm-clients`` distinct clients (one connection each, no cookies)
arrive spread over ``--storm-window`` seconds, each reading the ward page, then the
urgent notice with its comments (they are on the notice's own page), at most
``--storm-concurrency`` at a time; a latency runs from when the household meant to
send the request (its arrival, or its previous answer), so waiting for a free
connection counts. Half-way, an editor publishes a revision of the notice through
the Wagtail admin's edit form over HTTP (the real path: signed-in session, CSRF,
``action-publish``): a code in the notice's summary (shown on the ward page and the
notice) and in a new first paragraph of its body. Every response to a request sent
after the publish answered must carry the code: those without it are
``stale_after_publish``. Requests still unanswered ``--storm-timeout`` seconds after
the window are errors, as are non-200 answers and connection errors. The search page
for the code, read (and cached) before the publish, must find the notice after the
storm, within 30 s: the task worker indexed it and its bump reached the server's page
cache (``search_finds_update_s``; ``search_before_publish`` must be false).

Last line: JSON {"pages": {"<name>": {"per_s", "ratio", …}}, "signed_in": {…},
"storm": {"requests", "p95_ms", "stale_after_publish", "errors", …},
"baseline_per_s", "db", "quiet", …}; "quiet" gives the load average at the start
and the end (another busy process makes every figure lower). At the defaults it
runs for about six minutes. Exit status 1 when a page did not answer 200, a
response was stale (the search page included), or the editor's publish failed.
"""

import argparse
import http.client
import json
import os
import random
import re
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WRK = shutil.which("wrk")
SEARCH_QUERY = "bão"
COMMENT_MARK = "Bình luận đo tốc độ"


def log(message):
    print(f"bench/pages: {message}", file=sys.stderr, flush=True)


from bench.servers import free_port, wait_for_port  # noqa: E402


def percentile(values, q):
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return round(ordered[index], 1)


def cpu_seconds(pid):
    """User + system CPU time of a process, from /proc (None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def settle(pid, quiet_for=0.4, limit=60):
    """Wait until the server stops using CPU: what the last run left queued is done."""
    deadline = time.monotonic() + limit
    last = cpu_seconds(pid)
    if last is None:
        time.sleep(1)
        return
    still_since = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = cpu_seconds(pid)
        if now - last > 0.02:
            still_since = time.monotonic()
        last = now
        if time.monotonic() - still_since >= quiet_for:
            return


# --- load: wrk, or a Python client ---------------------------------------------------

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def _ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    return round(float(match.group(1)) * _UNITS[match.group(2)], 2) if match else None


def parse_wrk(output):
    """The figures of a ``wrk --latency`` report: requests, rate, errors, latency."""
    figures = {"requests": 0, "per_s": 0.0, "non_2xx": 0, "socket_errors": 0}
    match = re.search(r"(\d+) requests in ([\d.]+\w+)", output)
    if match:
        figures["requests"] = int(match.group(1))
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if match:
        figures["per_s"] = round(float(match.group(1)), 1)
    match = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if match:
        figures["non_2xx"] = int(match.group(1))
    match = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if match:
        figures["socket_errors"] = sum(int(n) for n in match.groups())
    for q in ("50", "90", "99"):
        match = re.search(rf"^\s+{q}(?:\.000)?%\s+(\S+)", output, re.MULTILINE)
        if match and figures["requests"]:
            figures[f"p{q}_ms"] = _ms(match.group(1))
    return figures


def run_wrk(url, seconds, connections, threads, cookie=None):
    # wrk takes whole seconds
    command = [WRK, f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s"]
    command += ["--timeout", "30s", "--latency"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    done = subprocess.run(
        command + [url], capture_output=True, text=True, timeout=seconds + 60
    )
    if done.returncode != 0:
        raise SystemExit(f"wrk failed on {url}: {(done.stderr or done.stdout)[:500]}")
    return parse_wrk(done.stdout)


def run_python(url, seconds, connections, cookie=None):
    """What wrk would measure, with threads and keep-alive connections (slower)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = {"Cookie": cookie} if cookie else {}
    stop = time.perf_counter() + seconds
    latencies, statuses, errors = [], [], [0]
    lock = threading.Lock()

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while time.perf_counter() < stop:
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                conn.close()
                with lock:
                    errors[0] += 1
                continue
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)
                statuses.append(response.status)
        conn.close()

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(connections)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - started
    return {
        "requests": len(statuses),
        "per_s": round(len(statuses) / elapsed, 1),
        "non_2xx": sum(1 for s in statuses if not 200 <= s < 400),
        "socket_errors": errors[0],
        "p50_ms": percentile(latencies, 50),
        "p90_ms": percentile(latencies, 90),
        "p99_ms": percentile(latencies, 99),
    }


def load(url, seconds, args, cookie=None):
    if WRK and not args.python_client:
        return run_wrk(url, seconds, args.connections, 2, cookie)
    return run_python(url, seconds, args.connections, cookie)


# --- the project: settings, seeding, data ------------------------------------------


def project_env(args, var_dir):
    """The environment of `make run` (DEBUG off, loopback), in ``var_dir``."""
    env = dict(os.environ)
    for name in (
        "DEBUG",
        "ALLOWED_HOSTS",
        "SECURE_SSL_REDIRECT",
        "SECURE_COOKIES",
        "SECURE_HSTS_SECONDS",
        "SERVE_MEDIA",
        "BASE_URL",
        "DJANGO_SETTINGS_MODULE",
    ):
        env.pop(name, None)
    env["VAR_DIR"] = str(var_dir)
    env["STATIC_ROOT"] = str(var_dir / "static")
    env["MEDIA_ROOT"] = str(var_dir / "media")
    # the server must check the sessions made here with the same key
    env["SECRET_KEY"] = "bench-only-" + os.urandom(24).hex()
    env["PYTHONUNBUFFERED"] = "1"
    if args.postgres:
        if not env.get("DATABASE_URL", "").startswith("postgres"):
            raise SystemExit(
                "--postgres: set DATABASE_URL, e.g. run under "
                "scripts/with-postgres scripts/with-redis"
            )
    else:
        # the embedded default, even when run under scripts/with-postgres
        env.pop("DATABASE_URL", None)
        env.pop("REDIS_URL", None)
    return env


def start_redis(tmp):
    binary = shutil.which("redis-server")
    if not binary:
        raise SystemExit("--postgres: set REDIS_URL or install redis-server")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--save", "", "--appendonly", "no", "--port", str(port)]
        + ["--bind", "127.0.0.1", "--dir", str(tmp)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for_port(port, process)
    return f"redis://127.0.0.1:{port}/0", process


def seed(env):
    """`make seed` and the collectstatic of `make run`; their progress on stderr."""
    steps = [
        ["migrate", "--noinput", "--verbosity", "0"],
        ["seed_demo", "--quiet-accounts"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
    ]
    for step in steps:
        log(f"manage.py {step[0]}")
        done = subprocess.run(
            [sys.executable, "manage.py", *step],
            cwd=ROOT,
            # indexed as it is seeded (the task worker would otherwise index
            # the whole demo in the timed server's first seconds)
            env={**env, "SEARCH_INDEX_QUEUE": "false"},
            stdout=sys.stderr,
            stderr=sys.stderr,
        )
        if done.returncode:
            raise SystemExit(f"manage.py {step[0]} failed ({done.returncode})")


def make_session(user):
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def build():
    """The demo's addresses, with what the demo lacks (a poll, a feedback report,
    comments on the storm notice) added; the sessions of a resident and an editor."""
    from urllib.parse import quote

    from django.utils import timezone

    from civic.comments.actions import post_comment
    from civic.feedback.actions import submit_report
    from civic.feedback.models import Category
    from civic.meetings.models import Meeting
    from civic.people.models import Residency, ResidencyStatus, RoleKind, User
    from civic.polls.models import Choice, Poll
    from content.models import AreaKind, AreaPage, NewsPage, NoticePage

    ward = AreaPage.objects.live().filter(kind=AreaKind.WARD).order_by("path").first()
    if ward is None:
        raise SystemExit("the demo ward is missing: did seed_demo run?")
    residencies = list(
        Residency.objects.filter(
            status=ResidencyStatus.VERIFIED, household__area__path__startswith=ward.path
        )
        .select_related("user", "household__area")
        .order_by("household__area__path", "pk")
    )
    if len(residencies) < 4:
        raise SystemExit("the demo has fewer than 4 verified residents")
    resident = residencies[0].user
    group = residencies[0].household.area.specific
    editor = (
        User.objects.filter(
            area_roles__kind=RoleKind.COMMUNE_EDITOR,
            area_roles__area=ward,
            is_active=True,
        )
        .order_by("pk")
        .first()
    )
    if editor is None:
        editor = User.objects.filter(is_superuser=True, is_active=True).first()

    notices = NoticePage.objects.live().descendant_of(ward).filter(is_urgent=True)
    notice = (
        notices.filter(title__icontains="bão").first()
        or notices.order_by("-posting_starts").first()
    )
    if notice is None:
        raise SystemExit("the demo has no urgent notice")
    news = NewsPage.objects.live().child_of(ward).order_by("-date", "pk").first()

    now = timezone.now()
    poll = Poll.objects.create(
        area=ward,
        title="Chọn ngày tổng vệ sinh khu dân cư sau bão",
        description="Bà con chọn một ngày để cả phường cùng dọn dẹp.",
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=3),
    )
    for i, label in enumerate(["Thứ Bảy", "Chủ nhật", "Thứ Hai"]):
        Choice.objects.create(poll=poll, label=label, sort_order=i)
    report = submit_report(
        residencies[1].user,
        residencies[1].household.area.specific,
        category=Category.values[0],
        title="Cây xanh đổ chắn lối đi sau mưa lớn",
        description="Một cây bàng lớn bị đổ, chắn nửa đường, xe máy khó đi qua.",
        address=residencies[1].household.address,
    )
    for i, residency in enumerate(residencies[1:4]):
        post_comment(
            residency.user,
            notice,
            f"{COMMENT_MARK} {i + 1}: nhà tôi đã chằng chống xong, cảm ơn phường.",
        )
    meeting_area = ward if Meeting.objects.filter(area=ward).exists() else group
    return {
        "ward": ward,
        "group": group,
        "notice": notice,
        "urls": {
            "portal": "/",
            "ward": ward.url,
            "group": group.url,
            "news": news.url if news else None,
            "notice": notice.url,
            "poll": f"/binh-chon/{poll.pk}/",
            "feedback_list": "/phan-anh/",
            "feedback_report": f"/phan-anh/{report.pk}/",
            "services": "/dich-vu-cong/",
            "support_points": "/diem-ho-tro/",
            "meetings": f"/cuoc-hop/khu-vuc/{meeting_area.pk}/",
            "search": "/tim-kiem/?q=" + quote(SEARCH_QUERY),
        },
        "resident_session": make_session(resident),
        "editor_session": make_session(editor),
        "editor_is_superuser": editor.is_superuser,
    }


# --- HTTP helpers ------------------------------------------------------------------


def get(port, path, cookie=None, timeout=60):
    """(status, body bytes, response) of one GET on a fresh connection."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Cookie": cookie} if cookie else {}
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.read(), response
    finally:
        conn.close()


def signed_in_cookie(port, path, cookie):
    """``cookie`` plus the ``csrftoken`` cookie the first signed-in page sets,
    as a browser sends them on the next pages."""
    _status, _body, response = get(port, path, cookie)
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        if name.strip() == "csrftoken":
            return f"{cookie}; csrftoken={rest.split(';', 1)[0]}"
    raise SystemExit(f"{path}: a signed-in page set no CSRF cookie")


def check_page(port, name, path, cookie=None, must=()):
    status, body, _ = get(port, path, cookie)
    if status != 200:
        raise SystemExit(f"{name} {path}: status {status}, not 200")
    for text in must:
        if text.encode() not in body:
            raise SystemExit(f"{name} {path}: {text!r} is not on the page")
    return len(body)


# --- the editor: a revision published through the Wagtail admin ------------------


class Editor:
    """The admin's edit form of a page, read before the storm and posted (with
    ``action-publish``) half-way through it."""

    def __init__(self, port, session_key, page_pk):
        import requests

        self.base = f"http://127.0.0.1:{port}"
        self.url = f"{self.base}/quan-tri/pages/{page_pk}/edit/"
        self.http = requests.Session()
        self.http.cookies.set("sessionid", session_key, domain="127.0.0.1")
        self.fields = None

    def load_form(self):
        from bs4 import BeautifulSoup

        response = self.http.get(self.url, timeout=120, allow_redirects=False)
        if response.status_code != 200:
            raise SystemExit(f"editor: the edit form answered {response.status_code}")
        soup = BeautifulSoup(response.text, "html.parser")
        form = soup.find("form", id="page-edit-form")
        if form is None:
            raise SystemExit("editor: no page-edit-form on the edit page")
        fields = []
        for el in form.find_all(["input", "select", "textarea"]):
            name = el.get("name")
            if not name or el.find_parent("template") or el.has_attr("disabled"):
                continue
            if el.name == "textarea":
                fields.append((name, el.text.removeprefix("\n")))
            elif el.name == "select":
                chosen = (
                    el.find_all("option", selected=True) or el.find_all("option")[:1]
                )
                fields.extend((name, o.get("value", o.text)) for o in chosen)
            elif el.get("type") in ("checkbox", "radio"):
                if el.has_attr("checked"):
                    fields.append((name, el.get("value", "on")))
            elif el.get("type") not in ("submit", "button", "image", "file"):
                fields.append((name, el.get("value", "")))
        self.fields = fields

    def publish(self, code):
        """Post the form with ``code`` in the summary and the body; True once the
        admin answered with its redirect (the revision is live)."""
        from django.utils import timezone

        lead = f"Cập nhật lúc {timezone.localtime():%H:%M} (mã {code}):"
        fields = []
        for name, value in self.fields:
            if name == "intro":
                value = f"{lead} {value}"[:300]
            elif name == "body":
                value = self._body_with(
                    value,
                    f"{lead} bão đã đổi hướng vào đất liền, bà con tiếp tục ở trong "
                    f"nhà, không ra biển.",
                )
            fields.append((name, value))
        fields.append(("action-publish", "action-publish"))
        response = self.http.post(
            self.url,
            data=fields,
            headers={"Referer": self.url},
            timeout=300,
            allow_redirects=False,
        )
        if response.status_code != 302:
            errors = re.findall(
                r'class="error-message"[^>]*>\s*<[^>]*>([^<]+)', response.text
            )
            log(f"editor: publish answered {response.status_code} {errors[:3]}")
            return False
        return True

    @staticmethod
    def _body_with(value, paragraph):
        """The Draftail content state with ``paragraph`` as its first block."""
        try:
            state = json.loads(value)
        except ValueError:
            return value
        block = {
            "key": "bench" + "".join(random.choices(string.ascii_lowercase, k=3)),
            "type": "unstyled",
            "depth": 0,
            "text": paragraph,
            "inlineStyleRanges": [],
            "entityRanges": [],
            "data": {},
        }
        state.setdefault("blocks", []).insert(0, block)
        return json.dumps(state, ensure_ascii=False)


# --- the storm ---------------------------------------------------------------------


def storm(port, paths, args, editor, code):
    """``args.storm_clients`` households arrive over the window, each reading
    ``paths`` on its own connection; the editor publishes half-way."""
    clients = args.storm_clients
    window = args.storm_window
    # (path, intended, sent, ended, status or what went wrong, has code, has comments)
    results = []
    lock = threading.Lock()
    published = {}
    t0 = time.perf_counter() + 0.5
    hard_end = t0 + window + args.storm_timeout
    code_bytes = code.encode()
    comment_bytes = COMMENT_MARK.encode()
    headers = {"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.8"}

    def household(i, arrival):
        agent = f"ho-gia-dinh-{i}"
        conn = None
        intended = arrival
        for path in paths:
            sent = time.perf_counter()
            status, has_code, has_comments = "timeout", False, False  # not sent
            if sent < hard_end:
                try:
                    if conn is None:
                        conn = http.client.HTTPConnection("127.0.0.1", port)
                    conn.timeout = max(0.5, hard_end - sent)
                    if conn.sock is not None:
                        conn.sock.settimeout(conn.timeout)
                    conn.request("GET", path, headers=headers | {"User-Agent": agent})
                    response = conn.getresponse()
                    body = response.read()
                    status = response.status
                    has_code = code_bytes in body
                    has_comments = comment_bytes in body
                except TimeoutError:
                    status = "timeout"
                except (OSError, http.client.HTTPException):
                    status = "connection error"
                if not isinstance(status, int) and conn is not None:
                    conn.close()
                    conn = None
            ended = time.perf_counter()
            with lock:
                results.append(
                    (path, intended, sent, ended, status, has_code, has_comments)
                )
            intended = ended
        if conn is not None:
            conn.close()

    def publisher():
        delay = t0 + window / 2 - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        published["started"] = time.perf_counter()
        ok = editor.publish(code)
        published["done"] = time.perf_counter()
        published["ok"] = ok

    rng = random.Random(15)
    arrivals = sorted(
        t0 + window * (i + rng.random()) / clients for i in range(clients)
    )
    editor_thread = threading.Thread(target=publisher)
    editor_thread.start()
    with ThreadPoolExecutor(args.storm_concurrency) as pool:
        for i, arrival in enumerate(arrivals):
            delay = arrival - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(household, i, arrival)
    editor_thread.join()

    done_at = published.get("done", float("inf"))
    answered = [r for r in results if r[4] == 200]
    latencies = [(r[3] - r[1]) * 1000 for r in answered]
    after = [r for r in answered if r[2] >= done_at]
    stale = [r for r in after if not r[5]]
    figures = {
        "clients": clients,
        "window_s": window,
        "requests": len(results),
        "answered_200": len(answered),
        "per_s": round(len(answered) / max(0.001, max(r[3] for r in results) - t0), 1)
        if results
        else 0,
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "p99_ms": percentile(latencies, 99),
        "max_ms": percentile(latencies, 100),
        "errors": len(results) - len(answered),
        "statuses": {
            str(s): sum(1 for r in results if r[4] == s)
            for s in sorted({r[4] for r in results}, key=str)
        },
        "published": bool(published.get("ok")),
        "publish_at_s": round(published["started"] - t0, 1)
        if "started" in published
        else None,
        "publish_took_ms": round((done_at - published["started"]) * 1000)
        if published.get("ok")
        else None,
        "checked_after_publish": len(after),
        # the check means something only if the code was not there before
        "code_before_publish": sum(
            1 for r in answered if r[5] and r[3] < published.get("started", 0)
        ),
        "stale_after_publish": len(stale),
        "stale_by_page": {
            name: sum(1 for r in stale if r[0] == path)
            for name, path in zip(("ward", "notice"), paths, strict=True)
        },
        # the comments are on the notice's own page: every answer shows them
        "notice_without_comments": sum(
            1 for r in answered if r[0] == paths[1] and not r[6]
        ),
    }
    return figures


def found_by_search(port, path, link, wait=30):
    """Seconds (after the storm) until the search page ``path`` links ``link``:
    the worker indexed the update and the server forgot its cached search page;
    ``None`` if it did not within ``wait`` seconds."""
    started = time.monotonic()
    while time.monotonic() - started < wait:
        if link in get(port, path)[1]:
            return round(time.monotonic() - started, 2)
        time.sleep(0.25)
    return None


# --- main --------------------------------------------------------------------------


def start_daphne(app, port, env, log_path):
    """One daphne process; what it prints (its access log too) goes to
    ``log_path``, as `make run` prints it to the terminal."""
    with open(log_path, "ab") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), app],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def start_worker(env, log_path):
    """The task worker beside the server, as `make run` starts it (search
    indexing, email and the rest run there)."""
    with open(log_path, "ab") as output:
        return subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--backend", "queue"]
            + ["--no-reload", "--verbosity", "0"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def log_tail(log_path, lines=30):
    """The end of a server's output without its access log lines."""
    try:
        text = Path(log_path).read_text(errors="replace").splitlines()
    except OSError:
        return
    kept = [line for line in text if '] "' not in line][-lines:]
    if kept:
        log(f"the end of {Path(log_path).name}:\n" + "\n".join(kept))


def stop(process):
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def measure(name, url, bare_url, args, server, bare, cookie=None):
    """The page for ``--seconds``, then the bare view for ``--bare-seconds``."""
    project = load(url, args.seconds, args, cookie)
    settle(server.pid)
    floor = load(bare_url, args.bare_seconds, args)
    settle(bare.pid)
    ratio = round(project["per_s"] / floor["per_s"], 3) if floor["per_s"] else None
    figures = {
        "path": "/" + url.split("/", 3)[3],
        "per_s": project["per_s"],
        "ratio": ratio,
        "bare_per_s": floor["per_s"],
        "requests": project["requests"],
        "p50_ms": project.get("p50_ms"),
        "p99_ms": project.get("p99_ms"),
        "non_2xx": project["non_2xx"],
        "socket_errors": project["socket_errors"],
    }
    log(
        f"{name:<16} {project['per_s']:>8.1f}/s  bare {floor['per_s']:>7.1f}/s  "
        f"ratio {ratio}  p50 {project.get('p50_ms')} ms"
    )
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--seconds", type=int, default=8, help="per page")
    parser.add_argument(
        "--bare-seconds", type=int, help="per bare run (default: half --seconds)"
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--storm-clients", type=int, default=1000)
    parser.add_argument("--storm-window", type=float, default=60)
    parser.add_argument("--storm-timeout", type=float, default=30)
    parser.add_argument("--storm-concurrency", type=int, default=64)
    parser.add_argument("--no-storm", action="store_true")
    parser.add_argument(
        "--python-client", action="store_true", help="not wrk, even when installed"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = parser.parse_args()
    args.bare_seconds = args.bare_seconds or max(1, args.seconds // 2)
    bare_marker = "bench-bare"

    if not WRK:
        log("wrk is not installed: a Python client drives the pages (lower ceiling)")
    load_start = os.getloadavg()
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    var_dir = tmp / "var"
    var_dir.mkdir()
    env = project_env(args, var_dir)
    redis = None
    server = worker = bare = bare_pooled = pooled_floor = None
    project_log = tmp / "project.log"
    try:
        if args.postgres and not env.get("REDIS_URL"):
            # scripts/with-redis names its server REDIS_TEST_URL
            env["REDIS_URL"] = env.get("REDIS_TEST_URL", "")
            if not env["REDIS_URL"]:
                env["REDIS_URL"], redis = start_redis(tmp)
        os.environ.update(env)
        for name in set(os.environ) - set(env):
            del os.environ[name]
        os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
        seed(env)

        import django

        django.setup()
        from django.db import connection

        data = build()
        vendor = connection.vendor
        connection.close()

        port = free_port()
        # `make run`: the task worker beside daphne (it indexes what build()
        # and the storm's editor saved; its writes reach the server's page
        # cache through the flush file)
        worker = start_worker(env, tmp / "worker.log")
        server = start_daphne("config.asgi:application", port, env, project_log)
        wait_for_port(port, server)
        base = f"http://127.0.0.1:{port}"
        resident = f"sessionid={data['resident_session']}"
        notice_title = data["notice"].title
        must = {
            "ward": [notice_title],
            "notice": [notice_title, COMMENT_MARK],
        }
        urls = {k: v for k, v in data["urls"].items() if v}
        sizes = {}
        for name, path in urls.items():
            sizes[name] = check_page(port, name, path, must=must.get(name, ()))
        signed_in_names = ["ward", "group", "poll", "feedback_list"]
        # a resident's phone keeps the CSRF cookie its first page set (without
        # it every page would make and set a new one)
        resident = signed_in_cookie(port, urls["ward"], resident)
        for name in signed_in_names:
            # the resident's own page: it offers signing out
            check_page(port, name, urls[name], resident, must=["/dang-xuat/"])

        bare_port = free_port()
        bare_env = dict(env, DJANGO_SETTINGS_MODULE="bench.bare.settings")
        bare_env["BENCH_BARE_BYTES"] = str(int(statistics.median(sizes.values())))
        bare = start_daphne(
            "bench.bare.asgi:application", bare_port, bare_env, tmp / "bare.log"
        )
        wait_for_port(bare_port, bare)
        bare_url = f"http://127.0.0.1:{bare_port}/"
        check_page(bare_port, bare_marker, "/")
        # the same bare view on the project's own handler (civic/core/asgi.py)
        pooled_port = free_port()
        bare_pooled = start_daphne(
            "bench.bare.asgi_pooled:application",
            pooled_port,
            bare_env,
            tmp / "bare-pooled.log",
        )
        wait_for_port(pooled_port, bare_pooled)
        bare_pooled_url = f"http://127.0.0.1:{pooled_port}/"
        check_page(pooled_port, bare_marker, "/")
        settle(server.pid)

        pages = {}
        for name, path in urls.items():
            pages[name] = measure(name, base + path, bare_url, args, server, bare)
            pages[name]["bytes"] = sizes[name]
        signed_in = {}
        for name in signed_in_names:
            signed_in[name] = measure(
                f"{name} (signed in)",
                base + urls[name],
                bare_url,
                args,
                server,
                bare,
                cookie=resident,
            )
        # the stricter floor: the bare view without Django's per-request thread
        settle(bare_pooled.pid)
        pooled_floor = load(bare_pooled_url, args.seconds, args)
        settle(bare_pooled.pid)
        log(f"bare view on the pooled handler {pooled_floor['per_s']:>7.1f}/s")
        for figures in signed_in.values():
            figures["ratio_pooled_bare"] = (
                round(figures["per_s"] / pooled_floor["per_s"], 3)
                if pooled_floor["per_s"]
                else None
            )

        storm_figures = None
        if not args.no_storm:
            code = "".join(random.choices(string.ascii_uppercase + string.digits, k=8))
            editor = Editor(port, data["editor_session"], data["notice"].pk)
            editor.load_form()
            # the search page for the code, kept by the page cache before the
            # publish: the task worker indexes the update, and its bump of the
            # search pages reaches the server through the flush file
            search_path = "/tim-kiem/?q=" + code
            notice_link = f'href="{urls["notice"]}"'.encode()
            search_before = any(
                notice_link in get(port, search_path)[1] for _ in range(2)
            )
            log(
                f"storm: {args.storm_clients} households over {args.storm_window:g} s,"
                f" the editor publishes at {args.storm_window / 2:g} s"
            )
            storm_figures = storm(
                port, [urls["ward"], urls["notice"]], args, editor, code
            )
            storm_figures["editor"] = (
                "superuser" if data["editor_is_superuser"] else "commune editor"
            )
            # after the storm, a last household: both pages show the update
            fresh = all(
                code.encode() in get(port, urls[n])[1] for n in ("ward", "notice")
            )
            storm_figures["fresh_after_storm"] = fresh
            storm_figures["search_before_publish"] = search_before
            storm_figures["search_finds_update_s"] = found_by_search(
                port, search_path, notice_link
            )
            log(
                "storm: {requests} requests, p95 {p95_ms} ms, errors {errors}, "
                "stale {stale_after_publish}".format(**storm_figures)
            )
    except BaseException:
        log_tail(project_log)
        log_tail(tmp / "worker.log")
        raise
    finally:
        stop(server)
        stop(worker)
        stop(bare)
        stop(bare_pooled)
        stop(redis)
        if args.keep:
            log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    bare_rates = [p["bare_per_s"] for p in [*pages.values(), *signed_in.values()]]
    load_end = os.getloadavg()
    figures = {
        "pages": pages,
        "signed_in": signed_in,
        "storm": storm_figures,
        "baseline_per_s": round(statistics.median(bare_rates), 1),
        # the bare view on the project's handler (bench/bare/asgi_pooled.py)
        "baseline_pooled_per_s": pooled_floor["per_s"] if pooled_floor else None,
        "db": vendor,
        "cache": "redis" if env.get("REDIS_URL") else "embedded",
        "client": "wrk"
        if WRK and not args.python_client
        else "python" + ("" if WRK else " (wrk not found)"),
        "connections": args.connections,
        "seconds": args.seconds,
        "bare_seconds": args.bare_seconds,
        "bare_bytes": int(bare_env["BENCH_BARE_BYTES"]),
        "quiet": {
            "load_avg_start": [round(x, 2) for x in load_start],
            "load_avg_end": [round(x, 2) for x in load_end],
            "cpus": os.cpu_count(),
            "quiet": load_start[0] < 0.5,
        },
        "min_ratio": min(p["ratio"] or 0 for p in pages.values()),
        "min_signed_in_ratio": min(p["ratio"] or 0 for p in signed_in.values()),
        "min_signed_in_ratio_pooled_bare": min(
            p.get("ratio_pooled_bare") or 0 for p in signed_in.values()
        ),
        "total_s": round(time.perf_counter() - started),
    }
    print(json.dumps(figures, ensure_ascii=False))
    wrong = any(p["non_2xx"] for p in [*pages.values(), *signed_in.values()]) or (
        storm_figures is not None
        and (
            storm_figures["stale_after_publish"]
            or not storm_figures["published"]
            or not storm_figures["fresh_after_storm"]
            or storm_figures["notice_without_comments"]
            or storm_figures["code_before_publish"]
            or storm_figures["search_before_publish"]
            or storm_figures["search_finds_update_s"] is None
        )
    )
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
