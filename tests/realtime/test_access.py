"""Issue 14, item 2: live messages stop when access ends. Each way access can end
while a socket is open (moved away, role revoked, channel made private, archived
or deleted, muted, account deactivated, signed out) is checked on both layers:
the socket that may no longer read gets ``access_lost`` and is closed *before*
the next broadcast, which it never receives; one that may still read but no
longer write is told so (``access`` frame) and keeps reading."""

import pytest
from channels.db import database_sync_to_async
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from civic.comments.actions import mute_user
from civic.people.actions import mark_moved, revoke_role
from civic.people.models import Residency, Role
from realtime import actions
from realtime.actions import post_message

from .conftest import connect, joined, next_of, session_cookie

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEXT = "Tin nhắn sau khi đổi quyền"


async def frames_until(communicator, kind, timeout=3):
    """The frames received up to and including the first of type ``kind``."""
    frames = []
    while not frames or frames[-1]["type"] != kind:
        frames.append(await communicator.receive_json_from(timeout=timeout))
    return frames


async def closed_with(communicator):
    output = await communicator.receive_output(timeout=3)
    assert output["type"] == "websocket.close"
    return output.get("code")


async def access_lost(communicator, code=4403, kind="access_lost"):
    """The socket is told, then closed; no chat message reached it before."""
    frames = await frames_until(communicator, "error")
    assert not [f for f in frames if f["type"] == "message"], frames
    assert frames[-1]["code"] == kind
    assert await closed_with(communicator) == code
    return frames[-1]


async def receives(communicator, body=NEXT):
    frame = await next_of(communicator, "message")
    assert frame["message"]["body"] == body


def _post(user, channel, body=NEXT):
    post_message(user, channel, body)


async def open_all(*pairs):
    sockets = []
    for user, channel in pairs:
        communicator, hello = await connect(user, channel)
        assert hello["type"] == "hello", hello
        await joined(communicator)
        sockets.append(communicator)
    return sockets


async def test_moved_away_resident_is_closed_before_the_next_message(
    layer, tree, people, channel
):
    r1, r2 = await open_all((people.r1, channel), (people.r2, channel))

    def move_then_post():
        mark_moved(tree.leader_1, Residency.objects.get(user=people.r1))
        _post(people.r2, channel)  # right after the commit, before r1 is checked

    await database_sync_to_async(move_then_post)()
    error = await access_lost(r1)
    assert error["message"].startswith("You can no longer read this channel.")
    assert await r1.receive_nothing(timeout=0.5)  # the message never arrives
    await receives(r2)
    for socket in (r1, r2):
        await socket.disconnect()


async def test_moved_away_keeps_reading_a_public_channel_without_writing(
    layer, tree, people, channel
):
    channel.is_public = True
    await database_sync_to_async(channel.save)()
    r1, r2 = await open_all((people.r1, channel), (people.r2, channel))
    await database_sync_to_async(mark_moved)(
        tree.leader_1,
        await database_sync_to_async(Residency.objects.get)(user=people.r1),
    )
    frame = await next_of(r1, "access")
    assert frame["can_post"] is False and frame["can_moderate"] is False
    assert "Only verified residents of Tổ dân phố 1" in frame["message"]
    await database_sync_to_async(_post)(people.r2, channel)
    await receives(r1)
    for socket in (r1, r2):
        await socket.disconnect()


async def test_channel_made_private_closes_the_visitors(layer, tree, people, channel):
    channel.is_public = True
    await database_sync_to_async(channel.save)()
    visitor, r1 = await open_all((None, channel), (people.r1, channel))

    def make_private_then_post():
        channel.is_public = False
        channel.save()
        _post(people.r2, channel)

    await database_sync_to_async(make_private_then_post)()
    error = await access_lost(visitor)
    assert "Sign in to read this channel." in error["message"]
    assert await visitor.receive_nothing(timeout=0.5)
    await receives(r1)  # a member reads on
    for socket in (visitor, r1):
        await socket.disconnect()


async def test_revoked_leader_is_closed(layer, tree, people, channel):
    (leader,) = await open_all((tree.leader_1, channel))

    def revoke_then_post():
        revoke_role(tree.admin, Role.objects.get(user=tree.leader_1))
        _post(people.r1, channel)

    await database_sync_to_async(revoke_then_post)()
    await access_lost(leader)
    assert await leader.receive_nothing(timeout=0.5)
    await leader.disconnect()


async def test_muted_resident_is_downgraded_to_reading(layer, tree, people, channel):
    r1, r2 = await open_all((people.r1, channel), (people.r2, channel))
    await database_sync_to_async(mute_user)(
        tree.editor_a, people.r1, tree.group_1, "1d", "Quảng cáo"
    )
    frame = await next_of(r1, "access")
    assert frame["can_post"] is False
    assert "Quảng cáo" in frame["message"]
    await database_sync_to_async(_post)(people.r2, channel)
    await receives(r1)  # a mute stops writing, not reading
    await r1.send_json_to({"type": "post", "body": "Vẫn gửi?"})
    assert (await next_of(r1, "error"))["code"] == "forbidden"
    for socket in (r1, r2):
        await socket.disconnect()


async def test_archived_topic_is_read_only_at_once(layer, tree, people):
    topic = await database_sync_to_async(actions.open_topic)(
        tree.leader_1, tree.group_1, "Tổng vệ sinh"
    )
    (r1,) = await open_all((people.r1, topic))
    await database_sync_to_async(actions.archive_channel)(tree.leader_1, topic)
    frame = await next_of(r1, "access")
    assert frame["can_post"] is False
    assert "archived" in frame["message"]
    await r1.disconnect()


async def test_deleted_topic_closes_its_sockets(layer, tree, people):
    topic = await database_sync_to_async(actions.open_topic)(
        tree.leader_1, tree.group_1, "Tổng vệ sinh"
    )
    (r1,) = await open_all((people.r1, topic))
    await database_sync_to_async(topic.delete)()
    await access_lost(r1, code=4404, kind="not_found")
    await r1.disconnect()


async def test_deactivated_account_is_closed(layer, tree, people, channel):
    (r1,) = await open_all((people.r1, channel))

    def deactivate():
        people.r1.is_active = False
        people.r1.save()

    await database_sync_to_async(deactivate)()
    await access_lost(r1)
    await r1.disconnect()


def sign_out(cookie):
    client = Client()
    client.cookies[django_settings.SESSION_COOKIE_NAME] = cookie
    with override("vi"):
        response = client.post(reverse("people:logout"))
    assert response.status_code == 302


async def test_signing_out_closes_that_sessions_sockets_only(
    layer, tree, people, channel
):
    cookie = await database_sync_to_async(session_cookie)(people.r1)
    phone, hello = await connect(people.r1, channel, cookie=cookie)
    assert hello["type"] == "hello"
    await joined(phone)
    (laptop,) = await open_all((people.r1, channel))  # another session

    def sign_out_then_post():
        sign_out(cookie)
        _post(people.r2, channel)

    await database_sync_to_async(sign_out_then_post)()
    error = await access_lost(phone, code=4401, kind="signed_out")
    assert error["message"] == "You have signed out."
    assert await phone.receive_nothing(timeout=0.5)
    await receives(laptop)
    for socket in (phone, laptop):
        await socket.disconnect()


async def test_a_role_granted_while_connected_is_told(layer, tree, people, channel):
    from civic.people.actions import grant_role
    from civic.people.models import RoleKind

    (r1,) = await open_all((people.r1, channel))
    await database_sync_to_async(grant_role)(
        tree.admin, people.r1, tree.group_1, RoleKind.GROUP_LEADER
    )
    frame = await next_of(r1, "access")
    assert frame["can_moderate"] is True and frame["can_post"] is True
    await r1.disconnect()


async def test_an_area_moved_to_another_commune_closes_the_old_communes_socket(
    layer, tree, people
):
    from realtime.actions import area_channel

    commune = await database_sync_to_async(area_channel)(tree.commune_a)
    (r1,) = await open_all((people.r1, commune))

    def merge_then_post():
        tree.group_1.move(tree.commune_b, pos="last-child")
        _post(tree.editor_a, commune)

    await database_sync_to_async(merge_then_post)()
    await access_lost(r1)  # Tổ dân phố 1 is no longer part of Phường A
    assert await r1.receive_nothing(timeout=0.5)
    await r1.disconnect()
