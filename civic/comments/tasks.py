"""A new comment told by the worker (civic/people/announce.py): the author of the
comment it answers (``comments.reply``), and the followers of the item's thread
(``comments.new_in_thread``: a notice someone follows, civic.people.follows).
Once each (the comment is the object of both), never to its own author, nothing
if the comment was hidden or deleted before the worker ran."""

from civic.people.tasks import retrying_task

#: the followable kinds whose followers are told of every comment on them
THREAD_KINDS = ("notice",)


@retrying_task
def tell_of_comment(comment_id, replied_to_id=None):
    from civic.people.announce import announce
    from civic.people.follows import followable_of

    from . import notifications as told
    from .models import Comment
    from .moderation import can_read, target_url

    comment = (
        Comment.objects.select_related("author", "parent").filter(pk=comment_id).first()
    )
    if comment is None or not comment.is_visible:
        return 0
    target = comment.target
    if target is None:
        return 0
    target = getattr(target, "specific", target)
    title = getattr(target, "title", "") or str(target)
    url = f"{target_url(target)}#comment-{comment.pk}"
    answered = {replied_to_id} if replied_to_id else set()
    if comment.parent is not None:
        answered.add(comment.parent.author_id)
    answered.discard(comment.author_id)
    from civic.people.models import User

    # only who may still read the item is told of it
    answered = {
        user.pk
        for user in User.objects.filter(pk__in=answered, is_active=True)
        if can_read(user, target)
    }
    told_count = announce(
        told.REPLY,
        comment,
        also=answered,
        actor=comment.author,
        url=url,
        title=title,
    )
    followable = followable_of(target)
    if followable is not None and followable.name in THREAD_KINDS:
        told_count += announce(
            told.NEW_IN_THREAD,
            comment,
            followed=[target],
            exclude=answered,
            actor=comment.author,
            url=url,
            title=title,
        )
    return told_count
