"""Who keeps which directory entries: ``can(user, action, area)`` read through
``civic.people.permissions.scoped``."""

from civic.people.permissions import scoped

#: commune editors keep the utilities of their commune and its groups
MANAGE = "manage_services"
#: group leaders (or commune editors) decide on the shops of their groups
APPROVE = "approve_businesses"


def records_for(user, model, action=MANAGE):
    """``model`` rows (with an ``area``) that ``user`` may do ``action`` on."""
    return scoped(model.objects.select_related("area"), user, action, "area__path")
