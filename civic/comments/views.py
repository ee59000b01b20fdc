"""Posting, editing, deleting and reporting comments. Thin: every change goes through
``civic.comments.actions``; a refusal shows its message with the text kept, and
saves nothing."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civic.core.errors import ActionRefused, message_of, status_of
from civic.core.ids import require_id

from . import actions
from .models import MAX_LENGTH, Comment, ReportReason
from .moderation import can_read, setting, target_url


def _back(target, comment=None):
    url = target_url(target)
    return redirect(f"{url}#comment-{comment.pk}" if comment else f"{url}#comments")


def _comment(pk, user):
    """The comment ``pk`` as ``user`` may see it: every view taking a comment id
    looks it up here. A comment on an item the user cannot read (``can_read``)
    does not exist for them, like a forged id: nothing of its item is shown."""
    try:
        comment = Comment.objects.select_related("area", "author").get(
            pk=require_id(pk)
        )
    except (Comment.DoesNotExist, ValueError, TypeError, OverflowError):
        comment = None
    if comment is None or not can_read(user, comment):
        raise ActionRefused(_("This comment does not exist."))
    return comment


def _form_page(request, error, status, **context):
    context.update(error=error, max_length=MAX_LENGTH)
    return render(request, "comments/comment_form.html", context, status=status)


@require_POST
def post(request):
    target = None
    body = request.POST.get("body", "")
    try:
        target = actions.resolve_target(
            request.POST.get("content_type"),
            request.POST.get("object_id"),
            reportable_comment=False,
            user=request.user,
        )
        if not request.user.is_authenticated:
            return redirect_to_login(target_url(target))
        parent = None
        if request.POST.get("parent"):
            parent = _comment(request.POST["parent"], request.user)
        comment = actions.post_comment(request.user, target, body, parent=parent)
    except (ValidationError, PermissionDenied) as error:
        return _form_page(
            request,
            message_of(error),
            status_of(error),
            target=target,
            body=body[: MAX_LENGTH * 2],
            content_type=request.POST.get("content_type", ""),
            object_id=request.POST.get("object_id", ""),
            parent=request.POST.get("parent", ""),
        )
    messages.success(request, _("Your comment has been posted."))
    return _back(target, comment)


@require_http_methods(["GET", "POST"])
def edit(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        comment = _comment(pk, request.user)
    except ValidationError as error:
        return _form_page(request, message_of(error), 404, editing=True)
    target = comment.target
    body = request.POST.get("body", comment.body)
    if request.method == "GET":
        error = None
        if comment.author_id != request.user.pk:
            error = _("You can only edit your own comments.")
        elif not actions.can_edit(request.user, comment):
            error = _(
                "A comment can be edited only in the first %(minutes)d minutes."
            ) % {"minutes": setting("COMMENTS_EDIT_WINDOW") // 60}
        return _form_page(
            request,
            error,
            403 if error else 200,
            editing=True,
            comment=comment,
            target=target,
            body="" if error else body,
        )
    try:
        actions.edit_comment(request.user, comment, body)
    except (ValidationError, PermissionDenied) as error:
        return _form_page(
            request,
            message_of(error),
            status_of(error),
            editing=True,
            comment=comment,
            target=target,
            body=body[: MAX_LENGTH * 2] if comment.author_id == request.user.pk else "",
        )
    messages.success(request, _("Your comment has been changed."))
    return _back(target, comment)


@require_POST
def delete(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login("/")
    try:
        comment = _comment(pk, request.user)
    except ValidationError as error:
        return _form_page(request, message_of(error), 404, editing=True)
    try:
        actions.delete_comment(request.user, comment)
    except (ValidationError, PermissionDenied) as error:
        return _form_page(request, message_of(error), status_of(error), editing=True)
    messages.success(request, _("Your comment has been deleted."))
    return _back(comment.target)


@require_http_methods(["GET", "POST"])
def report(request, content_type, object_id):
    # Signing in comes first, so that a visitor learns nothing of what exists;
    # then what the user may not read does not exist for them (404), before any
    # form is shown or any report counted.
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        target = actions.resolve_target(content_type, object_id, user=request.user)
    except ValidationError as error:
        return render(
            request,
            "comments/report_form.html",
            {"error": message_of(error), "reasons": ReportReason.choices},
            status=404,
        )
    item = target.target if isinstance(target, Comment) else target
    context = {
        "target": target,
        "item": item,
        "is_comment": isinstance(target, Comment),
        "reasons": ReportReason.choices,
        "reason": request.POST.get("reason", ""),
        "text": request.POST.get("text", "")[:1000],
    }
    if request.method == "GET":
        return render(request, "comments/report_form.html", context)
    try:
        actions.report(
            request.user, target, request.POST.get("reason", ""), context["text"]
        )
    except (ValidationError, PermissionDenied) as error:
        context["error"] = message_of(error)
        return render(
            request, "comments/report_form.html", context, status=status_of(error)
        )
    messages.success(
        request, _("Thank you. The moderators of this area will look at your report.")
    )
    return _back(item, target if isinstance(target, Comment) else None)
