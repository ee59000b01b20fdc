"""Reactions to other apps, through signals (their code is not changed):

* an area page is created → its area channel exists;
* an urgent notice is published → the area pages above it (and, for a notice
  posted at a commune, its groups' pages) hear of it at once,
  if a visitor may see it listed (``content.models.is_listed``: no view
  restriction, posting started);
* the figures shown of a poll change (``civic.polls.live.tally_shown``: every
  ballot of an open poll, a batch of ballots of a secret one) → where the poll's
  results are public at all times, the area pages concerned receive them.
* someone's access may have changed (a residency decided or ended, a role granted
  or revoked, a mute, an account changed (its password too), a sign-out, a
  session deleted) or a channel's (made private,
  archived, moved, deleted) → the sockets concerned check again
  (``events.access_changed``, see the README's "Access ends at once").

The live events are sent after the transaction commits.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_out
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, post_page_move

from civic.comments.models import Mute
from civic.people.inbox import unread_changed
from civic.people.models import Residency, Role
from civic.people.residents import verified_residents_in
from civic.polls.live import tally_shown
from civic.polls.models import Poll, ResultsVisibility
from civic.polls.results import results_for
from content.models import AreaPage, NoticePage, is_listed

from . import events
from .actions import area_channel
from .models import Channel


@receiver(post_save, sender=AreaPage)
def create_area_channel(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        area_channel(instance)


def _area_ids_above(page):
    """The areas that show ``page``: its area and every area above."""
    return list(
        AreaPage.objects.ancestor_of(page, inclusive=True).values_list("pk", flat=True)
    )


def _area_ids_showing(notice):
    """The areas whose pages show an urgent ``notice``: its area, every area
    above, and the areas beside it - the groups of the commune it was posted at
    (a group's page shows its commune's urgent notices)."""
    beside = AreaPage.objects.filter(
        path__startswith=notice.path[: -AreaPage.steplen], depth=notice.depth
    ).values_list("pk", flat=True)
    return [*_area_ids_above(notice), *beside]


@receiver(page_published, sender=NoticePage)
def urgent_notice_published(sender, instance, revision=None, **kwargs):
    if not instance.is_urgent:
        return
    notice = instance

    def announce():
        # the area sockets are public: never announce what a visitor may not list
        if not is_listed(notice):
            return
        event = {
            "type": "notice",
            "id": notice.pk,
            "title": notice.title,
            "intro": notice.intro,
            "url": notice.get_url() or "",
        }
        for area_id in _area_ids_showing(notice):
            events.broadcast(events.area_group(area_id), event)

    transaction.on_commit(announce)


def _poll_tally_changed(poll_id):
    poll = Poll.objects.select_related("area").filter(pk=poll_id).first()
    if poll is None or poll.results_visibility != ResultsVisibility.ALWAYS:
        return
    results = results_for(poll)
    event = {
        "type": "poll",
        "id": poll.pk,
        "title": poll.title,
        "participants": results["participants"],
        "rows": [
            {
                "label": str(r["label"]),
                "votes": r["votes"],
                "percent": float(r["percent"]),
            }
            for r in results["rows"]
        ],
    }
    # the pages that list the poll: its area, the areas above and below it
    area = poll.area
    ids = set(_area_ids_above(area)) | set(
        AreaPage.objects.descendant_of(area).values_list("pk", flat=True)
    )
    for area_id in sorted(ids):
        events.broadcast(events.area_group(area_id), event)


def _tally_shown(sender, poll, **kwargs):
    if poll.results_visibility != ResultsVisibility.ALWAYS:
        return  # the area pages show no figures of it: nothing to send, no query
    poll_id = poll.pk
    transaction.on_commit(lambda: _poll_tally_changed(poll_id))


def _connect_poll_signals():
    # the polls app decides when the figures shown change (a secret poll's only by
    # batches of ballots, see civic/polls/live.py); this only relays them
    tally_shown.connect(_tally_shown, dispatch_uid="realtime_tally_shown")


_connect_poll_signals()


# --- access: the sockets check again when who may read changes ------------------------


def _user_access_changed(sender, instance, raw=False, **kwargs):
    """A residency, role or mute of ``instance.user`` was saved or deleted."""
    if not raw:
        events.access_changed(user_ids=[instance.user_id])


def _account_changed(sender, instance, created, raw=False, update_fields=None, **kw):
    # signing in saves last_login only: nothing to check again
    if (
        created
        or raw
        or (update_fields is not None and set(update_fields) <= {"last_login"})
    ):
        return
    events.access_changed(user_ids=[instance.pk])


@receiver(user_logged_out)
def _signed_out(sender, request=None, user=None, **kwargs):
    session = getattr(request, "session", None)
    key = getattr(session, "session_key", None)
    if user is not None and key:
        events.access_changed(user_ids=[user.pk], ended_session=key)


def _session_deleted(sender, instance, **kwargs):
    """A stored session was deleted: signed out, or flushed by Django without a
    signal (another user signing in on the same browser, a password change
    elsewhere with ``update_session_auth_hash``...). Its sockets close. Sessions
    that had already expired (``clearsessions``) are left to the sockets' own
    periodic check rather than sending one event each."""
    from django.utils import timezone

    expires = getattr(instance, "expire_date", None)
    if expires is not None and expires <= timezone.now():
        return
    events.access_changed(ended_session=instance.session_key)


#: the fields of a channel that decide who reads or writes in it
_CHANNEL_ACCESS_FIELDS = {"is_public", "archived_at", "area", "area_id", "kind"}


def _channel_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if created or raw:
        return
    if update_fields is not None and not set(update_fields) & _CHANNEL_ACCESS_FIELDS:
        return  # slow mode and the like: told by their own events
    events.access_changed(channel_ids=[instance.pk])


def _channel_deleted(sender, instance, **kwargs):
    events.access_changed(channel_ids=[instance.pk])


@receiver(post_page_move)
def _area_moved(sender, instance, **kwargs):
    """An area moved in the tree (a merger): its residents now belong to other
    channels above it, and other moderators rule its channels. (Rare: one event
    per resident of the moved subtree.)"""

    if not (isinstance(sender, type) and issubclass(sender, AreaPage)):
        return
    area = AreaPage.objects.filter(pk=instance.pk).first()
    if area is None:
        return
    events.access_changed(
        user_ids=list(verified_residents_in(area).values_list("user_id", flat=True)),
        channel_ids=list(
            Channel.objects.filter(area__path__startswith=area.path).values_list(
                "pk", flat=True
            )
        ),
    )


def _connect_access_signals():
    for model in (Residency, Role, Mute):
        uid = f"realtime_access_{model._meta.label_lower}"
        post_save.connect(_user_access_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(
            _user_access_changed, sender=model, dispatch_uid=f"{uid}_delete"
        )
    post_save.connect(
        _account_changed, sender=get_user_model(), dispatch_uid="realtime_account"
    )
    post_save.connect(_channel_saved, sender=Channel, dispatch_uid="realtime_channel")
    from django.contrib.sessions.models import Session

    post_delete.connect(
        _session_deleted, sender=Session, dispatch_uid="realtime_session_delete"
    )
    post_delete.connect(
        _channel_deleted, sender=Channel, dispatch_uid="realtime_channel_delete"
    )


_connect_access_signals()


@receiver(unread_changed)
def badges_changed(sender, user_ids=(), **kwargs):
    """Notifications written or read (after commit): the header badges of those
    users count again (``consumers.InboxConsumer``)."""
    events.inbox_changed(list(user_ids))
