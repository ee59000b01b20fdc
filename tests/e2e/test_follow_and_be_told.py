"""Issue 19: a resident follows a report and is told when the handler answers -
in the app (the header badge of the open page, live over ``/ws/inbox/``; the
notification page) and on their phone (one Web Push to the push service stub,
which decrypted and delivered to the page's service worker shows the
notification of the report).

The handler's actions and the worker (``run_queued_tasks``) run as in the
server's process: in a thread of the live server's event loop (``on_server``),
so the worker's "unread changed" event reaches the page's socket through the
server's in-memory channel layer. The sockets' periodic recount is turned off
(``REALTIME_INBOX_RECHECK = 0``): only that event can update the badge.
"""

import asyncio
import base64
import json

import http_ece
import pytest
from asgiref.sync import sync_to_async
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from playwright.sync_api import expect

from civic.feedback import actions
from civic.feedback.models import Category
from civic.people import push
from civic.people.models import Notification, PushSubscription
from civic.people.tasks import run_queued_tasks
from tests.e2e.test_feedback import sign_in
from tests.e2e.test_offline_and_push import poll, worker_ready
from tests.factories import make_user, resident
from tests.people.push_stub import Stub

ANSWER = "Điện lực đã thay bóng đèn mới."


def b64(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def device(user, endpoint):
    """A device of ``user`` subscribed at ``endpoint``, with real keys (as a
    browser makes them); returns the private key and secret to decrypt with."""
    key = ec.generate_private_key(ec.SECP256R1())
    point = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    secret = b"0123456789abcdef"
    PushSubscription.objects.create(
        user=user,
        endpoint=endpoint,
        label="Chrome · Android",
        p256dh=b64(point),
        auth=b64(secret),
    )
    return key, secret


def on_server(function, *args, **kwargs):
    """Run ``function`` in a worker thread of the live server's event loop, as
    the server's own code runs (its events go through the server's layer)."""
    from django.db import connections
    from twisted.internet import reactor

    def call():
        try:
            return function(*args, **kwargs)
        finally:
            connections.close_all()  # a PostgreSQL connection of that thread

    future = asyncio.run_coroutine_threadsafe(
        sync_to_async(call, thread_sensitive=False)(), reactor._asyncioEventloop
    )
    return future.result(timeout=30)


def work():
    """The worker, until nothing is left to run (a task may enqueue the next)."""
    while run_queued_tasks():
        pass


@pytest.fixture
def _notifying(settings, tmp_path):
    settings.NOTIFICATION_QUIET_HOURS = None  # any time of day
    settings.REALTIME_INBOX_RECHECK = 0  # the badge changes on the event only
    settings.VAPID_PRIVATE_KEY_FILE = tmp_path / "vapid_private.pem"
    settings.VAPID_CONTACT = "mailto:test@example.vn"
    push._keys.clear()
    yield
    push._keys.clear()


def test_a_follower_is_told_in_the_app_and_on_the_phone_when_the_handler_answers(
    daphne_server, tree, new_context, _notifying
):
    reporter = make_user("Người phản ánh", "0905111222")
    lan = on_server(resident, "Nguyễn Thị Lan", "0913200001", tree.group_1)
    hung = on_server(resident, "Trần Văn Hùng", "0913200002", tree.group_1)
    report = on_server(
        actions.submit_report,
        reporter,
        tree.group_1,
        category=Category.LIGHTING,
        title="Đèn đường trước số 12 bị hỏng",
        description="Đèn không sáng ba đêm nay, đường rất tối.",
        address="Trước số 12 Hòn Chồng",
    )
    url = report.get_absolute_url()
    # Hùng, of the same group, never follows it: he is told nothing

    with Stub() as stub:
        lan_key, lan_secret = device(lan, f"{stub.url}/lan")
        device(hung, f"{stub.url}/hung")
        on_server(work)  # the new report's tasks (the handlers are told)

        page = sign_in(new_context, lan.phone)
        context = page.context
        context.grant_permissions(["notifications"], origin=daphne_server)
        cdp = context.new_cdp_session(page)
        registrations = []
        cdp.on(
            "ServiceWorker.workerRegistrationUpdated",
            lambda event: registrations.extend(event["registrations"]),
        )
        cdp.send("ServiceWorker.enable")
        page.goto(url)
        badge = page.locator("#inbox-badge")
        expect(badge).to_be_hidden()

        # before Lan follows: the handler accepts it and works on it; she is
        # told nothing
        on_server(actions.accept_report, tree.editor_a, report)
        on_server(actions.post_progress, tree.editor_a, report, "Đã báo Điện lực.")
        on_server(work)
        assert not Notification.objects.filter(user__in=[lan, hung]).exists()
        assert stub.requests == []

        # she follows it from its page
        follow = page.get_by_role("button", name="Theo dõi phản ánh này")
        expect(follow).to_have_attribute("aria-pressed", "false")
        follow.click()
        expect(follow).to_have_attribute("aria-pressed", "true")
        expect(page.locator(".follow-hint")).to_contain_text("Bạn đang theo dõi")
        expect(badge).to_be_hidden()
        worker_ready(page)

        # the handler answers; the worker runs
        on_server(actions.resolve_report, tree.editor_a, report, ANSWER)
        on_server(work)

        # (a) her open page's badge, without a reload
        expect(badge).to_have_text("1")
        expect(badge).to_be_visible()
        expect(badge).to_have_attribute("aria-label", "1 thông báo mới")
        told = (
            f"Phản ánh “{report.title}” mà bạn theo dõi đã chuyển sang: đã xử lý xong."
        )

        # (b) one push, to her device only; it decrypts to the report's notification
        assert [path for path, _headers, _body in stub.requests] == ["/lan"]
        _path, headers, body = stub.requests[0]
        assert headers["content-encoding"] == "aes128gcm"
        data = json.loads(
            http_ece.decrypt(
                body, private_key=lan_key, auth_secret=lan_secret, version="aes128gcm"
            )
        )
        assert (data["url"], data["body"], data["lang"]) == (url, told, "vi")
        assert not Notification.objects.filter(user=hung).exists()

    registration = next(
        r
        for r in registrations
        if r["scopeURL"] == daphne_server + "/" and not r["isDeleted"]
    )
    cdp.send(
        "ServiceWorker.deliverPushMessage",
        {
            "origin": daphne_server,
            "registrationId": registration["registrationId"],
            "data": json.dumps(data, ensure_ascii=False),
        },
    )
    shown = poll(
        page,
        """async () => {
            const registration = await navigator.serviceWorker.ready;
            const shown = await registration.getNotifications();
            return shown.length
                ? shown.map((n) => ({title: n.title, body: n.body, url: n.data.url}))
                : null;
        }""",
    )
    assert shown == [{"title": "Khu dân cư điện tử", "body": told, "url": url}]

    # the notification page lists it, in Vietnamese, linked to the report
    page.goto("/tai-khoan/thong-bao/")
    link = page.locator("ul.notifications li.unread a")
    expect(link).to_have_count(1)
    expect(link).to_have_text(told)
    expect(link).to_have_attribute("href", url)
    # which opens the report, with the handler's answer
    link.click()
    expect(page).to_have_url(daphne_server + url)
    expect(page.locator(".fb-answer")).to_have_text(ANSWER)
