"""Two daphne processes sharing Redis (``RedisPubSubChannelLayer``), clients on
each: every client sees every message exactly once. Runs ``bench/fanout.py`` small,
as a separate program (its own database set-up, real sockets, real processes)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_TEST_URL"),
    reason="REDIS_TEST_URL not set (run under scripts/with-redis)",
)


def test_two_processes_deliver_every_message_once(tmp_path):
    env = dict(
        os.environ, VAR_DIR=str(tmp_path), REDIS_URL=os.environ["REDIS_TEST_URL"]
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "fanout.py"), "--redis"]
        + ["--processes", "2", "--clients", "6", "--messages", "4"]
        + ["--no-baseline", "--timeout", "20", "--interval", "0.1"]
        # and every client drops and comes back while messages keep coming
        + ["--reconnect-storm", "--storm-messages", "4", "--storm-posters", "2"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.stdout.strip(), result.stderr[-2000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["processes"] == 2 and figures["layer"] == "redis-pubsub"
    assert figures["delivered"] == 6 * 4
    assert figures["lost"] == 0
    assert figures["duplicates"] == 0
    assert figures["reconnect_lost"] == 0
    assert figures["reconnect_duplicates"] == 0
    assert figures["reconnect_out_of_order"] == 0
    assert figures["reconnect_presence_wrong"] == 0
    assert result.returncode == 0
