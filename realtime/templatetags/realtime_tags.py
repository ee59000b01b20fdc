from django import template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from civic.core import pagecache

from ..actions import area_channel
from ..models import Channel
from ..permissions import is_member, listed_channels

register = template.Library()

TOPICS_SHOWN = 5


@register.simple_tag(takes_context=True)
def area_channels(context, page):
    """The area's channels that the user may see listed, on its page, and the live
    updates. The list is the same for every member of the area and the same for
    every other visitor: kept as a shared part of the page per area and
    membership (civic.core.pagecache.fragment), rendered again only when a
    channel (or anything it read) changes."""
    request = context.get("request")
    user = getattr(request, "user", None)
    member = is_member(user, Channel(area=page))
    language = context.get("LANGUAGE_CODE", "vi")

    def render():
        own = area_channel(page)
        topics = list(
            listed_channels(user, page)
            .filter(archived_at__isnull=True)
            .exclude(pk=own.pk)
            .order_by("-created_at")[:TOPICS_SHOWN]
        )
        return render_to_string(
            "realtime/_area_channels.html",
            {
                "area": page,
                "area_channel": own,
                "topics": topics,
                "LANGUAGE_CODE": language,
            },
        )

    host = request.get_host() if request is not None else ""
    key = [page.pk, member, language, translation.get_language(), host]
    # the template rendered it (escaped there); kept as text in the cache
    return mark_safe(pagecache.fragment("area-channels", key, render))  # noqa: S308
