"""The kinds of notification of polls (civic/people/notifications.py): told to
the followers of the poll and of its area (verified residents follow their group
and commune), by the worker (civic/polls/tasks.py)."""

from django.utils.translation import gettext_lazy as _lazy

from civic.people.notifications import Kind

POLL_OPENED = Kind("polls.opened", _lazy("A poll is open in %(area)s: %(title)s"))
POLL_CLOSING = Kind(
    "polls.closing",
    _lazy("The poll “%(title)s” (%(area)s) closes within 24 hours: have your say."),
)
POLL_RESULT = Kind(
    "polls.result", _lazy("The result of the poll “%(title)s” (%(area)s) is out.")
)
