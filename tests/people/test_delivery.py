"""Notifications handed to the recipients' channels by the worker (civic/people/
delivery.py): once per notification and channel, per-kind preferences, urgent
kinds always, quiet hours, permanent and transient failures, unsubscribe links."""

import smtplib
from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from civic.people import delivery
from civic.people.actions import notify, notify_many
from civic.people.delivery import (
    plan,
    quiet_until,
    send_due,
    set_preference,
    unsubscribe_token,
)
from civic.people.models import Delivery, DeliveryStatus, Frequency
from civic.people.notifications import KINDS, Kind
from civic.people.tasks import deliver_notifications, run_queued_tasks
from tests.factories import make_user, sign_in

pytestmark = pytest.mark.django_db

VN = ZoneInfo("Asia/Ho_Chi_Minh")
PLAIN = Kind("tests.delivery_plain", "Tin %(n)s", subject="Tin mới %(n)s")
OTHER = Kind("tests.delivery_other", "Khác %(n)s")
ALARM = Kind("tests.delivery_alarm", "Khẩn %(n)s", urgent=True)
DIGESTED = Kind("tests.delivery_digested", "Gộp %(n)s", default="daily")
TEST_KINDS = [PLAIN, OTHER, ALARM, DIGESTED]
for _kind in TEST_KINDS:  # registered only while a test of this file runs
    KINDS.pop(_kind.name)


@pytest.fixture(autouse=True)
def _test_kinds():
    KINDS.update((kind.name, kind) for kind in TEST_KINDS)
    yield
    for kind in TEST_KINDS:
        KINDS.pop(kind.name, None)


def resident(name="Lan", email="lan@example.vn", **extra):
    return make_user(name, email=email, **extra)


def test_a_notification_is_emailed_once_in_text_and_html_with_unsubscribe():
    user = resident()
    note = notify(user, PLAIN, url="/tin/1/", n=1)
    assert mail.outbox == []  # the worker sends, not the request
    run_queued_tasks()
    [message] = mail.outbox
    assert message.to == ["lan@example.vn"] and message.subject == "Tin mới 1"
    assert message.body.startswith("Tin 1\nhttp://")
    html, mime = message.alternatives[0]
    assert mime == "text/html" and "/tin/1/" in html
    link = message.extra_headers["List-Unsubscribe"]
    assert link.startswith("<http") and "/huy-nhan-thong-bao/" in link
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    row = Delivery.objects.get(notification=note)
    assert (row.channel, row.status, row.attempts) == ("email", "sent", 1)
    assert row.sent_at is not None
    # dispatched again (a second run, a retry): nothing more is sent
    deliver_notifications.enqueue([note.pk])
    run_queued_tasks()
    assert len(mail.outbox) == 1 and Delivery.objects.count() == 1


def test_written_in_the_recipients_language():
    user = resident(language="en")
    from content import notifications as content_kinds

    notify(user, content_kinds.URGENT_NOTICE, area="Phường 1", title="Cắt nước")
    run_queued_tasks()
    assert mail.outbox[0].subject == "Urgent notice in Phường 1: Cắt nước"


def test_without_an_address_nothing_is_planned():
    note = notify(make_user("Không thư", "0905123456"), PLAIN, n=1)
    run_queued_tasks()
    assert mail.outbox == [] and not Delivery.objects.filter(notification=note)


def test_notify_many_enqueues_one_task_per_chunk(monkeypatch):
    monkeypatch.setattr(delivery, "CHUNK", 2)
    users = [resident(f"Người {i}", f"n{i}@example.vn") for i in range(5)]
    DBTaskResult.objects.all().delete()
    assert notify_many(users, PLAIN, n=2) == 5
    assert DBTaskResult.objects.count() == 3  # 2 + 2 + 1
    run_queued_tasks()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)


def test_preferences_off_and_digest_and_urgent_ignores_off():
    user = resident()
    set_preference(user, PLAIN.name, Frequency.OFF)
    set_preference(user, OTHER.name, Frequency.WEEKLY)
    set_preference(user, ALARM.name, Frequency.OFF)
    off = notify(user, PLAIN, n=1)
    weekly = notify(user, OTHER, n=2)
    urgent = notify(user, ALARM, n=3)
    daily = notify(user, DIGESTED, n=4)  # the kind's default
    run_queued_tasks()
    assert [m.subject for m in mail.outbox] == ["Khẩn 3"]
    rows = {d.notification_id: d for d in Delivery.objects.all()}
    assert rows[off.pk].status == "skipped"
    assert (rows[weekly.pk].status, rows[weekly.pk].digest) == ("queued", "weekly")
    assert (rows[daily.pk].status, rows[daily.pk].digest) == ("queued", "daily")
    assert rows[urgent.pk].status == "sent"
    # choosing the default again removes the row
    set_preference(user, DIGESTED.name, Frequency.DAILY)
    assert not user.notification_preferences.filter(kind=DIGESTED.name).exists()


@override_settings(NOTIFICATION_QUIET_HOURS=(22, 6))
def test_quiet_hours_in_vietnam_time():
    assert quiet_until(datetime(2026, 12, 3, 21, 59, tzinfo=VN)) is None
    assert quiet_until(datetime(2026, 12, 3, 22, 0, tzinfo=VN)) == datetime(
        2026, 12, 4, 6, tzinfo=VN
    )
    # 01:30 VN is 18:30 UTC the day before: the end is 06:00 the same VN day
    assert quiet_until(datetime(2026, 12, 3, 18, 30, tzinfo=ZoneInfo("UTC"))) == (
        datetime(2026, 12, 4, 6, tzinfo=VN)
    )
    assert quiet_until(datetime(2026, 12, 4, 6, 0, tzinfo=VN)) is None


@override_settings(NOTIFICATION_QUIET_HOURS=(22, 6))
def test_quiet_hours_postpone_what_is_not_urgent():
    user = resident()
    night = datetime(2026, 12, 3, 23, 15, tzinfo=VN)
    calm = notify(user, PLAIN, n=1)
    urgent = notify(user, ALARM, n=2)
    queued = plan([calm.pk, urgent.pk], now=night)
    handed, left, later = send_due(queued, now=night)
    assert (handed, left) == (1, 0)
    assert [m.subject for m in mail.outbox] == ["Khẩn 2"]
    assert later == datetime(2026, 12, 4, 6, tzinfo=VN)
    assert Delivery.objects.get(notification=calm).status == "queued"
    # at 06:00 the postponed one goes, once
    morning = datetime(2026, 12, 4, 6, 0, 1, tzinfo=VN)
    assert send_due(queued, now=morning)[:2] == (1, 0)
    assert send_due(queued, now=morning)[:2] == (0, 0)
    assert [m.subject for m in mail.outbox] == ["Khẩn 2", "Tin mới 1"]


def test_quiet_hours_reenqueue_the_task_for_their_end(monkeypatch):
    monkeypatch.setattr(  # it is night
        delivery, "quiet_until", lambda now: now + timedelta(hours=2)
    )
    note = notify(resident(), PLAIN, n=1)
    run_queued_tasks()
    assert mail.outbox == []
    later = DBTaskResult.objects.filter(status="READY").get()
    assert later.args_kwargs["args"] == [[note.pk]]
    assert later.run_after > Delivery.objects.get().created_at


def test_an_undeliverable_address_is_recorded_and_shown_not_retried(client):
    user = resident()
    note = notify(user, PLAIN, n=1)
    refused = smtplib.SMTPRecipientsRefused({user.email: (550, b"no such user")})
    with mock.patch.object(
        mail.EmailMultiAlternatives, "send", side_effect=refused
    ) as send:
        run_queued_tasks()
        run_queued_tasks()
    assert send.call_count == 1
    row = Delivery.objects.get(notification=note)
    assert row.status == "failed" and "lan@example.vn" in row.error
    sign_in(client, user)
    page = client.get("/tai-khoan/").content.decode()
    assert "Chúng tôi không gửi được cho bạn qua email" in page
    # the superusers see it beside the failed tasks
    admin = make_user("Quản trị", email="qt@example.vn", is_superuser=True)
    sign_in(client, admin)
    listing = client.get("/quan-tri/tac-vu-loi/").content.decode()
    assert "Thông báo không gửi được" in listing and "no such user" not in listing
    assert "lan@example.vn" in listing  # the reason names the address
    sign_in(client, user)
    # a later successful email clears the warning
    notify(user, PLAIN, n=2)
    run_queued_tasks()
    assert "không gửi được" not in client.get("/tai-khoan/").content.decode()


def test_a_transient_failure_is_retried_then_given_up(settings):
    settings.TASK_MAX_ATTEMPTS = 2
    note = notify(resident(), PLAIN, n=1)
    with mock.patch.object(
        mail.EmailMultiAlternatives, "send", side_effect=ConnectionError("down")
    ):
        run_queued_tasks()
        row = Delivery.objects.get(notification=note)
        assert (row.status, row.attempts) == ("queued", 1)
        DBTaskResult.objects.filter(status="READY").update(run_after=row.created_at)
        run_queued_tasks()
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("failed", 2)
    assert "down" in row.error


def test_unsubscribe_link_get_confirms_post_turns_the_kind_off(client):
    user = resident()
    url = f"/huy-nhan-thong-bao/{unsubscribe_token(user, [PLAIN.name])}/"
    page = client.get(url)
    assert page.status_code == 200 and b"<form" in page.content
    assert not user.notification_preferences.exists()  # a GET changes nothing
    assert client.post(url).status_code == 200
    assert user.notification_preferences.get().frequency == "off"


def test_one_click_unsubscribe_rfc_8058_without_csrf():
    from django.test import Client

    user = resident()
    token = unsubscribe_token(user, [PLAIN.name, ALARM.name])
    response = Client(enforce_csrf_checks=True).post(
        f"/huy-nhan-thong-bao/{token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    # urgent kinds cannot be turned off
    assert list(user.notification_preferences.values_list("kind", "frequency")) == [
        (PLAIN.name, "off")
    ]


def test_a_tampered_unsubscribe_link_is_refused_in_vietnamese(client):
    token = unsubscribe_token(resident(), [PLAIN.name])
    response = client.get(f"/huy-nhan-thong-bao/{token[:-2]}xx/")
    assert response.status_code == 400
    assert "Đường dẫn này không hợp lệ" in response.content.decode()


def test_the_settings_page_saves_choices_and_refuses_bad_ones(client):
    user = resident()
    sign_in(client, user)
    url = "/tai-khoan/thong-bao/cai-dat/"
    page = client.get(url).content.decode()
    assert f'name="kind:{PLAIN.name}"' in page
    assert f'name="kind:{ALARM.name}"' not in page  # urgent: not a choice
    response = client.post(url, {f"kind:{PLAIN.name}": "weekly"})
    assert response.status_code == 302
    assert user.notification_preferences.get(kind=PLAIN.name).frequency == "weekly"
    response = client.post(url, {f"kind:{PLAIN.name}": "hourly"})
    assert response.status_code == 400
    assert "Vui lòng chọn một trong các lựa chọn" in response.content.decode()
    assert user.notification_preferences.get(kind=PLAIN.name).frequency == "weekly"
    assert client.get(url).status_code == 200


def test_the_settings_page_needs_sign_in(client):
    assert client.get("/tai-khoan/thong-bao/cai-dat/").status_code == 302


def test_rows_are_sent_by_whoever_claims_them_only():
    note = notify(resident(), PLAIN, n=1)
    queued = plan([note.pk])
    assert plan([note.pk]) == queued  # planned once
    Delivery.objects.filter(pk__in=queued).update(status=DeliveryStatus.SENDING)
    assert send_due(queued)[:2] == (0, 0)  # another worker has them
    assert mail.outbox == []


def test_rows_left_sending_by_a_killed_worker_are_queued_again():
    from django.utils import timezone

    from civic.people.delivery import STALE_CLAIM
    from civic.people.tasks import release_stale_deliveries

    note = notify(resident(), PLAIN, n=1)
    queued = plan([note.pk])
    Delivery.objects.filter(pk__in=queued).update(
        status=DeliveryStatus.SENDING, claimed_at=timezone.now()
    )
    assert release_stale_deliveries() == 0  # still being sent
    later = timezone.now() + STALE_CLAIM + timedelta(seconds=1)
    assert release_stale_deliveries(now=later) == 1
    DBTaskResult.objects.exclude(args_kwargs__args=[[note.pk]]).delete()
    run_queued_tasks()
    assert [m.subject for m in mail.outbox] == ["Tin mới 1"]
    assert Delivery.objects.get().status == "sent"
