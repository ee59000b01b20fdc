"""Tell the followers of an event, once, from the worker.

Every event that reaches many people (a poll opened, a meeting scheduled, a reply
in a followed thread…) is announced by a task on the database queue
(``civic.people.tasks.retrying_task``), never in the request. :func:`announce`
is what those tasks call: in one transaction it locks the row of the object the
event is about, looks whether this event (its kind, about this object) was
already announced, and otherwise writes the notifications with
:func:`civic.people.actions.notify_many` — so a task run twice, retried, or
enqueued twice tells nobody twice. The actor is never told of their own act.

:func:`tell_followers` is the ready-made task for events that need no check at
run time (the app enqueues it in the transaction of the change, so a change that
rolls back announces nothing).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from .tasks import retrying_task


def _load(label, pk):
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    obj = model._default_manager.filter(pk=pk).first()
    return getattr(obj, "specific", obj) if obj is not None else None


def already_announced(kind, obj, user_ids=None):
    """Whether ``kind`` was already announced about ``obj`` (to any of
    ``user_ids`` when given)."""
    from .models import Notification

    found = Notification.objects.filter(
        kind=kind.name,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
    )
    if user_ids is not None:
        found = found.filter(user_id__in=list(user_ids))
    return found.exists()


def announce(
    kind,
    obj,
    *,
    followed=(),
    also=(),
    exclude=(),
    actor=None,
    url="",
    once=True,
    **params,
):
    """Notify the followers of ``followed`` (objects) and the users ``also``
    (ids), but not ``exclude`` nor the actor, of ``kind`` about ``obj``; once
    per (kind, obj) when ``once``. Returns how many were told."""
    from .actions import notify_many
    from .follows import followers_of

    with transaction.atomic():
        # the object's row locked: two runs of the same event wait for each other
        type(obj)._default_manager.select_for_update().filter(pk=obj.pk).first()
        if once and already_announced(kind, obj):
            return 0
        recipients = set(followers_of(*followed).values_list("pk", flat=True))
        recipients |= {pk for pk in also if pk}
        recipients -= {pk for pk in exclude if pk}
        if actor is not None:
            recipients.discard(actor.pk)
        if not recipients:
            return 0
        from .models import User

        active = User.objects.filter(pk__in=recipients, is_active=True)
        return notify_many(
            sorted(active.values_list("pk", flat=True)),
            kind,
            obj,
            actor=actor,
            url=url,
            **params,
        )


def key(obj):
    """How a task names an object: [model label, pk]."""
    return [obj._meta.label, obj.pk]


@retrying_task
def tell_followers(
    kind_name,
    about,
    *,
    followed=(),
    also=(),
    exclude=(),
    actor_id=None,
    url="",
    once=True,
    params=None,
):
    """The task form of :func:`announce`: objects named by :func:`key`."""
    from .models import User
    from .notifications import get_kind

    kind = get_kind(kind_name)
    obj = _load(*about)
    if kind is None or obj is None:
        return 0
    objects = [o for o in (_load(*k) for k in followed) if o is not None]
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    return announce(
        kind,
        obj,
        followed=objects,
        also=also,
        exclude=exclude,
        actor=actor,
        url=url,
        once=once,
        **(params or {}),
    )


def enqueue_tell_followers(kind, obj, *, followed=(), actor=None, **options):
    """Enqueue :func:`tell_followers` (in the caller's transaction)."""
    return tell_followers.enqueue(
        kind.name,
        key(obj),
        followed=[key(o) for o in followed if o is not None],
        actor_id=getattr(actor, "pk", None),
        **options,
    )
