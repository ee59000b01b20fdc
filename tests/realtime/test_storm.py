"""A reconnect storm (issue 16): a message saved while a socket is being set up
reaches it once — in its backfill, not again as a broadcast held meanwhile."""

import pytest

from realtime import actions
from realtime.consumers import ChannelConsumer

from .conftest import connect, joined, nothing_of

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


async def test_a_message_of_the_set_up_moment_arrives_once(
    layer, tree, people, channel, monkeypatch
):
    original = ChannelConsumer._open
    posted = []

    def open_after_a_post(self, channel_id, after):
        # the socket is in the channel's group already: the broadcast is held,
        # and the backlog read next has the message too
        if not posted:
            posted.append(actions.post_message(people.r2, channel.pk, "Mất điện"))
        return original(self, channel_id, after)

    monkeypatch.setattr(ChannelConsumer, "_open", open_after_a_post)
    sock, hello = await connect(people.r1, channel, after=0)
    backfill = await joined(sock)
    assert [m["id"] for m in backfill["messages"]] == [posted[0].pk]
    assert await nothing_of(sock, "message")
    await sock.disconnect()
