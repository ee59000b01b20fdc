"""What civic.support holds about a person (civic.people.personal_data)."""

from django.utils.translation import gettext_lazy as _

from civic.people.personal_data import Section, rows


def _appointments(user):
    from .models import Appointment

    return rows(
        Appointment.objects.filter(resident=user).select_related("point"),
        "point__name",
        "date",
        "slot",
        "need",
        "status",
        "note",
        "created_at",
    )


def _sessions(user):
    from .models import AssistedSession

    return rows(
        AssistedSession.objects.filter(resident=user).select_related(
            "point", "procedure"
        ),
        "point__name",
        "procedure__name",
        "done",
        "happened_at",
        "consent_given_at",
    )


def _erase(user):
    """Appointments go; a helper's record of a session stays counted for the
    support point (its helper did the work), without the resident."""
    from civic.people.models import FORMER_RESIDENT

    from .models import Appointment, AssistedSession

    AssistedSession.objects.filter(resident=user).update(
        resident=None, resident_name=str(FORMER_RESIDENT)
    )
    Appointment.objects.filter(resident=user).delete()
    user.support_points.clear()  # no longer a helper on duty anywhere


Section(
    "support.appointments",
    _("Help appointments"),
    export=_appointments,
    erase=_erase,
)
Section(
    "support.sessions",
    _("Help received"),
    export=_sessions,
    erase=lambda user: None,  # with support.appointments
)
