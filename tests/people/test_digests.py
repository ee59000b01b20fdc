"""Daily and weekly digests (civic/people/digests.py): boundaries in Vietnam time
(UTC+7, no DST), one digest per person and period however often the task runs,
and after the worker was down a late run sends what waited once."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from civic.people.actions import notify
from civic.people.delivery import plan, set_preference
from civic.people.digests import last_boundary, next_boundary, run_digests
from civic.people.models import Delivery, DigestRun
from civic.people.notifications import KINDS, Kind
from civic.people.tasks import run_queued_tasks, schedule_digests, send_digests
from tests.factories import make_user

pytestmark = pytest.mark.django_db

VN = ZoneInfo("Asia/Ho_Chi_Minh")
UTC = ZoneInfo("UTC")
NEWS = Kind("tests.digest_news", "Tin %(n)s", default="daily")
WEEKLY = Kind("tests.digest_weekly", "Tuần %(n)s", default="weekly")
TEST_KINDS = [NEWS, WEEKLY]
for _kind in TEST_KINDS:  # registered only while a test of this file runs
    KINDS.pop(_kind.name)


@pytest.fixture(autouse=True)
def _test_kinds():
    KINDS.update((kind.name, kind) for kind in TEST_KINDS)
    yield
    for kind in TEST_KINDS:
        KINDS.pop(kind.name, None)


def vn(day, hour, minute=0):
    """A moment of December 2026 in Vietnam time (Monday 7 December)."""
    return datetime(2026, 12, day, hour, minute, tzinfo=VN)


NOV_30 = datetime(2026, 11, 30, 7, tzinfo=VN)  # a Monday


@pytest.mark.parametrize(
    ("now", "daily", "weekly"),
    [
        (vn(3, 7, 0), vn(3, 7), NOV_30),
        (vn(3, 6, 59), vn(2, 7), NOV_30),
        # 23:30 UTC on the 2nd is 06:30 on the 3rd in Vietnam: before 07:00
        (datetime(2026, 12, 2, 23, 30, tzinfo=UTC), vn(2, 7), NOV_30),
        # 00:30 UTC on the 3rd is 07:30 on the 3rd in Vietnam: after
        (datetime(2026, 12, 3, 0, 30, tzinfo=UTC), vn(3, 7), NOV_30),
        (vn(7, 7, 0), vn(7, 7), vn(7, 7)),  # Monday 07:00: a new week
        (vn(7, 6, 59), vn(6, 7), NOV_30),
        (vn(13, 23, 59), vn(13, 7), vn(7, 7)),  # Sunday night
        # Monday 06:30 in Vietnam is still Sunday 23:30 UTC
        (datetime(2026, 12, 6, 23, 30, tzinfo=UTC), vn(6, 7), NOV_30),
    ],
)
def test_boundaries_in_vietnam_time(now, daily, weekly):
    assert last_boundary("daily", now) == daily
    assert next_boundary("daily", now) == daily + timedelta(days=1)
    assert last_boundary("weekly", now) == weekly
    assert next_boundary("weekly", now) == weekly + timedelta(days=7)


def test_weekly_boundary_across_a_month_and_year():
    # Thursday 31 December 2026, 10:00 → Monday 28 December 07:00
    assert last_boundary("weekly", vn(31, 10)) == vn(28, 7)
    assert next_boundary("weekly", vn(31, 10)) == datetime(2027, 1, 4, 7, tzinfo=VN)


def waiting(user, kind, n, at):
    note = notify(user, kind, n=n)
    plan([note.pk], now=at)
    return note


def test_one_digest_with_what_waited_however_often_it_runs():
    lan = make_user("Lan", email="lan@example.vn")
    binh = make_user("Bình", email="binh@example.vn")
    waiting(lan, NEWS, 1, vn(2, 9))
    waiting(lan, NEWS, 2, vn(3, 6, 59))
    waiting(binh, NEWS, 3, vn(2, 23))
    late = waiting(lan, NEWS, 4, vn(3, 7, 0))  # after the boundary: the next one
    assert mail.outbox == []
    assert run_digests("daily", now=vn(3, 7, 0)) == (2, 3, 0)
    assert run_digests("daily", now=vn(3, 7, 5)) == (0, 0, 0)  # run twice
    assert sorted(m.to[0] for m in mail.outbox) == ["binh@example.vn", "lan@example.vn"]
    to_lan = next(m for m in mail.outbox if m.to == ["lan@example.vn"])
    assert to_lan.subject == "Bản tin hằng ngày của bạn: 2 thông báo"
    assert to_lan.body.index("Tin 1") < to_lan.body.index("Tin 2")
    assert "Tin 4" not in to_lan.body
    assert Delivery.objects.get(notification=late).status == "queued"
    # the next day: only what came after
    mail.outbox.clear()
    assert run_digests("daily", now=vn(4, 7, 0)) == (1, 1, 0)
    assert [m.body.count("Tin ") for m in mail.outbox] == [1]
    assert DigestRun.objects.count() == 3


def test_after_the_worker_was_down_a_day_it_is_sent_once_then_not_again():
    lan = make_user("Lan", email="lan@example.vn")
    waiting(lan, NEWS, 1, vn(2, 12))  # for the digest of the 3rd, 07:00
    waiting(lan, NEWS, 2, vn(3, 12))  # for the digest of the 4th, 07:00
    # the worker was down from the 2nd evening to the 4th, 10:00
    assert run_digests("daily", now=vn(4, 10)) == (1, 2, 0)
    assert len(mail.outbox) == 1 and "Tin 1" in mail.outbox[0].body
    assert "Tin 2" in mail.outbox[0].body
    assert run_digests("daily", now=vn(5, 7)) == (0, 0, 0)  # no double
    waiting(lan, NEWS, 3, vn(5, 8))
    assert run_digests("daily", now=vn(6, 7)) == (1, 1, 0)  # no skip
    assert "Tin 3" in mail.outbox[-1].body and len(mail.outbox) == 2


def test_weekly_digest_on_monday_morning():
    lan = make_user("Lan", email="lan@example.vn")
    waiting(lan, WEEKLY, 1, vn(8, 9))  # Tuesday
    waiting(lan, WEEKLY, 2, vn(13, 23))  # Sunday night
    assert run_digests("weekly", now=vn(14, 6, 59)) == (0, 0, 0)
    assert run_digests("weekly", now=vn(14, 7)) == (1, 2, 0)
    assert run_digests("weekly", now=vn(20, 7)) == (0, 0, 0)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Bản tin hằng tuần của bạn: 2 thông báo"
    assert "List-Unsubscribe" in mail.outbox[0].extra_headers


def test_a_daily_run_leaves_the_weekly_rows_and_off_sends_nothing():
    lan = make_user("Lan", email="lan@example.vn")
    set_preference(lan, NEWS.name, "weekly")
    waiting(lan, NEWS, 1, vn(2, 9))
    assert run_digests("daily", now=vn(3, 7)) == (0, 0, 0)
    set_preference(lan, WEEKLY.name, "off")
    waiting(lan, WEEKLY, 2, vn(2, 9))
    assert run_digests("weekly", now=vn(7, 7)) == (1, 1, 0)
    assert "Tuần 2" not in mail.outbox[0].body


def test_the_chain_schedules_itself_once():
    ready = DBTaskResult.objects.filter(
        task_path=send_digests.module_path, status=TaskResultStatus.READY
    )
    assert sorted(schedule_digests(now=vn(3, 10))) == ["daily", "weekly"]
    assert schedule_digests(now=vn(3, 10)) == []  # already waiting
    runs = {r.args_kwargs["args"][0]: r.run_after for r in ready}
    assert runs["daily"] > vn(3, 10) and runs["weekly"] > vn(3, 10)
    # the daily run, when due, sends and enqueues the next one
    ready.filter(args_kwargs__args=["daily"]).update(run_after=vn(1, 0))
    run_queued_tasks()
    assert ready.count() == 2
