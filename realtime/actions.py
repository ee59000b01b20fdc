"""Every change of channels and messages. Views and WebSocket consumers call these.

Each action re-reads what it acts on, checks the permission (``permissions``), runs
in a transaction and sends the live event *after* commit (``events``). Refusals
raise ``ActionRefused`` (bad input, a limit) or ``ActionForbidden`` (not allowed); both
carry a message in the user's language and change nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic.comments.models import Report, Resolution
from civic.core import pagecache
from civic.core.errors import ActionForbidden, ActionRefused
from civic.core.ids import require_id
from civic.core.text import clean_text
from civic.people.actions import notify

from . import events
from . import notifications as told
from .models import (
    MAX_LENGTH,
    MAX_SLOW_MODE,
    MAX_TITLE_LENGTH,
    Channel,
    ChannelKind,
    Message,
)
from .permissions import can_moderate, post_refusal

DEFAULTS = {
    # at most RATE_COUNT messages per person in RATE_WINDOW seconds, all channels
    "REALTIME_RATE_COUNT": 5,
    "REALTIME_RATE_WINDOW": 10,
    # the author corrects a message within this many seconds
    "REALTIME_EDIT_WINDOW": 5 * 60,
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])


#: ``clean_text`` rules of a message and of a topic's title.
BODY = {
    "multiline": True,
    "max_length": MAX_LENGTH,
    "required": gettext_lazy("Write something before sending."),
    "too_long": gettext_lazy(
        "A message can have at most %(max)d characters; yours has %(count)d."
    ),
}
TITLE = {
    "max_length": MAX_TITLE_LENGTH,
    "required": gettext_lazy("Give the topic a title."),
    "too_long": gettext_lazy("Keep the title under %(max)d characters."),
}


# --- channels ------------------------------------------------------------------------


def area_channel(area):
    """The area's own channel, created on first use (areas made before the app)."""
    # kept across requests while no channel changed (civic.core.pagecache)
    channel = pagecache.memo(
        "realtime.area_channel",
        [area.pk],
        lambda: Channel.objects.filter(area=area, kind=ChannelKind.AREA).first(),
    )
    if channel is not None:
        return channel
    try:
        with transaction.atomic():
            return Channel.objects.create(
                area=area, kind=ChannelKind.AREA, title=area.title
            )
    except IntegrityError:  # created meanwhile by another request
        return Channel.objects.get(area=area, kind=ChannelKind.AREA)


def _locked_channel(channel):
    pk = channel.pk if isinstance(channel, Channel) else channel
    try:
        return (
            Channel.objects.select_for_update(of=("self",))
            .select_related("area")
            .get(pk=require_id(pk))
        )
    except (Channel.DoesNotExist, ValueError, TypeError, OverflowError):
        raise ActionRefused(_("This channel does not exist.")) from None


def _require_moderator(user, channel):
    if not can_moderate(user, channel):
        raise ActionForbidden(
            _("Only the leaders and editors of %(area)s can do this.")
            % {"area": channel.area.title}
        )


@transaction.atomic
def open_topic(user, area, title, is_public=False):
    """A leader or editor opens a topic channel in their area."""
    probe = Channel(area=area, kind=ChannelKind.TOPIC)
    _require_moderator(user, probe)
    return Channel.objects.create(
        area=area,
        kind=ChannelKind.TOPIC,
        title=clean_text(title, **TITLE),
        is_public=bool(is_public),
        created_by=user,
    )


@transaction.atomic
def archive_channel(user, channel):
    """Close a topic channel: it stays readable, nobody writes in it any more."""
    channel = _locked_channel(channel)
    _require_moderator(user, channel)
    if channel.kind == ChannelKind.AREA:
        raise ActionRefused(_("The area's own channel cannot be archived."))
    if channel.is_archived:
        raise ActionRefused(_("This channel is already archived."))
    channel.archived_at = timezone.now()
    channel.save(update_fields=["archived_at"])
    events.broadcast_on_commit(
        channel.group_name, {"type": "archived", "channel": channel.pk}
    )
    return channel


@transaction.atomic
def set_slow_mode(user, channel, seconds):
    """One message per ``seconds`` per person (0: off); moderators are exempt."""
    channel = _locked_channel(channel)
    _require_moderator(user, channel)
    try:
        seconds = int(seconds)
    except (TypeError, ValueError, OverflowError):
        seconds = -1
    if not 0 <= seconds <= MAX_SLOW_MODE:
        raise ActionRefused(
            _("Slow mode is between 0 (off) and %(max)d seconds.")
            % {"max": MAX_SLOW_MODE}
        )
    channel.slow_mode_seconds = seconds
    channel.save(update_fields=["slow_mode_seconds"])
    events.broadcast_on_commit(
        channel.group_name, {"type": "slow_mode", "seconds": seconds}
    )
    return channel


# --- messages ------------------------------------------------------------------------


def _fresh_user(user):
    """The user re-read under a row lock (``User.objects.locked``), or a refusal
    for an anonymous or deleted user."""
    try:
        return get_user_model().objects.locked(user)
    except (AttributeError, get_user_model().DoesNotExist):
        raise ActionForbidden(_("Sign in to take part in the discussion.")) from None


def _require_poster(user, channel):
    refusal = post_refusal(user, channel)
    if refusal:
        raise ActionForbidden(refusal)


def _check_rate(author, channel, now, is_moderator):
    mine = Message.objects.filter(author=author)
    if channel.slow_mode_seconds and not is_moderator:
        last = (
            mine.filter(channel=channel)
            .order_by("-pk")
            .values_list("created_at", flat=True)
            .first()
        )
        if last is not None:
            waited = (now - last).total_seconds()
            if waited < channel.slow_mode_seconds:
                raise ActionRefused(
                    _("Slow mode is on: wait %(seconds)d seconds before writing again.")
                    % {"seconds": int(channel.slow_mode_seconds - waited) + 1}
                )
    window = setting("REALTIME_RATE_WINDOW")
    count = setting("REALTIME_RATE_COUNT")
    recent = mine.filter(created_at__gt=now - timedelta(seconds=window)).count()
    if recent >= count:
        raise ActionRefused(
            _(
                "You are writing too fast: at most %(count)d messages in %(seconds)d "
                "seconds."
            )
            % {"count": count, "seconds": window}
        )


@transaction.atomic
def post_message(user, channel, body):
    """``user`` writes ``body`` in ``channel``: saved, then sent to every socket."""
    author = _fresh_user(user)
    channel = _channel(channel)
    _require_poster(author, channel)
    body = clean_text(body, **BODY)
    now = timezone.now()
    _check_rate(author, channel, now, can_moderate(author, channel))
    message = Message.objects.create(channel=channel, author=author, body=body)
    events.broadcast_on_commit(
        channel.group_name, {"type": "message", "message": events.message_data(message)}
    )
    from .tasks import has_followers, tell_channel_followers

    if has_followers(channel):  # its followers, by the worker
        tell_channel_followers.enqueue(channel.pk, author.pk)
    return message


def _channel(channel):
    pk = channel.pk if isinstance(channel, Channel) else channel
    try:
        return Channel.objects.select_related("area").get(pk=require_id(pk))
    except (Channel.DoesNotExist, ValueError, TypeError, OverflowError):
        raise ActionRefused(_("This channel does not exist.")) from None


def _locked_message(message, channel=None):
    pk = message.pk if isinstance(message, Message) else message
    try:
        found = (
            Message.objects.select_for_update(of=("self",))
            .select_related("channel__area", "author")
            .get(pk=require_id(pk))
        )
    except (Message.DoesNotExist, ValueError, TypeError, OverflowError):
        raise ActionRefused(_("This message does not exist.")) from None
    if channel is not None and found.channel_id != int(getattr(channel, "pk", channel)):
        raise ActionRefused(_("This message does not exist."))
    return found


def can_edit(user, message, now=None):
    now = now or timezone.now()
    return (
        user.is_authenticated
        and message.author_id == user.pk
        and not message.is_hidden
        and (now - message.created_at).total_seconds()
        <= setting("REALTIME_EDIT_WINDOW")
    )


@transaction.atomic
def edit_message(user, message, body, channel=None):
    """The author corrects a message in its first minutes; marked edited."""
    author = _fresh_user(user)
    message = _locked_message(message, channel)
    if message.author_id != author.pk:
        raise ActionForbidden(_("You can only edit your own messages."))
    _require_poster(author, message.channel)
    if not can_edit(author, message):
        raise ActionRefused(
            _("A message can be edited only in its first %(minutes)d minutes.")
            % {"minutes": setting("REALTIME_EDIT_WINDOW") // 60}
        )
    body = clean_text(body, **BODY)
    if body != message.body:
        message.body = body
        message.edited_at = timezone.now()
        message.save(update_fields=["body", "edited_at"])
        events.broadcast_on_commit(
            message.channel.group_name,
            {"type": "edited", "message": events.message_data(message)},
        )
    return message


@transaction.atomic
def hide_message(moderator, message, reason="", channel=None):
    """A leader or editor hides a message: removed at once from every screen; the
    open reports about it are upheld and the author is told."""
    moderator = _fresh_user(moderator)
    message = _locked_message(message, channel)
    _require_moderator(moderator, message.channel)
    reason = clean_text(reason)[:500]
    if message.is_hidden:
        raise ActionRefused(_("This message is already hidden."))
    message.is_hidden = True
    message.hidden_by = moderator
    message.hidden_at = timezone.now()
    message.hidden_reason = reason
    message.save(update_fields=["is_hidden", "hidden_by", "hidden_at", "hidden_reason"])
    _uphold_reports(message, moderator)
    notify(
        message.author,
        told.MESSAGE_HIDDEN,
        message,
        actor=moderator,
        url=message.channel.get_absolute_url(),
        channel=message.channel.title,
        reason=reason,
    )
    events.broadcast_on_commit(
        message.channel.group_name, {"type": "hidden", "id": message.pk}
    )
    return message


@transaction.atomic
def hide_after_reports(message, count):
    """Residents' reports reached the threshold: the message is hidden (no
    moderator), gone from every screen, and its author is told. The reports stay
    open for the commune's editors to review (``civic.comments`` queue)."""
    message = _locked_message(message)
    if message.is_hidden:
        return False
    message.is_hidden = True
    message.hidden_by = None
    message.hidden_at = timezone.now()
    message.hidden_reason = _("Hidden automatically after %(n)d reports.") % {
        "n": count
    }
    message.save(update_fields=["is_hidden", "hidden_by", "hidden_at", "hidden_reason"])
    notify(
        message.author,
        told.MESSAGE_HIDDEN_AFTER_REPORTS,
        message,
        url=message.channel.get_absolute_url(),
        channel=message.channel.title,
    )
    events.broadcast_on_commit(
        message.channel.group_name, {"type": "hidden", "id": message.pk}
    )
    return True


@transaction.atomic
def unhide_message(moderator, message):
    """Show a hidden message again, in its place on every screen. ``hidden_at``
    is kept: it tells reconnecting clients that the message changed."""
    moderator = _fresh_user(moderator)
    message = _locked_message(message)
    _require_moderator(moderator, message.channel)
    if not message.is_hidden:
        raise ActionRefused(_("This message is not hidden."))
    message.is_hidden = False
    message.hidden_by = None
    message.hidden_reason = ""
    message.save(update_fields=["is_hidden", "hidden_by", "hidden_reason"])
    events.broadcast_on_commit(
        message.channel.group_name,
        {"type": "shown", "message": events.message_data(message)},
    )
    return message


def _uphold_reports(message, moderator):
    """Close the residents' reports on ``message`` as upheld, as hiding a comment
    does (the reports are ``civic.comments`` reports, see the app README)."""
    Report.objects.filter(
        content_type=ContentType.objects.get_for_model(Message),
        object_id=message.pk,
        resolution="",
    ).update(
        resolution=Resolution.UPHELD, resolved_by=moderator, resolved_at=timezone.now()
    )


# --- reading ----------------------------------------------------------------------


BACKFILL_LIMIT = 500
HISTORY_SIZE = 50
#: how far back a reconnecting client learns of hidden and edited messages
CHANGED_WINDOW = 200


def recent_messages(channel, limit=HISTORY_SIZE):
    """The last ``limit`` visible messages, oldest first (one query)."""
    rows = list(
        Message.objects.filter(channel=channel, is_hidden=False)
        .select_related("author")
        .order_by("-pk")[:limit]
    )
    rows.reverse()
    return rows


def messages_after(channel, after, limit=BACKFILL_LIMIT):
    """What a client that saw every message up to id ``after`` missed: the visible
    messages after it, and the recent older ones hidden or edited since (one
    query: a reconnect storm asks it once per socket)."""
    recent = (
        Message.objects.filter(channel=channel, pk__lte=after)
        .order_by("-pk")
        .values("pk")[:CHANGED_WINDOW]
    )
    # hidden, edited, or shown again (hidden_at kept by unhide_message)
    changed = Q(pk__in=recent) & ~Q(
        is_hidden=False, edited_at__isnull=True, hidden_at__isnull=True
    )
    rows = list(
        Message.objects.filter(channel=channel)
        .filter(Q(pk__gt=after, is_hidden=False) | changed)
        .select_related("author")
        # the changed ones (at most CHANGED_WINDOW, all ≤ after) come first
        .order_by("pk")[: CHANGED_WINDOW + limit]
    )
    new = [m for m in rows if m.pk > after][:limit]
    return new, [m for m in rows if m.pk <= after]
