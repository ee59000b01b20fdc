"""Who may read, post in and moderate a channel. Every answer comes from
``civic.people.permissions.can``, ``civic.people.residents`` and
``civic.comments.moderation`` — nothing is re-implemented here.

* read: verified residents of the channel's area subtree, the area's moderators
  (group leaders, commune editors, above), and anyone when the channel is public;
* post: those who read, except visitors and muted users, while the channel is open;
* moderate (hide, slow mode, open and archive topics): ``moderate`` on the area;
* listed (:func:`listed_channels`): every list of channels shows only the channels
  the user may read, and the area's own channel (its title is the area's name).
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from civic.comments.moderation import active_mute
from civic.people.permissions import can
from civic.people.residents import is_verified_resident_in, lives_in

from .models import Channel, ChannelKind


def _active(user):
    return bool(user and user.is_authenticated and user.is_active)


def can_moderate(user, channel):
    return _active(user) and can(user, "moderate", channel.area)


def is_member(user, channel, light=False):
    """A verified resident of the area's subtree, or one of its moderators.
    ``light``: asks where the user lives without loading their residency
    (``residents.lives_in``: a socket connecting needs nothing else; pages
    that show the residency too keep the one read they share)."""
    if not _active(user):
        return False
    if can_moderate(user, channel):
        return True
    if light:
        return lives_in(user, channel.area)
    return is_verified_resident_in(user, channel.area)


def can_read(user, channel, member=None):
    """``member``: :func:`is_member`, when the caller already asked it (a socket
    connecting asks it once for reading, writing and moderating)."""
    if channel.is_public:
        return True
    return is_member(user, channel) if member is None else member


def listed_channels(user, area):
    """The channels of ``area`` that ``user`` may see listed, by title: all of them
    for the area's members (who read them all), otherwise the public ones and the
    area's own channel (titled with the area's name; its page says how to join).
    Every list of channels goes through this, so a private topic's title is never
    shown to someone who cannot open it."""
    channels = Channel.objects.filter(area=area)
    if is_member(user, Channel(area=area)):
        return channels
    return channels.filter(Q(is_public=True) | Q(kind=ChannelKind.AREA))


def read_refusal(user, channel, member=None):
    if can_read(user, channel, member):
        return None
    if not _active(user):
        return _("Sign in to read this channel.")
    return _(
        "Only verified residents of %(area)s can read this channel. Join your "
        "residential group from your account page; your group leader will verify you."
    ) % {"area": channel.area.title}


def post_refusal(user, channel, member=None):
    """Why ``user`` may not post in ``channel`` (a message), or None if they may.
    ``member``: as for :func:`can_read`."""
    if not _active(user):
        return _("Sign in to take part in the discussion.")
    if channel.is_archived:
        return _("This channel is archived: it can be read, not written in.")
    if not (is_member(user, channel) if member is None else member):
        return _("Only verified residents of %(area)s can write in this channel.") % {
            "area": channel.area.title
        }
    mute = active_mute(user, channel.area)
    if mute is not None:
        return _(
            "A moderator has stopped you from writing in %(area)s. Reason: %(reason)s"
        ) % {"area": mute.area.title, "reason": mute.reason}
    return None
