"""The WebSocket end of a channel: ``/ws/channels/<id>/``, and the live updates of
an area page: ``/ws/areas/<id>/``.

Client → server frames (JSON objects)::

    {"type": "post", "body": "…", "ref": "any short id"}
    {"type": "edit", "id": 12, "body": "…"}
    {"type": "hide", "id": 12, "reason": "…"}          (moderators)
    {"type": "slow_mode", "seconds": 30}                (moderators)
    {"type": "backfill", "after": 41}                   (what I missed after id 41)
    {"type": "ping"}

Server → client: ``hello``, ``backfill``, ``message``, ``edited``, ``hidden``,
``presence``, ``slow_mode``, ``archived``, ``access``, ``notice``, ``poll``,
``ack``, ``pong`` and ``error`` (``{"type": "error", "code": "…", "message":
"…"}``, in the language the client asked for with ``?lang=``).

The user and their role are checked at connect, again by the action behind every
frame that changes something, and again whenever their access may have changed
(``events.access_changed``: residency, role, mute, account, sign-out, or the
channel's privacy, archival, place or existence). A socket that may no longer read
gets an ``error`` frame (``access_lost``) and is closed before anything else is
delivered to it; one that may still read but no longer write gets an ``access``
frame. Close codes:

* 4401 — the session signed out, was flushed or expired, or the password changed;
* 4403 — not allowed to read (at connect, or access lost while connected);
* 4404 — the channel or area does not exist (or was deleted);
* 4408 — the client stopped reading: more than ``REALTIME_SEND_BUFFER`` bytes
  waited for it in the server (``slowreaders``); it catches up with ``?after=``;
* 4429 — too many sockets for this user or (visitors) this address.

Bad frames (binary, oversized, malformed JSON, unknown types) get an error frame;
the consumer never lets an exception close the socket. Every change is saved
before it is broadcast.
"""

import asyncio
import json
import logging
import random
import time
import uuid
from collections import defaultdict, deque
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from civic.core import pagecache
from civic.core.clients import client_address, client_bucket
from civic.core.errors import (
    ActionForbidden,
    ActionRefused,
    message_of,
    messages_of,
    status_of,
)
from civic.core.ids import parse_id
from content.models import AreaPage

from . import actions, batch, events, fanout, presence
from .models import MAX_LENGTH, Channel
from .permissions import (
    can_moderate,
    can_read,
    is_member,
    post_refusal,
    read_refusal,
)

log = logging.getLogger(__name__)

#: The largest frame accepted, in characters: a 2,000-character message with JSON
#: escapes and the envelope fits comfortably.
MAX_FRAME = 16 * 1024
#: Frames a connection may send per FRAME_WINDOW seconds before being told to slow
#: down (the per-person message limit itself is counted in the database).
FRAME_BURST = 20
FRAME_WINDOW = 10.0

CLOSE_SIGNED_OUT = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404
CLOSE_TOO_MANY = 4429

#: what ``ChannelConsumer._recheck`` returns when the socket's session has ended
SIGNED_OUT = "signed_out"

#: Open sockets in this process per (kind of socket, who): a signed-in user is
#: counted by id, a visitor by client address (see README: the caps are per
#: process).
_open_sockets = defaultdict(int)


def max_connections():
    return getattr(settings, "REALTIME_MAX_CONNECTIONS_PER_USER", 5)


def max_connections_per_address():
    return getattr(settings, "REALTIME_MAX_CONNECTIONS_PER_ADDRESS", 20)


def _client_key(scope, user):
    """Who a socket is counted against: the user, or a visitor's address
    (``civic.core.clients.client_address``: behind a proxy listed in
    ``TRUSTED_PROXIES``, the address the proxy saw), counted as the sign-in
    throttle counts it (``client_bucket``: an IPv6 address by its /64)."""
    if user is not None and getattr(user, "is_authenticated", False):
        return ("user", user.pk), max_connections()
    address = client_address(scope) or ""
    return ("address", client_bucket(address)), max_connections_per_address()


def _take_slot(kind, scope, user):
    """Count a new socket; None when its user or address has too many open."""
    who, limit = _client_key(scope, user)
    key = (kind, *who)
    if _open_sockets[key] >= limit:
        return None
    _open_sockets[key] += 1
    return key


def _free_slot(key):
    if key is None:
        return
    _open_sockets[key] -= 1
    if _open_sockets[key] <= 0:
        del _open_sockets[key]


def _language(scope):
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    lang = (query.get("lang") or [""])[0]
    codes = {code for code, _name in settings.LANGUAGES}
    return lang if lang in codes else settings.LANGUAGE_CODE


def _int(value, default=None):
    """A message id (or 0, "from the start") sent by the client; ``default``
    for anything else (``civic.core.ids.parse_id``)."""
    if value in (0, "0"):
        return 0
    if value is not None and not isinstance(value, int):
        value = str(value)
    number = parse_id(value)
    return default if number is None else number


def session_recheck_interval():
    """Seconds between two checks of a signed-in socket's session and access
    when nothing else asks (0: never)."""
    return getattr(settings, "REALTIME_SESSION_RECHECK", 300)


def presence_delay():
    return getattr(settings, "REALTIME_PRESENCE_DELAY", 1.0)


#: channel id → the task that will send its presence count (one per process)
_presence_pending = {}


async def _send_presence(layer, channel, count):
    text = json.dumps({"type": "presence", "count": max(count or 0, 0)})
    await fanout.group_send(
        layer, channel.group_name, {"type": events.EVENT, "text": text}
    )


async def _presence_later(layer, channel, delay):
    try:
        await asyncio.sleep(delay)
    finally:
        _presence_pending.pop(channel.pk, None)
    count = await presence.store().count(channel.pk)
    await _send_presence(layer, channel, count)


#: No layer alias has this name: a socket gets no channel of its own in the layer
#: (no queue, no Redis subscription per socket); the process's hub
#: (``fanout.Hub``) hands it the broadcasts of the groups it subscribed to.
NO_SOCKET_CHANNEL = "realtime.no-channel-per-socket"


class JsonSocket(AsyncWebsocketConsumer):
    """Shared plumbing: error frames, language, and the local subscriptions.

    Broadcasts come from the process's hub (``fanout``) through
    :meth:`fanout_receive`, in the order the hub read them. A broadcast frame
    (already JSON) is written at once, unless frames are *held*: while the socket
    is being set up (until the hello and the backfill are sent) and while an
    access check runs, frames wait in ``_held`` and are handled in order by one
    task (:meth:`_drain`), so nothing sent after a change of access reaches the
    socket before it was checked again, and nothing is sent once it lost access.
    """

    channel_layer_alias = NO_SOCKET_CHANNEL
    #: set when the socket lost its access or closed: nothing more is sent
    lost = False
    #: frames waiting (a deque) while held; None when frames go out at once
    _held = None
    _subscriptions = None

    def hold(self):
        """Hold the broadcasts until :meth:`_drain` (set-up)."""
        self._held = deque()

    async def subscribe(self, group):
        if self._subscriptions is None:
            self._subscriptions = []
        self._subscriptions.append(group)
        await fanout.hub().subscribe(group, self)

    async def unsubscribe(self, group):
        if self._subscriptions and group in self._subscriptions:
            self._subscriptions.remove(group)
            await fanout.hub().unsubscribe(group, self)

    async def unsubscribe_all(self):
        groups, self._subscriptions = self._subscriptions or [], None
        hub = fanout.hub()
        for group in groups:
            await hub.unsubscribe(group, self)

    #: ids of the messages the set-up backfill had (see ChannelConsumer.connect)
    _backfilled = frozenset()

    def _already_sent(self, message):
        return message.get("message_id") in self._backfilled

    async def fanout_receive(self, message):
        """A message of one of this socket's groups (called by the hub)."""
        if self.lost or (self._backfilled and self._already_sent(message)):
            return
        if self._held is not None:
            self._held.append(message)
        elif message.get("type") == events.EVENT:
            await self.send(text_data=message["text"])
        else:  # to be handled in turn: later broadcasts wait behind it
            self._held = deque([message])
            asyncio.ensure_future(self._drain())

    async def _drain(self):
        """Handle the held messages in order, then write broadcasts at once."""
        try:
            while self._held:
                message = self._held.popleft()
                if self.lost:
                    break
                try:
                    await self.handle_held(message)
                except Exception:
                    log.exception("a socket failed on a broadcast")
        finally:
            self._held = None

    async def handle_held(self, message):
        if message.get("type") == events.EVENT:
            await self.send(text_data=message["text"])

    async def send_json(self, data):
        await self.send(text_data=json.dumps(data, ensure_ascii=False))

    async def send_error(self, code, message):
        await self.send_json({"type": "error", "code": code, "message": message})

    def translated(self, text_function):
        with translation.override(self.lang):
            return text_function()

    async def refuse(self, code, message, close_code):
        await self.accept()
        await self.send_error(code, message)
        await self.close(code=close_code)

    def too_many(self):
        return self.refuse(
            "too_many_connections",
            self.translated(
                lambda: _(
                    "You have too many windows open on the discussions; "
                    "close one and try again."
                )
            ),
            CLOSE_TOO_MANY,
        )


class ChannelConsumer(JsonSocket):
    channel = None
    slot = None
    joined = False
    user_group = None

    # --- connect / disconnect --------------------------------------------------------

    async def connect(self):
        self.hold()  # until the hello and the backfill are out
        self.lang = _language(self.scope)
        self.user = self.scope.get("user")
        self.frames = []
        session = self.scope.get("session")
        self.session_key = getattr(session, "session_key", None)
        self.session_mark = events.session_mark(self.session_key)
        self.session_group = None
        self.recheck_timer = None
        channel_id = self.scope["url_route"]["kwargs"]["channel_id"]
        user_id = (
            self.user.pk if getattr(self.user, "is_authenticated", False) else None
        )
        query = parse_qs(self.scope.get("query_string", b"").decode("latin-1"))
        after = _int((query.get("after") or [None])[0])
        # counted before the database is asked: a flood costs no query
        self.slot = _take_slot("channel", self.scope, self.user)
        if self.slot is None:
            return await self.too_many()
        if user_id is not None:
            # joined before the check: a change of access committed after it is
            # heard (and checked again) once the socket is set up
            self.user_group = events.user_group(user_id)
            await self.subscribe(self.user_group)
            if self.session_mark:
                self.session_group = events.session_group(self.session_mark)
                await self.subscribe(self.session_group)
        # the channel's group is joined before the backlog is read: nothing can
        # fall in between (a message may arrive twice; clients drop ids they
        # already have). Held, and dropped unsent if the socket is refused.
        await self.subscribe(events.channel_group(channel_id))
        found = await batch.run(self._open, channel_id, after)
        if found is None:
            await self._refused()
            return await self.refuse(
                "not_found",
                self.translated(lambda: _("This channel does not exist.")),
                CLOSE_NOT_FOUND,
            )
        channel, refusal, self.may_post, self.may_moderate, backfill = found
        if refusal:
            await self._refused()
            return await self.refuse("forbidden", refusal, CLOSE_FORBIDDEN)
        self.who = user_id if user_id is not None else f"visitor.{uuid.uuid4().hex}"
        self.channel = channel
        await self.subscribe(events.area_group(channel.area_id))
        self.joined = True
        await self.accept()
        presence = await self._presence(+1)
        await self.send_json(
            {
                "type": "hello",
                "channel": channel.pk,
                "title": channel.title,
                "can_post": self.may_post,
                "can_moderate": self.may_moderate,
                "slow_mode": channel.slow_mode_seconds,
                "max_length": MAX_LENGTH,
                "presence": presence,
            }
        )
        backfill, seen = backfill
        await self.send(text_data=backfill)
        # what the backfill already had is not sent again (a reconnect storm
        # would otherwise get the messages of its moment twice): neither held
        # now nor arriving later (with Redis, a broadcast of the set-up moment
        # can arrive after it)
        self._backfilled = seen
        self._held = deque(m for m in self._held if not self._already_sent(m))
        await self._drain()  # what arrived meanwhile, in order; then at once
        await self._broadcast_presence(presence)
        if user_id is not None and session_recheck_interval() > 0:
            self.recheck_timer = asyncio.ensure_future(self._recheck_periodically())

    async def _recheck_periodically(self):
        """Check again every ``REALTIME_SESSION_RECHECK`` seconds (an expired
        session, or one ended where no signal tells us). Beside the broadcasts,
        not in turn with them: no broadcast is tied to an expiry, so the
        socket's frames do not wait behind this check (an ``access_changed``
        event, which is tied to what was sent after it, still holds them)."""
        interval = session_recheck_interval()
        while not self.lost:
            # spread over [½, 1½) of the interval: the sockets of a connect (or
            # reconnect) storm do not all check again in the same second
            await asyncio.sleep(interval * (0.5 + random.random()))
            try:
                await self.realtime_access({"type": events.ACCESS_EVENT})
            except Exception:
                log.exception("the periodic check of a socket failed")

    async def disconnect(self, code):
        self.lost = True  # nothing more is written to a closed socket
        await self._leave()

    async def _refused(self):
        """Not set up: nothing held is sent, the slot and the groups are freed."""
        self.lost = True
        _free_slot(self.slot)
        self.slot = None
        self.user_group = self.session_group = None
        await self.unsubscribe_all()

    async def _leave_user_group(self):
        if self.user_group is not None:
            group, self.user_group = self.user_group, None
            await self.unsubscribe(group)
        if self.session_group is not None:
            group, self.session_group = self.session_group, None
            await self.unsubscribe(group)

    async def _leave(self):
        """Leave every group, free the slot, count one person less (once)."""
        _free_slot(self.slot)
        self.slot = None
        if self.recheck_timer is not None:
            # (the periodic check may be what closes the socket: it ends by
            # itself, cancelling it here would cut this very clean-up short)
            if self.recheck_timer is not asyncio.current_task():
                self.recheck_timer.cancel()
            self.recheck_timer = None
        await self._leave_user_group()
        if self.joined:
            self.joined = False
            await self.unsubscribe_all()
            try:
                presence = await self._presence(-1)
                await self._broadcast_presence(presence)
            except Exception:
                log.exception("presence update failed")

    async def lose_access(self, code, message, close_code):
        """The socket may no longer read: told why, closed, out of every group.
        Marked first, so no broadcast queued behind this is sent."""
        self.lost = True
        try:
            await self.send_error(code, message)
            await self.close(code=close_code)
        finally:
            await self._leave()

    async def handle_held(self, message):
        if message.get("type") == events.ACCESS_EVENT:
            return await self.realtime_access(message)
        await super().handle_held(message)

    async def realtime_access(self, event):
        """``events.access_changed``: check again who this socket belongs to and
        whether they may still read (handled in order: a broadcast sent after the
        change waits behind this check)."""
        if self.lost or not self.joined:
            return
        ended = event.get("ended_session")
        if ended is not None:
            if ended == self.session_mark:
                await self.lose_access(
                    "signed_out",
                    self.translated(lambda: _("You have signed out.")),
                    CLOSE_SIGNED_OUT,
                )
            return
        # batched with the connects and other checks of the moment: a channel-
        # wide change makes every socket of the channel check at once
        state = await batch.run(self._recheck)
        if self.lost:  # closed meanwhile (another check, or the client left)
            return
        if state == SIGNED_OUT:
            return await self.lose_access(
                "signed_out",
                self.translated(lambda: _("You have signed out.")),
                CLOSE_SIGNED_OUT,
            )
        if state is None:
            return await self.lose_access(
                "not_found",
                self.translated(lambda: _("This channel does not exist.")),
                CLOSE_NOT_FOUND,
            )
        channel, refusal, may_post, may_moderate, why_not = state
        if refusal:
            return await self.lose_access(
                "access_lost",
                f"{read_refusal_text(self)} {refusal}",
                CLOSE_FORBIDDEN,
            )
        self.channel = channel
        if (may_post, may_moderate) != (self.may_post, self.may_moderate):
            self.may_post, self.may_moderate = may_post, may_moderate
            await self.send_json(
                {
                    "type": "access",
                    "can_post": may_post,
                    "can_moderate": may_moderate,
                    "message": why_not or "",
                }
            )

    def _recheck(self):
        with translation.override(self.lang):
            channel = (
                Channel.objects.select_related("area")
                .filter(pk=self.channel.pk)
                .first()
            )
            if channel is None:
                return None
            user = _fresh(self.user)
            if user is not None and user.is_authenticated:
                if not _session_holds(self.session_key, user):
                    return SIGNED_OUT
            return (channel, *_access(user, channel))

    def _open(self, channel_id, after):
        """Everything a connect reads, in one trip to the database thread
        (batched with the other connects of the moment, ``batch``): the channel,
        what the user may do in it, and (when they may read) the backlog."""
        with translation.override(self.lang):
            # kept across connects while no channel or area changed
            # (civic.core.pagecache: the same versions as pages, never stale)
            channel = pagecache.memo(
                "realtime.channel",
                [channel_id],
                lambda: (
                    Channel.objects.select_related("area").filter(pk=channel_id).first()
                ),
            )
            if channel is None:
                return None
            refusal, may_post, may_moderate, _why_not = _access(self.user, channel)
            backfill = None if refusal else _backfill_text(channel, after)
            return channel, refusal, may_post, may_moderate, backfill

    # --- presence: people (not windows) connected (``presence``) ------------------

    async def _presence(self, step):
        store = presence.store()
        if step > 0:
            return await store.join(self.channel.pk, self.who)
        return await store.leave(self.channel.pk, self.who)

    async def _broadcast_presence(self, count):
        """Tell the channel how many people are here. With a delay (the default),
        the arrivals and departures of that moment are told once, by one task per
        channel and process: a thousand people joining do not send a million
        frames."""
        delay = presence_delay()
        layer = get_channel_layer()
        if delay <= 0:
            return await _send_presence(layer, self.channel, count)
        if self.channel.pk not in _presence_pending:
            _presence_pending[self.channel.pk] = asyncio.ensure_future(
                _presence_later(layer, self.channel, delay)
            )

    # --- frames from the client ------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None):
        if self.lost:
            return
        # broadcasts wait while a frame is handled, as with a queue per socket:
        # the poster gets its ``ack`` before the ``message`` it caused
        own = self._held is None
        if own:
            self.hold()
        try:
            await self._receive(text_data, bytes_data)
        except Exception:
            log.exception("channel consumer failed on a frame")
            await self.send_error(
                "server_error",
                self.translated(lambda: _("Something went wrong; try again.")),
            )
        finally:
            if own:
                await self._drain()

    def _too_fast(self):
        now = time.monotonic()
        self.frames = [t for t in self.frames if now - t < FRAME_WINDOW]
        self.frames.append(now)
        return len(self.frames) > FRAME_BURST

    async def _receive(self, text_data, bytes_data):
        if text_data is None:
            return await self.send_error(
                "bad_frame", self.translated(lambda: _("Send text frames (JSON)."))
            )
        if len(text_data) > MAX_FRAME:
            return await self.send_error(
                "too_large",
                self.translated(
                    lambda: (
                        _("This message is too long (at most %(max)d characters).")
                        % {"max": MAX_LENGTH}
                    )
                ),
            )
        try:
            frame = json.loads(text_data)
        except ValueError:
            frame = None
        if not isinstance(frame, dict) or not isinstance(frame.get("type"), str):
            return await self.send_error(
                "bad_json", self.translated(lambda: _("The frame is not valid JSON."))
            )
        if self._too_fast():
            return await self.send_error(
                "rate_limited",
                self.translated(lambda: _("You are sending too fast; slow down.")),
            )
        kind = frame["type"]
        handler = {
            "post": self.on_post,
            "edit": self.on_edit,
            "hide": self.on_hide,
            "slow_mode": self.on_slow_mode,
            "backfill": self.on_backfill,
            "ping": self.on_ping,
        }.get(kind)
        if handler is None:
            return await self.send_error(
                "unknown_type",
                self.translated(lambda: _("Unknown request type.")),
            )
        await handler(frame)

    async def _run(self, function, *args, ref=None):
        """Run an action in a thread; a refusal becomes an error frame. Returns the
        action's result, or None when it was refused."""
        result = await self._call(function, *args)
        if isinstance(result, Exception):
            code = "forbidden" if status_of(result) == 403 else "refused"
            error = {"type": "error", "code": code, "message": message_of(result)}
            if ref is not None:
                error["ref"] = ref
            await self.send_json(error)
            return None
        return result

    @database_sync_to_async
    def _call(self, function, *args):
        with translation.override(self.lang):
            try:
                return function(*args)
            except (ValidationError, PermissionDenied) as error:
                # the message is read here, in the connection's language
                return (
                    ActionRefused(messages_of(error))
                    if isinstance(error, ValidationError)
                    else ActionForbidden(message_of(error))
                )

    @staticmethod
    def _ref(frame):
        ref = frame.get("ref")
        return ref if isinstance(ref, str | int) and len(str(ref)) <= 64 else None

    async def on_post(self, frame):
        body = frame.get("body")
        ref = self._ref(frame)
        if not isinstance(body, str):
            body = ""
        message = await self._run(
            actions.post_message, self.user, self.channel.pk, body, ref=ref
        )
        if message is not None:
            await self.send_json({"type": "ack", "ref": ref, "id": message.pk})

    async def on_edit(self, frame):
        body = frame.get("body") if isinstance(frame.get("body"), str) else ""
        await self._run(
            actions.edit_message, self.user, frame.get("id"), body, self.channel.pk
        )

    async def on_hide(self, frame):
        reason = frame.get("reason") if isinstance(frame.get("reason"), str) else ""
        await self._run(
            actions.hide_message, self.user, frame.get("id"), reason, self.channel.pk
        )

    async def on_slow_mode(self, frame):
        await self._run(
            actions.set_slow_mode, self.user, self.channel.pk, frame.get("seconds")
        )

    async def on_backfill(self, frame):
        after = _int(frame.get("after"))
        if after is None:
            return await self.send_error(
                "refused",
                self.translated(lambda: _("Say after which message to start.")),
            )
        await self._send_backfill(after)

    async def on_ping(self, frame):
        await self.send_json({"type": "pong"})

    # --- backfill ----------------------------------------------------------------

    async def _send_backfill(self, after):
        data = await batch.run(self._backfill, after)
        if data is None:
            return await self.lose_access(
                "forbidden", read_refusal_text(self), CLOSE_FORBIDDEN
            )
        if not self.lost:
            await self.send_json(data)

    def _backfill(self, after):
        with translation.override(self.lang):
            channel = Channel.objects.select_related("area").get(pk=self.channel.pk)
            if not can_read(_fresh(self.user), channel):
                return None
            return _backfill_frame(channel, after)


def _access(user, channel):
    """(read refusal, may post, may moderate, why not post): membership is asked
    once for the three."""
    member = is_member(user, channel, light=True)
    refusal = read_refusal(user, channel, member=member)
    why_not = post_refusal(user, channel, member=member) if refusal is None else refusal
    may_moderate = refusal is None and can_moderate(user, channel)
    return refusal, why_not is None, may_moderate, why_not


def _backfill_frame(channel, after):
    """The ``backfill`` frame: the recent messages, or what came after ``after``
    (and what changed before it), in one query."""
    if after is None:
        new, changed = actions.recent_messages(channel), []
    else:
        new, changed = actions.messages_after(channel, after)
    return {
        "type": "backfill",
        "after": after,
        "messages": [events.message_data(m) for m in new],
        "more": after is not None and len(new) >= actions.BACKFILL_LIMIT,
        "hidden": [m.pk for m in changed if m.is_hidden],
        "edited": [events.message_data(m) for m in changed if not m.is_hidden],
    }


def _backfill_text(channel, after):
    """The ``backfill`` frame as JSON, and the ids of the messages in it. A fresh connect's (the recent messages) is the same for every
    socket of the channel in a language: encoded once and kept while no message
    changed (``pagecache.memo``)."""

    def encode():
        frame = _backfill_frame(channel, after)
        # the ids themselves, not the highest: on PostgreSQL a message with a
        # lower id can commit after one with a higher id, and must not be dropped
        seen = frozenset(m["id"] for m in frame["messages"])
        return json.dumps(frame, ensure_ascii=False), seen

    if after is not None:
        return encode()
    return pagecache.memo(
        "realtime.recent_frame.ids", [channel.pk, translation.get_language()], encode
    )


def _session_holds(session_key, user):
    """Whether the socket's session still signs ``user`` in, as an HTTP request
    with its cookie would be (``django.contrib.auth.get_user``): it still exists
    (not flushed, signed out or expired), names this user, and carries the hash
    of their current password (a password change ends the other sessions)."""
    from importlib import import_module

    from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
    from django.utils.crypto import constant_time_compare

    if not session_key:
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    try:
        data = store.load()
    except Exception:
        log.exception("could not load a socket's session")
        return False
    if str(data.get(SESSION_KEY, "")) != user._meta.pk.value_to_string(user):
        return False
    stored = data.get(HASH_SESSION_KEY) or ""
    if constant_time_compare(stored, user.get_session_auth_hash()):
        return True
    return any(
        constant_time_compare(stored, user._get_session_auth_hash(secret=secret))
        for secret in getattr(settings, "SECRET_KEY_FALLBACKS", ())
    )


def _fresh(user):
    """The user re-read (roles are cached per user object)."""
    if user is None or not user.is_authenticated:
        return user
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=user.pk).first()


def read_refusal_text(consumer):
    return consumer.translated(lambda: _("You can no longer read this channel."))


class AreaLiveConsumer(JsonSocket):
    """An area page's live updates: urgent notices and public poll tallies. Public
    information only, so anyone may listen; frames from the client are ignored
    except ``ping``. Capped like channel sockets: per user when signed in, per
    client address for visitors (``REALTIME_MAX_CONNECTIONS_PER_ADDRESS``)."""

    joined = False
    slot = None

    async def connect(self):
        self.lang = _language(self.scope)
        area_id = self.scope["url_route"]["kwargs"]["area_id"]
        # counted before the database is asked: a flood costs no query
        self.slot = _take_slot("area", self.scope, self.scope.get("user"))
        if self.slot is None:
            return await self.too_many()
        if not await self._area_exists(area_id):
            _free_slot(self.slot)
            self.slot = None
            return await self.refuse(
                "not_found",
                self.translated(lambda: _("This area does not exist.")),
                CLOSE_NOT_FOUND,
            )
        self.hold()  # nothing before the accept
        await self.subscribe(events.area_group(area_id))
        self.joined = True
        await self.accept()
        await self._drain()

    async def disconnect(self, code):
        self.lost = True
        _free_slot(self.slot)
        self.slot = None
        if self.joined:
            self.joined = False
            await self.unsubscribe_all()

    async def receive(self, text_data=None, bytes_data=None):
        try:
            frame = (
                json.loads(text_data) if text_data and len(text_data) < 1024 else None
            )
        except ValueError:
            frame = None
        if isinstance(frame, dict) and frame.get("type") == "ping":
            await self.send_json({"type": "pong"})
        else:
            await self.send_error(
                "bad_frame",
                self.translated(lambda: _("This connection only receives updates.")),
            )

    @database_sync_to_async
    def _area_exists(self, area_id):
        return AreaPage.objects.live().filter(pk=area_id).exists()


def inbox_recheck_interval():
    """Seconds between two counts of a badge socket when nothing is heard (0:
    never): the notifications the worker writes reach a socket of the server
    through the layer only when both share it (Redis); with the in-process
    layer, the timer brings them."""
    return getattr(settings, "REALTIME_INBOX_RECHECK", 60)


class InboxConsumer(JsonSocket):
    """``/ws/inbox/``: the header badge of a signed-in user, live. Sends
    ``{"type": "unread", "count": n, "label": "…"}`` at connect and whenever
    their unread notifications change (``events.inbox_changed``, after commit),
    and on a timer (``REALTIME_INBOX_RECHECK``). Only the count: what the
    notifications say is read on the notification page. Visitors are refused
    (4401); a socket whose session ends (sign-out, flush, password change) is
    closed with 4401 at its next count."""

    slot = None
    timer = None
    count = None

    async def connect(self):
        self.lang = _language(self.scope)
        self.user = self.scope.get("user")
        if not getattr(self.user, "is_authenticated", False):
            return await self.refuse(
                "signed_out",
                self.translated(lambda: _("Sign in to see your notifications.")),
                CLOSE_SIGNED_OUT,
            )
        session = self.scope.get("session")
        self.session_key = getattr(session, "session_key", None)
        self.slot = _take_slot("inbox", self.scope, self.user)
        if self.slot is None:
            return await self.too_many()
        self.hold()  # nothing before the accept and the first count
        # joined before the first count: a change committed meanwhile is heard
        await self.subscribe(events.inbox_group(self.user.pk))
        await self.accept()
        await self._count_and_send(force=True)
        await self._drain()
        if inbox_recheck_interval() > 0:
            self.timer = asyncio.ensure_future(self._periodically())

    async def _periodically(self):
        interval = inbox_recheck_interval()
        while not self.lost:
            await asyncio.sleep(interval * (0.5 + random.random()))
            try:
                await self._count_and_send()
            except Exception:
                log.exception("the periodic count of a badge socket failed")

    async def handle_held(self, message):
        if message.get("type") == events.INBOX_EVENT:
            return await self._count_and_send()
        await super().handle_held(message)

    async def fanout_receive(self, message):
        if message.get("type") == events.INBOX_EVENT and self._held:
            # a count already waits: it will see this change too
            if any(m.get("type") == events.INBOX_EVENT for m in self._held):
                return
        await super().fanout_receive(message)

    async def _count_and_send(self, force=False):
        found = await database_sync_to_async(self._count)()
        if self.lost:
            return
        if found is None:
            self.lost = True
            await self.send_error(
                "signed_out", self.translated(lambda: _("You have signed out."))
            )
            await self.close(code=CLOSE_SIGNED_OUT)
            return await self._leave()
        count, label = found
        if force or count != self.count:
            self.count = count
            await self.send_json({"type": "unread", "count": count, "label": label})

    def _count(self):
        from civic.people.models import Notification

        user = _fresh(self.user)
        if user is None or not user.is_active:
            return None
        if not _session_holds(self.session_key, user):
            return None
        count = Notification.objects.filter(user=user, read_at__isnull=True).count()
        with translation.override(self.lang):
            label = translation.ngettext(
                "%(n)s new notification", "%(n)s new notifications", count
            ) % {"n": count}
        return count, label

    async def disconnect(self, code):
        self.lost = True
        await self._leave()

    async def _leave(self):
        _free_slot(self.slot)
        self.slot = None
        if self.timer is not None and self.timer is not asyncio.current_task():
            self.timer.cancel()
        self.timer = None
        await self.unsubscribe_all()

    async def receive(self, text_data=None, bytes_data=None):
        try:
            frame = (
                json.loads(text_data) if text_data and len(text_data) < 1024 else None
            )
        except ValueError:
            frame = None
        if isinstance(frame, dict) and frame.get("type") == "ping":
            await self.send_json({"type": "pong"})
        else:
            await self.send_error(
                "bad_frame",
                self.translated(lambda: _("This connection only receives updates.")),
            )


class NoRouteConsumer(AsyncWebsocketConsumer):
    """Any other ``/ws/…`` path, an id that is not one included (``<id:…>``
    refuses ``9999999999999999999999999``, ``-1``, ``²``…): the handshake is
    refused, instead of the router raising "No route found"."""

    async def connect(self):
        await self.close()
