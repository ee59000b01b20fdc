"""Which meeting records make a document readable (see ``content.documents``).

An agenda item's document is public with its meeting (meetings are public while
their area is live). A minutes attachment is public once those minutes are
published (and stays so when a correction supersedes them); while the minutes are
a draft or under review, only those who may read them can fetch it: the
meeting's managers and the commune's editors.
"""

from civic.people.permissions import can
from content.documents import ALLOWED, PUBLIC

from .actions import APPROVE, SCHEDULE
from .models import AgendaItem, MinutesAttachment, MinutesStatus

READABLE_BY_ALL = (MinutesStatus.PUBLISHED, MinutesStatus.SUPERSEDED)


def _manages(user, area):
    return can(user, SCHEDULE, area) or can(user, APPROVE, area)


def meeting_source(document, request):
    verdict = None
    areas = []
    for item in AgendaItem.objects.filter(document=document).select_related(
        "meeting__area"
    ):
        if item.meeting.area.live:
            return PUBLIC
        areas.append(item.meeting.area)
    for attachment in MinutesAttachment.objects.filter(
        document=document
    ).select_related("minutes__meeting__area"):
        area = attachment.minutes.meeting.area
        if attachment.minutes.status in READABLE_BY_ALL and area.live:
            return PUBLIC
        areas.append(area)
    if any(_manages(request.user, area) for area in areas):
        verdict = ALLOWED
    return verdict
