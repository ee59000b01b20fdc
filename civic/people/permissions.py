"""The one permission check: does this user hold a role that allows this action on
this area or on one of its ancestors?

Every view, admin hook and workflow task asks :func:`can`; nothing re-implements it.
Areas are Wagtail pages, so an area's ancestors are the prefixes of its treebeard
materialised ``path`` and the whole check is one indexed query.
"""

from django.db.models import Q
from wagtail.models import Page

from civic.core import pagecache

from .models import Role, RoleKind

LEADER = RoleKind.GROUP_LEADER
EDITOR = RoleKind.COMMUNE_EDITOR
HELPER = RoleKind.HELPER

#: action → the role kinds that allow it (on the area or on an ancestor of it)
ACTIONS = {
    "access_admin": {LEADER, EDITOR, HELPER},
    "create_content": {LEADER, EDITOR},
    "edit_content": {LEADER, EDITOR},
    "submit_content": {LEADER, EDITOR},
    "publish_content": {EDITOR},
    "approve_content": {EDITOR},
    "verify_residents": {LEADER, EDITOR},
    "manage_households": {LEADER, EDITOR},
    "open_polls": {LEADER, EDITOR},
    "schedule_meetings": {LEADER, EDITOR},
    "moderate": {LEADER, EDITOR},
    "mute_users": {EDITOR},
    "handle_feedback": {EDITOR},
    "manage_services": {EDITOR},
    "help_residents": {HELPER, EDITOR},
    "approve_businesses": {LEADER, EDITOR},
}


def ancestor_paths(page):
    """The materialised paths of ``page`` and of every page above it."""
    step = Page.steplen
    path = page.path
    return [path[:i] for i in range(step, len(path) + 1, step)]


def role_kinds(user, area):
    """The role kinds ``user`` holds on ``area`` or above it (cached per user object)."""
    if not user or not user.is_authenticated:
        return frozenset()
    cache = user.__dict__.setdefault("_area_role_cache", {})
    if area.path not in cache:
        # and across requests while no role or area changed (civic.core.pagecache)
        cache[area.path] = pagecache.memo(
            "people.role_kinds",
            [user.pk, area.path],
            lambda: frozenset(
                Role.objects.filter(
                    user=user, area__path__in=ancestor_paths(area)
                ).values_list("kind", flat=True)
            ),
        )
    return cache[area.path]


def can(user, action, area):
    """May ``user`` do ``action`` on ``area`` (a page at or below an area)?"""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if area is None:
        return False
    return bool(role_kinds(user, area) & ACTIONS[action])


def areas_where(user, action):
    """Role rows giving ``user`` the ``action``: the roots of the subtrees it covers."""
    if not user or not user.is_authenticated:
        return Role.objects.none()
    return Role.objects.filter(user=user, kind__in=ACTIONS[action]).select_related(
        "area"
    )


def subtree_q(user, action, field="path"):
    """A filter on ``field`` (an area's materialised path) covering every subtree
    where ``user`` may do ``action``, or None where there is none.

    Querysets of the admin and of queues are scoped with it, so they agree with
    :func:`can`. Superusers are for the caller to let through.
    """
    paths = sorted({role.area.path for role in areas_where(user, action)})
    if not paths:
        return None
    scope = Q()
    for path in paths:
        scope |= Q(**{f"{field}__startswith": path})
    return scope


def forget_cached_roles(user):
    user.__dict__.pop("_area_role_cache", None)
