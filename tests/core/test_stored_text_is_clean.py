"""Every action that stores what people type cleans it with ``clean_text``: NUL
(which PostgreSQL refuses in a text column: a 500 there) and the other control
characters are gone, Vietnamese letters typed as combining marks are stored in
NFC, single-line fields have their white space folded.

The actions are called directly (no pages); run under ``scripts/with-postgres`` the
same module proves that PostgreSQL takes what is stored.
"""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from civic.comments import actions as comments
from civic.comments.models import Mute, Report
from civic.directory import actions as directory
from civic.feedback import actions as feedback
from civic.feedback.models import Update
from civic.meetings import actions as meetings
from civic.people import actions as people
from civic.people.models import Household
from civic.polls import actions as polls
from civic.polls.models import MEETING_ITEMS, Choice, ChoiceMeaning, Poll, PollKind
from civic.support import actions as services
from civic.support.models import AssistedSession
from content.models import NewsPage
from realtime import actions as realtime

from ..factories import resident
from ..services.conftest import next_weekday, svc  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db

# "ệ" typed as e + dot below + circumflex (NFD), NUL, other C0 and C1 controls, DEL
LINE = "Đèn\x00 đường\x01\t hỏng\x7f  Vie\u0323\u0302t\x1b\x85 Nam\x9f "
LINE_CLEAN = "Đèn đường hỏng Việt Nam"
TEXT = " Dòng\x00 một\r\ndòng\x08 hai\x0c\rba\x00 "
TEXT_CLEAN = "Dòng một\ndòng hai\nba"


def assert_clean(value, expected):
    assert value == expected
    assert "\x00" not in value


@pytest.fixture
def residents(tree):
    return [resident(f"Cư dân {i}", f"091300{i:04d}", tree.group_1) for i in range(4)]


def test_comments_bodies_report_texts_hide_and_mute_reasons(tree, residents):
    r1, r2, r3, _r4 = residents
    page = NewsPage(title="Tổng vệ sinh", slug="tong-ve-sinh", intro="Chủ nhật")
    tree.group_1.add_child(instance=page)
    page.save_revision().publish()
    comment = comments.post_comment(r1, page, TEXT)
    assert_clean(comment.body, TEXT_CLEAN)
    report = comments.report(r2, comment, "other", LINE)
    assert_clean(Report.objects.get(pk=report.pk).text, LINE_CLEAN)
    comments.hide(tree.leader_1, comment, LINE)
    comment.refresh_from_db()
    assert_clean(comment.hidden_reason, LINE_CLEAN)
    mute = comments.mute_user(tree.editor_a, r3, tree.group_1, "1d", LINE)
    assert_clean(Mute.objects.get(pk=mute.pk).reason, LINE_CLEAN)


def test_channel_topic_titles_messages_and_hide_reasons(tree, residents):
    topic = realtime.open_topic(tree.leader_1, tree.group_1, LINE)
    topic.refresh_from_db()
    assert_clean(topic.title, LINE_CLEAN)
    message = realtime.post_message(residents[0], topic, TEXT)
    message.refresh_from_db()
    assert_clean(message.body, TEXT_CLEAN)
    realtime.hide_message(tree.leader_1, message, LINE)
    message.refresh_from_db()
    assert_clean(message.hidden_reason, LINE_CLEAN)


def test_feedback_reports_and_their_updates(tree, residents):
    report = feedback.submit_report(
        residents[0],
        tree.group_1,
        category="lighting",
        title=LINE,
        description=TEXT,
        address=LINE,
    )
    report.refresh_from_db()
    assert_clean(report.title, LINE_CLEAN)
    assert_clean(report.description, TEXT_CLEAN)
    assert_clean(report.address, LINE_CLEAN)
    feedback.set_public(tree.editor_a, report, False, TEXT)
    assert_clean(Update.objects.filter(report=report).last().message, TEXT_CLEAN)


def test_poll_meeting_result_notes(tree, residents):
    now = timezone.now()
    poll = Poll.objects.create(
        area=tree.group_1,
        kind=PollKind.HOUSEHOLD,
        legal_basis=min(MEETING_ITEMS),
        title="Làm đường bê tông",
        opens_at=now - timedelta(days=2),
        closes_at=now - timedelta(hours=1),
    )
    yes = Choice.objects.create(
        poll=poll, label="Đồng ý", meaning=ChoiceMeaning.APPROVE
    )
    polls.record_meeting_result(tree.leader_1, poll, 3, {yes.pk: 3}, note=TEXT)
    poll.refresh_from_db()
    assert_clean(poll.result.note, TEXT_CLEAN)


def test_meetings_and_minutes(tree, residents):
    start = timezone.now() - timedelta(hours=1)
    meeting = meetings.schedule_meeting(
        tree.leader_1,
        tree.group_1,
        {
            "title": LINE,
            "kind": "regular",
            "starts_at": start,
            "ends_at": start + timedelta(hours=2),
            "place": LINE,
            "online_url": "",
            "description": TEXT,
        },
        [{"title": LINE}],
    )
    meeting.refresh_from_db()
    assert_clean(meeting.title, LINE_CLEAN)
    assert_clean(meeting.place, LINE_CLEAN)
    assert_clean(meeting.description, TEXT_CLEAN)
    assert_clean(meeting.agenda_items.get().title, LINE_CLEAN)
    homes = Household.objects.filter(area=tree.group_1)
    meetings.record_attendance(tree.leader_1, meeting, [h.pk for h in homes], 1, TEXT)
    meeting.refresh_from_db()
    assert_clean(meeting.guests, TEXT_CLEAN)
    minutes = meetings.save_minutes(
        tree.leader_1, meeting, LINE, LINE, records={}, summary=TEXT
    )
    minutes.refresh_from_db()
    assert_clean(minutes.chair, LINE_CLEAN)
    assert_clean(minutes.secretary, LINE_CLEAN)
    assert_clean(minutes.summary, TEXT_CLEAN)


def test_accounts_households_and_residency_reasons(tree):
    user = people.register_user(
        LINE, "mật-khẩu-dài-12", phone="0913777001", consent_text="Đồng ý"
    )
    user.refresh_from_db()
    assert_clean(user.full_name, LINE_CLEAN)
    residency = people.request_residency(user, tree.group_1, address=LINE)
    assert_clean(residency.household.address, LINE_CLEAN)
    people.reject_residency(tree.leader_1, residency, TEXT)
    residency.refresh_from_db()
    assert_clean(residency.reason, TEXT_CLEAN)


def test_business_directory_proposals_and_rejections(tree, residents):
    business = directory.submit_business(
        residents[0], LINE, LINE, "0905 000 111", opening_hours=LINE, address=LINE
    )
    business.refresh_from_db()
    for value in (business.name, business.offers, business.opening_hours):
        assert_clean(value, LINE_CLEAN)
    directory.reject_business(tree.editor_a, business, LINE)
    business.refresh_from_db()
    assert_clean(business.rejection_reason, LINE_CLEAN)


def test_appointments_and_assisted_sessions(tree, svc):  # noqa: F811
    monday = next_weekday(0)
    nine, ten = time(9), time(10)
    appointment = services.request_appointment(
        tree.resident, svc.point_a, monday, nine, LINE
    )
    appointment.refresh_from_db()
    assert_clean(appointment.need, LINE_CLEAN)
    services.propose_slot(tree.helper_a, appointment, monday, ten, note=LINE)
    appointment.refresh_from_db()
    assert_clean(appointment.note, LINE_CLEAN)
    services.cancel_appointment(tree.helper_a, appointment, TEXT)
    appointment.refresh_from_db()
    assert_clean(appointment.note, "Dòng một dòng hai ba")  # one line
    services.record_session(tree.helper_a, svc.point_a, TEXT, True, resident_name=LINE)
    session = AssistedSession.objects.get()
    assert_clean(session.done, TEXT_CLEAN)
    assert_clean(session.resident_name, LINE_CLEAN)


def test_uploaded_document_title_from_a_file_name(tree):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from civic.meetings.forms import make_document

    upload = SimpleUploadedFile(
        "Bie\u0302n ba\u0309n\x00\x07 ho\u0323p.pdf", b"%PDF-1.4"
    )
    document = make_document(upload, "", tree.leader_1, tree.group_1)
    assert_clean(document.title, "Biên bản họp.pdf")
    titled = make_document(upload, LINE, tree.leader_1, tree.group_1)
    assert_clean(titled.title, LINE_CLEAN)
