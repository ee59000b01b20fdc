"""Following: who is told of the events of an area, a poll, a meeting, a channel.

A verified resident follows their group and its commune automatically
(``verify_residency``); the events of a followed object reach its followers
through a background task (content.tasks, civic.feedback.tasks), never in the
request.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction

from .models import Follow, User


def _key(obj):
    # pages are followed as the concrete page (an AreaPage, not its Page row)
    return ContentType.objects.get_for_model(obj), str(obj.pk)


def follow(user, obj, automatic=False):
    """``user`` follows ``obj`` (once); True if they did not already."""
    content_type, object_id = _key(obj)
    try:
        with transaction.atomic():
            Follow.objects.create(
                user=user,
                content_type=content_type,
                object_id=object_id,
                automatic=automatic,
            )
    except IntegrityError:
        return False
    return True


def unfollow(user, obj):
    content_type, object_id = _key(obj)
    return bool(
        Follow.objects.filter(
            user=user, content_type=content_type, object_id=object_id
        ).delete()[0]
    )


def is_following(user, obj):
    content_type, object_id = _key(obj)
    return Follow.objects.filter(
        user=user, content_type=content_type, object_id=object_id
    ).exists()


def followers_of(*objects):
    """The active users who follow any of ``objects``, each once."""
    keys = [_key(obj) for obj in objects if obj is not None]
    if not keys:
        return User.objects.none()
    follows = Follow.objects.none()
    for content_type, object_id in keys:
        follows = follows | Follow.objects.filter(
            content_type=content_type, object_id=object_id
        )
    return User.objects.filter(
        is_active=True, pk__in=follows.values("user_id")
    ).order_by("pk")


def follow_home(user, area):
    """A verified resident of ``area`` follows it and its commune."""
    follow(user, area, automatic=True)
    commune = getattr(area, "commune", None)
    if commune is not None and commune.pk != area.pk:
        follow(user, commune, automatic=True)
