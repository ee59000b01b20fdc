"""Areas as the lower layers know them: their kinds, and the model that holds them.

The area tree is made of Wagtail pages (``content.AreaPage``), which live one layer
up, in ``content``. ``civic.people`` (roles, households, residencies) sits below
``content`` yet points at areas, as its models' foreign keys do: by name
(``AREA_MODEL``), resolved through the app registry (``area_model()``) the way
Django resolves ``AUTH_USER_MODEL``. ``content.models`` re-exports the kinds.
"""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _

#: the model of the area tree, as a lazy reference (``"app_label.Model"``)
AREA_MODEL = "content.AreaPage"


class AreaKind(models.TextChoices):
    WARD = "ward", _("ward")
    COMMUNE = "commune", _("commune")
    SPECIAL_ZONE = "special_zone", _("special zone")
    RESIDENTIAL_GROUP = "residential_group", _("residential group")
    VILLAGE = "village", _("village")
    HAMLET = "hamlet", _("hamlet")
    MOUNTAIN_VILLAGE = "mountain_village", _("mountain village")


COMMUNE_KINDS = {AreaKind.WARD, AreaKind.COMMUNE, AreaKind.SPECIAL_ZONE}
GROUP_KINDS = {
    AreaKind.RESIDENTIAL_GROUP,
    AreaKind.VILLAGE,
    AreaKind.HAMLET,
    AreaKind.MOUNTAIN_VILLAGE,
}


def area_model():
    """The area page model (``content.AreaPage``), for the layers below ``content``."""
    return apps.get_model(AREA_MODEL)
