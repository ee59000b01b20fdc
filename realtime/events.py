"""What is sent to the sockets, and how.

Every event goes to a group of the channel layer once; each process that has
sockets in the group writes it to them (``fanout``: one layer message per process,
not per socket).

Actions call :func:`broadcast` from ``transaction.on_commit``: a message is in the
database before any socket hears of it, so a client that missed the event finds it
again by asking for the messages after the last id it saw.
"""

import json
import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.utils import formats, timezone

from . import fanout

log = logging.getLogger(__name__)

#: The type of the channel layer messages the consumers handle (``chat_event``).
EVENT = "chat.event"
#: "Someone's access may have changed: check again" (``realtime_access``).
ACCESS_EVENT = "realtime.access"


def channel_group(channel_id):
    return f"channel.{channel_id}"


def area_group(area_id):
    return f"area.{area_id}"


def user_group(user_id):
    """Every channel socket of a signed-in user joins this group."""
    return f"user.{user_id}"


def inbox_group(user_id):
    """The header badge sockets (``/ws/inbox/``) of a signed-in user."""
    return f"inbox.{user_id}"


#: "your unread notifications changed: count them again" (``InboxConsumer``)
INBOX_EVENT = "inbox.changed"


def inbox_changed(user_ids):
    """Tell the badge sockets of ``user_ids`` (called after commit: the
    ``civic.people.inbox.unread_changed`` signal). One trip into the event loop
    for all of them; a layer that fails is logged (the socket counts again on
    its timer)."""
    layer = get_channel_layer()
    if layer is None or not user_ids:
        return

    async def send_all():
        for pk in user_ids:
            await fanout.group_send(layer, inbox_group(pk), {"type": INBOX_EVENT})

    try:
        async_to_sync(send_all)()
    except Exception:
        log.exception("could not tell the badges of %s users", len(user_ids))


def session_group(mark):
    """Every channel socket of a signed-in session joins this group (named by
    :func:`session_mark`): told when the session ends, whoever ends it."""
    return f"session.{mark}"


def session_mark(session_key):
    """A session named without its key (the key never goes through the layer)."""
    from django.utils.crypto import salted_hmac

    if not session_key:
        return None
    return salted_hmac("realtime.session", session_key).hexdigest()[:32]


def message_data(message):
    """A message as the client shows it: plain text, escaped by the client."""
    created = timezone.localtime(message.created_at)
    return {
        "id": message.pk,
        "channel": message.channel_id,
        "author": message.author.display_name,
        "author_id": message.author_id,
        "body": message.body,
        "created": created.isoformat(),
        "time": formats.date_format(created, "SHORT_DATETIME_FORMAT"),
        "edited": message.edited_at is not None,
    }


def broadcast(group, event):
    """Send ``event`` (a JSON-able dict for the browser) to every socket of
    ``group``. A failing layer is logged, not raised: the database already has the
    change and reconnecting clients catch up from it."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        text = json.dumps(event, ensure_ascii=False)  # encoded once for everyone
        message = {"type": EVENT, "text": text}
        if event.get("type") == "message":
            # a socket being set up drops it when its backfill already has it
            message["message_id"] = event["message"]["id"]
        async_to_sync(fanout.group_send)(layer, group, message)
    except Exception:  # the layer (e.g. Redis) is down: clients backfill later
        log.exception("could not broadcast to %s", group)


def broadcast_on_commit(group, event):
    from django.db import transaction

    transaction.on_commit(lambda: broadcast(group, event))


def _send_access(groups, extra=None):
    layer = get_channel_layer()
    if layer is None:
        return
    event = {"type": ACCESS_EVENT, **(extra or {})}
    for group in groups:
        try:
            async_to_sync(fanout.group_send)(layer, group, dict(event))
        except Exception:
            log.exception("could not tell %s that access changed", group)


def access_changed(user_ids=(), channel_ids=(), ended_session=None):
    """After the transaction commits, the sockets of these users (and every socket
    of these channels) check again whether they may still read: a socket that may
    not is closed (``consumers.CLOSE_FORBIDDEN``), one that may only read is told
    so (``access`` frame). ``ended_session``: the key of a session that signed out
    or was deleted (its sockets close with ``consumers.CLOSE_SIGNED_OUT``)."""
    from django.db import transaction

    groups = [user_group(pk) for pk in sorted(set(user_ids)) if pk is not None]
    groups += [channel_group(pk) for pk in sorted(set(channel_ids)) if pk is not None]
    extra = {}
    if ended_session:
        extra["ended_session"] = session_mark(ended_session)
        groups.append(session_group(extra["ended_session"]))
    if not groups:
        return
    transaction.on_commit(lambda: _send_access(groups, extra))
