"""Residents' reports hide a channel message, as they hide a comment: at the
comments' threshold (3) it is gone from every screen, the editors are told and
review it in the moderation queue, where a leader or an editor may show it again
(in its place, live) or leave it hidden."""

import pytest
from channels.db import database_sync_to_async
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from civic.comments import actions as comments
from civic.comments.models import LogAction, ModerationLog, Report, Resolution
from civic.core.errors import ActionForbidden, ActionRefused
from civic.people.models import Notification
from realtime.models import Message

from ..concurrency import labels, run_at_once
from .conftest import connect, joined, next_of, resident


def reporters(tree, n=3):
    return [
        resident(f"Người báo {i}", f"09130001{i:02d}", tree.group_1) for i in range(n)
    ]


@pytest.mark.django_db
def test_three_reports_hide_a_message_and_an_editor_shows_it_again(
    client, tree, people, channel
):
    message = Message.objects.create(channel=channel, author=people.r2, body="Lừa đảo")
    first, second, third = reporters(tree)
    comments.report(first, message, "spam")
    comments.report(second, message, "spam")
    message.refresh_from_db()
    assert not message.is_hidden
    comments.report(third, message, "offensive")
    message.refresh_from_db()
    assert message.is_hidden and message.hidden_by is None
    assert "3 reports" in message.hidden_reason
    assert ModerationLog.objects.filter(action=LogAction.AUTO_HIDE).count() == 1
    assert any(
        "hidden after 3 reports" in n.text("en")
        for n in Notification.objects.filter(user=tree.editor_a)
    )
    assert Notification.objects.filter(user=people.r2).exists()  # the author
    with pytest.raises(ActionRefused):
        comments.report(people.r1, message, "spam")

    # the queue shows the message, its reports and an Unhide button
    client.force_login(tree.editor_a)
    html = client.get(reverse("comments_moderation_queue")).content.decode()
    assert "Lừa đảo" in html and 'value="unhide"' in html
    # a resident may not show it again
    with pytest.raises(ActionForbidden):
        comments.unhide_item(people.r1, message)
    content_type = ContentType.objects.get_for_model(Message)
    response = client.post(
        reverse("comments_moderation_action"),
        {
            "action": "unhide",
            "content_type": content_type.pk,
            "object_id": message.pk,
            "reason": "Không vi phạm",
        },
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert not message.is_hidden
    assert not Report.objects.filter(resolution="").exists()
    assert Report.objects.filter(resolution=Resolution.DISMISSED).count() == 3
    assert ModerationLog.objects.filter(
        action=LogAction.UNHIDE, actor=tree.editor_a
    ).exists()
    # shown on the channel page again
    client.force_login(people.r1)
    page = client.get(channel.get_absolute_url()).content.decode()
    assert "Lừa đảo" in page


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_hidden_and_shown_again_live_and_after_a_reconnect(
    layer, tree, people, channel
):
    db = database_sync_to_async
    before = await db(Message.objects.create)(
        channel=channel, author=people.r1, body="Trước"
    )
    message = await db(Message.objects.create)(
        channel=channel, author=people.r2, body="Bị báo cáo"
    )
    after = await db(Message.objects.create)(
        channel=channel, author=people.r1, body="Sau"
    )
    alice, _ = await connect(people.r1, channel)
    await joined(alice)
    three = await db(reporters)(tree)
    for user in three:
        await db(comments.report)(user, message, "spam")
    assert await next_of(alice, "hidden") == {"type": "hidden", "id": message.pk}

    await db(comments.unhide_item)(tree.leader_1, message)
    shown = await next_of(alice, "shown")
    assert shown["message"]["id"] == message.pk
    assert shown["message"]["body"] == "Bị báo cáo"
    await alice.disconnect()

    # a screen that was away learns of it when it reconnects
    bob, _ = await connect(people.r2, channel, after=after.pk)
    backfill = await joined(bob)
    assert message.pk in [m["id"] for m in backfill["edited"]]
    assert message.pk not in backfill["hidden"]
    assert before.pk not in [m["id"] for m in backfill["edited"]]
    await bob.disconnect()


@pytest.mark.django_db
def test_keep_hidden_upholds_the_reports(client, tree, people, channel):
    message = Message.objects.create(
        channel=channel, author=people.r2, body="Quảng cáo"
    )
    for user in reporters(tree):
        comments.report(user, message, "spam")
    content_type = ContentType.objects.get_for_model(Message)
    client.force_login(tree.leader_1)
    response = client.post(
        reverse("comments_moderation_action"),
        {"action": "uphold", "content_type": content_type.pk, "object_id": message.pk},
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.is_hidden
    assert Report.objects.filter(resolution=Resolution.UPHELD).count() == 3
    # a resident cannot do it by forging the form
    client.force_login(people.r1)
    response = client.post(
        reverse("comments_moderation_action"),
        {"action": "unhide", "content_type": content_type.pk, "object_id": message.pk},
    )
    message.refresh_from_db()
    assert message.is_hidden


@pytest.mark.postgres
def test_simultaneous_reports_hide_exactly_once(pg, tree, people, channel):
    message = Message.objects.create(channel=channel, author=people.r2, body="Spam")
    users = reporters(tree, 6)
    outcomes = run_at_once(
        [lambda u=u: comments.report(u, message, "spam") for u in users],
        ActionRefused,
    )
    message.refresh_from_db()
    # taken one at a time: the third hides it, the later ones find it hidden
    assert sorted(labels(outcomes)) == ["ok"] * 3 + ["refused"] * 3
    assert message.is_hidden
    assert ModerationLog.objects.filter(action=LogAction.AUTO_HIDE).count() == 1
