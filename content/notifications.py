"""The kinds of notification of the review of pages (civic/people/notifications.py)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from civic.people.notifications import Kind


def _needs_changes(obj, actor, params):
    text = _("“%(title)s” needs changes (asked by %(user)s).") % params
    if params.get("comment"):
        text += " " + _("Comment: %(comment)s") % params
    return text


REVIEW_WAITING = Kind(
    "content.review_waiting",
    _lazy("“%(title)s” is waiting for your review (sent by %(user)s)."),
)
APPROVED = Kind(
    "content.approved", _lazy("“%(title)s” was approved by %(user)s and published.")
)
NEEDS_CHANGES = Kind(
    "content.needs_changes",
    _lazy("“%(title)s” needs changes (asked by %(user)s)."),
    render=_needs_changes,
)
NOTICE_PUBLISHED = Kind(
    "content.notice_published",
    _lazy("New notice in %(area)s: %(title)s"),
    default="daily",  # outside the site, a daily digest rather than noise
)
URGENT_NOTICE = Kind(
    "content.urgent_notice",
    _lazy("Urgent notice in %(area)s: %(title)s"),
    urgent=True,  # to everyone at once, whatever their settings and the hour
)
