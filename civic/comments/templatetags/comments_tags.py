from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.utils import timezone

from civic.people.models import Residency, ResidencyStatus

from .. import actions
from ..models import MAX_LENGTH, Comment, ReportReason
from ..moderation import area_of, can_read, render_body

register = template.Library()


@register.filter
def readable_by(item, user):
    """``{% if other|readable_by:request.user %}``: may ``user`` read ``item`` (a
    comment target's own read check, ``moderation.can_read``)? A link to another
    item shows its title only then; otherwise its number at most."""
    return item is not None and can_read(user, item)


def _group_of(user):
    residencies = getattr(user, "verified_residencies", None)
    return residencies[0].household.area.title if residencies else ""


def comment_thread(target, user=None):
    """The comments on ``target``, oldest first, replies under their comment.

    Two queries whatever their number: the comments with their authors, and the
    authors' verified residencies with their group.
    """
    content_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
    comments = list(
        Comment.objects.filter(content_type=content_type, object_id=target.pk)
        .select_related("author")
        .prefetch_related(
            Prefetch(
                "author__residencies",
                queryset=Residency.objects.filter(
                    status=ResidencyStatus.VERIFIED
                ).select_related("household__area"),
                to_attr="verified_residencies",
            )
        )
        .order_by("created_at", "pk")
    )
    now = timezone.now()
    replies = {}
    for comment in comments:
        comment.author_group = _group_of(comment.author)
        comment.html = render_body(comment.body) if comment.is_visible else ""
        comment.is_own = bool(user and user.pk == comment.author_id)
        comment.editable = bool(user) and actions.can_edit(user, comment, now)
        if comment.parent_id:
            replies.setdefault(comment.parent_id, []).append(comment)
    thread = []
    for comment in comments:
        if comment.parent_id:
            continue
        comment.reply_list = replies.get(comment.pk, [])
        if comment.deleted and not any(r.is_visible for r in comment.reply_list):
            continue
        thread.append(comment)
    return thread, content_type, len([c for c in comments if c.is_visible])


@register.inclusion_tag("comments/comment_section.html", takes_context=True)
def comments_for(context, target):
    """The comment section of an item: its comments and the form, or why the
    signed-in user cannot comment. A fixed number of queries."""
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    thread, content_type, count = comment_thread(target, user if signed_in else None)
    area = area_of(target)
    refusal = actions.comment_refusal(user, area) if area is not None else None
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "target": target,
        "content_type": content_type,
        "comment_type": ContentType.objects.get_for_model(Comment),
        "thread": thread,
        "count": count,
        "can_comment": signed_in and area is not None and refusal is None,
        "refusal": refusal if signed_in else None,
        "signed_in": signed_in,
        "max_length": MAX_LENGTH,
        "reasons": ReportReason.choices,
    }


@register.filter
def comment_html(comment):
    """A comment's text as safe HTML (escaped, links clickable)."""
    return render_body(comment.body)
