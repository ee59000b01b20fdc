"""Concurrent HTTP ballot casting against a live daphne server.

    scripts/with-postgres .venv/bin/python bench/ballots.py [--voters 300] [--repeat 2]

Builds a fresh area with ``--voters`` verified residents and one poll, starts daphne,
and has every voter POST the real ballot form ``--repeat`` times from a thread pool
(signed-in sessions and CSRF tokens, as a browser would send them), after each
voter opened the poll page once, as a voter does before voting (not timed). The
tables are ANALYZEd after they are filled, as autovacuum keeps a real database's
statistics. Then it checks
the database: one participation per voter (nobody twice, nobody lost) and stored
tallies equal to the ballots.

The baseline is a trivial authenticated POST: the same voters' sessions, CSRF token
and form posted to a view that only checks that the user is signed in and redirects
(``bench/ballots_urls.py``), on the same server with the same settings and
middleware (``bench/ballots_settings.py`` only adds that address). Like a ballot it
loads the session and the user, which the poll page opened before keeps for
both (the session cache, the user's memo). Ballots and baseline run in
alternating rounds, so a busy moment of the machine weighs on both.
``bare_get_per_s`` is the figure the baseline used to be (an anonymous GET of
``/i18n/setlang/``, which touches no database), kept for comparison.

Last line: JSON {"ballots", "accepted", "rejected_duplicates", "lost", "per_s",
"baseline_per_s", "ratio", ...}. Meant for PostgreSQL; on SQLite it runs but says so.
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# the server must sign sessions with the same key as the sessions made here
os.environ.setdefault("SECRET_KEY", "bench-only-" + os.urandom(24).hex())


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, timeout=30):
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=2, allow_redirects=False)
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer at {url}")


def build(voters):
    """A commune, a group, ``voters`` verified residents and an open poll."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from civic.people.models import Household, Residency, ResidencyStatus, User
    from civic.polls.models import Choice, Poll
    from content.models import AreaKind, AreaPage, HomePage

    stamp = get_random_string(6).lower()
    home = HomePage.objects.get()
    commune = AreaPage(title=f"Phường đo {stamp}", kind=AreaKind.WARD)
    home.add_child(instance=commune)
    group = AreaPage(title="Tổ đo", kind=AreaKind.RESIDENTIAL_GROUP)
    commune.add_child(instance=group)
    store = import_module(settings.SESSION_ENGINE).SessionStore
    backend = settings.AUTHENTICATION_BACKENDS[0]
    sessions = []
    for i in range(voters):
        user = User(full_name=f"Cư dân {i}", email=f"bench-{stamp}-{i}@example.vn")
        user.set_unusable_password()
        user.save()
        h = Household.objects.create(area=group, address=f"{i} Đường đo")
        Residency.objects.create(
            user=user, household=h, status=ResidencyStatus.VERIFIED
        )
        s = store()
        s[SESSION_KEY] = str(user.pk)
        s[BACKEND_SESSION_KEY] = backend
        s[HASH_SESSION_KEY] = user.get_session_auth_hash()
        s.create()
        sessions.append(s.session_key)
    now = timezone.now()
    poll = Poll.objects.create(
        area=group,
        title="Đo tốc độ bỏ phiếu",
        opens_at=now - timedelta(minutes=5),
        closes_at=now + timedelta(hours=2),
    )
    choices = [
        Choice.objects.create(poll=poll, label=label, sort_order=i).pk
        for i, label in enumerate(["Một", "Hai", "Ba"])
    ]
    return poll, choices, sessions


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--voters", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--workers", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    vendor = connection.vendor
    poll, choices, sessions = build(args.voters)
    if vendor == "postgresql":
        # the planner's statistics, as autovacuum keeps them on a real database
        # (without them the freshly filled tables get default estimates)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    connection.close()

    import requests

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, DEBUG="false", SECURE_SSL_REDIRECT="false")
    # the project's settings plus the baseline's address (bench/ballots_settings.py)
    env["DJANGO_SETTINGS_MODULE"] = "bench.ballots_settings"
    env["SECURE_COOKIES"] = "false"
    server = subprocess.Popen(
        [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port)]
        + ["config.asgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(base + "/i18n/setlang/")
        csrf = "b" * 32
        url = f"{base}/binh-chon/{poll.pk}/"

        def cast(job):
            i, key = job
            r = requests.post(
                url,
                data={"csrfmiddlewaretoken": csrf, "choice": choices[i % 3]},
                cookies={"sessionid": key, "csrftoken": csrf},
                allow_redirects=False,
                timeout=60,
            )
            return r.status_code

        def signed_in(job):
            i, key = job
            r = requests.post(
                base + "/bench/signed-in-post/",
                data={"csrfmiddlewaretoken": csrf, "choice": choices[i % 3]},
                cookies={"sessionid": key, "csrftoken": csrf},
                allow_redirects=False,
                timeout=60,
            )
            # a redirect to the same address, not to the sign-in page
            return r.status_code == 302 and r.headers["Location"].endswith(
                "/bench/signed-in-post/"
            )

        def bare(_):
            return requests.get(
                base + "/i18n/setlang/", allow_redirects=False, timeout=60
            ).status_code

        def open_poll(job):
            i, key = job
            return requests.get(
                url, cookies={"sessionid": key}, allow_redirects=False, timeout=60
            ).status_code

        jobs = [(i, key) for _ in range(args.repeat) for i, key in enumerate(sessions)]
        rounds = max(1, min(args.rounds, len(jobs)))
        size = -(-len(jobs) // rounds)
        statuses, signed_in_ok = [], 0
        elapsed = baseline = bare_elapsed = 0.0
        with ThreadPoolExecutor(args.workers) as pool:
            # every voter first opens the poll page, as a voter does (not timed):
            # ballots and baseline then both find the session and the user kept
            opened = list(pool.map(open_poll, enumerate(sessions)))
            for start in range(0, len(jobs), size):
                chunk = jobs[start : start + size]
                t0 = time.perf_counter()
                statuses += pool.map(cast, chunk)
                elapsed += time.perf_counter() - t0
                t0 = time.perf_counter()
                signed_in_ok += sum(pool.map(signed_in, chunk))
                baseline += time.perf_counter() - t0
                t0 = time.perf_counter()
                list(pool.map(bare, chunk))
                bare_elapsed += time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(timeout=10)

    from civic.polls.actions import recount, stored_counts
    from civic.polls.models import Participation

    accepted = Participation.objects.filter(poll=poll).count()
    voters_counted = (
        Participation.objects.filter(poll=poll).values("user").distinct().count()
    )
    counts_ok = stored_counts(poll) == recount(poll)
    expected = {pk: 0 for pk in choices}
    for i in range(args.voters):
        expected[choices[i % 3]] += 1
    figures = {
        "database": vendor,
        "ballots": len(jobs),
        "accepted": accepted,
        "rejected_duplicates": len(jobs) - accepted,
        "lost": args.voters - voters_counted,
        "counted_twice": accepted - voters_counted,
        "tallies_exact": counts_ok and stored_counts(poll) == expected,
        "server_errors": sum(1 for s in statuses if s >= 500),
        "statuses": {str(s): statuses.count(s) for s in sorted(set(statuses))},
        "seconds": round(elapsed, 2),
        "per_s": round(len(jobs) / elapsed, 1),
        "baseline_per_s": round(len(jobs) / baseline, 1),
        "ratio": round(baseline / elapsed, 2),
        "baseline": "signed-in POST (session, user, CSRF), redirect",
        "baseline_signed_in": signed_in_ok,
        "bare_get_per_s": round(len(jobs) / bare_elapsed, 1),
        "poll_page_opened": sum(1 for s in opened if s == 200),
    }
    if vendor != "postgresql":
        figures["note"] = "run with scripts/with-postgres for the real figure"
    print(json.dumps(figures))
    ok = (
        figures["lost"] == 0
        and figures["counted_twice"] == 0
        and figures["tallies_exact"]
        and not figures["server_errors"]
        and signed_in_ok == len(jobs)
        and figures["poll_page_opened"] == args.voters
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
