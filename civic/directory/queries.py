"""What the local directory's pages and the admin read: no state changes here
(those are ``actions``)."""

from civic.people.models import RoleKind
from civic.people.permissions import ancestor_paths, scoped, users_who_can
from civic.people.residents import verified_residency

from .models import Business, UtilityKind, UtilityLink
from .permissions import APPROVE, MANAGE, records_for

# --- who may act where ------------------------------------------------------------


def local_areas_where(user, action=MANAGE):
    """The communes and groups (live or not) where ``user`` may do ``action``."""
    from content.models import COMMUNE_KINDS, GROUP_KINDS, AreaPage

    areas = AreaPage.objects.filter(kind__in=COMMUNE_KINDS | GROUP_KINDS)
    return scoped(areas, user, action)


# --- utilities --------------------------------------------------------------------


def public_utilities():
    """Utility entries anyone may see (the open API, the open data): those of a
    published area (the pages reach them through a published area)."""
    return UtilityLink.objects.filter(area__live=True)


def utilities_for(area):
    """The entries shown for ``area``: its own, then its commune's (for a group)."""
    paths = [area.path]
    if area.is_group:
        paths = ancestor_paths(area)
    links = list(
        public_utilities()
        .filter(area__path__in=paths)
        .select_related("area")
        .order_by("-area__depth", "sort_order", "kind", "name")
    )
    return links


def next_collection(links, today=None):
    """(date, link) of the next waste collection among ``links``, or None.

    A group's own waste entries take precedence over its commune's: when the group
    has collection days, the commune's general schedule does not apply to it.
    """
    waste = [link for link in links if link.kind == UtilityKind.WASTE and link.weekdays]
    if not waste:
        return None
    deepest = max(link.area.depth for link in waste)
    upcoming = [
        (link.next_collection(today), link)
        for link in waste
        if link.area.depth == deepest
    ]
    return min(upcoming, key=lambda pair: pair[0])


def group_collection_days(commune):
    """[(group, [waste link, …])] for the groups of ``commune`` with collection
    days: the table of the commune's page."""
    links = (
        UtilityLink.objects.filter(
            area__path__startswith=commune.path,
            area__depth=commune.depth + 1,
            area__live=True,
            kind=UtilityKind.WASTE,
        )
        .exclude(collection_days="")
        .select_related("area")
        .order_by("area__path", "name")
    )
    out = []
    for link in links:
        if out and out[-1][0].pk == link.area_id:
            out[-1][1].append(link)
        else:
            out.append((link.area, [link]))
    return out


# --- businesses -------------------------------------------------------------------


def approvers_of(area):
    """Who is told about a proposal in ``area``: its group leaders, or the commune's
    editors where the group has no leader."""
    for kinds in ({RoleKind.GROUP_LEADER}, {RoleKind.COMMUNE_EDITOR}):
        approvers = list(users_who_can(APPROVE, area, kinds=kinds))
        if approvers:
            return approvers
    return []


def submission_area(user):
    """The group where ``user`` may propose a business (their verified group)."""
    residency = verified_residency(user)
    return residency.household.area if residency is not None else None


def approval_queue(user):
    """The businesses ``user`` may decide on, waiting first."""
    return records_for(user, Business, APPROVE).select_related("submitted_by")
