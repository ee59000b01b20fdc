"""Saving an admin form for a record that belongs to an area: the one path.

Procedures, support points, utilities and shops are rows with an ``area`` that the
Wagtail admin edits. Whatever the form offered, ``save_area_record`` checks the area
again — the one chosen and the one the record had before the edit — with
``can(user, action, area)``, saves in a transaction and logs ``wagtail.create`` /
``wagtail.edit``. Each app's ``actions.py`` calls it with its own rule for which
areas fit (``area_ok``) and its own messages.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from civic.core.errors import ActionForbidden, ActionRefused

from .permissions import can


@transaction.atomic
def save_area_record(user, form, action, *, area_ok, wrong_area, forbidden=None):
    """Save ``form`` (a model form whose instance has an ``area``) for ``user``.

    ``area_ok(area)`` says whether the record may belong to that area, else
    ``ActionRefused(wrong_area)``; ``ActionForbidden(forbidden)`` when ``user`` may
    not do ``action`` on the area, before or after the edit.
    """
    forbidden = forbidden or _("You are not responsible for this area.")
    instance = form.instance
    area = getattr(instance, "area", None)
    if area is None or not area_ok(area):
        raise ActionRefused(wrong_area)
    if not can(user, action, area):
        raise ActionForbidden(forbidden)
    creating = instance.pk is None
    if not creating:
        before = type(instance).objects.filter(pk=instance.pk).select_related("area")
        if before and not can(user, action, before[0].area):
            raise ActionForbidden(forbidden)
    instance = form.save()
    log(instance, "wagtail.create" if creating else "wagtail.edit", user=user)
    return instance
