"""Area pages listening over a WebSocket hear of urgent notices as they are
published, and of poll tallies as ballots are cast where results are public."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from civic.polls.actions import cast_ballot
from civic.polls.models import ResultsVisibility
from content.models import NoticePage

from ..polls.conftest import make_poll
from .conftest import connect, joined, next_of, nothing_of

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


async def listen(area):
    from config.asgi import application

    communicator = WebsocketCommunicator(
        application,
        f"/ws/areas/{area.pk}/",
        headers=[(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1")],
    )
    connected, _ = await communicator.connect(timeout=5)
    assert connected
    return communicator


def publish_notice(area, title, urgent):
    notice = NoticePage(title=title, body="<p>Nội dung</p>", is_urgent=urgent)
    area.add_child(instance=notice)
    notice.save_revision().publish()
    return notice


async def test_urgent_notice_reaches_the_area_pages_above_it(layer, tree, people):
    commune = await listen(tree.commune_a)
    group = await listen(tree.group_1)
    other = await listen(tree.group_2)
    await database_sync_to_async(publish_notice)(tree.group_1, "Lịch cắt điện", False)
    await database_sync_to_async(publish_notice)(
        tree.group_1, "Khẩn: nước ngập đường Hà Ra", True
    )
    for client in (commune, group):
        frame = await next_of(client, "notice")
        assert frame["title"] == "Khẩn: nước ngập đường Hà Ra"  # not the ordinary one
        assert frame["url"].endswith("/khan-nuoc-ngap-duong-ha-ra/")
    assert await nothing_of(other, "notice")
    for client in (commune, group, other):
        await client.disconnect()


async def test_a_ward_urgent_notice_reaches_its_groups_pages(layer, tree, people):
    """A group's page shows its commune's urgent notices (issue 19): live too."""
    group_1 = await listen(tree.group_1)
    group_2 = await listen(tree.group_2)
    elsewhere = await listen(tree.group_b)
    await database_sync_to_async(publish_notice)(
        tree.commune_a, "Khẩn: cắt nước toàn phường", True
    )
    for client in (group_1, group_2):
        assert (await next_of(client, "notice"))[
            "title"
        ] == "Khẩn: cắt nước toàn phường"
    assert await nothing_of(elsewhere, "notice")
    for client in (group_1, group_2, elsewhere):
        await client.disconnect()


async def test_channel_sockets_hear_of_urgent_notices_too(layer, tree, people, channel):
    alice, _ = await connect(people.r1, channel)
    await joined(alice)
    await database_sync_to_async(publish_notice)(tree.group_1, "Khẩn: bão", True)
    assert (await next_of(alice, "notice"))["title"] == "Khẩn: bão"
    await alice.disconnect()


async def test_poll_tally_is_pushed_only_when_results_are_public(layer, tree, people):
    public = await database_sync_to_async(make_poll)(
        tree.group_1, secret=False, results_visibility=ResultsVisibility.ALWAYS
    )
    secret = await database_sync_to_async(make_poll)(
        tree.group_1,
        title="Kín",
        results_visibility=ResultsVisibility.AFTER_CLOSING,
    )
    commune = await listen(tree.commune_a)
    choice = await database_sync_to_async(lambda: public.choices.get(label="B").pk)()
    await database_sync_to_async(cast_ballot)(people.r1, public, [choice])
    frame = await next_of(commune, "poll")
    assert frame["id"] == public.pk and frame["participants"] == 1
    assert {r["label"]: r["votes"] for r in frame["rows"]} == {"A": 0, "B": 1, "C": 0}
    hidden = await database_sync_to_async(lambda: secret.choices.first().pk)()
    await database_sync_to_async(cast_ballot)(people.r1, secret, [hidden])
    assert await nothing_of(commune, "poll")
    await commune.disconnect()


async def test_a_secret_poll_is_pushed_only_by_batches_of_ballots(
    layer, tree, people, settings
):
    """One ballot of a secret poll sends no frame (its voter's choice would be the
    difference); a batch of ``POLLS_SECRET_TALLY_BATCH`` ballots sends one."""
    settings.POLLS_SECRET_TALLY_BATCH = 3
    poll = await database_sync_to_async(make_poll)(
        tree.commune_a, results_visibility=ResultsVisibility.ALWAYS
    )
    assert poll.secret
    group = await listen(tree.group_1)
    a, b = await database_sync_to_async(
        lambda: list(poll.choices.values_list("pk", flat=True)[:2])
    )()
    await database_sync_to_async(cast_ballot)(people.r1, poll, [a])
    assert await nothing_of(group, "poll")
    await database_sync_to_async(cast_ballot)(people.r2, poll, [b])
    assert await nothing_of(group, "poll")
    await database_sync_to_async(cast_ballot)(people.r6, poll, [a])
    frame = await next_of(group, "poll")
    assert frame["id"] == poll.pk and frame["participants"] == 3
    assert {r["label"]: r["votes"] for r in frame["rows"]} == {"A": 2, "B": 1, "C": 0}
    await group.disconnect()


async def test_area_socket_refuses_unknown_areas_and_ignores_frames(layer, tree):
    from config.asgi import application

    communicator = WebsocketCommunicator(
        application,
        "/ws/areas/987654/",
        headers=[(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1")],
    )
    await communicator.connect(timeout=5)
    assert (await communicator.receive_json_from())["code"] == "not_found"
    live = await listen(tree.group_1)
    await live.send_to(text_data="{broken")
    assert (await live.receive_json_from())["code"] == "bad_frame"
    await live.send_json_to({"type": "ping"})
    assert (await live.receive_json_from())["type"] == "pong"
    await live.disconnect()
