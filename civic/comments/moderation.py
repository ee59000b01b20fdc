"""Questions other apps ask about comments and moderation.

``is_muted(user, area)`` is the public helper that channels and feedback reuse: a
user muted in a commune may read but not post anywhere inside it.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.html import urlize
from wagtail.models import Page

from civic.core import pagecache
from civic.people.permissions import ancestor_paths, can_anywhere, scope_q
from content.models import AreaPage

from .models import Comment, Mute

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


#: label -> the item's read check (``None``: derived; see ``read_check``).
_registered_targets = {}
#: label -> ``(on_reports, on_unhide)`` of items that residents' reports hide
_hiding_targets = {}


def register_target(label, can_read=None, on_reports=None, on_unhide=None):
    """Open comments and reports on the items of another model (``"polls.poll"``);
    call it from that app's ``AppConfig.ready``. The model needs an ``area``
    attribute (an ``AreaPage``) or must be a page below an area.

    ``can_read(user, item)`` answers whether ``user`` may read ``item``, as the
    item's own page decides: nobody sees a report form of, reports, or comments on
    an item they cannot read. A page needs none (Wagtail's rules are used: see
    ``page_readable``); a model that is not a page must give one, else nobody may
    report or comment on its items (and ``manage.py check`` says so).

    An item that hides itself when residents' reports reach the threshold (a
    channel message) gives both callbacks, its own app's actions, so that its
    model stays free of them: ``on_reports(item, count)`` hides it (False if it
    was already hidden) and ``on_unhide(moderator, item)`` shows it again
    (refusing a moderator who may not) and returns it."""
    label = label.lower()
    if (on_reports is None) != (on_unhide is None):
        raise ValueError(f"{label}: give both on_reports and on_unhide, or neither")
    _registered_targets[label] = can_read
    if on_reports is not None:
        _hiding_targets[label] = (on_reports, on_unhide)
    else:
        _hiding_targets.pop(label, None)


def hiding_callbacks(item):
    """``(on_reports, on_unhide)`` when reports hide ``item`` itself (not a
    comment: comments are hidden by this app), else None."""
    return _hiding_targets.get(type(item)._meta.label_lower)


def target_model_labels():
    configured = getattr(settings, "COMMENTS_TARGET_MODELS", DEFAULT_TARGET_MODELS)
    return {label.lower() for label in configured} | set(_registered_targets)


def is_commentable_type(content_type):
    return f"{content_type.app_label}.{content_type.model}" in target_model_labels()


def page_readable(user, page):
    """Wagtail's answer for a page: live, and every view restriction on it or
    above it passed (signed in; in one of the groups). A password restriction is
    passed per browser session, which a user alone does not carry: such a page
    counts as unreadable here (it cannot be reported or commented on)."""
    from wagtail.models import PageViewRestriction

    if not page.live:
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


def read_check(label):
    """The read check of the registered model ``label``: its own, or for a page
    model ``page_readable``; None when there is none (nobody may then report or
    comment on its items)."""
    label = label.lower()
    if label not in target_model_labels():
        return None
    check = _registered_targets.get(label)
    if check is not None:
        return check
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return page_readable if issubclass(model, Page) else None


def check_read_checks(app_configs=None, **kwargs):
    """``manage.py check``: every model open to comments and reports has a read
    check (a target registered without one could be reported by anyone)."""
    from django.core.checks import Error

    return [
        Error(
            f"{label} takes comments and reports but has no read check.",
            hint="register_target(label, can_read=...) in the app's ready().",
            obj=label,
            id="comments.E001",
        )
        for label in sorted(target_model_labels())
        if read_check(label) is None
    ]


def can_read(user, item):
    """May ``user`` read ``item``: a comment (its item must be readable), or an
    item of a registered model (its read check)? Everything else: no."""
    if isinstance(item, Comment):
        target = item.target
        return target is not None and can_read(user, target)
    check = read_check(type(item)._meta.label_lower)
    return bool(check is not None and check(user, item))


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
    any area above it), the longest first; None when they may post. The user's
    mutes there are kept between requests (civic.core.pagecache.memo, until a
    mute is written); which of them still runs is decided here, at ``now``."""
    if area is None or not user or not user.is_authenticated:
        return None
    now = now or timezone.now()
    mutes = pagecache.memo(
        "comments.mutes",
        [user.pk, area.path],
        lambda: list(
            Mute.objects.filter(
                user=user, area__path__in=ancestor_paths(area)
            ).select_related("area")
        ),
    )
    return _longest(m for m in mutes if m.until is None or m.until > now)


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


def moderated(user, field="area__path"):
    """A filter on ``field`` for the items ``user`` moderates (``Q()`` for a
    superuser), or None for a user who moderates nowhere."""
    return scope_q(user, "moderate", field)


def is_moderator_anywhere(user):
    return can_anywhere(user, "moderate")
