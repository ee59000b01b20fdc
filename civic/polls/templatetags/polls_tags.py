from django import template
from django.utils import timezone

from civic.core.lists import with_area_title

from ..models import Poll

register = template.Library()

OPEN_POLLS_SHOWN = 5


@register.inclusion_tag("polls/_open_polls.html")
def open_polls(page):
    """The open polls concerning ``page`` (an AreaPage): one query, however many."""
    polls = list(
        with_area_title(
            Poll.objects.concerning(page).open_now(timezone.now())
        ).order_by("closes_at")[:OPEN_POLLS_SHOWN]
    )
    return {"polls": polls, "area": page}
