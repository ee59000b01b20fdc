"""Who manages which procedures: ``can(user, "manage_services", area)``.

The admin querysets, per-object checks and area choosers all come from here, read
through ``civic.people.permissions`` (``scoped``, ``AreaPermissionPolicy``).
"""

from wagtail.permission_policies import ModelPermissionPolicy

from civic.people.models import User
from civic.people.permissions import scoped

MANAGE = "manage_services"


def communes_where(user, action=MANAGE):
    """The communes where ``user`` may do ``action``."""
    from content.models import COMMUNE_KINDS, AreaPage

    return scoped(AreaPage.objects.filter(kind__in=COMMUNE_KINDS), user, action)


def records_for(user, model, action=MANAGE):
    """``model`` rows (with an ``area``) that ``user`` may do ``action`` on."""
    return scoped(model.objects.select_related("area"), user, action, "area__path")


class SuperuserOnlyPolicy(ModelPermissionPolicy):
    """Life events are shared by every commune: the administrator keeps them."""

    def user_has_permission(self, user, action):
        return bool(user and user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        return User.objects.filter(is_superuser=True, is_active=True)
