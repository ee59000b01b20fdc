"""The pages: the two-step form (works without JavaScript), bad input, muted users,
the lists with filters, statistics, the handlers' queue and buttons, rating and
reopening, the link from the area page, English."""

import pytest
from django.test import Client

from civic.feedback import actions
from civic.feedback.models import Category, Photo, Report, Status

from ..factories import assert_refused_by_admin
from .conftest import at, day, jpeg_bytes, make_report, upload, url

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def form_data(fb, **extra):
    data = {
        "area": fb.group_1.pk,
        "category": Category.WATER,
        "title": "Cống bị tắc",
        "description": "Nước tràn ra đường mỗi khi mưa.",
        "address": "Ngõ 5 Đặng Tất",
        "latitude": "",
        "longitude": "",
    }
    data.update(extra)
    return data


def test_sign_in_needed(fb):
    response = Client().get(url("new"))
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_step_one_then_two_then_submit(fb, clock):
    client = client_for(fb.reporter)
    first = client.get(url("new")).content.decode()
    assert "dichvucong.gov.vn" in first and "Tổ dân phố 1" in first
    second = client.get(url("new"), {"area": fb.group_1.pk, "category": "water"})
    assert second.status_code == 200 and 'enctype="multipart/form-data"' in (
        second.content.decode()
    )
    response = client.post(
        url("new"),
        form_data(
            fb, urgent="on", latitude="12.2765", longitude="109.201", photos=[upload()]
        ),
    )
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == url(
        "report", report.pk
    )
    assert (
        report.urgent and report.area == fb.group_1 and report.commune == fb.commune_a
    )
    assert str(report.latitude) == "12.276500"
    assert Photo.objects.filter(report=report).count() == 1
    page = client.get(url("report", report.pk)).content.decode()
    assert "Cống bị tắc" in page and Photo.objects.get().image.url in page


@pytest.mark.parametrize(
    "extra,message",
    [
        ({"title": ""}, "This field is required"),
        ({"area": "999999"}, "valid choice"),
        ({"category": "khieu_nai"}, "valid choice"),
        ({"latitude": "12.2"}, "both the latitude and the longitude"),
        ({"latitude": "95", "longitude": "109"}, "less than or equal to 90"),
        ({"photos": [upload(name="x.jpg", data=b"not an image")]}, "could not be read"),
        (
            {"photos": [upload(name="a.gif", data=b"GIF89a" + b"\0" * 40)]},
            "could not be read",
        ),
    ],
)
def test_bad_input_gets_a_message_and_saves_nothing(fb, clock, extra, message):
    client = client_for(fb.reporter)
    response = client.post(url("new", lang="en"), form_data(fb, **extra))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Report.objects.exists() and not Photo.objects.exists()


def test_wrong_type_message_in_english(fb, clock):
    import io

    from PIL import Image

    gif = io.BytesIO()
    Image.new("RGB", (8, 8)).save(gif, "GIF")
    client = client_for(fb.reporter)
    response = client.post(
        url("new", lang="en"),
        form_data(fb, photos=[upload(name="a.jpg", data=gif.getvalue())]),
    )
    assert "is not a JPEG, PNG or WebP photo" in response.content.decode()
    assert not Report.objects.exists()


def test_vietnamese_messages(fb, clock):
    client = client_for(fb.reporter)
    response = client.post(url("new"), form_data(fb, title=""))
    html = response.content.decode()
    assert response.status_code == 400 and "Gửi phản ánh" in html


def test_muted_user_sees_why(fb, clock):
    from civic.comments.models import Mute

    Mute.objects.create(user=fb.reporter, area=fb.commune_a, reason="Spam nhiều lần")
    client = client_for(fb.reporter)
    step2 = client.get(url("new"), {"area": fb.group_1.pk, "category": "water"})
    assert "Spam nhiều lần" in step2.content.decode()
    response = client.post(url("new"), form_data(fb))
    assert response.status_code == 400 and "Spam nhiều lần" in response.content.decode()
    assert not Report.objects.exists()


def test_lists_and_filters(fb, clock):
    a = make_report(fb.reporter, fb.group_1, title="Đèn hỏng tổ 1")
    clock.advance(minutes=2)
    b = make_report(fb.reporter, fb.group_2, title="Rác tổ 2", category="environment")
    clock.advance(minutes=2)
    c = make_report(fb.reporter, fb.group_b, title="Đường xã B", category="traffic")
    actions.accept_report(fb.editor_a, a)
    client = Client()
    html = client.get(url("area", fb.commune_a.pk)).content.decode()
    assert a.title in html and b.title in html and c.title not in html
    html = client.get(url("area", fb.group_1.pk)).content.decode()
    assert a.title in html and b.title not in html
    html = client.get(
        url("area", fb.commune_a.pk), {"status": "accepted"}
    ).content.decode()
    assert a.title in html and b.title not in html
    html = client.get(url("list"), {"category": "traffic"}).content.decode()
    assert c.title in html and a.title not in html
    clock.advance(days=10)
    html = client.get(url("list"), {"period": "7"}).content.decode()
    assert "Không có phản ánh nào phù hợp." in html
    assert client.get(url("list"), {"status": "nonsense"}).status_code == 200
    assert client.get(url("area", 999999)).status_code == 404


def test_area_page_links_to_its_feedback(fb):
    html = Client().get(fb.group_1.url).content.decode()
    assert url("area", fb.group_1.pk) in html


def test_statistics_page(fb, clock):
    report = make_report(fb.reporter, fb.group_1)
    actions.accept_report(fb.editor_a, report)
    actions.post_progress(fb.editor_a, report, "Đang xử lý")
    actions.resolve_report(fb.editor_a, report, "Xong")
    actions.rate_report(fb.reporter, report, 4)
    response = Client().get(url("stats", fb.commune_a.pk, lang="en"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html and "lighting and electricity" in html.lower()
    assert "4.0/5" in html and "100%" in html


def test_handlers_queue_late_first_then_by_deadline(fb, clock, settings):
    from datetime import timedelta

    settings.FEEDBACK_REPORT_INTERVAL = timedelta(0)
    clock.set(at(day(0), 8))
    old = make_report(fb.reporter, fb.group_1, title="Cũ quá hạn")
    clock.set(at(day(2), 8))
    urgent = make_report(fb.reporter, fb.group_1, title="Khẩn", urgent=True)
    actions.accept_report(fb.editor_a, urgent)  # due 12:30 today
    normal = make_report(fb.reporter, fb.group_2, title="Bình thường")  # due tomorrow
    make_report(fb.reporter, fb.group_b, title="Xã B")
    html = client_for(fb.editor_a).get(url("queue")).content.decode()
    positions = [html.index(t) for t in (old.title, urgent.title, normal.title)]
    assert positions == sorted(positions)
    assert "Xã B" not in html
    assert client_for(fb.other).get(url("queue")).status_code == 403
    assert client_for(fb.leader_1).get(url("queue")).status_code == 403


def test_handler_buttons(fb, clock):
    report = make_report(fb.reporter, fb.group_1)
    editor = client_for(fb.editor_a)
    page = editor.get(url("report", report.pk)).content.decode()
    assert url("accept", report.pk) in page
    assert (
        url("accept", report.pk)
        not in client_for(fb.other).get(url("report", report.pk)).content.decode()
    )
    assert client_for(fb.editor_b).post(url("accept", report.pk)).status_code == 403
    assert client_for(fb.other).post(url("accept", report.pk)).status_code == 403
    assert editor.post(url("accept", report.pk)).status_code == 302
    response = editor.post(url("resolve", report.pk), {"answer": "Xong"}, follow=True)
    assert "không thể chuyển" in response.content.decode()
    editor.post(url("progress", report.pk), {"message": "Đã cử người"})
    response = editor.post(
        url("resolve", report.pk),
        {"answer": "Đã thông cống", "photos": [upload(data=jpeg_bytes())]},
    )
    report.refresh_from_db()
    assert report.status == Status.RESOLVED
    assert Photo.objects.filter(update__report=report).count() == 1
    response = editor.post(url("resolve", report.pk), {"answer": ""}, follow=True)
    assert response.status_code == 200


def test_rate_and_reopen_through_the_page(fb, clock):
    report = make_report(fb.reporter, fb.group_1)
    actions.accept_report(fb.editor_a, report)
    actions.post_progress(fb.editor_a, report, "Đang xử lý")
    actions.resolve_report(fb.editor_a, report, "Đã sửa")
    reporter = client_for(fb.reporter)
    page = reporter.get(url("report", report.pk)).content.decode()
    assert url("rate", report.pk) in page and url("reopen", report.pk) in page
    assert (
        url("rate", report.pk)
        not in client_for(fb.other).get(url("report", report.pk)).content.decode()
    )
    response = reporter.post(url("rate", report.pk), {"rating": "9"}, follow=True)
    assert messages_of(response) == ["Vui lòng chọn mức đánh giá từ 1 đến 5 sao."]
    report.refresh_from_db()
    assert report.rating is None
    # someone else's forged button: a 403 that says why (in Vietnamese), no change
    response = client_for(fb.other).post(url("rate", report.pk), {"rating": "1"})
    assert response.status_code == 403
    assert (
        "Chỉ người gửi phản ánh mới được đánh giá kết quả trả lời."
        in response.content.decode()
    )
    response = reporter.post(url("rate", report.pk), {"rating": "3"}, follow=True)
    assert messages_of(response) == ["Cảm ơn bạn đã đánh giá."]
    report.refresh_from_db()
    assert report.rating == 3
    response = client_for(fb.other).post(url("reopen", report.pk), {"reason": "Chưa"})
    assert response.status_code == 403
    assert (
        "Chỉ người gửi phản ánh mới được mở lại phản ánh." in response.content.decode()
    )
    report.refresh_from_db()
    assert report.status == Status.RESOLVED
    response = reporter.post(url("reopen", report.pk), {"reason": "Vẫn còn tắc"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.IN_PROGRESS and report.reopened


def test_public_list_costs_fixed_queries(
    fb, clock, django_assert_max_num_queries, settings
):
    from datetime import timedelta

    settings.FEEDBACK_REPORT_INTERVAL = timedelta(0)
    settings.FEEDBACK_REPORTS_PER_DAY = 100
    client = Client()
    make_report(fb.reporter, fb.group_1)
    with django_assert_max_num_queries(12) as few:
        client.get(url("area", fb.commune_a.pk))
    for i in range(15):
        make_report(fb.reporter, fb.group_1, title=f"Phản ánh {i}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url("area", fb.commune_a.pk))


def test_report_page_costs_fixed_queries(fb, clock, django_assert_max_num_queries):
    report = make_report(fb.reporter, fb.group_1)
    actions.accept_report(fb.editor_a, report)
    client = Client()
    with django_assert_max_num_queries(30) as few:
        client.get(url("report", report.pk))
    for i in range(10):
        actions.post_progress(fb.editor_a, report, f"Cập nhật {i}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url("report", report.pk))


def test_admin_lists_are_limited_to_the_editors_commune(fb):
    from civic.feedback.models import HandlingUnit

    HandlingUnit.objects.create(area=fb.commune_a, name="Công an phường A")
    HandlingUnit.objects.create(area=fb.commune_b, name="Công an xã B")
    html = client_for(fb.editor_a).get("/quan-tri/phan-anh/don-vi/").content.decode()
    assert "Công an phường A" in html and "Công an xã B" not in html
    unit_a = HandlingUnit.objects.get(area=fb.commune_a)
    unit_b = HandlingUnit.objects.get(area=fb.commune_b)
    editor = client_for(fb.editor_a)
    edit = "/quan-tri/phan-anh/don-vi/edit/{}/"
    assert editor.get(edit.format(unit_a.pk)).status_code == 200
    assert editor.get(edit.format(unit_b.pk)).status_code == 404
    assert_refused_by_admin(client_for(fb.leader_1).get("/quan-tri/phan-anh/don-vi/"))


def test_editors_add_units_only_in_their_commune(fb):
    from civic.feedback.models import HandlingUnit

    editor = client_for(fb.editor_a)
    form = editor.get("/quan-tri/phan-anh/don-vi/new/").content.decode()
    assert "Phường A" in form and "Xã B" not in form
    response = editor.post(
        "/quan-tri/phan-anh/don-vi/new/",
        {"area": fb.commune_b.pk, "name": "Công an xã B", "is_active": "on"},
    )
    assert response.status_code == 200  # the form again, with an error
    assert not HandlingUnit.objects.exists()
    editor.post(
        "/quan-tri/phan-anh/don-vi/new/",
        {"area": fb.commune_a.pk, "name": "Đội quản lý đô thị", "is_active": "on"},
    )
    assert HandlingUnit.objects.get().area == fb.commune_a


def test_area_page_link_on_the_commune_and_nav(fb):
    html = Client().get(fb.commune_a.url).content.decode()
    assert url("area", fb.commune_a.pk) in html and url("list") in html
