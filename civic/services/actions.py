"""Every change of the procedure directory: admin saves and the CSV import.

Each action checks ``can(user, action, area)``, runs in a transaction, writes the
audit record (Wagtail's ``ModelLogEntry`` through ``wagtail.log_actions.log``).
Views and admin screens call these and stay thin. Refusals raise ``ActionRefused``
(a ``ValidationError``) whose message is for the user.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from civic.core.errors import ActionForbidden, ActionRefused
from civic.people.permissions import can
from civic.people.records import save_area_record

from .importing import read_rows
from .models import Procedure
from .permissions import MANAGE


def _require(user, action, area):
    if not can(user, action, area):
        raise ActionForbidden(_("You are not responsible for this commune."))


# --- the directory (admin) ------------------------------------------------------


def save_record(user, form):
    """Save an admin form for a procedure of a commune, and log ``wagtail.create``
    / ``wagtail.edit`` (``civic.people.records.save_area_record``: the commune is
    checked again, before and after the edit, whatever the form offered)."""
    return save_area_record(
        user,
        form,
        MANAGE,
        area_ok=lambda area: area.is_commune,
        wrong_area=_("Choose a commune, ward or special zone."),
        forbidden=_("You are not responsible for this commune."),
    )


def import_procedures(user, area, data):
    """Import procedures for ``area`` from CSV ``data`` (bytes).

    All rows are validated first; if any is rejected nothing is written and the
    report lists every rejected row with its reasons. Otherwise every row is
    created, or updated where the commune already lists the code, in one
    transaction.
    """
    _require(user, "manage_services", area)
    if not area.is_commune:
        raise ActionRefused(_("Choose a commune, ward or special zone."))
    report = read_rows(data, area)
    if not report.ok:
        return report
    with transaction.atomic():
        existing = {
            p.code: p
            for p in Procedure.objects.select_for_update().filter(
                area=area, code__in=[r.values["code"] for r in report.rows]
            )
        }
        for row in report.rows:
            procedure = existing.get(row.values["code"])
            if procedure is None:
                procedure = Procedure.objects.create(area=area, **row.values)
                report.created += 1
            else:
                for name, value in row.values.items():
                    setattr(procedure, name, value)
                procedure.save()
                report.updated += 1
            procedure.life_events.set(row.life_events)
        log(
            area,
            "kdcdt.procedures.import",
            user=user,
            data={"created": report.created, "updated": report.updated},
        )
    return report
