"""Who manages which service records: ``can(user, "manage_services", area)``.

The admin querysets, per-object checks and area choosers all come from here; the
check itself stays ``civic.people.permissions.can``.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from civic.people.models import RoleKind, User
from civic.people.permissions import areas_where, can, subtree_q

MANAGE = "manage_services"
HELP = "help_residents"


def _subtrees(user, action):
    return subtree_q(user, action)


def communes_where(user, action=MANAGE):
    """The live communes where ``user`` may do ``action``."""
    from content.models import COMMUNE_KINDS, AreaPage

    communes = AreaPage.objects.filter(kind__in=COMMUNE_KINDS)
    if not user or not user.is_authenticated or not user.is_active:
        return communes.none()
    if user.is_superuser:
        return communes
    q = _subtrees(user, action)
    return communes.filter(q) if q is not None else communes.none()


def records_for(user, model, action=MANAGE):
    """``model`` rows (with an ``area`` commune) that ``user`` may act on."""
    if not user or not user.is_authenticated or not user.is_active:
        return model.objects.none()
    qs = model.objects.select_related("area")
    if user.is_superuser:
        return qs
    return qs.filter(area__in=communes_where(user, action).values("pk"))


def helpers_in(communes):
    """Users holding the helper role on one of ``communes``."""
    return User.objects.filter(
        area_roles__kind=RoleKind.HELPER, area_roles__area__in=communes
    ).distinct()


class AreaPermissionPolicy(ModelPermissionPolicy):
    """Model permissions answered by the area roles instead of Django's perms."""

    def __init__(self, model, action=MANAGE, area=lambda obj: obj.area):
        super().__init__(model)
        self.action = action
        self.area_of = area

    def user_has_permission(self, user, action):
        if not user or not user.is_authenticated or not user.is_active:
            return False
        if user.is_superuser:
            return True
        if action not in {"add", "change", "delete", "view"}:
            return False
        return areas_where(user, self.action).exists()

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, a) for a in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and can(
            user, self.action, self.area_of(instance)
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, a, instance) for a in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return records_for(user, self.model, self.action)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


class SuperuserOnlyPolicy(ModelPermissionPolicy):
    """Life events are shared by every commune: the administrator keeps them."""

    def user_has_permission(self, user, action):
        return bool(user and user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        return User.objects.filter(is_superuser=True, is_active=True)
