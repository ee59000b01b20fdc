"""Every role × create / edit / publish / approve in its own area, the parent area,
a sibling area and another commune: allowed exactly where it should be — both by
the one permission check and by the Wagtail page permissions kept in step with it."""

import pytest

from civic.people.actions import revoke_role
from civic.people.models import Role
from civic.people.permissions import can
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
