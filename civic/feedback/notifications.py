"""The kinds of notification of feedback reports (civic/people/notifications.py)."""

from django.utils.translation import gettext_lazy as _lazy

from civic.people.notifications import Kind

#: the subject of the email that goes with a change of the reporter's report
REPORT_SUBJECT = _lazy("Your report: %(title)s")

NEW_REPORT = Kind("feedback.new_report", _lazy("New report in %(area)s: %(title)s"))
RATED = Kind("feedback.rated", _lazy("“%(title)s” was rated %(n)s/5."))
REOPENED = Kind("feedback.reopened", _lazy("“%(title)s” was reopened by its reporter."))
ACCEPTED = Kind(
    "feedback.accepted",
    _lazy("Your report “%(title)s” was accepted; it is to be resolved by %(due)s."),
    subject=REPORT_SUBJECT,
)
DUPLICATE = Kind(
    "feedback.duplicate",
    _lazy("Your report “%(title)s” repeats one already being handled: %(reason)s"),
    subject=REPORT_SUBJECT,
)
OUT_OF_SCOPE = Kind(
    "feedback.out_of_scope",
    _lazy("Your report “%(title)s” is outside what the commune handles: %(reason)s"),
    subject=REPORT_SUBJECT,
)
ASSIGNED = Kind(
    "feedback.assigned",
    _lazy("Your report “%(title)s” is handled by: %(unit)s."),
    subject=REPORT_SUBJECT,
)
PROGRESS = Kind(
    "feedback.progress",
    _lazy("News about your report “%(title)s”: %(message)s"),
    subject=REPORT_SUBJECT,
)
RESOLVED = Kind(
    "feedback.resolved",
    _lazy(
        "Your report “%(title)s” has an answer. Please say whether the "
        "problem is solved and rate the answer."
    ),
    subject=REPORT_SUBJECT,
)
SHOWN = Kind(
    "feedback.shown",
    _lazy("Your report “%(title)s” is shown to the public again."),
    subject=REPORT_SUBJECT,
)
HIDDEN = Kind(
    "feedback.hidden",
    _lazy("Your report “%(title)s” was hidden from the public: %(reason)s"),
    subject=REPORT_SUBJECT,
)


def _status_label(code):
    from .models import Status

    try:
        return Status(code).label
    except ValueError:
        return code


#: what the followers of a report (not its reporter) are told of its changes,
#: by the worker (civic/feedback/tasks.py)
FOLLOWED_UPDATE = Kind(
    "feedback.followed_update",
    _lazy("The report “%(title)s” that you follow is now: %(status)s."),
    labels={"status": _status_label},
)
