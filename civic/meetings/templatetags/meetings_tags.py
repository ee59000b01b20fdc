from django import template
from django.utils import timezone

from civic.core.lists import with_area_title

from ..models import Meeting

register = template.Library()

UPCOMING_SHOWN = 3


@register.inclusion_tag("meetings/_upcoming.html")
def upcoming_meetings(page):
    """The next meetings concerning ``page`` (an AreaPage), soonest first: one query."""
    meetings = list(
        with_area_title(
            Meeting.objects.concerning(page)
            .upcoming(timezone.now())
            .filter(cancelled=False)
        ).order_by("starts_at")[:UPCOMING_SHOWN]
    )
    return {"meetings": meetings, "area": page}
