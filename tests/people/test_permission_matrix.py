"""Every role × create / edit / publish / approve in its own area, the parent area,
a sibling area and another commune: allowed exactly where it should be — both by
the one permission check and by the Wagtail page permissions kept in step with it."""

import pytest

from civic.people.actions import revoke_role
from civic.people.models import Role
from civic.people.permissions import ACTIONS as EVERY_ACTION
from civic.people.permissions import (
    AreaPermissionPolicy,
    can,
    page_permissions,
    scoped,
    users_who_can,
)
from tests.conftest import fresh

ACTIONS = ["create_content", "edit_content", "publish_content", "approve_content"]

# (user, area) → actions allowed; every other pair is refused
EXPECTED = {
    ("leader_1", "group_1"): {"create_content", "edit_content"},
    ("leader_1", "commune_a"): set(),
    ("leader_1", "group_2"): set(),
    ("leader_1", "group_b"): set(),
    ("editor_a", "commune_a"): set(ACTIONS),
    ("editor_a", "group_1"): set(ACTIONS),
    ("editor_a", "group_2"): set(ACTIONS),
    ("editor_a", "commune_b"): set(),
    ("editor_a", "group_b"): set(),
    ("helper_a", "commune_a"): set(),
    ("helper_a", "group_1"): set(),
    ("resident", "group_1"): set(),
    ("resident", "commune_a"): set(),
    ("leader_b", "group_b"): {"create_content", "edit_content"},
    ("leader_b", "group_1"): set(),
}


@pytest.mark.parametrize("who,where", sorted(EXPECTED))
def test_one_permission_check(tree, who, where):
    user, area = getattr(tree, who), getattr(tree, where)
    allowed = {action for action in ACTIONS if can(user, action, area)}
    assert allowed == EXPECTED[(who, where)]


WAGTAIL = {
    "create_content": "can_add_subpage",
    "edit_content": "can_edit",
    "publish_content": "can_publish",
}


@pytest.mark.parametrize("who,where", sorted(EXPECTED))
def test_wagtail_page_permissions_follow_roles(tree, who, where):
    user, area = fresh(getattr(tree, who)), getattr(tree, where)
    tester = area.permissions_for_user(user)
    for action, method in WAGTAIL.items():
        assert getattr(tester, method)() == (action in EXPECTED[(who, where)]), action


def test_visitors_and_inactive_users_can_do_nothing(tree):
    from django.contrib.auth.models import AnonymousUser

    assert not can(AnonymousUser(), "create_content", tree.group_1)
    tree.editor_a.is_active = False
    assert not can(tree.editor_a, "publish_content", tree.group_1)


def test_superuser_can_everything(tree):
    assert all(can(tree.admin, a, tree.group_b) for a in ACTIONS)


def test_revoking_a_role_removes_the_wagtail_rights(tree):
    role = Role.objects.get(user=tree.leader_1, area=tree.group_1)
    revoke_role(tree.admin, role)
    user = fresh(tree.leader_1)
    assert not can(user, "create_content", tree.group_1)
    assert not tree.group_1.permissions_for_user(user).can_add_subpage()
    assert not user.has_perm("wagtailadmin.access_admin")


def test_role_changes_are_in_the_audit_log(tree):
    from wagtail.models import ModelLogEntry

    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert "kdcdt.role.grant" in actions


def test_group_leader_role_only_on_a_group(tree):
    from django.core.exceptions import ValidationError

    from civic.people.actions import grant_role
    from civic.people.models import RoleKind

    with pytest.raises(ValidationError):
        grant_role(tree.admin, tree.resident, tree.commune_a, RoleKind.GROUP_LEADER)
    with pytest.raises(ValidationError):
        grant_role(tree.admin, tree.resident, tree.group_1, RoleKind.COMMUNE_EDITOR)
    assert not Role.objects.filter(user=tree.resident).exists()


def test_granting_twice_is_refused(tree):
    from django.core.exceptions import ValidationError

    from civic.people.actions import grant_role
    from civic.people.models import RoleKind

    with pytest.raises(ValidationError):
        grant_role(tree.admin, tree.leader_1, tree.group_1, RoleKind.GROUP_LEADER)


# --- the same rule read the other ways: scoped(), users_who_can(), the policy ----

PEOPLE = [
    "admin",
    "editor_a",
    "editor_b",
    "helper_a",
    "leader_1",
    "leader_2",
    "leader_b",
    "resident",
    "gone_editor",
]
AREAS = ["home", "commune_a", "group_1", "group_2", "commune_b", "group_b"]


@pytest.fixture
def everyone(tree):
    """The tree's people, an editor of commune A whose account is deactivated,
    and a visitor; every area, the portal included."""
    from django.contrib.auth.models import AnonymousUser

    from civic.people.actions import grant_role
    from civic.people.models import RoleKind
    from tests.conftest import make_user

    tree.gone_editor = make_user("Biên tập cũ", "0935000098")
    grant_role(tree.admin, tree.gone_editor, tree.commune_a, RoleKind.COMMUNE_EDITOR)
    tree.gone_editor.is_active = False
    tree.gone_editor.save()
    tree.people = {name: fresh(getattr(tree, name)) for name in PEOPLE}
    tree.people["visitor"] = AnonymousUser()
    tree.areas = {name: getattr(tree, name) for name in AREAS}
    return tree


def test_scoped_keeps_exactly_the_rows_can_allows(everyone):
    """For every person × action, ``scoped`` keeps an area (``path``) and a row
    pointing to an area (``area__path``) exactly where ``can()`` says yes."""
    from wagtail.models import Page

    pages = Page.objects.filter(pk__in=[a.pk for a in everyone.areas.values()])
    roles = Role.objects.all()
    for name, user in everyone.people.items():
        for action in EVERY_ACTION:
            allowed = {a.pk for a in everyone.areas.values() if can(user, action, a)}
            got = set(scoped(pages, user, action).values_list("pk", flat=True))
            assert got == allowed, (name, action)
            expected_roles = {r.pk for r in roles if can(user, action, r.area)}
            got_roles = set(
                scoped(roles, user, action, "area__path").values_list("pk", flat=True)
            )
            assert got_roles == expected_roles, (name, action)


def test_users_who_can_is_the_inverse_of_can(everyone):
    """For every action × area, ``users_who_can`` names exactly the active people
    ``can()`` lets act there; superusers only when asked for."""
    people = {n: u for n, u in everyone.people.items() if n != "visitor"}
    for where, area in everyone.areas.items():
        for action in EVERY_ACTION:
            allowed = {n for n, u in people.items() if can(u, action, area)}
            by_pk = {u.pk: n for n, u in people.items()}
            with_admins = {
                by_pk[pk]
                for pk in users_who_can(action, area, superusers=True).values_list(
                    "pk", flat=True
                )
            }
            assert with_admins == allowed, (action, where)
            named = {by_pk[u.pk] for u in users_who_can(action, area)}
            assert named == allowed - {"admin"}, (action, where)
    assert "gone_editor" not in named
    assert not users_who_can("publish_content", None).exists()
    # ``kinds`` narrows the roles asked (a group's leaders first), never widens
    leaders = users_who_can(
        "verify_residents", everyone.group_1, kinds={"group_leader"}
    )
    assert list(leaders) == [everyone.leader_1]
    assert not users_who_can("publish_content", everyone.group_1, kinds={"helper"})


def test_the_area_policy_agrees_with_can(everyone):
    """``AreaPermissionPolicy`` on rows that belong to an area (roles, here):
    the per-row answer is ``can()``'s, the list is ``scoped``'s, the people asked
    about a row are ``users_who_can``'s plus the superusers."""
    policy = AreaPermissionPolicy(Role, "open_polls", "area")
    rows = list(Role.objects.select_related("area"))
    for name, user in everyone.people.items():
        listed = set(
            policy.instances_user_has_permission_for(user, "change").values_list(
                "pk", flat=True
            )
        )
        scoped_rows = scoped(Role.objects.all(), user, "open_polls", "area__path")
        assert listed == set(scoped_rows.values_list("pk", flat=True)), name
        for row in rows:
            may = policy.user_has_permission_for_instance(user, "change", row)
            assert may == can(user, "open_polls", row.area), (name, row)
            assert may == (row.pk in listed), (name, row)
        # not a model action: only a superuser may (as in Wagtail's own policies)
        locks = policy.user_has_permission_for_instance(user, "lock", rows[0])
        assert locks == (name == "admin"), name
    for row in rows:
        asked = set(policy.users_with_any_permission_for_instance(["change"], row))
        assert asked == set(users_who_can("open_polls", row.area, superusers=True))


def test_page_permissions_come_from_the_actions(tree):
    """The Wagtail page permissions each role's group holds are read from
    ``ACTIONS`` - the same sets the groups were given before (no migration)."""
    from wagtail.models import GroupPagePermission

    from civic.people.models import AreaRoleGroup, RoleKind

    assert page_permissions(RoleKind.GROUP_LEADER) == ["add_page", "change_page"]
    assert page_permissions(RoleKind.COMMUNE_EDITOR) == [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
    ]
    assert page_permissions(RoleKind.HELPER) == []
    for link in AreaRoleGroup.objects.all():
        held = set(
            GroupPagePermission.objects.filter(group=link.group).values_list(
                "permission__codename", flat=True
            )
        )
        assert held == set(page_permissions(link.kind)), link.kind
        assert link.group.permissions.filter(codename="access_admin").exists()


def test_unknown_actions_are_refused_everywhere(tree):
    with pytest.raises(ValueError):
        scoped(Role.objects.all(), tree.admin, "fly")
    with pytest.raises(ValueError):
        users_who_can("fly", tree.group_1)
    with pytest.raises(ValueError):
        AreaPermissionPolicy(Role, "fly")
