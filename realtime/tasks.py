"""A channel's followers told of new messages, by the worker: one unread
notification per follower and channel at a time (a busy channel does not fill
the list; the next one comes after they read it), never to the author, only to
those who may still read the channel (civic/people/announce.py)."""

from civic.people.tasks import retrying_task


def has_followers(channel):
    from django.contrib.contenttypes.models import ContentType

    from civic.people.models import Follow

    return Follow.objects.filter(
        content_type=ContentType.objects.get_for_model(channel),
        object_id=str(channel.pk),
    ).exists()


@retrying_task
def tell_channel_followers(channel_id, author_id):
    from django.contrib.contenttypes.models import ContentType

    from civic.people.announce import announce
    from civic.people.follows import followers_of
    from civic.people.models import Notification, User

    from . import notifications as told
    from .models import Channel
    from .permissions import can_read

    channel = Channel.objects.select_related("area").filter(pk=channel_id).first()
    if channel is None:
        return 0
    waiting = Notification.objects.filter(
        kind=told.NEW_MESSAGES.name,
        content_type=ContentType.objects.get_for_model(channel),
        object_id=str(channel.pk),
        read_at__isnull=True,
    ).values_list("user_id", flat=True)
    exclude = set(waiting)
    exclude |= {u.pk for u in followers_of(channel) if not can_read(u, channel)}
    author = User.objects.filter(pk=author_id).first()
    return announce(
        told.NEW_MESSAGES,
        channel,
        followed=[channel],
        exclude=exclude,
        actor=author,
        once=False,
        url=channel.get_absolute_url(),
        channel=channel.title,
    )
