"""The kinds of notification of appointments and assisted sessions
(civic/people/notifications.py)."""

from datetime import datetime

from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _lazy

from civic.people.notifications import Kind


def when_param(day, slot):
    """The date and time slot of an appointment, language-neutral (ISO)."""
    return datetime.combine(day, slot).isoformat(timespec="minutes")


def _when(value):
    moment = datetime.fromisoformat(value)
    return f"{time_format(moment.time(), 'H:i')} {date_format(moment.date(), 'SHORT_DATE_FORMAT')}"


def _with_note(text):
    def render(obj, actor, params):
        message = str(text) % {**params, "when": _when(params["when"])}
        if params.get("note"):
            message += " " + params["note"]
        return message

    return render


WHEN = {"when": _when}
_PROPOSED = _lazy(
    "%(helper)s proposes %(when)s at %(point)s instead. Accept it or cancel."
)

REQUESTED = Kind(
    "support.appointment_requested",
    _lazy("%(name)s asks for help at %(point)s, %(when)s: %(need)s"),
    labels=WHEN,
)
CONFIRMED = Kind(
    "support.appointment_confirmed",
    _lazy("Your appointment at %(point)s, %(when)s, is confirmed by %(helper)s."),
    labels=WHEN,
)
YOU_CONFIRMED = Kind(
    "support.you_confirmed",
    _lazy("You confirmed %(name)s at %(point)s, %(when)s."),
    labels=WHEN,
)
PROPOSED = Kind(
    "support.time_proposed", _PROPOSED, labels=WHEN, render=_with_note(_PROPOSED)
)
YOU_PROPOSED = Kind(
    "support.you_proposed", _lazy("You proposed %(when)s to %(name)s."), labels=WHEN
)
ACCEPTED = Kind(
    "support.proposal_accepted_by_you",
    _lazy("Your appointment at %(point)s, %(when)s, is confirmed."),
    labels=WHEN,
)
RESIDENT_ACCEPTED = Kind(
    "support.proposal_accepted",
    _lazy("%(name)s accepted %(when)s at %(point)s."),
    labels=WHEN,
)
RESIDENT_CANCELLED = Kind(
    "support.cancelled_by_resident",
    _lazy("%(name)s cancelled %(when)s at %(point)s."),
    labels=WHEN,
)
CANCELLED = Kind(
    "support.appointment_cancelled",
    _lazy("Your appointment at %(point)s, %(when)s, was cancelled: %(reason)s"),
    labels=WHEN,
)
SESSION_RECORDED = Kind(
    "support.session_recorded",
    _lazy("%(helper)s recorded the help you received at %(point)s."),
)
