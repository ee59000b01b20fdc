"""Who keeps and who staffs the support points.

Commune editors keep the points of their commune (``manage_services``); helpers
(``help_residents``) answer the appointments and record the sessions. Read through
``civic.people.permissions`` (``scoped``, ``AreaPermissionPolicy``).
"""

from civic.people.models import RoleKind, User
from civic.people.permissions import scoped

MANAGE = "manage_services"
HELP = "help_residents"


def communes_where(user, action=MANAGE):
    """The communes where ``user`` may do ``action``."""
    from content.models import COMMUNE_KINDS, AreaPage

    return scoped(AreaPage.objects.filter(kind__in=COMMUNE_KINDS), user, action)


def records_for(user, model, action=MANAGE):
    """``model`` rows (with an ``area``) that ``user`` may do ``action`` on."""
    return scoped(model.objects.select_related("area"), user, action, "area__path")


def helpers_in(communes):
    """Users holding the helper role on one of ``communes``."""
    return User.objects.filter(
        area_roles__kind=RoleKind.HELPER, area_roles__area__in=communes
    ).distinct()
