"""A signed-in resident's home, at the top of the portal (issue 19): *my group* -
the urgent notices of my group and my commune, the unread notifications, and the
sections the feature apps registered (``civic.core.registry.HomeSection``: the
polls waiting for my vote, my reports, my appointments). A resident without a
verified group is invited to join one.

Rendered only for signed-in visitors (the page cache never serves them a kept
page), outside every ``{% shared %}`` part; a handful of queries, whatever the
number of items (tests/content/test_resident_home.py)."""

from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from wagtail.models import Page

from civic.people.residents import verified_residency
from civic.people.verification import has_active_residency

from .models import NOTICE_LIST_FIELDS, NoticePage, attach_areas

URGENT_SHOWN = 5


def notifications_url():
    """The notification page (``people:notifications``, made for issue 19 beside
    the account page); while it is not there, its address under the account."""
    try:
        return reverse("people:notifications")
    except NoReverseMatch:
        return reverse("people:account") + "thong-bao/"


def urgent_notices_for(area, on=None):
    """The urgent notices posted (now) at ``area`` itself and at each area above
    it (its commune): one query."""
    step = Page.steplen
    here = Q()
    for end in range(step, len(area.path) + 1, step):
        path = area.path[:end]
        here |= Q(path__startswith=path, depth=end // step + 1)
    return NoticePage.objects.current(on).filter(here, is_urgent=True)


class ResidentHome:
    """What the portal shows ``user`` of their own, read when first shown."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def residency(self):
        return verified_residency(self.user)

    @cached_property
    def group(self):
        """The area of the verified residency (a group, or a commune)."""
        return self.residency.household.area if self.residency else None

    @cached_property
    def is_waiting(self):
        """Asked to join a group, not verified yet."""
        return self.residency is None and has_active_residency(self.user)

    @cached_property
    def urgent_notices(self):
        if self.group is None:
            return []
        notices = list(
            urgent_notices_for(self.group)
            .ordered()
            .only(*NOTICE_LIST_FIELDS)[:URGENT_SHOWN]
        )
        return attach_areas(notices, known=[self.group])

    @cached_property
    def notifications_url(self):
        return notifications_url()
