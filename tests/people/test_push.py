"""Web Push: VAPID keys in var/, subscribing a device, and PushChannel against a
local push service stub answering 201, 410, 500."""

import base64
import json

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from civic.people import push
from civic.people.channel_errors import Undeliverable
from civic.people.models import Notification, PushSubscription
from tests.factories import make_user, sign_in, url
from tests.people.push_stub import Stub


def b64(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def browser_keys():
    """A device's keys as a browser makes them (P-256 point, 16-byte secret)."""
    key = ec.generate_private_key(ec.SECP256R1())
    point = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return {"p256dh": b64(point), "auth": b64(b"0123456789abcdef")}


@pytest.fixture(autouse=True)
def _vapid_in_tmp(settings, tmp_path):
    settings.VAPID_PRIVATE_KEY_FILE = tmp_path / "vapid_private.pem"
    settings.VAPID_CONTACT = "mailto:test@example.vn"
    push._keys.clear()
    yield
    push._keys.clear()


def test_the_vapid_key_is_generated_once_into_its_file(settings):
    path = settings.VAPID_PRIVATE_KEY_FILE
    assert not path.exists()
    first = push.public_key()
    assert path.exists() and path.stat().st_mode & 0o777 == 0o600
    assert b"PRIVATE KEY" in path.read_bytes()
    push._keys.clear()
    assert push.public_key() == first  # read back, not made again
    raw = base64.urlsafe_b64decode(first + "=")
    assert len(raw) == 65 and raw[0] == 4


def subscription(user, endpoint):
    return PushSubscription.objects.create(
        user=user, endpoint=endpoint, label="Chrome · Android", **browser_keys()
    )


def note(user, text="Cúp nước ngày mai", url="/phuong-a/thong-bao/"):
    return Notification.objects.create(user=user, message=text, url=url)


@pytest.mark.django_db
def test_push_channel_sends_an_encrypted_payload_and_handles_201_410_500(settings):
    user = make_user("Cư dân đẩy", "0905111001")
    channel = push.PushChannel()
    assert not channel.available_for(user)
    with Stub(paths={"/ok": 201, "/gone": 410}) as stub:
        ok = subscription(user, f"{stub.url}/ok")
        gone = subscription(user, f"{stub.url}/gone")
        assert channel.available_for(user)
        notification = note(user)
        # 201 for one device, 410 for the other: delivered, the gone one deleted
        channel.send(user, [notification])
        assert list(PushSubscription.objects.all()) == [ok]
        ok.refresh_from_db()
        assert ok.last_success_at is not None and ok.failures == 0
        (path, headers, body) = next(r for r in stub.requests if r[0] == "/ok")
        assert headers["content-encoding"] == "aes128gcm"
        assert headers["authorization"].startswith("vapid t=")
        assert int(headers["ttl"]) == push.TTL
        assert "Cúp".encode() not in body and b"thong-bao" not in body  # encrypted
        assert {r[0] for r in stub.requests} == {"/ok", "/gone"}
        assert gone.pk not in PushSubscription.objects.values_list("pk", flat=True)
        # a 500: raised, to be tried again; the device kept, its failure counted
        stub.paths["/ok"] = 500
        with pytest.raises(push.PushFailed):
            channel.send(user, [notification])
        ok.refresh_from_db()
        assert ok.failures == 1
        # 201 again: the count starts again
        stub.paths["/ok"] = 201
        channel.send(user, [notification])
        ok.refresh_from_db()
        assert ok.failures == 0
        # the last device gone: undeliverable
        stub.paths["/ok"] = 404
        with pytest.raises(Undeliverable):
            channel.send(user, [notification])
        assert not PushSubscription.objects.filter(user=user).exists()
        assert not channel.available_for(user)


@pytest.mark.django_db
def test_no_push_service_answering_is_retried(settings):
    user = make_user("Cư dân mất mạng", "0905111002")
    with Stub([]) as stub:
        dead = stub.url
    subscription(user, f"{dead}/nobody")
    with pytest.raises(push.PushFailed):
        push.PushChannel().send(user, [note(user)])
    assert PushSubscription.objects.get(user=user).failures == 1


@pytest.mark.django_db
def test_payload_is_in_the_recipients_language():
    user = make_user("Resident", "0905111003", language="en")
    body = push.payload(user, [note(user, url="/en/x/")])
    assert body["title"] == "Electronic residential area"
    assert body["url"] == "/en/x/" and body["lang"] == "en"
    vi = make_user("Cư dân", "0905111004")
    digest = push.payload(vi, [note(vi), note(vi)], digest="daily")
    assert digest["title"] == "Khu dân cư điện tử"
    assert digest["body"].startswith("2 thông báo mới")
    assert digest["url"] == "/tai-khoan/"
    long = push.payload(vi, [note(vi, text="chữ " * 120)])
    assert len(long["body"]) <= push.BODY_LENGTH and long["body"].endswith("…")


# --- subscribing from the page ------------------------------------------------------


def post_json(client, name, data, **extra):
    return client.post(
        url(f"people:{name}"),
        json.dumps(data),
        content_type="application/json",
        **extra,
    )


@pytest.mark.django_db
def test_subscribe_stores_the_device_and_moves_it_to_the_next_person(client):
    a = make_user("Người A", "0905111005")
    b = make_user("Người B", "0905111006")
    data = {"endpoint": "https://push.example.net/send/abc", "keys": browser_keys()}
    sign_in(client, a)
    ua = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131 Mobile"
    response = post_json(client, "push_subscribe", data, HTTP_USER_AGENT=ua)
    assert response.status_code == 200 and response.json()["created"]
    device = PushSubscription.objects.get()
    assert device.user == a and device.label == "Chrome · Android"
    # the account page lists it, with a remove button
    page = client.get(url("people:account")).content.decode()
    assert "Chrome · Android" in page and url("people:push_remove", device.pk) in page
    # the same phone, another person: one row, now B's
    sign_in(client, b)
    assert post_json(client, "push_subscribe", data).status_code == 200
    assert PushSubscription.objects.get().user == b
    # A cannot remove B's device; B can
    sign_in(client, a)
    client.post(url("people:push_remove", device.pk))
    assert PushSubscription.objects.filter(pk=device.pk).exists()
    sign_in(client, b)
    client.post(url("people:push_remove", device.pk))
    assert not PushSubscription.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        "not json",
        [],
        {"endpoint": "https://push.example.net/x"},
        {"endpoint": "http://push.example.net/x", "keys": "KEYS"},
        {"endpoint": "https://127.0.0.1/x", "keys": "KEYS"},
        {"endpoint": "https://10.0.0.2/x", "keys": "KEYS"},
        {"endpoint": "javascript:alert(1)", "keys": "KEYS"},
        {"endpoint": "https://push.example.net/" + "x" * 2000, "keys": "KEYS"},
        {
            "endpoint": "https://push.example.net/x",
            "keys": {"p256dh": "AA", "auth": "x"},
        },
        {"endpoint": 5, "keys": "KEYS"},
        {"endpoint": "https://push.example.net/x", "keys": {"p256dh": None}},
    ],
)
def test_bad_subscriptions_are_a_400_with_a_vietnamese_message(client, data):
    sign_in(client, make_user("Người C", "0905111007"))
    if isinstance(data, dict) and data.get("keys") == "KEYS":
        data = {**data, "keys": browser_keys()}
    body = data if isinstance(data, str) else json.dumps(data)
    response = client.post(
        url("people:push_subscribe", lang="vi"), body, content_type="application/json"
    )
    assert response.status_code == 400
    assert "không hợp lệ" in response.json()["error"]
    assert not PushSubscription.objects.exists()


@pytest.mark.django_db
def test_only_signed_in_people_subscribe_and_only_by_post(client):
    data = {"endpoint": "https://push.example.net/send/abc", "keys": browser_keys()}
    response = post_json(client, "push_subscribe", data)
    assert response.status_code == 403 and response.json()["error"]
    sign_in(client, make_user("Người D", "0905111008"))
    assert client.get(url("people:push_subscribe")).status_code == 405
    assert not PushSubscription.objects.exists()


@pytest.mark.django_db
def test_subscribe_needs_the_csrf_token():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    sign_in(client, make_user("Người E", "0905111009"))
    data = {"endpoint": "https://push.example.net/send/abc", "keys": browser_keys()}
    assert post_json(client, "push_subscribe", data).status_code == 403
    assert not PushSubscription.objects.exists()


@pytest.mark.django_db
def test_unsubscribe_forgets_only_the_own_device(client):
    a = make_user("Người F", "0905111010")
    b = make_user("Người G", "0905111011")
    mine = subscription(a, "https://push.example.net/a")
    theirs = subscription(b, "https://push.example.net/b")
    sign_in(client, a)
    assert post_json(
        client, "push_unsubscribe", {"endpoint": theirs.endpoint}
    ).json() == {
        "ok": True,
        "deleted": False,
    }
    assert post_json(client, "push_unsubscribe", {"endpoint": mine.endpoint}).json()[
        "deleted"
    ]
    assert list(PushSubscription.objects.all()) == [theirs]
    assert post_json(client, "push_unsubscribe", {"endpoint": 3}).status_code == 400


def test_a_key_written_meanwhile_by_another_process_is_kept(settings):
    path = settings.VAPID_PRIVATE_KEY_FILE
    push._generate(path)
    first = path.read_bytes()
    push._generate(path)  # a second process, a moment later: it keeps the first
    assert path.read_bytes() == first
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no leftovers


@pytest.mark.parametrize(
    "agent, label",
    [
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Safari · iPhone",
        ),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101"
            " Firefox/133.0",
            "Firefox · Windows",
        ),
        (
            "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile"
            " Safari/537.36 Zalo android/12",
            "Zalo · Android",
        ),
        ("", ""),
    ],
)
def test_device_labels(agent, label):
    from civic.people.push_views import device_label

    assert device_label(agent) == label


@pytest.mark.django_db
def test_available_for_reads_prefetched_devices(django_assert_num_queries):
    from civic.people.models import User

    with_device = make_user("Có máy", "0905111020")
    make_user("Không máy", "0905111021")
    subscription(with_device, "https://push.example.net/p")
    users = list(
        User.objects.filter(phone__in=["+84905111020", "+84905111021"])
        .order_by("phone")
        .prefetch_related("push_subscriptions")
    )
    with django_assert_num_queries(0):
        assert [push.PushChannel().available_for(u) for u in users] == [True, False]
