"""The one permission check: does this user hold a role that allows this action on
this area or on one of its ancestors?

Every view, admin hook and workflow task asks :func:`can`; nothing re-implements it.
Areas are Wagtail pages, so an area's ancestors are the prefixes of its treebeard
materialised ``path`` and the whole check is one indexed query.

Around it, the same rule read the other ways, so that no app writes it again:

* :func:`scoped` / :func:`scope_q` — the rows of a queryset in the areas where a
  user may do an action (lists, queues, choosers, admin querysets);
* :func:`users_who_can` — the people who may do an action on an area (who is
  told), the inverse of :func:`can`;
* :class:`AreaPermissionPolicy` — a Wagtail permission policy for an admin model
  whose rows belong to an area;
* :func:`page_permissions` — the Wagtail page permissions a role kind's group gets.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy

from civic.core import pagecache

from .models import Role, RoleKind, User

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


# --- the same rule read the other ways ------------------------------------------


def _known(action):
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")


def _acting(user):
    """Signed in with an active account: the only users :func:`can` lets through."""
    return bool(user and user.is_authenticated and user.is_active)


def can_anywhere(user, action):
    """May ``user`` do ``action`` on some area? (A menu item, a queue's door.)"""
    _known(action)
    if not _acting(user):
        return False
    return user.is_superuser or areas_where(user, action).exists()


def scope_q(user, action, field="path"):
    """A filter on ``field`` (an area's materialised path, e.g. ``"area__path"``)
    for the rows where ``user`` may do ``action``: ``Q()`` (everything) for an
    active superuser, None where there is none (anonymous, inactive, no role).

    Careful: ``Q() | other`` is ``other``; test ``is None``, and filter with it
    alone or through :func:`scoped`.
    """
    _known(action)
    if not _acting(user):
        return None
    if user.is_superuser:
        return Q()
    return subtree_q(user, action, field)


def scoped(queryset, user, action, field="path"):
    """The rows of ``queryset`` in the areas where ``user`` may do ``action``:
    a row is kept exactly when ``can(user, action, <its area>)``. ``field`` leads
    from a row to its area's path (``"path"`` for the areas themselves)."""
    q = scope_q(user, action, field)
    return queryset.none() if q is None else queryset.filter(q)


def users_who_can(action, area, *, kinds=None, superusers=False):
    """The active users who may do ``action`` on ``area``: those holding a role
    that allows it (``ACTIONS``) on ``area`` or on an ancestor of it. The inverse
    of :func:`can`: ``can(u, action, area)`` holds exactly for these, plus the
    active superusers, who hold no role and are left out unless ``superusers``
    (nobody wants every administrator told about every group).

    ``kinds`` narrows the role kinds (never widens them), for who is told first:
    a group's leaders before the commune's editors.
    """
    _known(action)
    allowed = ACTIONS[action] if kinds is None else ACTIONS[action] & set(kinds)
    conditions = []
    if area is not None and allowed:
        holders = Role.objects.filter(
            kind__in=allowed, area__path__in=ancestor_paths(area)
        ).values("user_id")
        conditions.append(Q(pk__in=holders))
    if superusers:
        conditions.append(Q(is_superuser=True))
    if not conditions:
        return User.objects.none()
    return User.objects.filter(reduce(or_, conditions), is_active=True)


#: Wagtail page permission → the action whose role kinds get it on their area.
PAGE_PERMISSION_ACTIONS = {
    "add_page": "create_content",
    "change_page": "edit_content",
    "publish_page": "publish_content",
    "lock_page": "approve_content",  # the reviewer locks a page under review
}


def page_permissions(kind):
    """The ``wagtailcore`` page permission codenames a role kind's group holds on
    its area (civic.people.actions.role_group), read from ``ACTIONS``."""
    return [
        codename
        for codename, action in PAGE_PERMISSION_ACTIONS.items()
        if kind in ACTIONS[action]
    ]


class AreaPermissionPolicy(BasePermissionPolicy):
    """A Wagtail permission policy for a model whose rows belong to an area:
    who may add, change, delete or view them is whoever may do ``action`` on the
    row's area (:func:`can`), and the admin lists show :func:`scoped` rows.

    Modelled on Wagtail's ``CollectionPermissionPolicy``, with the area tree and
    the roles in place of the collection tree and ``GroupCollectionPermission``.
    ``area_field`` names the row's area (``"area"``, ``"commune"``, or a
    ``__`` path such as ``"meeting__area"``). Active superusers may do anything.
    A row without an area is the superusers' alone.
    """

    model_actions = frozenset({"add", "change", "delete", "view"})

    def __init__(self, model, action, area_field="area"):
        super().__init__(model)
        _known(action)
        self.action = action
        self.area_field = area_field

    def area_of(self, instance):
        area = instance
        for name in self.area_field.split("__"):
            area = getattr(area, name, None)
            if area is None:
                return None
        return area

    def user_has_permission(self, user, action):
        if not _acting(user):
            return False
        if user.is_superuser:
            return True
        return action in self.model_actions and can_anywhere(user, self.action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, a) for a in actions)

    def users_with_any_permission(self, actions):
        holders = Q(is_superuser=True)
        if self.model_actions.intersection(actions):
            roles = Role.objects.filter(kind__in=ACTIONS[self.action])
            holders |= Q(pk__in=roles.values("user_id"))
        return User.objects.filter(holders, is_active=True)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can(
            user, self.action, self.area_of(instance)
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, a, instance) for a in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        """The rows ``user`` may act on: :func:`scoped` on the row's area."""
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return scoped(
            self.model._default_manager.select_related(self.area_field),
            user,
            self.action,
            f"{self.area_field}__path",
        )

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def users_with_any_permission_for_instance(self, actions, instance):
        if not self.model_actions.intersection(actions):
            return users_who_can(self.action, None, superusers=True)
        return users_who_can(self.action, self.area_of(instance), superusers=True)
