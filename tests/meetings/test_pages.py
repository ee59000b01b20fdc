"""Pages: the area page's coming meetings, the per-area list, the printable minutes,
comments on meetings, search of published minutes only."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from civic.comments.moderation import is_commentable_type
from civic.meetings import actions
from civic.meetings.models import Meeting, Minutes

from .conftest import schedule, sign_in


def publish(tree, meeting, decision="Tổng vệ sinh ngày 7/12."):
    item = meeting.agenda_items.first()
    minutes = actions.save_minutes(
        tree.leader_1,
        meeting,
        "Nguyễn Văn An",
        "Trần Thị Bình",
        {item.pk: {"discussion": "Ý kiến các hộ", "decision": decision, "for": 4}},
    )
    actions.submit_minutes(tree.leader_1, minutes)
    return actions.approve_minutes(tree.editor_a, minutes)


def test_area_page_shows_the_next_meetings_first(tree, client):
    now = timezone.now()
    schedule(tree, start=now + timedelta(days=5), title="Họp sau")
    schedule(tree, start=now + timedelta(days=1), title="Họp sớm")
    schedule(tree, start=now - timedelta(days=5), title="Họp đã qua")
    cancelled = schedule(tree, start=now + timedelta(days=2), title="Họp bị hủy")
    actions.cancel_meeting(tree.leader_1, cancelled)
    html = client.get(tree.group_1.url).content.decode()
    assert html.index("Họp sớm") < html.index("Họp sau")
    assert "Họp đã qua" not in html and "Họp bị hủy" not in html
    assert f"/cuoc-hop/khu-vuc/{tree.group_1.pk}/lich.ics" in html
    # the commune page shows its groups' meetings too
    assert "Họp sớm" in client.get(tree.commune_a.url).content.decode()
    assert "Họp sớm" not in client.get(tree.commune_b.url).content.decode()


def test_area_list_upcoming_and_past(tree, client, django_assert_max_num_queries):
    now = timezone.now()
    for i in range(3):
        schedule(tree, start=now + timedelta(days=i + 1), title=f"Sắp họp {i}")
        schedule(tree, start=now - timedelta(days=i + 1), title=f"Đã họp {i}")
    with django_assert_max_num_queries(12):
        response = client.get(f"/en/cuoc-hop/khu-vuc/{tree.group_1.pk}/")
    html = response.content.decode()
    upcoming, past = html.split("Past meetings")
    assert all(f"Sắp họp {i}" in upcoming for i in range(3))
    assert all(f"Đã họp {i}" in past for i in range(3))
    assert past.index("Đã họp 0") < past.index("Đã họp 2")  # newest first
    assert "Schedule a meeting" not in html
    sign_in(client, tree.leader_1)
    html = client.get(f"/en/cuoc-hop/khu-vuc/{tree.group_1.pk}/").content.decode()
    assert "Schedule a meeting" in html


def test_printable_minutes_like_the_paper_form(tree, people, held, client):
    publish(tree, held)
    html = client.get(f"/cuoc-hop/{held.pk}/bien-ban/in/").content.decode()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html
    assert "Độc lập - Tự do - Hạnh phúc" in html
    assert "PHƯỜNG A" in html and "TỔ DÂN PHỐ 1" in html
    assert "Nguyễn Văn An" in html and "Trần Thị Bình" in html
    assert "1 Hà Ra" in html and "4 Hà Ra" in html and "5 Hà Ra" not in html
    assert "Tổng vệ sinh ngày 7/12." in html
    en = client.get(f"/en/cuoc-hop/{held.pk}/bien-ban/in/").content.decode()
    assert "Households represented: 4 of 7 households of the area (57.1 %)" in en
    assert "SECRETARY" in en and "CHAIR" in en
    assert "Outcome: passed" in en


def test_meetings_take_comments(tree, people, held, client):
    assert is_commentable_type(ContentType.objects.get_for_model(Meeting))
    sign_in(client, people.reps[0])
    html = client.get(f"/cuoc-hop/{held.pk}/").content.decode()
    assert 'name="body"' in html


def test_search_finds_published_minutes_only(tree, people, held):
    publish(tree, held, decision="Lắp đèn chiếu sáng hẻm 5")
    other = schedule(tree, start=timezone.now() - timedelta(hours=2))
    actions.save_minutes(
        tree.leader_1,
        other,
        "Chủ trì",
        "Thư ký",
        {other.agenda_items.first().pk: {"decision": "Lắp đèn chiếu sáng hẻm 9"}},
    )
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    backend.add_bulk(Minutes, list(Minutes.objects.all()))
    published = Minutes.objects.filter(status="published")
    found = list(backend.search("den chieu sang", published))
    assert [m.meeting_id for m in found] == [held.pk]
    assert "status" in {f.field_name for f in Minutes.get_filterable_search_fields()}


def test_unknown_or_unpublished_area_is_404(tree, client):
    assert client.get("/cuoc-hop/khu-vuc/999999/").status_code == 404
    assert client.get("/cuoc-hop/999999/").status_code == 404
    meeting = schedule(tree)
    tree.group_1.unpublish()
    assert client.get(f"/cuoc-hop/{meeting.pk}/").status_code == 404


def _meeting_with_items(tree, people, n):
    agenda = [{"title": f"Nội dung {i}"} for i in range(n)]
    meeting = schedule(tree, start=timezone.now() - timedelta(hours=1), agenda=agenda)
    actions.record_attendance(tree.leader_1, meeting, [h.pk for h in people.households])
    minutes = actions.save_minutes(
        tree.leader_1,
        meeting,
        "Chủ trì",
        "Thư ký",
        {
            item.pk: {"decision": "Đồng ý", "for": 5}
            for item in meeting.agenda_items.all()
        },
    )
    actions.submit_minutes(tree.leader_1, minutes)
    actions.approve_minutes(tree.editor_a, minutes)
    return meeting


@pytest.mark.usefixtures("uncached")
def test_meeting_page_costs_the_same_whatever_the_agenda(tree, people, client):
    small = _meeting_with_items(tree, people, 2)
    large = _meeting_with_items(tree, people, 12)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(f"/cuoc-hop/{large.pk}/")  # warm the per-process caches (site, types)
    counts = []
    for meeting in (small, large):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/cuoc-hop/{meeting.pk}/")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert "Nội dung 11" in response.content.decode()


def test_documents_on_the_agenda_and_attached_to_the_minutes(tree, people, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .test_scheduling import form_post

    sign_in(client, tree.leader_1)
    pdf = SimpleUploadedFile("du-toan.pdf", b"%PDF-1.4 test", "application/pdf")
    data = form_post(tree.group_1, start=timezone.localtime() - timedelta(hours=1))
    data["agenda-0-file"] = pdf
    response = client.post(f"/cuoc-hop/khu-vuc/{tree.group_1.pk}/them/", data)
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    item = meeting.agenda_items.first()
    assert item.document.title == "Tổng vệ sinh"
    assert item.document.file.name.endswith(".pdf")
    assert item.document.url in client.get(f"/cuoc-hop/{meeting.pk}/").content.decode()
    # a program file is refused, with a message, and nothing is saved
    data = form_post(tree.group_1)
    data["agenda-0-file"] = SimpleUploadedFile("virus.exe", b"MZ", "application/x")
    response = client.post(f"/en/cuoc-hop/khu-vuc/{tree.group_1.pk}/them/", data)
    assert response.status_code == 400
    assert (
        "Attach a PDF, Word, spreadsheet or picture file" in response.content.decode()
    )
    assert Meeting.objects.count() == 1
    # an attachment to the minutes
    response = client.post(
        f"/cuoc-hop/{meeting.pk}/bien-ban/",
        {
            "chair": "Nguyễn Văn An",
            "secretary": "Trần Thị Bình",
            f"item-{item.pk}-decision": "Thống nhất",
            "attachment": SimpleUploadedFile(
                "danh-sach.pdf", b"%PDF-1.4", "application/pdf"
            ),
            "attachment_title": "Danh sách hộ ký tên",
        },
    )
    assert response.status_code == 302
    minutes = Minutes.objects.get()
    assert [a.title for a in minutes.attachments.all()] == ["Danh sách hộ ký tên"]
    html = client.get(f"/cuoc-hop/{meeting.pk}/").content.decode()
    assert "Danh sách hộ ký tên" in html
