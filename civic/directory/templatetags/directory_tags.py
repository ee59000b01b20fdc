from django import template
from django.utils import timezone

from ..queries import next_collection, utilities_for

register = template.Library()


@register.inclusion_tag("directory/_area_services.html")
def area_services(page):
    """On an area page: the public utilities of the area (its own and its
    commune's) and, for a group, the next waste collection day. Two queries."""
    links = utilities_for(page)
    return {
        "area": page,
        "links": links,
        "next": next_collection(links, timezone.localdate()),
    }
