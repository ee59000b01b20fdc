from django import template

from ..actions import area_channel
from ..models import Channel

register = template.Library()

TOPICS_SHOWN = 5


@register.inclusion_tag("realtime/_area_channels.html", takes_context=True)
def area_channels(context, page):
    """The area's channels on its page, and the live updates (two queries)."""
    own = area_channel(page)
    topics = list(
        Channel.objects.filter(area=page, archived_at__isnull=True)
        .exclude(pk=own.pk)
        .order_by("-created_at")[:TOPICS_SHOWN]
    )
    return {
        "area": page,
        "area_channel": own,
        "topics": topics,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE", "vi"),
    }
