"""Following: who is told of the events of an area, a poll, a report, a meeting, a
channel, a notice (its comment thread).

A verified resident follows their group and its commune automatically
(``verify_residency``); a reporter follows their own report from the start. The
events of a followed object reach its followers through a background task
(content.tasks, civic.feedback.tasks, each app's ``tasks``), never in the request.

**What can be followed, each app registers** in its ``ready()`` (the registry is
here, in the core layer, so the follow view and button never import the apps)::

    follows.register("poll", "polls.Poll", label=_lazy("poll"), can_see=can_read)

``can_see(user, obj)`` decides whether ``user`` may follow ``obj`` (the same check
as its page: a restricted or unpublished page cannot be followed). Followers are
kept in :class:`~civic.people.models.Follow` (any object), except where an app keeps
its own, as feedback reports do (``civic.feedback.models.Follow``, the reporter
among them): it registers a *store* with ``follow``/``unfollow``/``is_following``/
``followers`` functions, and :func:`follow`, :func:`unfollow`,
:func:`is_following` and :func:`followers_of` go through it. One mechanism, one
endpoint (``people:follow``) and one button (``{% follow_button obj %}``) for
every kind of object.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction

from civic.core import pagecache

from .models import Follow, User

#: name ("poll") → Followable
REGISTRY = {}


class Followable:
    def __init__(self, name, model, *, label, can_see, store=None, check=None):
        self.name = name
        self.model_label = model.lower()
        self.label = label
        self.can_see = can_see
        #: an object with follow(user, obj), unfollow(user, obj),
        #: is_following(user, obj), followers(obj) (a queryset of user ids)
        self.store = store
        #: check(user, obj) raises ActionRefused when ``obj`` may not be followed
        #: now (e.g. a closed report); unfollowing is always allowed
        self.check = check

    @property
    def model(self):
        return apps.get_model(self.model_label)


def register(name, model, *, label, can_see, store=None, check=None):
    REGISTRY[name] = Followable(
        name, model, label=label, can_see=can_see, store=store, check=check
    )
    return REGISTRY[name]


def followable_of(obj):
    """The registered kind that ``obj`` is (a page as its concrete class)."""
    for followable in REGISTRY.values():
        try:
            model = followable.model
        except LookupError:
            continue
        if isinstance(obj, model):
            return followable
    return None


def _key(obj):
    # pages are followed as the concrete page (an AreaPage, not its Page row)
    return ContentType.objects.get_for_model(obj), str(obj.pk)


def _store(obj):
    followable = followable_of(obj)
    return followable.store if followable is not None else None


def follow(user, obj, automatic=False):
    """``user`` follows ``obj`` (once); True if they did not already."""
    store = _store(obj)
    if store is not None:
        return store.follow(user, obj)
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
    store = _store(obj)
    if store is not None:
        return store.unfollow(user, obj)
    content_type, object_id = _key(obj)
    return bool(
        Follow.objects.filter(
            user=user, content_type=content_type, object_id=object_id
        ).delete()[0]
    )


def is_following(user, obj):
    """Whether ``user`` follows ``obj``: asked by the button on every signed-in
    page of a followable object, so kept as a page-cache memo until a follow
    (of anyone: the tables' versions) changes."""
    if user is None or not user.is_authenticated:
        return False
    content_type, object_id = _key(obj)
    return pagecache.memo(
        "people.is_following",
        [user.pk, content_type.pk, object_id],
        lambda: _is_following(user, obj, content_type, object_id),
    )


def _is_following(user, obj, content_type, object_id):
    store = _store(obj)
    if store is not None:
        return bool(store.is_following(user, obj))
    return Follow.objects.filter(
        user=user, content_type=content_type, object_id=object_id
    ).exists()


def followers_of(*objects):
    """The active users who follow any of ``objects``, each once."""
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return User.objects.none()
    follows = Follow.objects.none()
    user_ids = []
    for obj in objects:
        store = _store(obj)
        if store is not None:
            user_ids.append(store.followers(obj))
            continue
        content_type, object_id = _key(obj)
        follows = follows | Follow.objects.filter(
            content_type=content_type, object_id=object_id
        )
    users = User.objects.filter(pk__in=follows.values("user_id"))
    for ids in user_ids:
        users = users | User.objects.filter(pk__in=ids)
    return users.filter(is_active=True).distinct().order_by("pk")


def follow_home(user, area):
    """A verified resident of ``area`` follows it and its commune."""
    follow(user, area, automatic=True)
    commune = getattr(area, "commune", None)
    if commune is not None and commune.pk != area.pk:
        follow(user, commune, automatic=True)


def page_visible(user, page):
    """May ``user`` see ``page`` (to follow it): live, and every view restriction
    on it or above it passed (signed in; in one of its groups). A password
    restriction is passed per browser session, which a follower does not carry:
    such a page cannot be followed."""
    from wagtail.models import PageViewRestriction

    if page is None or not page.live:
        return False
    signed_in = bool(user and user.is_authenticated and user.is_active)
    for restriction in page.get_view_restrictions():
        kind = restriction.restriction_type
        if kind == PageViewRestriction.LOGIN:
            if not signed_in:
                return False
        elif kind == PageViewRestriction.GROUPS:
            if not signed_in:
                return False
            if (
                not user.is_superuser
                and not user.groups.filter(
                    pk__in=restriction.groups.values("pk")
                ).exists()
            ):
                return False
        else:
            return False
    return True
