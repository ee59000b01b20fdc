"""Who lives where: the questions other apps ask about residents and households.

Polls, comments, channels and feedback ask these; none of them reads ``Residency``
directly.
"""

from django.db.models import Exists, OuterRef, Q, Subquery
from wagtail.models import Page

from civic.core import pagecache
from civic.core.requestmemo import memo

from .models import Household, Residency, ResidencyStatus


def verified_residency(user):
    """The user's verified residency (with household and group), or None.

    Read once per page however many parts of it ask (the ballot form, the
    comment form, the channels: ``civic.core.requestmemo``)."""
    if not user or not user.is_authenticated:
        return None

    def read():
        return (
            Residency.objects.filter(user=user, status=ResidencyStatus.VERIFIED)
            .select_related("household__area")
            .first()
        )

    # and across requests while no residency, household or area changed
    return memo(
        ("people.verified_residency", user.pk),
        lambda: pagecache.memo("people.verified_residency", [user.pk], read),
    )


def _area_path():
    """The path of a residency's area, read from Wagtail's page row in a
    subquery: the join through ``AreaPage`` (``household__area__path``) costs
    PostgreSQL twice the planning, on every vote and socket of a new session."""
    return Subquery(
        Page.objects.filter(pk=OuterRef("household__area_id")).values("path")
    )


def verified_home(user):
    """``(household id, its representative's id, its area's path)`` of the user's
    verified residency, or None: what deciding a vote needs, in one light query
    (no model instances)."""
    if not user or not user.is_authenticated:
        return None
    # kept across requests while no residency, household or area changed
    return pagecache.memo(
        "people.verified_home",
        [user.pk],
        lambda: (
            Residency.objects.filter(user=user, status=ResidencyStatus.VERIFIED)
            .order_by("pk")
            .annotate(area_path=_area_path())
            .values_list("household_id", "household__representative_id", "area_path")
            .first()
        ),
    )


def _subtree(area):
    return Q(area__path__startswith=area.path)


def verified_area_path(user):
    """The path of the area of ``user``'s verified residency, or None: what
    :func:`is_verified_resident_in` needs, without loading the residency, its
    household and its area page (a socket connecting asks only this), kept
    across requests while no residency, household or area changed."""
    if not user or not user.is_authenticated:
        return None
    return pagecache.memo(
        "people.verified_area_path",
        [user.pk],
        lambda: (
            Residency.objects.filter(user=user, status=ResidencyStatus.VERIFIED)
            .order_by("pk")
            .annotate(area_path=_area_path())
            .values_list("area_path", flat=True)
            .first()
        ),
    )


def lives_in(user, area):
    """:func:`is_verified_resident_in` from :func:`verified_area_path` (one
    light query; for callers that do not need the residency itself)."""
    path = verified_area_path(user)
    return path is not None and path.startswith(area.path)


def is_verified_resident_in(user, area):
    """Does ``user`` live, verified, in ``area`` or in an area under it?"""
    residency = verified_residency(user)
    return residency is not None and residency.household.area.path.startswith(area.path)


def households_in(area):
    """The households of ``area``'s subtree: the denominator of household votes.

    A household counts while at least one verified resident lives in it, so a
    declaration the leader rejected, or a home everyone moved out of, does not
    inflate the denominator of the majority rule.
    """
    living = Residency.objects.filter(
        household=OuterRef("pk"), status=ResidencyStatus.VERIFIED
    )
    return Household.objects.filter(_subtree(area)).filter(Exists(living))


def verified_residents_in(area):
    return Residency.objects.filter(
        status=ResidencyStatus.VERIFIED, household__area__path__startswith=area.path
    )


def represented_household(user, area=None):
    """The household ``user`` represents (verified), within ``area`` if given."""
    residency = verified_residency(user)
    if residency is None or residency.household.representative_id != user.pk:
        return None
    household = residency.household
    if area is not None and not household.area.path.startswith(area.path):
        return None
    return household
