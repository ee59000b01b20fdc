"""Posting, backfill after a reconnect, editing, hiding (live on every screen),
slow mode and the per-person rate limit, over the real WebSocket stack."""

import asyncio

import pytest
from channels.db import database_sync_to_async

from realtime.models import Message

from .conftest import connect, joined, next_of, nothing_of

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def db(function, *args, **kwargs):
    return database_sync_to_async(function)(*args, **kwargs)


async def test_a_message_is_saved_then_seen_by_everyone(layer, tree, people, channel):
    alice, _ = await connect(people.r1, channel)
    bob, _ = await connect(people.r2, channel)
    await joined(alice)
    await joined(bob)
    await alice.send_json_to(
        {"type": "post", "body": "Chiều nay cắt nước", "ref": "a1"}
    )
    ack = await next_of(alice, "ack")
    saved = await db(Message.objects.select_related("author").get)
    assert ack == {"type": "ack", "ref": "a1", "id": saved.pk}
    assert saved.body == "Chiều nay cắt nước" and saved.author_id == people.r1.pk
    for client in (alice, bob):
        frame = await next_of(client, "message")
        assert frame["message"]["id"] == saved.pk
        assert frame["message"]["body"] == "Chiều nay cắt nước"
        assert frame["message"]["author"] == "Cư dân Một"
        assert frame["message"]["edited"] is False
    await alice.disconnect()
    await bob.disconnect()


async def test_presence_counts_people(layer, tree, people, channel):
    alice, hello = await connect(people.r1, channel)
    assert hello["presence"] == 1
    second_window, hello = await connect(people.r1, channel)
    assert hello["presence"] == 1  # the same person twice
    bob, hello = await connect(people.r2, channel)
    assert hello["presence"] == 2
    await bob.disconnect()
    counts = [(await next_of(alice, "presence"))["count"] for _ in range(4)]
    # alice arrives, her second window (no change), bob arrives, bob leaves
    assert counts == [1, 1, 2, 1]
    await second_window.disconnect()
    await alice.disconnect()


async def test_presence_is_coalesced(layer, settings, tree, people, channel):
    settings.REALTIME_PRESENCE_DELAY = 1.5
    alice, hello = await connect(people.r1, channel)
    bob, _ = await connect(people.r2, channel)
    leader, _ = await connect(tree.leader_1, channel)
    # three arrivals, told in fewer frames (one, unless the machine is slow)
    counts = []
    while not counts or counts[-1] != 3:
        counts.append((await next_of(alice, "presence", timeout=5))["count"])
    assert len(counts) < 3
    for client in (alice, bob, leader):
        await client.disconnect()
    await asyncio.sleep(1.6)  # the departures' count is sent before the loop ends


async def test_reconnect_backfills_what_was_missed(layer, tree, people, channel):
    alice, _ = await connect(people.r1, channel)
    first = await joined(alice)
    assert first["messages"] == []
    await alice.send_json_to({"type": "post", "body": "Tin thứ nhất"})
    seen = (await next_of(alice, "message"))["message"]["id"]
    await alice.disconnect()  # the connection drops

    bob, _ = await connect(people.r2, channel)
    await joined(bob)
    for text in ("Tin thứ hai", "Tin thứ ba"):
        await bob.send_json_to({"type": "post", "body": text})
        await next_of(bob, "ack")
    await bob.disconnect()
    # meanwhile a leader hides the message alice had already seen
    leader, _ = await connect(tree.leader_1, channel)
    await joined(leader)
    await leader.send_json_to({"type": "hide", "id": seen})
    await next_of(leader, "hidden")
    await leader.disconnect()

    alice, _ = await connect(people.r1, channel, after=seen)
    backfill = await joined(alice)
    assert [m["body"] for m in backfill["messages"]] == ["Tin thứ hai", "Tin thứ ba"]
    assert backfill["hidden"] == [seen]
    assert backfill["more"] is False
    # the same can be asked with a frame, e.g. after the last id the page rendered
    await alice.send_json_to(
        {"type": "backfill", "after": backfill["messages"][0]["id"]}
    )
    again = await next_of(alice, "backfill")
    assert [m["body"] for m in again["messages"]] == ["Tin thứ ba"]
    await alice.disconnect()


async def test_without_after_the_recent_history_is_sent(layer, tree, people, channel):
    await db(Message.objects.create, channel=channel, author=people.r2, body="Cũ")
    alice, _ = await connect(people.r1, channel)
    backfill = await joined(alice)
    assert [m["body"] for m in backfill["messages"]] == ["Cũ"]
    await alice.disconnect()


async def test_moderator_hides_a_message_on_every_screen(layer, tree, people, channel):
    message = await db(
        Message.objects.create, channel=channel, author=people.r2, body="Quảng cáo"
    )
    alice, _ = await connect(people.r1, channel)
    bob, _ = await connect(people.r2, channel)
    leader, _ = await connect(tree.leader_1, channel)
    for client in (alice, bob, leader):
        await joined(client)
    # a resident cannot hide
    await alice.send_json_to({"type": "hide", "id": message.pk})
    assert (await next_of(alice, "error"))["code"] == "forbidden"
    await leader.send_json_to({"type": "hide", "id": message.pk, "reason": "Spam"})
    for client in (alice, bob, leader):
        assert await next_of(client, "hidden") == {"type": "hidden", "id": message.pk}
    await db(message.refresh_from_db)
    assert message.is_hidden and message.hidden_by_id == tree.leader_1.pk
    assert message.hidden_reason == "Spam"
    # the author is told
    notified = await db(
        lambda: people.r2.notifications.filter(message__contains="Spam").exists()
    )
    assert notified
    for client in (alice, bob, leader):
        await client.disconnect()


async def test_author_edits_within_the_window(layer, tree, people, channel):
    alice, _ = await connect(people.r1, channel)
    bob, _ = await connect(people.r2, channel)
    await joined(alice)
    await joined(bob)
    await alice.send_json_to({"type": "post", "body": "Hop luc 7 gio"})
    pk = (await next_of(alice, "ack"))["id"]
    await bob.send_json_to({"type": "edit", "id": pk, "body": "Của tôi"})
    assert (await next_of(bob, "error"))["code"] == "forbidden"
    await alice.send_json_to({"type": "edit", "id": pk, "body": "Họp lúc 7 giờ"})
    for client in (alice, bob):
        edited = await next_of(client, "edited")
        assert (
            edited["message"]["body"] == "Họp lúc 7 giờ" and edited["message"]["edited"]
        )
    await alice.disconnect()
    await bob.disconnect()


async def test_slow_mode(layer, tree, people, channel):
    leader, _ = await connect(tree.leader_1, channel)
    alice, _ = await connect(people.r1, channel)
    await joined(leader)
    await joined(alice)
    await alice.send_json_to({"type": "slow_mode", "seconds": 30})
    assert (await next_of(alice, "error"))["code"] == "forbidden"
    await leader.send_json_to({"type": "slow_mode", "seconds": 30})
    assert (await next_of(alice, "slow_mode"))["seconds"] == 30
    await alice.send_json_to({"type": "post", "body": "Một"})
    await next_of(alice, "ack")
    await alice.send_json_to({"type": "post", "body": "Hai"})
    error = await next_of(alice, "error")
    assert error["code"] == "refused"
    assert error["message"].startswith("Slow mode is on: wait ")
    # moderators are not slowed down
    for text in ("Ba", "Bốn"):
        await leader.send_json_to({"type": "post", "body": text})
        await next_of(leader, "ack")
    assert await db(lambda: list(Message.objects.values_list("body", flat=True))) == [
        "Một",
        "Ba",
        "Bốn",
    ]
    await leader.send_json_to({"type": "slow_mode", "seconds": 99999})
    assert (await next_of(leader, "error"))["code"] == "refused"
    await leader.disconnect()
    await alice.disconnect()


async def test_rate_limit_per_person(layer, settings, tree, people, channel):
    settings.REALTIME_RATE_COUNT = 3
    alice, _ = await connect(people.r1, channel)
    await joined(alice)
    for i in range(3):
        await alice.send_json_to({"type": "post", "body": f"Tin {i}"})
        await next_of(alice, "ack")
    await alice.send_json_to({"type": "post", "body": "Tin thừa"})
    error = await next_of(alice, "error")
    assert (
        error["message"]
        == "You are writing too fast: at most 3 messages in 10 seconds."
    )
    assert await db(Message.objects.count) == 3
    await alice.disconnect()


async def test_length_limit(layer, tree, people, channel):
    alice, _ = await connect(people.r1, channel)
    await joined(alice)
    await alice.send_json_to({"type": "post", "body": "x" * 2001})
    error = await next_of(alice, "error")
    assert error["message"] == (
        "A message can have at most 2000 characters; yours has 2001."
    )
    await alice.send_json_to({"type": "post", "body": "đ" * 2000})
    await next_of(alice, "ack")
    assert await db(Message.objects.count) == 1
    await alice.disconnect()


async def test_archived_channel_is_read_only(layer, tree, people):
    from realtime.actions import archive_channel, open_topic

    topic = await db(open_topic, tree.leader_1, tree.group_1, "Sửa ống nước")
    alice, hello = await connect(people.r1, topic)
    assert hello["can_post"] is True
    await joined(alice)
    await db(archive_channel, tree.leader_1, topic)
    assert (await next_of(alice, "archived"))["channel"] == topic.pk
    await alice.send_json_to({"type": "post", "body": "Còn nước không?"})
    error = await next_of(alice, "error")
    assert "archived" in error["message"]
    assert await nothing_of(alice, "message")
    await alice.disconnect()
