"""The polls section of a signed-in resident's home (civic.core.registry
``HomeSection``): the open polls they can vote in and have not voted in yet."""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from wagtail.models import Page

from civic.core.lists import with_area_title
from civic.people.residents import verified_residency

from .models import MEETING_ITEMS, Participation, Poll, PollKind

SHOWN = 5


def polls_to_vote(user, now=None):
    """The open polls ``user`` may vote in (their area's and those of the areas
    above it; household decisions only for a household's representative, and
    not those decided at a meeting) that they, or their household, have not
    voted in yet: one query (the verified residency is read once per request,
    and kept across requests: the portal's own part reads it too)."""
    residency = verified_residency(user)
    if residency is None:
        return Poll.objects.none()
    household = residency.household
    household_id, representative_id = household.pk, household.representative_id
    path = household.area.path
    step = Page.steplen
    paths = [path[:end] for end in range(step, len(path) + 1, step)]
    voted = Participation.objects.filter(poll=OuterRef("pk")).filter(
        Q(user=user, household__isnull=True) | Q(household=household_id)
    )
    polls = (
        Poll.objects.open_now(now or timezone.now())
        .filter(area__path__in=paths, area__live=True)
        .exclude(kind=PollKind.HOUSEHOLD, legal_basis__in=MEETING_ITEMS)
        .exclude(Exists(voted))
    )
    if representative_id != user.pk:
        polls = polls.exclude(kind=PollKind.HOUSEHOLD)
    return polls


def section_context(user):
    polls = list(
        with_area_title(polls_to_vote(user)).order_by("closes_at", "pk")[:SHOWN]
    )
    if not polls:
        return None
    return {"polls": polls}
