"""The support section of a signed-in resident's home (civic.core.registry
``HomeSection``): their coming help appointments."""

from django.utils import timezone

from .models import ACTIVE_APPOINTMENT, Appointment

SHOWN = 5


def coming_appointments(user, today=None):
    """``user``'s appointments still to come (requested, proposed, confirmed),
    the nearest first: one query."""
    return (
        Appointment.objects.filter(
            resident=user,
            status__in=ACTIVE_APPOINTMENT,
            date__gte=today or timezone.localdate(),
        )
        .select_related("point")
        .only("pk", "date", "slot", "status", "point__name")
        .order_by("date", "slot", "pk")
    )


def section_context(user):
    appointments = list(coming_appointments(user)[:SHOWN])
    if not appointments:
        return None
    return {"appointments": appointments}
