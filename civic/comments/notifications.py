"""The kinds of notification of comments and their moderation
(civic/people/notifications.py)."""

from datetime import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from civic.people.notifications import Kind


def item_params(target):
    """What names a reported item, language-neutral (rendered by :func:`_item`)."""
    from .models import Comment

    if isinstance(target, Comment):
        return {"comment_by": target.author.display_name}
    return {"item_title": getattr(target, "title", "") or str(target)}


def _item(params):
    if "comment_by" in params:
        return _("a comment by %(name)s") % {"name": params["comment_by"]}
    return f"“{params.get('item_title', '')}”"


def _with_item(text):
    def render(obj, actor, params):
        return str(text) % {**params, "item": _item(params)}

    return render


def _with_reason(text):
    def render(obj, actor, params):
        message = str(text) % params
        if params.get("reason"):
            message += " " + _("Reason: %(reason)s") % params
        return message

    return render


def _muted(obj, actor, params):
    if not params.get("until"):
        return (
            _(
                "A moderator has stopped you from commenting in %(area)s. Reason: %(reason)s"
            )
            % params
        )
    until = timezone.localtime(datetime.fromisoformat(params["until"]))
    return _(
        "A moderator has stopped you from commenting in %(area)s until %(until)s. "
        "Reason: %(reason)s"
    ) % {**params, "until": formats.date_format(until, "DATETIME_FORMAT")}


_HIDDEN_AFTER = _lazy(
    "%(item)s in %(area)s was hidden after %(n)d reports; please review."
)
_REPORTED = _lazy("%(item)s in %(area)s has %(n)d reports; please review.")
_COMMENT_HIDDEN = _lazy("A moderator hid your comment in %(area)s.")

HIDDEN_AFTER_REPORTS = Kind(
    "comments.hidden_after_reports", _HIDDEN_AFTER, render=_with_item(_HIDDEN_AFTER)
)
REPORTED = Kind("comments.reported", _REPORTED, render=_with_item(_REPORTED))
COMMENT_HIDDEN = Kind(
    "comments.comment_hidden", _COMMENT_HIDDEN, render=_with_reason(_COMMENT_HIDDEN)
)
MUTED = Kind(
    "comments.muted",
    _lazy(
        "A moderator has stopped you from commenting in %(area)s. Reason: %(reason)s"
    ),
    render=_muted,
)


# --- told by the worker (civic/comments/tasks.py) -----------------------------------

REPLY = Kind(
    "comments.reply",
    _lazy("%(actor)s replied to your comment on “%(title)s”."),
)
NEW_IN_THREAD = Kind(
    "comments.new_in_thread",
    _lazy("%(actor)s commented on “%(title)s”, which you follow."),
)
