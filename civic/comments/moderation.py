"""Questions other apps ask about comments and moderation.

``is_muted(user, area)`` is the public helper that channels and feedback reuse: a
user muted in a commune may read but not post anywhere inside it.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.html import urlize
from wagtail.models import Page

from civic.people.permissions import ancestor_paths, areas_where

from .models import Mute

#: Models whose items take comments (``app_label.model``); add a poll, a meeting or
#: a feedback report with ``register_target`` or the ``COMMENTS_TARGET_MODELS``
#: setting.
DEFAULT_TARGET_MODELS = ["content.newspage", "content.noticepage"]

DEFAULTS = {
    "COMMENTS_AUTO_HIDE_REPORTS": 3,
    "COMMENTS_EDIT_WINDOW": 5 * 60,
    "COMMENTS_MIN_INTERVAL": 15,
    "COMMENTS_PER_DAY": 30,
    "COMMENTS_NEW_ACCOUNT_AGE": 24 * 3600,
    "COMMENTS_NEW_ACCOUNT_MIN_INTERVAL": 60,
    "COMMENTS_NEW_ACCOUNT_PER_DAY": 5,
    "COMMENTS_DUPLICATE_WINDOW": 60,
    "COMMENTS_REPORTS_PER_DAY": 20,
    "COMMENTS_NEW_ACCOUNT_REPORTS_PER_DAY": 5,
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])


LINK_REL = "nofollow ugc noopener"


def render_body(text):
    """A comment's plain text as safe HTML: escaped, links made clickable with
    ``rel="nofollow ugc noopener"``, line breaks kept.

    Django's ``urlize`` escapes the text and recognises links; ``nh3`` (ammonia)
    then keeps nothing but ``<a href>`` with a web or mail scheme and ``<br>``, so
    a mistake in either step cannot let markup through.
    """
    import nh3
    from django.utils.safestring import mark_safe

    html = urlize(text or "", trim_url_limit=60, nofollow=False, autoescape=True)
    html = html.replace("\r\n", "\n").replace("\n", "<br>")
    return mark_safe(
        nh3.clean(
            html,
            tags={"a", "br"},
            attributes={"a": {"href"}},
            url_schemes={"http", "https", "mailto"},
            link_rel=LINK_REL,
        )
    )


# --- targets -----------------------------------------------------------------------


_registered_targets = set()


def register_target(label):
    """Open comments on the items of another model (``"polls.poll"``); call it from
    that app's ``AppConfig.ready``. The model needs an ``area`` attribute (an
    ``AreaPage``) or must be a page below an area."""
    _registered_targets.add(label.lower())


def target_model_labels():
    configured = getattr(settings, "COMMENTS_TARGET_MODELS", DEFAULT_TARGET_MODELS)
    return {label.lower() for label in configured} | _registered_targets


def is_commentable_type(content_type):
    return f"{content_type.app_label}.{content_type.model}" in target_model_labels()


def target_content_types():
    """The content types of the models that take comments (and page reports)."""
    models = []
    for label in target_model_labels():
        try:
            models.append(apps.get_model(label))
        except (LookupError, ValueError):
            continue
    return ContentType.objects.get_for_models(*models, for_concrete_models=False)


def area_of(target):
    """The area an item belongs to: its ``area`` attribute, the area page itself,
    or for a page the nearest area page above it."""
    from content.models import AreaPage

    if isinstance(target, AreaPage):
        return target
    area = getattr(target, "area", None)
    if isinstance(area, AreaPage):
        return area
    if isinstance(target, Page):
        return (
            AreaPage.objects.filter(path__in=ancestor_paths(target))
            .order_by("-depth")
            .first()
        )
    return None


def open_to_all(area):
    """Does ``area`` (or an area above it) let any signed-in user comment, not only
    its verified residents? Set per area page (``comments_open_to_all``)."""
    from content.models import AreaPage

    if area is None:
        return False
    return AreaPage.objects.filter(
        path__in=ancestor_paths(area), comments_open_to_all=True
    ).exists()


def is_public(target):
    """Can the public see the item? Pages must be live; other models may say so
    through a ``live`` or ``is_public`` attribute."""
    for attr in ("live", "is_public"):
        value = getattr(target, attr, None)
        if value is not None:
            return bool(value)
    return True


def target_url(target):
    for attr in ("get_url", "get_absolute_url"):
        method = getattr(target, attr, None)
        if method:
            try:
                url = method()
            except TypeError:
                continue
            if url:
                return url
    return "/"


# --- mutes -------------------------------------------------------------------------


def active_mute(user, area, now=None):
    """The mute that keeps ``user`` from posting in ``area`` (set on its commune or
    any area above it), the longest first; None when they may post."""
    if area is None or not user or not user.is_authenticated:
        return None
    now = now or timezone.now()
    return _longest(
        Mute.objects.filter(user=user, area__path__in=ancestor_paths(area))
        .filter(Q(until__isnull=True) | Q(until__gt=now))
        .select_related("area")
    )


def _longest(mutes):
    mutes = list(mutes)
    if not mutes:
        return None
    permanent = [m for m in mutes if m.until is None]
    return permanent[0] if permanent else max(mutes, key=lambda m: m.until)


def is_muted(user, area, now=None):
    """May ``user`` not post in ``area`` because a moderator muted them?"""
    return active_mute(user, area, now) is not None


# --- moderators ----------------------------------------------------------------------


def moderated_paths(user):
    """The paths of the areas whose items ``user`` moderates; None for everything."""
    if user.is_superuser:
        return None
    return sorted({role.area.path for role in areas_where(user, "moderate")})


def in_paths(paths, field="area__path"):
    """A filter on ``field`` for the subtrees of ``paths`` (None: no limit)."""
    if paths is None:
        return Q()
    if not paths:
        return Q(pk__in=[])
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def is_moderator_anywhere(user):
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or areas_where(user, "moderate").exists())
    )
