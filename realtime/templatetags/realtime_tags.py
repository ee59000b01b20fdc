from django import template

from ..actions import area_channel
from ..permissions import listed_channels

register = template.Library()

TOPICS_SHOWN = 5


@register.inclusion_tag("realtime/_area_channels.html", takes_context=True)
def area_channels(context, page):
    """The area's channels that the user may see listed, on its page, and the live
    updates (two queries, and the membership check for a signed-in user)."""
    own = area_channel(page)
    request = context.get("request")
    user = getattr(request, "user", None)
    topics = list(
        listed_channels(user, page)
        .filter(archived_at__isnull=True)
        .exclude(pk=own.pk)
        .order_by("-created_at")[:TOPICS_SHOWN]
    )
    return {
        "area": page,
        "area_channel": own,
        "topics": topics,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE", "vi"),
    }
