"""SMS/Zalo: the short text in the recipient's language, and the backends chosen
by SMS_BACKEND (file, console, locmem, HTTP against a local stub gateway)."""

import json

import pytest

from civic.people import sms
from civic.people.channel_errors import Undeliverable
from civic.people.models import Notification
from tests.factories import make_user
from tests.people.push_stub import Stub


@pytest.fixture(autouse=True)
def _locmem(settings):
    settings.SMS_BACKEND = "civic.people.sms.LocmemBackend"
    settings.SMS_MAX_LENGTH = 160
    settings.WAGTAILADMIN_BASE_URL = "https://khudancu.example.vn"
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def note(user, text="Cúp nước tổ 1 ngày mai", url="/phuong-a/cup-nuoc/", **extra):
    return Notification.objects.create(user=user, message=text, url=url, **extra)


@pytest.mark.django_db
def test_one_short_text_with_its_link_to_the_accounts_phone():
    user = make_user("Cư dân", "0905 444 001")
    channel = sms.SmsChannel()
    assert channel.available_for(user)
    n = note(user)
    channel.send(user, [n])
    [message] = sms.outbox
    assert message.to == "+84905444001"
    assert (
        message.text
        == "Cúp nước tổ 1 ngày mai https://khudancu.example.vn/phuong-a/cup-nuoc/"
    )
    assert message.reference == str(n.pk)


@pytest.mark.django_db
def test_a_long_text_is_cut_between_words_and_keeps_the_whole_link():
    user = make_user("Cư dân", "0905444002")
    sms.SmsChannel().send(user, [note(user, text="Thông báo rất dài về việc " * 18)])
    text = sms.outbox[0].text
    assert len(text) <= 160
    words, link = text.rsplit(" ", 1)
    assert link == "https://khudancu.example.vn/phuong-a/cup-nuoc/"
    assert words.endswith("…") and not words.endswith(" …")
    assert "Thông báo rất dài về việc".startswith(words.split()[0])
    assert sms.cut("một hai ba", 100) == "một hai ba"
    assert sms.cut("một hai ba bốn", 9) == "một hai…"


@pytest.mark.django_db
def test_a_digest_in_the_recipients_language():
    user = make_user("Resident", "0905444003", language="en")
    sms.SmsChannel().send(user, [note(user), note(user)], digest="daily")
    message = sms.outbox[0]
    assert message.text.startswith("2 new notifications: ")
    assert message.url == "https://khudancu.example.vn/en/tai-khoan/"
    assert message.text.endswith(" " + message.url)
    assert message.kind == "digest"


@pytest.mark.django_db
def test_no_phone_no_sms():
    user = make_user("Chỉ có email", email="email@example.vn")
    channel = sms.SmsChannel()
    assert not channel.available_for(user)
    with pytest.raises(Undeliverable):
        channel.send(user, [note(user)])
    assert sms.outbox == []


@pytest.mark.django_db
def test_the_file_backend_writes_one_json_line_per_text(settings, tmp_path):
    settings.SMS_BACKEND = "civic.people.sms.FileBackend"
    settings.SMS_FILE_PATH = tmp_path / "sms"
    user = make_user("Cư dân", "0905444004")
    sms.SmsChannel().send(user, [note(user)])
    sms.SmsChannel().send(user, [note(user, text="Lần hai")])
    [path] = (tmp_path / "sms").iterdir()
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert [line["to"] for line in lines] == ["+84905444004"] * 2
    assert lines[1]["text"].startswith("Lần hai ")


@pytest.mark.django_db
def test_the_console_backend_prints(settings, capsys):
    settings.SMS_BACKEND = "civic.people.sms.ConsoleBackend"
    user = make_user("Cư dân", "0905444005")
    sms.SmsChannel().send(user, [note(user)])
    assert "SMS to +84905444005: Cúp nước" in capsys.readouterr().out


@pytest.fixture
def http(settings):
    settings.SMS_BACKEND = "civic.people.sms.HttpBackend"
    settings.SMS_HTTP_TOKEN = "bi-mat"
    settings.SMS_SENDER = "PHUONG-A"
    settings.SMS_HTTP_TIMEOUT = 0.5
    return settings


@pytest.mark.django_db
def test_the_http_backend_posts_the_documented_json(http):
    user = make_user("Cư dân", "0905444006")
    channel = sms.SmsChannel()
    http.SMS_HTTP_URL = ""
    assert not channel.available_for(user)  # no gateway configured
    with Stub([200]) as stub:
        http.SMS_HTTP_URL = stub.url + "/gui-tin"
        assert channel.available_for(user)
        n = note(user, kind="test.sms_kind")
        channel.send(user, [n])
    [(path, headers, body)] = stub.requests
    assert path == "/gui-tin"
    assert headers["authorization"] == "Bearer bi-mat"
    assert headers["content-type"] == "application/json"
    assert json.loads(body) == {
        "sender": "PHUONG-A",
        "to": "+84905444006",
        "text": "Cúp nước tổ 1 ngày mai https://khudancu.example.vn/phuong-a/cup-nuoc/",
        "kind": "test.sms_kind",
        "url": "https://khudancu.example.vn/phuong-a/cup-nuoc/",
        "reference": str(n.pk),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status, error",
    [
        (400, Undeliverable),
        (404, Undeliverable),
        (429, sms.SmsFailed),
        (500, sms.SmsFailed),
        (503, sms.SmsFailed),
    ],
)
def test_http_4xx_is_undeliverable_5xx_is_retried(http, status, error):
    user = make_user("Cư dân", "0905444007")
    with Stub([status]) as stub:
        http.SMS_HTTP_URL = stub.url
        with pytest.raises(error):
            sms.SmsChannel().send(user, [note(user)])


@pytest.mark.django_db
def test_http_timeout_and_no_gateway_are_retried(http):
    user = make_user("Cư dân", "0905444008")
    with Stub([200], delay=1.5) as stub:
        http.SMS_HTTP_URL = stub.url
        with pytest.raises(sms.SmsFailed):
            sms.SmsChannel().send(user, [note(user)])
    http.SMS_HTTP_URL = stub.url  # closed now: connection refused
    with pytest.raises(sms.SmsFailed):
        sms.SmsChannel().send(user, [note(user)])


@pytest.mark.django_db
def test_only_urgent_notices_are_texted_unless_configured(settings):
    """A text costs money: by default the dispatcher plans SMS for urgent kinds
    only (SMS_URGENT_ONLY); email and push carry everything."""
    from civic.people.actions import notify
    from civic.people.notifications import WELCOME
    from civic.people.tasks import run_queued_tasks
    from content.notifications import URGENT_NOTICE

    settings.NOTIFICATION_CHANNELS = ["civic.people.sms.SmsChannel"]
    user = make_user("Cư dân", "0905 444 002")
    notify(user, WELCOME)
    notify(user, URGENT_NOTICE, title="Cúp nước", area="Tổ 1")
    run_queued_tasks()
    assert len(sms.outbox) == 1 and "Cúp nước" in sms.outbox[0].text
    settings.SMS_URGENT_ONLY = False
    notify(user, WELCOME)
    run_queued_tasks()
    assert len(sms.outbox) == 2 and "Cúp nước" not in sms.outbox[1].text
