"""Personal-data rights (issue 20): the registry, the download, deleting an account
(what remains, and that nothing personal remains), requests the commune answers,
retention, the privacy notice and the audit log."""

import io
import json
import zipfile
from datetime import date, time, timedelta

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone, translation
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from civic.comments.models import Comment
from civic.comments.models import Report as CommentReport
from civic.feedback.models import Category, Photo
from civic.feedback.models import Report as FeedbackReport
from civic.people import notifications as told
from civic.people import personal_data, rights
from civic.people.actions import grant_role, notify, register_user
from civic.people.models import (
    ConsentRecord,
    DataExport,
    DataRequest,
    ExportStatus,
    Follow,
    Household,
    PrivacyNotice,
    RequestKind,
    RequestStatus,
    Residency,
    RoleKind,
    SignIn,
    User,
)
from civic.people.tasks import run_queued_tasks
from civic.polls.actions import cast_ballot
from civic.polls.models import Ballot, Participation
from civic.support.models import Appointment
from realtime.models import Channel, ChannelKind, Message
from tests.conftest import PASSWORD, make_user
from tests.polls.conftest import make_poll
from tests.services.conftest import OFFICE_HOURS, make_point

from .conftest import url, verified_home

NAME = "Trần Thị Xóa Dữliệu"
PHONE = "0905999111"
EMAIL = "xoa.du.lieu@example.vn"


def _needles(user_phone="+84905999111"):
    """Every spelling of the person that must not remain."""
    values = [NAME, PHONE, user_phone, "0905 999 111", EMAIL]
    return values + [json.dumps(v)[1:-1] for v in values if json.dumps(v)[1:-1] != v]


@pytest.fixture
def person(tree, settings):
    """A verified resident who did a bit of everything."""
    user = make_user(NAME, PHONE, EMAIL)
    home = verified_home(tree.group_1, "99 Đường Riêng", user)
    tree.person, tree.home = user, home
    tree.neighbour = make_user("Hàng Xóm", "0905999222")
    verified_home(tree.group_1, "100 Đường Riêng", tree.neighbour)
    area_type = ContentType.objects.get_for_model(tree.group_1)
    # a comment others replied to, and a report of someone else's comment
    tree.comment = Comment.objects.create(
        content_type=area_type,
        object_id=tree.group_1.pk,
        area=tree.group_1,
        author=user,
        body="Tôi đồng ý với đề xuất.",
    )
    tree.reply = Comment.objects.create(
        content_type=area_type,
        object_id=tree.group_1.pk,
        area=tree.group_1,
        author=tree.neighbour,
        parent=tree.comment,
        body="Cảm ơn chị.",
    )
    CommentReport.objects.create(
        content_type=ContentType.objects.get_for_model(Comment),
        object_id=tree.reply.pk,
        area=tree.group_1,
        reporter=user,
        reason="spam",
    )
    # a feedback report with a photo
    from civic.feedback.actions import submit_report

    tree.report = submit_report(
        user,
        tree.group_1,
        category=Category.LIGHTING,
        title="Đèn đường hỏng",
        description="Đèn không sáng.",
        address="Đầu hẻm 99",
    )
    photo = Photo(report=tree.report, width=1, height=1)
    photo.image.save("x.jpg", ContentFile(b"jpeg"), save=True)
    tree.photo_name = photo.image.name
    # a channel message
    channel = Channel.objects.create(
        area=tree.group_1, kind=ChannelKind.TOPIC, title="Kênh tổ 1", created_by=user
    )
    tree.message = Message.objects.create(
        channel=channel, author=user, body="Chào cả tổ"
    )
    # an open and a secret ballot
    tree.open_poll = make_poll(tree.group_1, title="Ngày vệ sinh", secret=False)
    tree.secret_poll = make_poll(tree.group_1, title="Bầu tổ trưởng", secret=True)
    cast_ballot(user, tree.open_poll, [tree.open_poll.choices.get(label="A").pk])
    cast_ballot(user, tree.secret_poll, [tree.secret_poll.choices.get(label="B").pk])
    # an appointment
    point = make_point(
        tree.commune_a, "Điểm hỗ trợ", 12.2, 109.2, OFFICE_HOURS, helpers=[user]
    )
    Appointment.objects.create(
        point=point,
        resident=user,
        date=date.today() + timedelta(days=3),
        slot=time(8, 0),
        need="Làm căn cước",
    )
    # what others were told about the person, and an audit entry naming them
    notify(
        tree.leader_1,
        told.HOUSEHOLD_JOIN_ASKED,
        home,
        actor=user,
        name=NAME,
        address=home.address,
    )
    notify(user, told.WELCOME, user)
    run_queued_tasks()  # its email: a Delivery row
    from civic.people.delivery import set_preference
    from civic.people.models import PushSubscription

    set_preference(user, told.WELCOME.name, "off")
    PushSubscription.objects.create(
        user=user,
        endpoint="https://push.example.net/send/abc",
        p256dh="k",
        auth="a",
        label="Chrome · Android",
    )
    log(user, "kdcdt.user.register", user=user)
    Follow.objects.create(
        user=user, content_type=area_type, object_id=str(tree.group_1.pk)
    )
    SignIn.objects.create(user=user, address="203.0.113.9", user_agent="Firefox")
    ConsentRecord.objects.create(
        user=user, text="Tôi đồng ý", version="2025-1", given_at=timezone.now()
    )
    DataRequest.objects.create(
        user=user,
        commune=tree.commune_a,
        kind=RequestKind.CORRECTION,
        text=f"Sửa tên tôi thành {NAME}",
        due_at=timezone.now() + timedelta(days=10),
    )
    return tree


def test_every_app_contributes_a_section():
    names = {s.name for s in personal_data.sections()}
    for expected in (
        "people.account",
        "people.consents",
        "people.residency",
        "people.roles",
        "people.notifications",
        "people.follows",
        "people.sign_ins",
        "comments.comments",
        "feedback.reports",
        "realtime.messages",
        "polls.participations",
        "support.appointments",
        "meetings.attendance",
    ):
        assert expected in names


def test_export_says_that_i_voted_never_what_in_a_secret_ballot(person):
    data = {s["name"]: s for s in rights.overview(person.person, first=100)}
    votes = {r["poll__title"]: r for r in data["polls.participations"]["rows"]}
    assert votes["Bầu tổ trưởng"]["secret"] is True
    assert votes["Bầu tổ trưởng"]["choices"] == []
    assert votes["Ngày vệ sinh"]["choices"] == ["A"]
    assert data["comments.comments"]["count"] == 1
    assert data["feedback.reports"]["rows"][0]["photos"] == [person.photo_name]
    assert data["people.account"]["rows"][0]["phone"] == "+84905999111"
    # everything is JSON as it is
    json.dumps([s["rows"] for s in data.values()])


def _walk_user_fks(user):
    """{model label: rows} of every row of every model pointing at ``user``."""
    found = {}
    User_ = get_user_model()
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            if (
                getattr(field, "concrete", False)
                and getattr(field, "remote_field", None)
                and field.related_model is User_
                and not field.many_to_many
            ):
                count = model._default_manager.filter(**{field.name: user.pk}).count()
                if count:
                    key = f"{model._meta.label}.{field.name}"
                    found[key] = found.get(key, 0) + count
    return found


def _walk_texts(needles):
    """Every (model, field, pk) whose text holds one of ``needles``."""
    hits = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                lookup = field.name
                queryset = model._default_manager.all()
            elif isinstance(field, models.JSONField):
                lookup = "as_text"
                queryset = model._default_manager.annotate(
                    as_text=Cast(field.name, models.TextField())
                )
            else:
                continue
            for needle in needles:
                for pk in queryset.filter(
                    **{f"{lookup}__icontains": needle}
                ).values_list("pk", flat=True):
                    hits.append((model._meta.label, field.name, pk, needle))
    return hits


def test_deleting_an_account_keeps_what_others_need_and_nothing_personal(
    person, client
):
    user = person.person
    client.force_login(user)  # a sign-in recorded
    rights.request_export(user)
    # the export's task runs now (on_commit does not fire inside the test)
    rights.prepare_export.enqueue(DataExport.objects.get(user=user).pk)
    run_queued_tasks()
    export = DataExport.objects.get(user=user)
    storage = rights.private_storage()
    assert storage.exists(export.file)
    assert _walk_texts(_needles())  # the walk finds the person before
    ballots, participations = Ballot.objects.count(), Participation.objects.count()

    rights.erase_account(user)

    user.refresh_from_db()
    assert user.erased_at is not None and not user.is_active
    assert user.phone is None and user.email == "" and not user.has_usable_password()
    with translation.override("en"):
        assert user.display_name == "a former resident"
    with translation.override("vi"):
        assert user.display_name == "một cư dân cũ"
    # what stays: comments (and the replies to them), the report's history,
    # ballots and participations counted, the household
    assert Comment.objects.get(pk=person.comment.pk).author_id == user.pk
    assert Comment.objects.filter(pk=person.reply.pk).exists()
    assert Message.objects.get(pk=person.message.pk).author_id == user.pk
    report = FeedbackReport.objects.get(pk=person.report.pk)
    assert report.updates.exists()
    assert Ballot.objects.count() == ballots
    assert Participation.objects.count() == participations
    assert Household.objects.filter(pk=person.home.pk, representative=None).exists()
    # what goes: photos (the file too), residency, appointments, the export's file
    assert not Photo.objects.filter(report=report).exists()
    assert not default_storage.exists(person.photo_name)
    assert not storage.exists(export.file)
    assert not Residency.objects.filter(user=user).exists()
    assert not Appointment.objects.filter(resident=user).exists()
    assert not user.support_points.exists()
    # every row still pointing at the account is one that must stay, and names nobody
    allowed = {
        "people.ConsentRecord.user",  # the proof of consent, withdrawn
        "comments.Comment.author",
        "realtime.Message.author",
        "feedback.Report.reporter",
        "feedback.Update.actor",
        "polls.Participation.user",
        "polls.Ballot.voter",  # an open ballot (a secret one has no voter)
        "wagtailcore.ModelLogEntry.user",
        "wagtailcore.PageLogEntry.user",
        "wagtailcore.Revision.user",
    }
    remaining = _walk_user_fks(user)
    assert set(remaining) <= allowed, set(remaining) - allowed
    assert "comments.Comment.author" in remaining
    assert "polls.Participation.user" in remaining
    assert (
        ConsentRecord.objects.filter(user=user, withdrawn_at__isnull=True).count() == 0
    )
    # no text anywhere holds the name, the phone or the email
    assert _walk_texts(_needles()) == []
    # the audit log says it happened
    assert ModelLogEntry.objects.filter(action="kdcdt.data.erase").exists()


def test_a_deleted_account_cannot_sign_in_and_its_phone_registers_again(person, client):
    user = person.person
    rights.erase_account(user)
    assert not client.login(username=PHONE, password=PASSWORD)
    assert not client.login(username=EMAIL, password=PASSWORD)
    again = register_user(NAME, PASSWORD, phone=PHONE, email=EMAIL, consent_text="ok")
    assert again.pk != user.pk and again.phone == "+84905999111"
    assert client.login(username=PHONE, password=PASSWORD)


def test_a_leaders_pages_keep_the_role_as_author(tree):
    from content.models import NewsPage

    grant_role(tree.admin, tree.resident, tree.group_2, RoleKind.GROUP_LEADER)
    page = NewsPage(title="Tin tổ 2", slug="tin-to-2", owner=tree.resident)
    tree.group_2.add_child(instance=page)
    page.save_revision(user=tree.resident).publish()
    rights.erase_account(tree.resident)
    page.refresh_from_db()
    assert page.live and page.owner_id == tree.resident.pk
    with translation.override("vi"):
        shown = page.owner.display_name
    assert "Tổ dân phố 2" in shown and "Cư dân" not in shown
    assert _walk_texts(["cudan@example.vn", "0905000009"]) == []


def test_delete_page_needs_the_password_or_the_phrase(person, client):
    client.force_login(person.person)
    response = client.post(url("data_delete"), {"password": "wrong", "phrase": ""})
    assert response.status_code == 400
    assert User.objects.get(pk=person.person.pk).erased_at is None
    response = client.post(
        url("data_delete"), {"password": "", "phrase": "delete my account"}
    )
    assert response.status_code == 302
    assert User.objects.get(pk=person.person.pk).erased_at is not None
    # signed out
    assert client.get(url("data")).status_code == 302


def test_data_page_download_link_and_zip(person, client, settings):
    user = person.person
    client.force_login(user)
    response = client.get(url("data"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Chào cả tổ" in text  # a channel message, among the first rows
    response = client.post(url("data"), {"action": "export"})
    assert response.status_code == 302
    export = DataExport.objects.get(user=user)
    assert export.status == ExportStatus.PENDING
    rights.prepare_export.enqueue(export.pk)
    run_queued_tasks()
    export.refresh_from_db()
    assert export.status == ExportStatus.READY
    assert user.notifications.filter(kind="people.data_export_ready").exists()
    # not under MEDIA_ROOT: nobody fetches it by URL
    assert str(settings.MEDIA_ROOT) not in str(
        rights.private_storage().path(export.file)
    )
    token = rights.export_token(export)
    response = client.get(url("data_download", token))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = set(archive.namelist())
    assert {"README.txt", "comments.comments.json", "comments.comments.csv"} <= names
    assert json.loads(archive.read("realtime.messages.json"))[0]["body"] == "Chào cả tổ"
    assert "Chào cả tổ" in archive.read("realtime.messages.csv").decode("utf-8-sig")
    assert ModelLogEntry.objects.filter(action="kdcdt.data.download").exists()
    # someone else, a forged or an expired link: nothing
    client.force_login(person.neighbour)
    assert client.get(url("data_download", token)).status_code == 404
    client.force_login(user)
    assert client.get(url("data_download", token + "x")).status_code == 404
    DataExport.objects.filter(pk=export.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert client.get(url("data_download", token)).status_code == 404


def test_a_second_download_waits_for_the_first(person):
    rights.request_export(person.person)
    with pytest.raises(rights.ActionRefused):
        rights.request_export(person.person)


def test_requests_go_to_the_commune_and_come_back_answered(person, client, settings):
    settings.DATA_REQUEST_DEADLINES = {RequestKind.OBJECTION: 5}
    user = person.person
    client.force_login(user)
    response = client.post(
        url("data"), {"kind": "objection", "text": "Đừng gửi email cho tôi."}
    )
    assert response.status_code == 302
    request = DataRequest.objects.get(user=user, kind="objection")
    assert request.commune_id == person.commune_a.pk
    assert (request.due_at - request.created_at) == timedelta(days=5)
    assert person.editor_a.notifications.filter(
        kind="people.data_request_filed"
    ).exists()
    # bad input: a message, not a 500
    response = client.post(url("data"), {"kind": "nonsense", "text": ""})
    assert response.status_code == 400
    # another commune's editor may not answer, nor a leader
    client.force_login(person.editor_b)
    client.post(url("data_answer", request.pk), {"answer": "Không"})
    client.force_login(person.leader_1)
    assert client.get(url("data_requests")).status_code == 403
    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN
    client.force_login(person.editor_a)
    page = client.get(url("data_requests"))
    assert "Đừng gửi email cho tôi." in page.content.decode()
    client.post(url("data_answer", request.pk), {"answer": "Đã ngừng gửi email."})
    request.refresh_from_db()
    assert request.status == RequestStatus.ANSWERED
    assert request.answered_by_id == person.editor_a.pk
    assert user.notifications.filter(kind="people.data_request_answered").exists()
    assert ModelLogEntry.objects.filter(action="kdcdt.data.answer").exists()
    client.force_login(user)
    assert "Đã ngừng gửi email." in client.get(url("data")).content.decode()


def test_a_named_contact_answers_instead_of_the_editors(person, client):
    from civic.people.models import DataProtectionContact

    DataProtectionContact.objects.create(commune=person.commune_a, user=person.helper_a)
    assert rights.answerers(person.commune_a) == [person.helper_a]
    assert not rights.may_answer(person.editor_a, person.commune_a)
    request = DataRequest.objects.get(user=person.person)
    rights.answer_request(person.helper_a, request.pk, "Đã sửa.")
    assert DataRequest.objects.get(pk=request.pk).status == RequestStatus.ANSWERED


def test_reminders_before_the_deadline_once(person):
    request = DataRequest.objects.get(user=person.person)
    assert rights.remind_requests() == 0  # due in 10 days
    DataRequest.objects.filter(pk=request.pk).update(
        due_at=timezone.now() + timedelta(days=1)
    )
    assert rights.remind_requests() == 1
    assert person.editor_a.notifications.filter(kind="people.data_request_due").exists()
    assert rights.remind_requests() == 0


def test_retention_warns_then_anonymises_unverified_inactive_accounts(tree, settings):
    settings.ACCOUNT_RETENTION_MONTHS = 12
    long_ago = timezone.now() - timedelta(days=400)
    idle = make_user("Người Bỏ Quên", "0905777001", date_joined=long_ago)
    active = make_user("Người Mới Vào", "0905777002", date_joined=long_ago)
    User.objects.filter(pk=active.pk).update(last_login=timezone.now())
    verified = make_user("Người Đã Xác Minh", "0905777003", date_joined=long_ago)
    verified_home(tree.group_2, "7 Hẻm", verified)
    old_sign_in = SignIn.objects.create(
        user=active, at=timezone.now() - timedelta(days=91)
    )
    counts = rights.apply_retention()
    assert counts["warned"] == 1 and counts["erased"] == 0
    assert idle.notifications.filter(kind="people.account_retention_warning").exists()
    assert not SignIn.objects.filter(pk=old_sign_in.pk).exists()
    # a month later, still idle: anonymised
    later = timezone.now() + timedelta(days=31)
    counts = rights.apply_retention(now=later)
    assert counts["erased"] == 1
    assert User.objects.get(pk=idle.pk).erased_at is not None
    assert User.objects.get(pk=active.pk).erased_at is None
    assert User.objects.get(pk=verified.pk).erased_at is None


def test_signing_in_after_the_warning_keeps_the_account(tree, client):
    long_ago = timezone.now() - timedelta(days=400)
    idle = make_user("Người Bỏ Quên", "0905777001", date_joined=long_ago)
    rights.apply_retention()
    assert User.objects.get(pk=idle.pk).retention_warned_at is not None
    assert client.login(username="0905777001", password=PASSWORD)
    assert User.objects.get(pk=idle.pk).retention_warned_at is None
    assert SignIn.objects.filter(user=idle).count() == 1


def test_privacy_notice_is_versioned_and_consent_points_to_it(db, client):
    notice = PrivacyNotice.current()
    assert notice is not None
    response = client.get("/quyen-rieng-tu/")
    assert response.status_code == 200
    assert notice.title in response.content.decode()
    user = register_user(
        "Người Đăng Ký", PASSWORD, phone="0905888001", consent_text="x"
    )
    assert ConsentRecord.objects.get(user=user).notice == notice
    newer = PrivacyNotice.objects.create(
        version="2026-2", title="Bản mới", body="Nội dung mới"
    )
    assert PrivacyNotice.current() == newer
    old = client.get(f"/quyen-rieng-tu/{notice.version}/")
    assert old.status_code == 200 and notice.title in old.content.decode()
    assert client.get("/quyen-rieng-tu/khong-co/").status_code == 404


def test_data_care_runs_and_schedules_itself(db, settings):
    from django_tasks_db.models import DBTaskResult

    assert rights.schedule_data_care() is True
    assert rights.schedule_data_care() is False  # one waiting already
    waiting = DBTaskResult.objects.get(task_path__endswith="data_care")
    assert waiting.run_after > timezone.now()


def test_the_care_command_runs_and_schedules(db, capsys):
    from django.core.management import call_command

    call_command("personal_data_care")
    assert '"warned": 0' in capsys.readouterr().out
    call_command("personal_data_care", "--schedule")
    call_command("personal_data_care", "--schedule")
    assert capsys.readouterr().out.split() == ["scheduled", "already", "scheduled"]


def test_bad_input_is_a_message_never_a_500(person, client):
    client.force_login(person.person)
    assert client.get(url("data_download", "x" * 500)).status_code == 404
    assert client.get(url("data_download", "a:b:c")).status_code == 404
    response = client.post(url("data_delete"), {"password": "", "phrase": "xin chào"})
    assert response.status_code == 400
    response = client.post(url("data"), {"kind": "complaint", "text": "x" * 5000})
    assert response.status_code == 400
    client.force_login(person.editor_a)
    response = client.post(url("data_answer", 987654), {"answer": "Được"}, follow=True)
    assert response.status_code == 200
    assert "This request no longer exists." in response.content.decode()
    response = client.post(url("data_answer", 987654), {"answer": ""}, follow=True)
    assert response.status_code == 200
    # a visitor is sent to sign in
    client.logout()
    assert client.get(url("data")).status_code == 302


def test_administrators_see_the_audit_log(person, client):
    rights.erase_account(person.person)
    client.force_login(person.admin)
    response = client.get("/quan-tri/reports/site-history/")
    assert response.status_code == 200
    with translation.override("vi"):
        assert "Đã xóa và ẩn danh tài khoản" in response.content.decode()


def test_a_notice_consent_was_given_under_cannot_change(db):
    from django.core.exceptions import ValidationError

    notice = PrivacyNotice.current()
    notice.body = "Đổi nội dung"
    notice.full_clean()  # nobody consented under it yet
    register_user("Người Đồng Ý", PASSWORD, phone="0905888002", consent_text="x")
    with pytest.raises(ValidationError):
        notice.full_clean()
