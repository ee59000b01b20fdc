"""The iCalendar feed per area and the single-event download, parsed back with
``icalendar.Calendar.from_ical``."""

from datetime import UTC, timedelta

from django.utils import timezone
from icalendar import Calendar

from civic.meetings import actions

from .conftest import meeting_data, schedule


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events(calendar):
    return [c for c in calendar.walk("VEVENT")]


def test_area_feed_is_valid_and_complete(tree, people, client):
    start = timezone.now().replace(microsecond=0) + timedelta(days=2)
    group = schedule(tree, start=start, title="Họp tổ 1: quỹ khuyến học")
    commune = schedule(
        tree,
        user=tree.editor_a,
        area=tree.commune_a,
        start=start + timedelta(days=1),
        kind="dialogue",
        title="Đối thoại với UBND phường",
        place="",
        online_url="https://meet.example.vn/doi-thoai",
    )
    schedule(tree, user=tree.leader_2, area=tree.group_2, title="Họp tổ 2")
    schedule(tree, user=tree.leader_b, area=tree.group_b, title="Họp thôn Đông")
    calendar = parse(client.get(f"/cuoc-hop/khu-vuc/{tree.group_1.pk}/lich.ics"))
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    found = {str(e["SUMMARY"]): e for e in events(calendar)}
    # the group's own meetings and the commune's, not the neighbours'
    assert set(found) == {"Họp tổ 1: quỹ khuyến học", "Đối thoại với UBND phường"}
    event = found["Họp tổ 1: quỹ khuyến học"]
    assert str(event["UID"]) == f"meeting-{group.pk}@testserver"
    assert event["DTSTAMP"].dt.tzinfo is not None
    assert event["DTSTART"].dt == start.astimezone(UTC)
    assert event["DTEND"].dt == (start + timedelta(hours=2)).astimezone(UTC)
    assert event["DTSTART"].to_ical().endswith(b"Z")
    assert str(event["LOCATION"]) == "Nhà văn hóa tổ 1, 12 Hà Ra"
    assert str(event["URL"]) == f"http://testserver/cuoc-hop/{group.pk}/"
    assert "Tổng vệ sinh đường Hà Ra" in str(event["DESCRIPTION"])
    assert str(event["STATUS"]) == "CONFIRMED"
    online = found["Đối thoại với UBND phường"]
    assert str(online["LOCATION"]) == "https://meet.example.vn/doi-thoai"
    assert str(online["UID"]) == f"meeting-{commune.pk}@testserver"
    # the commune's feed holds every group's meetings of the commune
    calendar = parse(client.get(f"/cuoc-hop/khu-vuc/{tree.commune_a.pk}/lich.ics"))
    assert {str(e["SUMMARY"]) for e in events(calendar)} == {
        "Họp tổ 1: quỹ khuyến học",
        "Đối thoại với UBND phường",
        "Họp tổ 2",
    }


def test_cancelled_and_changed_meetings_update_subscribers(tree, client):
    meeting = schedule(tree)
    before = events(parse(client.get(f"/cuoc-hop/{meeting.pk}/lich.ics")))[0]
    actions.update_meeting(
        tree.leader_1,
        meeting,
        meeting_data(start=meeting.starts_at + timedelta(hours=1), title="Dời giờ"),
    )
    actions.cancel_meeting(tree.leader_1, meeting)
    response = client.get(f"/cuoc-hop/{meeting.pk}/lich.ics")
    assert "attachment" in response["Content-Disposition"]
    after = events(parse(response))
    assert len(after) == 1
    after = after[0]
    assert str(after["UID"]) == str(before["UID"])
    assert str(after["STATUS"]) == "CANCELLED"
    assert after["SEQUENCE"] >= before["SEQUENCE"]
    assert after["DTSTART"].dt == before["DTSTART"].dt + timedelta(hours=1)


def test_unknown_area_is_404(tree, client):
    assert client.get("/cuoc-hop/khu-vuc/999999/lich.ics").status_code == 404
    assert client.get("/cuoc-hop/999999/lich.ics").status_code == 404
