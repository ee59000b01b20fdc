"""What civic.meetings holds about a person (civic.people.personal_data).

A household's attendance is the household's (it stays, as the meeting's record);
a person's "I will attend" is theirs."""

from django.utils.translation import gettext_lazy as _

from civic.people.personal_data import Section, rows


def _intents(user):
    from .models import AttendanceIntent

    return rows(
        AttendanceIntent.objects.filter(user=user).select_related("meeting"),
        "meeting__title",
        "meeting__starts_at",
        "created_at",
    )


def _erase(user):
    from .models import AttendanceIntent

    AttendanceIntent.objects.filter(user=user).delete()


Section(
    "meetings.attendance", _("Meetings I said I attend"), export=_intents, erase=_erase
)
