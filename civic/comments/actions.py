"""Every change of comments, reports and mutes. Views and admin screens call these.

Each action checks its permission with ``civic.people.permissions.can``, runs in a
transaction and writes a ``ModerationLog`` row. Refusals raise ``ActionRefused`` (bad
input, a limit) or ``ActionForbidden`` (not allowed); both carry a message for the
user and change nothing.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civic.core.errors import ActionForbidden, ActionRefused
from civic.core.ids import require_id
from civic.core.text import clean_text
from civic.people.actions import notify
from civic.people.models import RoleKind
from civic.people.permissions import can, users_who_can
from civic.people.residents import is_verified_resident_in

from . import notifications as told
from .models import (
    MAX_LENGTH,
    MAX_REASON_LENGTH,
    Comment,
    CommentRevision,
    LogAction,
    ModerationLog,
    Mute,
    Report,
    ReportReason,
    Resolution,
)
from .moderation import (
    active_mute,
    area_of,
    can_read,
    hiding_callbacks,
    is_commentable_type,
    is_public,
    open_to_all,
    setting,
    target_url,
)

#: Mute durations a moderator chooses from (None: permanently).
MUTE_DURATIONS = {"1d": timedelta(days=1), "7d": timedelta(days=7), "permanent": None}


def _log(actor, action, target, area, subject=None, reason=""):
    return ModerationLog.objects.create(
        actor=actor,
        action=action,
        content_type=ContentType.objects.get_for_model(
            target, for_concrete_model=False
        ),
        object_id=target.pk,
        subject=subject,
        area=area,
        reason=reason[:MAX_REASON_LENGTH],
    )


#: ``clean_text`` rules of a comment's text and of a reason (report, hide, mute).
BODY = {
    "multiline": True,
    "max_length": MAX_LENGTH,
    "required": gettext_lazy("Write something before sending your comment."),
    "too_long": gettext_lazy(
        "A comment can have at most %(max)d characters; yours has %(count)d."
    ),
}
REASON = {
    "max_length": MAX_REASON_LENGTH,
    "too_long": gettext_lazy("Keep the reason under %(max)d characters."),
}
REQUIRED_REASON = {
    **REASON,
    "required": gettext_lazy("Give a reason; the person concerned will see it."),
}


def _is_new_account(user, now):
    return user.date_joined > now - timedelta(
        seconds=setting("COMMENTS_NEW_ACCOUNT_AGE")
    )


def mute_message(mute):
    if mute.until is None:
        return _(
            "A moderator has stopped you from commenting in %(area)s. Reason: %(reason)s"
        ) % {"area": mute.area.title, "reason": mute.reason}
    until = formats.date_format(timezone.localtime(mute.until), "DATETIME_FORMAT")
    return _(
        "A moderator has stopped you from commenting in %(area)s until %(until)s. "
        "Reason: %(reason)s"
    ) % {"area": mute.area.title, "until": until, "reason": mute.reason}


def comment_refusal(user, area):
    """Why ``user`` may not comment in ``area`` (a message), or None if they may."""
    if not user or not user.is_authenticated or not user.is_active:
        return _("Sign in to comment.")
    mute = active_mute(user, area)
    if mute is not None:
        return mute_message(mute)
    if (
        is_verified_resident_in(user, area)
        or can(user, "moderate", area)
        or open_to_all(area)
    ):
        return None
    return _(
        "Only verified residents of %(area)s can comment here. Join your residential "
        "group from your account page; your group leader will verify you."
    ) % {"area": area.title}


def _require_commenter(user, area):
    refusal = comment_refusal(user, area)
    if refusal:
        raise ActionForbidden(refusal)


def _require_readable(user, item):
    """Nobody acts on what they may not read: to them it does not exist."""
    if not can_read(user, item):
        raise ActionRefused(_("This item does not exist."))


def _require_target(target, user):
    content_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
    _require_readable(user, target)
    if not is_commentable_type(content_type) or not is_public(target):
        raise ActionRefused(_("Comments are not open on this item."))
    area = area_of(target)
    if area is None:
        raise ActionRefused(_("Comments are not open on this item."))
    return content_type, area


def _check_comment_rate(author, body, now):
    new = _is_new_account(author, now)
    interval = setting(
        "COMMENTS_NEW_ACCOUNT_MIN_INTERVAL" if new else "COMMENTS_MIN_INTERVAL"
    )
    per_day = setting("COMMENTS_NEW_ACCOUNT_PER_DAY" if new else "COMMENTS_PER_DAY")
    recent = Comment.objects.filter(
        author=author, created_at__gte=now - timedelta(days=1)
    )
    duplicate_since = now - timedelta(seconds=setting("COMMENTS_DUPLICATE_WINDOW"))
    if recent.filter(created_at__gte=duplicate_since, body=body).exists():
        raise ActionRefused(_("You have just posted this same text."))
    last = recent.order_by("-created_at").values_list("created_at", flat=True).first()
    if last is not None and (now - last).total_seconds() < interval:
        wait = int(interval - (now - last).total_seconds()) + 1
        raise ActionRefused(
            _("Please wait %(seconds)d seconds before commenting again.")
            % {"seconds": wait}
        )
    if recent.count() >= per_day:
        raise ActionRefused(
            _(
                "You have reached the limit of %(count)d comments a day; try again later."
            )
            % {"count": per_day}
        )


@transaction.atomic
def post_comment(author, target, body, parent=None):
    """``author`` comments on ``target`` (or replies to ``parent``, a comment on it)."""
    content_type, area = _require_target(target, author)
    _require_commenter(author, area)
    body = clean_text(body, **BODY)
    replied_to = parent.author_id if parent is not None else None
    if parent is not None:
        if parent.content_type_id != content_type.pk or parent.object_id != target.pk:
            raise ActionRefused(_("This reply does not belong to this item."))
        if parent.parent_id is not None:
            parent = parent.parent  # replies stay one level deep
        if not parent.is_visible:
            raise ActionRefused(_("This comment cannot be answered any more."))
    now = timezone.now()
    author = get_user_model().objects.locked(author)
    _check_comment_rate(author, body, now)
    comment = Comment.objects.create(
        content_type=content_type,
        object_id=target.pk,
        area=area,
        parent=parent,
        author=author,
        body=body,
    )
    _log(author, LogAction.POST, comment, area, subject=author)
    # the answered author and the thread's followers: by the worker, after commit
    from .tasks import tell_of_comment

    tell_of_comment.enqueue(comment.pk, replied_to)
    return comment


def _locked_comment(comment):
    pk = comment.pk if isinstance(comment, Comment) else comment
    try:
        return (
            Comment.objects.select_for_update(of=("self",))
            .select_related("area", "author")
            .get(pk=pk)
        )
    except (Comment.DoesNotExist, ValueError, TypeError):
        raise ActionRefused(_("This comment does not exist.")) from None


def can_edit(user, comment, now=None):
    now = now or timezone.now()
    return (
        user.is_authenticated
        and comment.author_id == user.pk
        and comment.is_visible
        and (now - comment.created_at).total_seconds()
        <= setting("COMMENTS_EDIT_WINDOW")
    )


@transaction.atomic
def edit_comment(user, comment, body):
    """The author corrects their comment within the first minutes; marked edited."""
    comment = _locked_comment(comment)
    if comment.author_id != getattr(user, "pk", None):
        raise ActionForbidden(_("You can only edit your own comments."))
    if not comment.is_visible:
        raise ActionRefused(_("This comment can no longer be edited."))
    if not can_edit(user, comment):
        raise ActionRefused(
            _("A comment can be edited only in the first %(minutes)d minutes.")
            % {"minutes": setting("COMMENTS_EDIT_WINDOW") // 60}
        )
    _require_commenter(user, comment.area)
    body = clean_text(body, **BODY)
    if body == comment.body:
        return comment
    CommentRevision.objects.create(
        comment=comment, body=comment.body, written_at=comment.edited_at
    )
    comment.body = body
    comment.edited_at = timezone.now()
    comment.save(update_fields=["body", "edited_at"])
    _log(user, LogAction.EDIT, comment, comment.area, subject=user)
    return comment


@transaction.atomic
def delete_comment(user, comment):
    """The author removes their comment; a placeholder keeps the replies in place."""
    comment = _locked_comment(comment)
    if comment.author_id != getattr(user, "pk", None):
        raise ActionForbidden(_("You can only delete your own comments."))
    if comment.deleted:
        raise ActionRefused(_("This comment has already been deleted."))
    comment.deleted = True
    comment.body = ""
    comment.save(update_fields=["deleted", "body"])
    _log(user, LogAction.DELETE, comment, comment.area, subject=user)
    return comment


# --- reports -----------------------------------------------------------------------


def _commune_editors(area):
    """Who is asked to review reports in ``area``: the editors who may moderate
    there (``users_who_can``), of its commune and of any area between or above.
    Group leaders moderate their group too, but the review is the editors'."""
    return list(users_who_can("moderate", area, kinds={RoleKind.COMMUNE_EDITOR}))


def _queue_url():
    return reverse("comments_moderation_queue")


def _open_reports(target):
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(
            target, for_concrete_model=False
        ),
        object_id=target.pk,
        resolution="",
    )


@transaction.atomic
def report(reporter, target, reason, text=""):
    """``reporter`` reports a comment or an item once, with a reason.

    When the comment reaches ``COMMENTS_AUTO_HIDE_REPORTS`` open reports from
    distinct users it is hidden at once, and the commune's editors are told. A page
    (an official news article or notice) is not hidden by residents' reports: its
    editors are told and decide in the queue.
    """
    if not reporter or not reporter.is_authenticated or not reporter.is_active:
        raise ActionForbidden(_("Sign in to report."))
    if reason not in ReportReason.values:
        raise ActionRefused(_("Choose a reason for your report."))
    text = clean_text(text, **REASON)
    if reason == ReportReason.OTHER and not text:
        raise ActionRefused(_("Say in a few words what is wrong."))
    if isinstance(target, Comment):
        target = _locked_comment(target)
        _require_readable(reporter, target)
        if target.author_id == reporter.pk:
            raise ActionRefused(_("You cannot report your own comment."))
        if target.deleted:
            raise ActionRefused(_("This comment has been deleted."))
        if target.is_hidden:
            raise ActionRefused(_("This comment is already hidden by a moderator."))
        if not is_public(target.target or target):
            raise ActionRefused(_("This comment does not exist."))
        area = target.area
    else:
        _content_type, area = _require_target(target, reporter)
        if hiding_callbacks(target) is not None:
            # Reports on an item that hides itself are taken one at a time (as on
            # a comment): the third of three simultaneous reports sees the others.
            target = type(target)._default_manager.select_for_update().get(pk=target.pk)
            if getattr(target, "is_hidden", False):
                raise ActionRefused(_("This item is already hidden."))
    content_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
    now = timezone.now()
    reporter = get_user_model().objects.locked(reporter)
    mine = Report.objects.filter(reporter=reporter)
    if mine.filter(content_type=content_type, object_id=target.pk).exists():
        raise ActionRefused(_("You have already reported this."))
    per_day = setting(
        "COMMENTS_NEW_ACCOUNT_REPORTS_PER_DAY"
        if _is_new_account(reporter, now)
        else "COMMENTS_REPORTS_PER_DAY"
    )
    if mine.filter(created_at__gte=now - timedelta(days=1)).count() >= per_day:
        raise ActionRefused(
            _("You have reached the limit of %(count)d reports a day; try again later.")
            % {"count": per_day}
        )
    try:
        with transaction.atomic():
            created = Report.objects.create(
                content_type=content_type,
                object_id=target.pk,
                area=area,
                reporter=reporter,
                reason=reason,
                text=text,
            )
    except IntegrityError:
        raise ActionRefused(_("You have already reported this.")) from None
    subject = target.author if isinstance(target, Comment) else None
    _log(reporter, LogAction.REPORT, target, area, subject=subject, reason=reason)
    threshold = setting("COMMENTS_AUTO_HIDE_REPORTS")
    count = (
        _open_reports(target).aggregate(n=Count("reporter", distinct=True))["n"] or 0
    )
    if count >= threshold and isinstance(target, Comment) and not target.is_hidden:
        _hide(
            None, target, _("Hidden automatically after %(n)d reports.") % {"n": count}
        )
        _log(None, LogAction.AUTO_HIDE, target, area, subject=target.author)
        for editor in _commune_editors(area):
            notify(
                editor,
                told.HIDDEN_AFTER_REPORTS,
                target,
                url=_queue_url(),
                area=area.title,
                n=count,
                **told.item_params(target),
            )
    elif (
        count >= threshold
        and not isinstance(target, Comment)
        and hiding_callbacks(target) is not None
    ):
        # An item that residents may hide by reports (a channel message): its own
        # app hides it (and tells its screens); the editors review it in the queue.
        on_reports, _on_unhide = hiding_callbacks(target)
        if on_reports(target, count):
            subject = getattr(target, "author", None)
            _log(None, LogAction.AUTO_HIDE, target, area, subject=subject)
            for editor in _commune_editors(area):
                notify(
                    editor,
                    told.HIDDEN_AFTER_REPORTS,
                    target,
                    url=_queue_url(),
                    area=area.title,
                    n=count,
                    **told.item_params(target),
                )
    elif count == threshold and not isinstance(target, Comment):
        for editor in _commune_editors(area):
            notify(
                editor,
                told.REPORTED,
                target,
                url=_queue_url(),
                area=area.title,
                n=count,
                **told.item_params(target),
            )
    return created


# --- moderation ----------------------------------------------------------------------


def _resolve(target, by, resolution):
    return _open_reports(target).update(
        resolution=resolution, resolved_by=by, resolved_at=timezone.now()
    )


def _hide(by, comment, reason):
    comment.is_hidden = True
    comment.hidden_reason = reason
    comment.hidden_at = timezone.now()
    comment.save(update_fields=["is_hidden", "hidden_reason", "hidden_at"])


def _require_moderator(user, area):
    if not can(user, "moderate", area):
        raise ActionForbidden(
            _("You can only moderate the items of the area you are responsible for.")
        )


@transaction.atomic
def hide(moderator, comment, reason=""):
    """A group leader or commune editor hides a comment; its reports are upheld."""
    comment = _locked_comment(comment)
    _require_moderator(moderator, comment.area)
    reason = clean_text(reason, **REASON)
    if comment.is_hidden:
        raise ActionRefused(_("This comment is already hidden."))
    _hide(moderator, comment, reason)
    _resolve(comment, moderator, Resolution.UPHELD)
    _log(moderator, LogAction.HIDE, comment, comment.area, comment.author, reason)
    notify(
        comment.author,
        told.COMMENT_HIDDEN,
        comment,
        actor=moderator,
        url=target_url(comment.target),
        area=comment.area.title,
        reason=reason,
    )
    return comment


@transaction.atomic
def unhide(moderator, comment, reason=""):
    """Show a hidden comment again; its open reports are dismissed."""
    comment = _locked_comment(comment)
    _require_moderator(moderator, comment.area)
    reason = clean_text(reason, **REASON)
    if not comment.is_hidden:
        raise ActionRefused(_("This comment is not hidden."))
    comment.is_hidden = False
    comment.hidden_reason = ""
    comment.hidden_at = None
    comment.save(update_fields=["is_hidden", "hidden_reason", "hidden_at"])
    _resolve(comment, moderator, Resolution.DISMISSED)
    _log(moderator, LogAction.UNHIDE, comment, comment.area, comment.author, reason)
    return comment


@transaction.atomic
def unhide_item(moderator, target, reason=""):
    """Show again an item hidden by reports (not a comment: see ``unhide``). The
    item's app checks who may (its ``on_unhide``, see ``register_target``); its open
    reports are dismissed."""
    callbacks = None if isinstance(target, Comment) else hiding_callbacks(target)
    if callbacks is None:
        raise ActionRefused(_("This action is not possible on this item."))
    reason = clean_text(reason, **REASON)
    target = callbacks[1](moderator, target)
    area = area_of(target)
    _resolve(target, moderator, Resolution.DISMISSED)
    _log(
        moderator,
        LogAction.UNHIDE,
        target,
        area,
        getattr(target, "author", None),
        reason,
    )
    return target


@transaction.atomic
def uphold_reports(moderator, target, reason=""):
    """Keep an item hidden by reports hidden and close its reports as upheld."""
    if isinstance(target, Comment) or not getattr(target, "is_hidden", False):
        raise ActionRefused(_("This action is not possible on this item."))
    area = area_of(target)
    _require_moderator(moderator, area)
    reason = clean_text(reason, **REASON)
    if not _resolve(target, moderator, Resolution.UPHELD):
        raise ActionRefused(_("There are no open reports on this item."))
    _log(
        moderator, LogAction.HIDE, target, area, getattr(target, "author", None), reason
    )
    return target


@transaction.atomic
def dismiss_reports(moderator, target, reason=""):
    """A commune editor closes the open reports of an item without hiding it.

    Group leaders may hide and unhide in their group, not overrule reports: the check
    is ``moderate`` on the commune, which only the commune's editors hold.
    """
    if isinstance(target, Comment):
        target = _locked_comment(target)
        area = target.area
        subject = target.author
    else:
        area = area_of(target)
        subject = None
    commune = area.commune if area is not None else None
    if commune is None or not can(moderator, "moderate", commune):
        raise ActionForbidden(_("Only the commune's editors can dismiss reports."))
    reason = clean_text(reason, **REASON)
    if not _resolve(target, moderator, Resolution.DISMISSED):
        raise ActionRefused(_("There are no open reports on this item."))
    _log(moderator, LogAction.DISMISS, target, area, subject, reason)
    return target


@transaction.atomic
def mute_user(moderator, user, area, duration, reason, comment=None):
    """A commune editor stops ``user`` from posting in the commune of ``area`` for a
    day, a week or for good; the user is told why."""
    commune = area.commune if area is not None else None
    if commune is None or not can(moderator, "mute_users", commune):
        raise ActionForbidden(_("Only the commune's editors can mute a user."))
    if duration not in MUTE_DURATIONS:
        raise ActionRefused(_("Choose how long the mute lasts."))
    reason = clean_text(reason, **REQUIRED_REASON)
    if user.pk == moderator.pk:
        raise ActionRefused(_("You cannot mute yourself."))
    if can(user, "moderate", commune):
        raise ActionRefused(_("The commune's editors cannot be muted."))
    length = MUTE_DURATIONS[duration]
    until = timezone.now() + length if length is not None else None
    mute = Mute.objects.create(
        user=user, area=commune, until=until, reason=reason, by=moderator
    )
    _log(moderator, LogAction.MUTE, comment or user, commune, user, reason)
    notify(
        user,
        told.MUTED,
        mute,
        actor=moderator,
        area=mute.area.title,
        until=mute.until.isoformat() if mute.until else "",
        reason=mute.reason,
    )
    return mute


def resolve_target(
    content_type_id, object_id, reportable_comment=True, hidden=False, user=None
):
    """The item a form points at, from its content type and id; forged or unknown
    ids are refused, and so, when ``user`` is given, is an item (or a comment on
    an item) that they may not read. ``hidden``: an item hidden by reports is
    found too (for the moderation queue)."""
    try:
        content_type = ContentType.objects.get_for_id(require_id(content_type_id))
        object_id = require_id(object_id)
    except (ContentType.DoesNotExist, ValueError, TypeError, OverflowError):
        raise ActionRefused(_("This item does not exist.")) from None
    is_comment = content_type.model_class() is Comment
    if not (is_commentable_type(content_type) or (reportable_comment and is_comment)):
        raise ActionRefused(_("This item does not exist."))
    try:
        target = content_type.get_object_for_this_type(pk=object_id)
    except (ObjectDoesNotExist, ValueError, OverflowError):
        raise ActionRefused(_("This item does not exist.")) from None
    if not is_comment and not is_public(target):
        hidden_by_reports = hidden and getattr(target, "is_hidden", False)
        if not (hidden_by_reports and hiding_callbacks(target) is not None):
            raise ActionRefused(_("This item does not exist."))
    if user is not None:
        _require_readable(user, target)
    return target
