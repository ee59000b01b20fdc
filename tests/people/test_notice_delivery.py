"""A notice published in a followed area, end to end through the worker: an
urgent one is emailed at once even at night to a resident who turned it off; an
ordinary one waits for the daily digest (civic/people/delivery.py, digests.py)."""

from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from civic.people.actions import notify
from civic.people.delivery import set_preference
from civic.people.digests import run_digests
from civic.people.follows import follow
from civic.people.models import Delivery
from civic.people.tasks import run_queued_tasks
from content import notifications as told
from content.models import NoticePage
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

NIGHT = datetime(2026, 12, 2, 23, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def publish_notice(area, title, **extra):
    page = NoticePage(title=title, body="<p>Cắt nước</p>", **extra)
    area.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def lan(tree):
    user = make_user("Lan", email="lan@example.vn")
    follow(user, tree.commune_a)
    return user


def test_an_urgent_notice_is_emailed_at_night_even_when_turned_off(tree, lan, settings):
    settings.NOTIFICATION_QUIET_HOURS = (22, 6)
    set_preference(lan, told.URGENT_NOTICE.name, "off")
    with mock.patch("django.utils.timezone.now", return_value=NIGHT):
        publish_notice(tree.commune_a, "Vỡ đường ống", is_urgent=True)
        run_queued_tasks()
    [message] = mail.outbox
    assert message.to == ["lan@example.vn"]
    assert message.subject == "Thông báo khẩn tại Phường A: Vỡ đường ống"
    assert "List-Unsubscribe" not in message.extra_headers  # cannot be turned off


def test_an_ordinary_notice_waits_for_the_daily_digest(tree, lan):
    with mock.patch("django.utils.timezone.now", return_value=NIGHT):
        publish_notice(tree.commune_a, "Lịch tiêm chủng")
        run_queued_tasks()
    assert mail.outbox == []
    assert Delivery.objects.get(user=lan).digest == "daily"
    morning = NIGHT.replace(day=3, hour=7)
    assert run_digests("daily", now=morning)[:2] == (1, 1)
    assert "Lịch tiêm chủng" in mail.outbox[0].body


def test_a_change_that_rolls_back_sends_nothing(lan):
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(lan, "Một dòng")
        raise RuntimeError
    assert not DBTaskResult.objects.exists()
    run_queued_tasks()
    assert mail.outbox == []


def test_make_runs_command_seeds_the_digest_chain_once():
    from django.core.management import call_command

    call_command("schedule_digests", verbosity=0)
    call_command("schedule_digests", verbosity=0)
    assert DBTaskResult.objects.count() == 2
