"""Who may open a channel's socket, and what they may do once connected: the role
is checked at connect and again on every frame."""

import pytest
from channels.db import database_sync_to_async
from django.utils import timezone

from civic.comments.models import Mute
from civic.people.models import Residency, ResidencyStatus
from realtime.actions import area_channel

from .conftest import connect, joined, next_of

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


async def closed_with(communicator):
    output = await communicator.receive_output(timeout=3)
    assert output["type"] == "websocket.close"
    return output.get("code")


async def test_visitor_cannot_open_a_private_channel(layer, tree, people, channel):
    communicator, first = await connect(None, channel)
    assert first == {
        "type": "error",
        "code": "forbidden",
        "message": "Sign in to read this channel.",
    }
    assert await closed_with(communicator) == 4403


async def test_resident_of_another_group_or_pending_is_refused(
    layer, tree, people, channel
):
    for user in (people.r6, people.rb, people.waiting):
        communicator, first = await connect(user, channel)
        assert first["code"] == "forbidden"
        assert "Only verified residents of Tổ dân phố 1" in first["message"]
        assert await closed_with(communicator) == 4403


async def test_resident_reads_and_posts_in_own_group_and_commune(layer, tree, people):
    group, commune = channel_pair = await database_sync_to_async(
        lambda: (area_channel(tree.group_1), area_channel(tree.commune_a))
    )()
    assert channel_pair
    for target in (group, commune):
        communicator, hello = await connect(people.r1, target)
        assert hello["type"] == "hello"
        assert hello["channel"] == target.pk
        assert hello["can_post"] is True
        assert hello["can_moderate"] is False
        assert hello["max_length"] == 2000
        await communicator.disconnect()


async def test_leader_and_editor_moderate(layer, tree, people, channel):
    for user in (tree.leader_1, tree.editor_a):
        communicator, hello = await connect(user, channel)
        assert hello["can_moderate"] is True and hello["can_post"] is True
        await communicator.disconnect()
    # the other group's leader is neither member nor moderator here
    communicator, first = await connect(tree.leader_2, channel)
    assert first["code"] == "forbidden"
    await communicator.disconnect()


async def test_visitor_reads_a_public_channel_but_cannot_post(
    layer, tree, people, channel
):
    channel.is_public = True
    await database_sync_to_async(channel.save)()
    communicator, hello = await connect(None, channel)
    assert hello["type"] == "hello" and hello["can_post"] is False
    await joined(communicator)
    await communicator.send_json_to({"type": "post", "body": "Xin chào"})
    error = await next_of(communicator, "error")
    assert error["code"] == "forbidden"
    assert error["message"] == "Sign in to take part in the discussion."
    assert not await database_sync_to_async(channel.messages.exists)()
    await communicator.disconnect()


async def test_muted_resident_reads_only(layer, tree, people, channel):
    await database_sync_to_async(Mute.objects.create)(
        user=people.r1,
        area=tree.commune_a,
        until=timezone.now() + timezone.timedelta(days=1),
        reason="Spam",
        by=tree.editor_a,
    )
    communicator, hello = await connect(people.r1, channel)
    assert hello["type"] == "hello" and hello["can_post"] is False
    await joined(communicator)
    await communicator.send_json_to({"type": "post", "body": "Tôi bị chặn"})
    error = await next_of(communicator, "error")
    assert error["code"] == "forbidden"
    assert "stopped you from writing in Phường A" in error["message"]
    assert "Spam" in error["message"]
    await communicator.disconnect()


async def test_role_is_checked_again_on_every_message(layer, tree, people, channel):
    communicator, hello = await connect(people.r1, channel)
    assert hello["can_post"] is True
    await joined(communicator)
    # the leader removes the residency while the socket is open
    await database_sync_to_async(Residency.objects.filter(user=people.r1).update)(
        status=ResidencyStatus.REJECTED
    )
    await communicator.send_json_to({"type": "post", "body": "Vẫn gửi được không?"})
    error = await next_of(communicator, "error")
    assert error["code"] == "forbidden"
    assert not await database_sync_to_async(channel.messages.exists)()
    await communicator.disconnect()


async def test_vietnamese_is_the_default_language_of_errors(
    layer, tree, people, channel
):
    communicator, hello = await connect(people.r1, channel, lang="xx")
    await joined(communicator)
    await communicator.send_json_to({"type": "post", "body": "   "})
    error = await next_of(communicator, "error")
    assert error["message"] == "Hãy viết nội dung trước khi gửi."
    await communicator.disconnect()


async def test_foreign_origin_is_refused(layer, tree, people, channel):
    from channels.testing import WebsocketCommunicator

    from config.asgi import application

    communicator = WebsocketCommunicator(
        application,
        f"/ws/channels/{channel.pk}/",
        headers=[(b"origin", b"http://evil.example"), (b"host", b"127.0.0.1")],
    )
    connected, _ = await communicator.connect(timeout=5)
    assert not connected


async def test_unknown_channel(layer, tree, people):
    class Missing:
        pk = 999999

    communicator, first = await connect(people.r1, Missing)
    assert first["code"] == "not_found"
    assert await closed_with(communicator) == 4404


async def test_connections_per_user_are_capped(layer, settings, tree, people, channel):
    settings.REALTIME_MAX_CONNECTIONS_PER_USER = 2
    open_ = []
    for _ in range(2):
        communicator, hello = await connect(people.r1, channel)
        assert hello["type"] == "hello"
        open_.append(communicator)
    communicator, first = await connect(people.r1, channel)
    assert first["code"] == "too_many_connections"
    assert await closed_with(communicator) == 4429
    # another person is not affected; closing one window frees a place
    other, hello = await connect(people.r2, channel)
    assert hello["type"] == "hello"
    await open_.pop().disconnect()
    again, hello = await connect(people.r1, channel)
    assert hello["type"] == "hello"
    for c in [*open_, other, again]:
        await c.disconnect()
