"""iCalendar (RFC 5545) for meetings, written with the ``icalendar`` package.

Times are written in UTC (``DTSTART:20261205T120000Z``), which every calendar
application reads without a VTIMEZONE block; the phone shows them in local time.
A cancelled meeting stays in the feed with ``STATUS:CANCELLED`` so that subscribed
calendars remove it, and ``SEQUENCE`` grows with each change (seconds since
creation) so that they take the update.
"""

from datetime import UTC

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vText

PRODID = "-//Khu dan cu dien tu//Meetings//VI"


def _host(request):
    return request.get_host().split(":")[0] if request is not None else "kdcdt"


def meeting_event(meeting, request=None):
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{_host(request)}")
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("created", meeting.created_at.astimezone(UTC))
    event.add("last-modified", meeting.updated_at.astimezone(UTC))
    event.add(
        "sequence",
        max(int((meeting.updated_at - meeting.created_at).total_seconds()), 0),
    )
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add("dtend", meeting.ends_at.astimezone(UTC))
    event.add("summary", meeting.title)
    if meeting.location:
        event.add("location", vText(meeting.location))
    url = meeting.get_absolute_url()
    if request is not None:
        url = request.build_absolute_uri(url)
    else:
        url = getattr(settings, "BASE_URL", "").rstrip("/") + url
    event.add("url", url)
    lines = [meeting.area.title]
    if meeting.online_url:
        lines.append(meeting.online_url)
    agenda = [item.title for item in meeting.agenda_items.all()]
    lines += [f"{n}. {title}" for n, title in enumerate(agenda, start=1)]
    lines.append(url)
    event.add("description", "\n".join(lines))
    event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    return event


def calendar_for(meetings, name, request=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, request))
    return calendar.to_ical()
