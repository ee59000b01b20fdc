from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.utils import timezone

from civic.core import pagecache
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


def _thread_rows(content_type, object_id):
    """The comments on an item with what every reader sees of them (the
    author's group, the text as HTML): two queries, kept between requests."""
    comments = list(
        Comment.objects.filter(content_type=content_type, object_id=object_id)
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
    for comment in comments:
        comment.author_group = _group_of(comment.author)
        del comment.author.verified_residencies  # read; not kept
        comment.html = render_body(comment.body) if comment.is_visible else ""
    return comments


def comment_thread(target, user=None):
    """The comments on ``target``, oldest first, replies under their comment.

    What every reader sees is read in two queries and kept between requests
    until a comment, an author or a residency changes (civic.core.pagecache.memo);
    what is the reader's own (edit, delete) is decided here.
    """
    content_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
    comments = pagecache.memo(
        "comments.thread",
        [content_type.pk, target.pk],
        lambda: _thread_rows(content_type, target.pk),
    )
    now = timezone.now()
    replies = {}
    for comment in comments:
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
