"""Reactions to other apps, through signals (their code is not changed):

* an area page is created → its area channel exists;
* an urgent notice is published → the area pages above it hear of it at once,
  if a visitor may see it listed (``content.models.is_listed``: no view
  restriction, posting started);
* the figures shown of a poll change (``civic.polls.live.tally_shown``: every
  ballot of an open poll, a batch of ballots of a secret one) → where the poll's
  results are public at all times, the area pages concerned receive them.

The live events are sent after the transaction commits.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from content.models import AreaPage, NoticePage, is_listed

from . import events


@receiver(post_save, sender=AreaPage)
def create_area_channel(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .actions import area_channel

        area_channel(instance)


def _area_ids_above(page):
    """The areas that show ``page``: its area and every area above."""
    return list(
        AreaPage.objects.ancestor_of(page, inclusive=True).values_list("pk", flat=True)
    )


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
        for area_id in _area_ids_above(notice):
            events.broadcast(events.area_group(area_id), event)

    transaction.on_commit(announce)


def _poll_tally_changed(poll_id):
    from civic.polls.models import Poll, ResultsVisibility
    from civic.polls.results import results_for

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
    poll_id = poll.pk
    transaction.on_commit(lambda: _poll_tally_changed(poll_id))


def _connect_poll_signals():
    from civic.polls.live import tally_shown

    # the polls app decides when the figures shown change (a secret poll's only by
    # batches of ballots, see civic/polls/live.py); this only relays them
    tally_shown.connect(_tally_shown, dispatch_uid="realtime_tally_shown")


_connect_poll_signals()
