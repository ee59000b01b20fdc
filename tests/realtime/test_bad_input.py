"""Malformed, oversized and hostile frames get an error frame; the consumer stays
up and the next good frame works."""

import pytest
from channels.db import database_sync_to_async

from realtime.models import Message

from .conftest import connect, joined, next_of

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BAD_FRAMES = [
    ("{not json", "bad_json"),
    ("[1, 2, 3]", "bad_json"),
    ('"post"', "bad_json"),
    ('{"type": 5}', "bad_json"),
    ('{"type": "explode"}', "unknown_type"),
    ('{"type": "post"}', "refused"),  # no body
    ('{"type": "post", "body": {"x": 1}}', "refused"),
    ('{"type": "hide", "id": "abc"}', "refused"),
    ('{"type": "edit", "id": 99999999999999999999999, "body": "x"}', "refused"),
    ('{"type": "edit", "id": null, "body": "x"}', "refused"),
    ('{"type": "backfill", "after": -4}', "refused"),
    ('{"type": "backfill", "after": "x"}', "refused"),
    ("x" * 20_000, "too_large"),
]


async def test_bad_frames_get_an_error_and_the_socket_survives(
    layer, settings, tree, people, channel
):
    alice, _ = await connect(people.r1, channel)
    await joined(alice)
    for text, code in BAD_FRAMES:
        await alice.send_to(text_data=text)
        error = await next_of(alice, "error")
        assert error["code"] == code, text[:60]
        assert error["message"]
    await alice.send_to(bytes_data=b"\x00\xff")
    assert (await next_of(alice, "error"))["code"] == "bad_frame"
    await alice.send_json_to({"type": "ping"})
    assert await next_of(alice, "pong")
    await alice.send_json_to({"type": "post", "body": "Vẫn hoạt động"})
    assert (await next_of(alice, "message"))["message"]["body"] == "Vẫn hoạt động"
    assert await database_sync_to_async(Message.objects.count)() == 1
    await alice.disconnect()


async def test_a_flood_of_frames_is_throttled(layer, tree, people, channel):
    alice, _ = await connect(people.r1, channel)
    await joined(alice)
    for _ in range(25):
        await alice.send_json_to({"type": "ping"})
    codes = []
    for _ in range(25):
        frame = await alice.receive_json_from(timeout=3)
        while frame["type"] == "presence":
            frame = await alice.receive_json_from(timeout=3)
        codes.append(frame.get("code", frame["type"]))
    assert codes.count("pong") == 20 and codes.count("rate_limited") == 5
    await alice.disconnect()


async def test_markup_is_kept_as_text(layer, tree, people, channel):
    alice, _ = await connect(people.r1, channel)
    await joined(alice)
    body = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    await alice.send_json_to({"type": "post", "body": body})
    frame = await next_of(alice, "message")
    # sent as text (the client sets textContent), never as HTML
    assert frame["message"]["body"] == body
    assert "html" not in frame["message"]
    await alice.disconnect()
