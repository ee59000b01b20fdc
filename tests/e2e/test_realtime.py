"""The channel story in real browsers: two residents in two Chromium pages see
each other's messages live over the WebSocket, and a leader's "hide" removes a
message from both screens at once."""

from playwright.sync_api import expect

from realtime.actions import area_channel
from realtime.models import Message
from tests.e2e.test_notice_review import sign_in
from tests.realtime.conftest import resident


def open_channel(new_context, phone, channel):
    page = sign_in(new_context, phone)
    page.goto(f"/kenh/{channel.pk}/")
    # channel.js has opened the socket and received the hello frame
    expect(page.locator('#chat-status[data-connected="1"]')).to_be_attached()
    return page


def send(page, text):
    page.locator("#chat-body").fill(text)
    page.locator("#chat-form button[type=submit]").click()


def test_residents_chat_live_and_a_leader_hides_a_message(
    daphne_server, tree, new_context
):
    lan = resident("Nguyễn Thị Lan", "0913100001", tree.group_1)
    hung = resident("Trần Văn Hùng", "0913100002", tree.group_1)
    channel = area_channel(tree.group_1)

    lan_page = open_channel(new_context, lan.phone, channel)
    hung_page = open_channel(new_context, hung.phone, channel)

    send(lan_page, "Chiều nay 3 giờ có cắt nước không ạ?")
    for page in (lan_page, hung_page):
        expect(page.locator("#chat-log")).to_contain_text(
            "Chiều nay 3 giờ có cắt nước không ạ?"
        )
    # sent over the socket: no page load, the box is emptied once the server saved it
    expect(lan_page.locator("#chat-body")).to_have_value("")
    assert not lan_page.url.endswith("#chat-form")

    send(hung_page, "<b>Có</b>, từ 3 đến 5 giờ.")
    for page in (lan_page, hung_page):
        # shown as text, not as markup
        expect(page.locator("#chat-log .chat-body").last).to_have_text(
            "<b>Có</b>, từ 3 đến 5 giờ."
        )
        expect(page.locator("#chat-log b")).to_have_count(0)

    first = Message.objects.get(author=lan)
    leader_page = open_channel(new_context, tree.leader_1.phone, channel)
    expect(leader_page.locator(f"#message-{first.pk}")).to_be_visible()
    leader_page.locator(f"#message-{first.pk} .chat-actions button").click()

    for page in (lan_page, hung_page, leader_page):
        expect(page.locator(f"#message-{first.pk}")).to_have_count(0)
        expect(page.locator("#chat-log")).to_contain_text("từ 3 đến 5 giờ")
    first.refresh_from_db()
    assert first.is_hidden and first.hidden_by_id == tree.leader_1.pk
    # a reload (the page without the socket) does not bring it back
    hung_page.reload()
    expect(hung_page.locator("#chat-log")).not_to_contain_text("cắt nước không")

    # a report on it reaches the moderation queue, where the leader shows it again:
    # it comes back in its place (before the reply) on the screens that are open
    from django.contrib.contenttypes.models import ContentType

    from civic.comments.models import Report

    message_type = ContentType.objects.get_for_model(Message).pk
    Report.objects.create(
        content_type_id=message_type,
        object_id=first.pk,
        area=tree.group_1,
        reporter=hung,
        reason="not_relevant",
    )
    queue = leader_page.context.new_page()
    queue.goto("/quan-tri/kiem-duyet/")
    item = queue.locator(f'section[aria-labelledby="item-{message_type}-{first.pk}"]')
    expect(item).to_contain_text("cắt nước không")
    item.locator('form:has(input[value="unhide"]) button').click()
    expect(queue.locator(".messages")).to_be_visible()
    for page in (lan_page, hung_page, leader_page):
        expect(page.locator(f"#message-{first.pk}")).to_contain_text("cắt nước không")
        expect(page.locator("#chat-log .chat-body").first).to_contain_text(
            "cắt nước không"
        )
    first.refresh_from_db()
    assert not first.is_hidden


def test_a_resident_marked_moved_away_stops_receiving_at_once(
    daphne_server, tree, new_context
):
    """Issue 14, item 2: the resident's channel page is open; the leader records
    that they moved away; the next message reaches the others, not them, and
    their page says they can no longer read."""
    lan = resident("Nguyễn Thị Lan", "0913100001", tree.group_1)
    hung = resident("Trần Văn Hùng", "0913100002", tree.group_1)
    channel = area_channel(tree.group_1)
    residency = lan.residencies.get()

    lan_page = open_channel(new_context, lan.phone, channel)
    hung_page = open_channel(new_context, hung.phone, channel)
    send(hung_page, "Tối nay họp tổ lúc 7 giờ.")
    expect(lan_page.locator("#chat-log")).to_contain_text("họp tổ lúc 7 giờ")

    leader_page = sign_in(new_context, tree.leader_1.phone)
    leader_page.goto("/xac-minh/")
    moved = f'/xac-minh/{residency.pk}/chuyen-di/"]'
    leader_page.locator(f'details:has(form[action$="{moved}) summary').click()
    leader_page.locator(f'form[action$="{moved} button[type=submit]').click()
    expect(leader_page.locator(".messages")).to_contain_text("chuyển đi")

    # Lan's open page is told at once, and its socket is closed
    expect(lan_page.locator("#chat-error")).to_contain_text(
        "Bạn không còn quyền xem kênh này."
    )
    expect(lan_page.locator('#chat[data-lost="1"]')).to_be_attached()
    expect(lan_page.locator("#chat-body")).to_be_disabled()

    send(hung_page, "Nhớ mang theo sổ hộ khẩu.")
    expect(hung_page.locator("#chat-log")).to_contain_text("sổ hộ khẩu")
    expect(lan_page.locator("#chat-log")).not_to_contain_text("sổ hộ khẩu")
    # and the page itself is refused on reload
    response = lan_page.reload()
    assert response.status == 403
    expect(lan_page.locator("body")).not_to_contain_text("sổ hộ khẩu")
