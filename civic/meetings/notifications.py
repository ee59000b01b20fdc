"""The kinds of notification of meetings (civic/people/notifications.py)."""

from django.utils.translation import gettext_lazy as _lazy

from civic.people.notifications import Kind

CANCELLED = Kind("meetings.cancelled", _lazy("The meeting “%(title)s” is cancelled."))
MINUTES_SUBMITTED = Kind(
    "meetings.minutes_submitted",
    _lazy("Minutes of “%(title)s” (%(area)s) wait for your review."),
)
MINUTES_PUBLISHED = Kind(
    "meetings.minutes_published",
    _lazy("The minutes of “%(title)s” are approved and published."),
)
MINUTES_SENT_BACK = Kind(
    "meetings.minutes_sent_back",
    _lazy("The minutes of “%(title)s” were sent back: %(reason)s"),
)


def _when(value):
    from datetime import datetime

    from django.utils import formats, timezone

    moment = timezone.localtime(datetime.fromisoformat(value))
    return formats.date_format(moment, "DATETIME_FORMAT")


# --- told to the followers of the meeting and of its area, by the worker ----------

SCHEDULED = Kind(
    "meetings.scheduled",
    _lazy("A meeting of %(area)s is scheduled: “%(title)s”, %(when)s."),
    labels={"when": _when},
)
MINUTES_FOR_FOLLOWERS = Kind(
    "meetings.minutes_for_followers",
    _lazy("The minutes of the meeting “%(title)s” (%(area)s) are published."),
)
