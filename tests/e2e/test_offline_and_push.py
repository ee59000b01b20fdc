"""The installable site in Chromium: a notice read online is read again offline;
a page never opened shows the offline page; a resident's group's latest notices
are kept without being opened and forgotten at sign-out; a push message shows
a notification (delivered through the DevTools protocol, as no push service
runs here)."""

import json
import re
import time

from playwright.sync_api import expect

from civic.people.models import Household, Notification, Residency, ResidencyStatus
from civic.people.push import payload
from content.models import NoticePage
from tests.conftest import PASSWORD, make_user


def publish(area, title, text="Nội dung thông báo", **extra):
    notice = NoticePage(title=title, body=f"<p>{text}</p>", category="other", **extra)
    area.add_child(instance=notice)
    notice.save_revision().publish()
    notice.refresh_from_db()
    return notice


KEPT = """async (url) => {
    const cache = await caches.open("pages");
    return !!(await cache.match(url));
}"""


def kept(page, url):
    """Whether the service worker keeps a copy of ``url``."""
    return page.evaluate(KEPT, url)


def poll(page, script, arg=None, timeout=20):
    """``script``'s awaited value once truthy (``wait_for_function`` would take
    the promise of an async function for a true value)."""
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(script, arg)
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def wait_until_kept(page, url):
    assert poll(page, KEPT, url), f"{url} not kept"


def worker_ready(page):
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")


def test_a_notice_read_online_is_read_offline_and_others_show_the_offline_page(
    daphne_server, tree, new_context
):
    notice = publish(tree.group_1, "Cúp điện tổ 1 sáng thứ Bảy", "Từ 7 giờ đến 11 giờ.")
    unread = publish(tree.group_2, "Tiêm phòng dại cho chó mèo")
    context = new_context()
    page = context.new_page()
    page.goto(notice.url)
    expect(page.get_by_role("heading", name=notice.title)).to_be_visible()
    worker_ready(page)
    # the first visit, before the worker ran, is kept as soon as it runs
    wait_until_kept(page, daphne_server + notice.url)

    context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", name=notice.title)).to_be_visible()
    expect(page.get_by_text("Từ 7 giờ đến 11 giờ.")).to_be_visible()

    page.goto(unread.url)
    expect(page.get_by_role("heading", name="Không có kết nối")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.goto("/en" + unread.url)
    expect(page.get_by_role("heading", name="No connection")).to_be_visible()

    context.set_offline(False)
    page.goto(unread.url)
    expect(page.get_by_role("heading", name=unread.title)).to_be_visible()


def test_the_residents_group_notices_are_kept_unopened_and_forgotten_at_sign_out(
    daphne_server, tree, new_context
):
    latest = publish(tree.group_1, "Họp tổ dân phố tối thứ Sáu", "Tại nhà văn hoá.")
    user = make_user("Cư dân tổ 1", "0905333001")
    home = Household.objects.create(area=tree.group_1, address="3 Trần Phú")
    Residency.objects.create(user=user, household=home, status=ResidencyStatus.VERIFIED)

    context = new_context()
    page = context.new_page()
    page.goto("/dang-nhap/")
    page.locator('input[name="identifier"]').fill("0905333001")
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form:has(input[name="identifier"]) [type="submit"]').click()
    expect(page).to_have_url(re.compile(r"^[^?]*/$"))
    worker_ready(page)
    # never opened: fetched by the worker from the group's list
    wait_until_kept(page, daphne_server + latest.url)

    context.set_offline(True)
    page.goto(latest.url)
    expect(page.get_by_role("heading", name=latest.title)).to_be_visible()
    expect(page.get_by_text("Tại nhà văn hoá.")).to_be_visible()
    context.set_offline(False)

    # signing out forgets the pages kept for this person
    page.goto("/")
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("link", name="Đăng nhập")).to_be_visible()
    assert not kept(page, daphne_server + latest.url)
    context.set_offline(True)
    page.goto(latest.url)
    expect(page.get_by_role("heading", name="Không có kết nối")).to_be_visible()


def test_a_push_message_shows_the_notification_with_its_page(
    daphne_server, tree, new_context
):
    notice = publish(tree.group_1, "Thông báo khẩn: nước ngập đường Lê Lợi")
    user = make_user("Cư dân nhận tin", "0905333002")
    note = Notification.objects.create(
        user=user, message="Thông báo khẩn tại Tổ dân phố 1", url=notice.url
    )
    data = payload(user, [note])
    context = new_context()
    context.grant_permissions(["notifications"], origin=daphne_server)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    registrations = []
    cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        lambda event: registrations.extend(event["registrations"]),
    )
    cdp.send("ServiceWorker.enable")
    page.goto("/")
    worker_ready(page)
    page.wait_for_function("navigator.serviceWorker.controller !== null")
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
            return shown.length ? shown.map((n) => ({
                title: n.title, body: n.body, url: n.data.url, tag: n.tag,
            })) : null;
        }""",
    )
    assert shown == [
        {
            "title": "Khu dân cư điện tử",
            "body": "Thông báo khẩn tại Tổ dân phố 1",
            "url": notice.url,
            "tag": f"notification-{note.pk}",
        }
    ]
    # a click opens that page, and only a page of this site (a click itself
    # cannot be made in headless Chromium: the handler's choice is checked)
    [worker] = [w for w in context.service_workers if w.url.endswith("/sw.js")]
    targets = worker.evaluate(
        """async () => {
            const [shown] = await self.registration.getNotifications();
            const foreign = notificationTarget({data: {url: "https://example.com/x"}});
            return [notificationTarget(shown).href, foreign];
        }"""
    )
    assert targets == [daphne_server + notice.url, None]
