"""The installable site (manifest, service worker) and Web Push on the page."""

from django import template
from django.utils.crypto import salted_hmac

register = template.Library()


def viewer_token(user):
    """Who the page was made for, as the service worker compares it: empty for
    a visitor, an opaque value per signed-in person (not their id). When it
    changes (a sign-out, another person signing in) the worker forgets the pages
    it kept (static/js/pwa.js, README "Offline and installable")."""
    if user is None or not user.is_authenticated:
        return ""
    return salted_hmac("civic.pwa.viewer", str(user.pk)).hexdigest()[:16]


@register.inclusion_tag("people/includes/pwa_head.html", takes_context=True)
def pwa_head(context):
    return {"viewer": viewer_token(context.get("user"))}


@register.simple_tag(takes_context=True)
def push_devices(context):
    """The signed-in user's devices that receive notifications."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return []
    return list(user.push_subscriptions.all())


@register.simple_tag
def vapid_public_key():
    from civic.people.push import public_key

    return public_key()
