"""The feedback section of a signed-in resident's home (civic.core.registry
``HomeSection``): their open reports with the deadline that runs, and those
answered or closed lately (within the reopening window)."""

from django.db.models import Case, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import OPEN_STATUSES, Report, settings_value

SHOWN = 5


def my_reports(user, now=None):
    """``user``'s reports still open, then those answered or closed within the
    reopening window; the open ones by the deadline that runs: one query."""
    now = now or timezone.now()
    since = now - settings_value("FEEDBACK_REOPEN_WINDOW")
    return (
        Report.objects.filter(reporter=user)
        .filter(Q(status__in=OPEN_STATUSES) | Q(updated_at__gte=since))
        .select_related("area")
        .only(
            "pk",
            "title",
            "status",
            "urgent",
            "category",
            "created_at",
            "accepted_at",
            "resolved_at",
            "accept_due",
            "resolve_due",
            "reason",
            "area__title",
        )
        .order_by(
            Case(When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1)),
            Coalesce("resolve_due", "accept_due"),
            "pk",
        )
    )


def section_context(user):
    reports = list(my_reports(user)[:SHOWN])
    if not reports:
        return None
    return {"reports": reports}
