"""The kinds of notification of the channels (civic/people/notifications.py)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from civic.people.notifications import Kind


def _hidden(obj, actor, params):
    text = _("A moderator hid your message in “%(channel)s”.") % params
    if params.get("reason"):
        text += " " + _("Reason: %(reason)s") % params
    return text


MESSAGE_HIDDEN = Kind(
    "realtime.message_hidden",
    _lazy("A moderator hid your message in “%(channel)s”."),
    render=_hidden,
)
MESSAGE_HIDDEN_AFTER_REPORTS = Kind(
    "realtime.message_hidden_after_reports",
    _lazy(
        "Your message in “%(channel)s” was hidden after several reports; the "
        "commune's editors will review it."
    ),
)
NEW_MESSAGES = Kind(
    "realtime.new_messages",
    _lazy("New messages in “%(channel)s”, which you follow."),
)
