"""Who maintains the feedback settings of which commune: the users who may
``handle_feedback`` there (``civic.people.permissions.can``). The admin querysets,
per-object checks and commune choosers come from here."""

from civic.people.permissions import AreaPermissionPolicy, can, scoped
from content.models import COMMUNE_KINDS, AreaPage

HANDLE = "handle_feedback"


def communes_where(user):
    """The communes where ``user`` handles feedback."""

    return scoped(AreaPage.objects.filter(kind__in=COMMUNE_KINDS), user, HANDLE)


def policy(model):
    """The admin's permission policy for a model of per-commune rows. Rows
    without a commune (nationwide holidays) are the administrator's."""
    return AreaPermissionPolicy(model, HANDLE, "area")


def public_reports():
    """The reports anyone may read (the public lists, the open API, Open311 and
    the open data): shown to the public, in a published area. The one rule,
    also :func:`can_read`'s first case."""
    from .models import Report

    return Report.objects.filter(is_public=True, area__live=True)


def can_read(user, report):
    """Who may read a report (its page answers 404 otherwise): everyone when it is
    public in a published area; else its reporter and the commune's handlers."""
    if report.is_public and report.area.live:
        return True
    if not user or not user.is_authenticated or not user.is_active:
        return False
    return report.reporter_id == user.pk or can(user, HANDLE, report.commune)
