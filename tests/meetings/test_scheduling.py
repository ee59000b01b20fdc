"""Scheduling: who may, bad input (end before start, no place), a leader editing
another group's meeting — a clear message and nothing saved."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from civic.core.errors import ActionForbidden, ActionRefused
from civic.meetings import actions
from civic.meetings.models import Meeting

from .conftest import meeting_data, schedule, sign_in


def form_post(area, start=None, **extra):
    start = start or (timezone.localtime() + timedelta(days=2)).replace(
        second=0, microsecond=0
    )
    data = {
        "area": area.pk,
        "title": "Họp tổ dân phố",
        "kind": "regular",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "place": "Nhà văn hóa tổ 1",
        "online_url": "",
        "description": "",
        "agenda-TOTAL_FORMS": "3",
        "agenda-INITIAL_FORMS": "0",
        "agenda-0-title": "Tổng vệ sinh",
        "agenda-1-title": "Quỹ khuyến học",
        "agenda-2-title": "",
    }
    data.update(extra)
    return data


# --- permission matrix ----------------------------------------------------------------

MATRIX = [
    # (user, area, may schedule)
    ("leader_1", "group_1", True),
    ("leader_1", "group_2", False),
    ("leader_1", "commune_a", False),
    ("leader_1", "group_b", False),
    ("editor_a", "commune_a", True),
    ("editor_a", "group_1", True),
    ("editor_a", "group_2", True),
    ("editor_a", "group_b", False),
    ("editor_b", "group_1", False),
    ("helper_a", "group_1", False),
    ("resident", "group_1", False),
    ("admin", "group_b", True),
]


@pytest.mark.parametrize("user, area, allowed", MATRIX)
def test_who_may_schedule(tree, user, area, allowed):
    user, area = getattr(tree, user), getattr(tree, area)
    if allowed:
        meeting = schedule(tree, user=user, area=area)
        assert meeting.area == area and meeting.created_by == user
        assert meeting.agenda_items.count() == 2
    else:
        with pytest.raises(ActionForbidden):
            schedule(tree, user=user, area=area)
        assert not Meeting.objects.exists()


@pytest.mark.parametrize("user, area, allowed", MATRIX)
def test_who_may_edit_record_and_write_minutes(tree, people, user, area, allowed):
    area = getattr(tree, area)
    meeting = schedule(tree, user=tree.admin, area=area, start=timezone.now())
    user = getattr(tree, user)
    operations = [
        lambda: actions.update_meeting(
            user, meeting, meeting_data(start=meeting.starts_at, title="Đổi tên")
        ),
        lambda: actions.record_attendance(user, meeting, []),
        lambda: actions.save_minutes(user, meeting, "Chủ trì", "Thư ký", {}),
    ]
    for operation in operations:
        if allowed:
            operation()
        else:
            with pytest.raises(ActionForbidden):
                operation()
    meeting.refresh_from_db()
    assert (meeting.title == "Đổi tên") is allowed
    assert meeting.minutes_revisions.exists() is allowed


def test_approving_minutes_is_for_the_communes_editors_only(tree, people, held):
    minutes = actions.save_minutes(
        tree.leader_1,
        held,
        "Chủ trì",
        "Thư ký",
        {held.agenda_items.first().pk: {"decision": "Đồng ý"}},
    )
    actions.submit_minutes(tree.leader_1, minutes)
    for user in (tree.leader_1, tree.leader_2, tree.editor_b, tree.helper_a):
        with pytest.raises(ActionForbidden):
            actions.approve_minutes(user, minutes)
        with pytest.raises(ActionForbidden):
            actions.reject_minutes(user, minutes, "Sai")
    minutes.refresh_from_db()
    assert minutes.status == "submitted"
    actions.approve_minutes(tree.editor_a, minutes)
    minutes.refresh_from_db()
    assert minutes.status == "published"


# --- bad input ------------------------------------------------------------------------


def test_end_before_start_is_refused_everywhere(tree, client):
    start = timezone.now() + timedelta(days=1)
    with pytest.raises(ActionRefused, match="end after it starts"):
        schedule(tree, start=start, hours=-1)
    with pytest.raises(ActionRefused, match="end after it starts"):
        schedule(tree, start=start, hours=0)
    # the database refuses it too
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(
            area=tree.group_1,
            title="x",
            starts_at=start,
            ends_at=start - timedelta(minutes=1),
            place="x",
        )
    # the form: a clear message next to the field, nothing saved
    sign_in(client, tree.leader_1)
    data = form_post(tree.group_1)
    data["ends_at"], data["starts_at"] = data["starts_at"], data["ends_at"]
    response = client.post(f"/en/cuoc-hop/khu-vuc/{tree.group_1.pk}/them/", data)
    assert response.status_code == 400
    assert "The meeting must end after it starts." in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_place_or_a_link_is_needed(tree, client):
    with pytest.raises(ActionRefused, match="place of the meeting or its online"):
        schedule(tree, place="", online_url="")
    with pytest.raises(IntegrityError), transaction.atomic():
        start = timezone.now()
        Meeting.objects.create(
            area=tree.group_1,
            title="x",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
        )
    online = schedule(tree, place="", online_url="https://meet.example.vn/to-1")
    assert online.location == "https://meet.example.vn/to-1"
    sign_in(client, tree.leader_1)
    response = client.post(
        f"/cuoc-hop/khu-vuc/{tree.group_1.pk}/them/", form_post(tree.group_1, place="")
    )
    assert response.status_code == 400
    assert "Hãy cho biết địa điểm họp hoặc đường dẫn họp trực tuyến." in (
        response.content.decode()
    )
    assert Meeting.objects.count() == 1


def test_schedule_through_the_form(tree, client):
    sign_in(client, tree.leader_1)
    response = client.get(f"/cuoc-hop/khu-vuc/{tree.group_1.pk}/them/")
    assert response.status_code == 200
    # a leader is offered only their own group
    assert response.context["form"].fields["area"].queryset.get() == tree.group_1
    response = client.post(
        f"/cuoc-hop/khu-vuc/{tree.group_1.pk}/them/", form_post(tree.group_1)
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/cuoc-hop/{meeting.pk}/"
    assert [i.title for i in meeting.agenda_items.all()] == [
        "Tổng vệ sinh",
        "Quỹ khuyến học",
    ]


def test_a_leader_cannot_schedule_for_another_group_through_the_form(tree, client):
    sign_in(client, tree.leader_1)
    response = client.post(
        f"/en/cuoc-hop/khu-vuc/{tree.group_2.pk}/them/", form_post(tree.group_2)
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Meeting.objects.exists()


def test_leader_editing_another_groups_meeting(tree, client):
    meeting = schedule(tree, user=tree.leader_2, area=tree.group_2)
    before = Meeting.objects.filter(pk=meeting.pk).values().get()
    sign_in(client, tree.leader_1)
    # the edit form is not shown: a 403 page that says why
    response = client.get(f"/en/cuoc-hop/{meeting.pk}/sua/")
    assert response.status_code == 403
    html = response.content.decode()
    assert (
        "You can only manage the meetings of the area you are responsible for" in html
    )
    assert "Tổ dân phố 2 is not one of them" in html
    # a forged POST changes nothing
    response = client.post(
        f"/en/cuoc-hop/{meeting.pk}/sua/",
        form_post(tree.group_2, title="Tổ 1 sửa trộm"),
    )
    assert response.status_code == 403
    assert "You can only manage the meetings" in response.content.decode()
    assert Meeting.objects.filter(pk=meeting.pk).values().get() == before
    # nor can they record attendance, write minutes or cancel
    for url in ("diem-danh/", "bien-ban/", "huy/"):
        response = client.post(f"/en/cuoc-hop/{meeting.pk}/{url}", {})
        assert response.status_code == 403, url
        assert "You can only manage the meetings" in response.content.decode()
    assert Meeting.objects.filter(pk=meeting.pk).values().get() == before
    assert not meeting.minutes_revisions.exists()
    # and in Vietnamese
    response = client.get(f"/cuoc-hop/{meeting.pk}/sua/")
    assert response.status_code == 403
    assert "Bạn chỉ có thể quản lý cuộc họp của địa bàn mình phụ trách" in (
        response.content.decode()
    )


def test_leader_cannot_move_own_meeting_to_another_group(tree):
    meeting = schedule(tree)
    with pytest.raises(ActionForbidden):
        actions.update_meeting(
            tree.leader_1, meeting, meeting_data(title="Chuyển"), area=tree.group_2
        )
    meeting.refresh_from_db()
    assert meeting.area == tree.group_1 and meeting.title != "Chuyển"


def test_edit_own_meeting_and_its_agenda(tree, client):
    meeting = schedule(tree)
    first, second = meeting.agenda_items.all()
    sign_in(client, tree.leader_1)
    response = client.get(f"/cuoc-hop/{meeting.pk}/sua/")
    assert response.status_code == 200
    data = form_post(
        tree.group_1,
        title="Họp tổ (dời lịch)",
        **{
            "agenda-INITIAL_FORMS": "2",
            "agenda-0-pk": str(first.pk),
            "agenda-0-title": "Tổng vệ sinh (sửa)",
            "agenda-1-pk": str(second.pk),
            "agenda-1-title": "",
            "agenda-2-title": "Mục mới",
        },
    )
    response = client.post(f"/cuoc-hop/{meeting.pk}/sua/", data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "Họp tổ (dời lịch)"
    assert [(i.pk == first.pk, i.title) for i in meeting.agenda_items.all()] == [
        (True, "Tổng vệ sinh (sửa)"),
        (False, "Mục mới"),
    ]


def test_cancel_tells_those_attending(tree, people, client):
    meeting = schedule(tree)
    actions.set_attendance_intent(people.reps[0], meeting)
    sign_in(client, tree.leader_1)
    client.post(f"/cuoc-hop/{meeting.pk}/huy/")
    meeting.refresh_from_db()
    assert meeting.cancelled
    assert people.reps[0].notifications.filter(url=f"/cuoc-hop/{meeting.pk}/").exists()
    with pytest.raises(ActionRefused):
        actions.set_attendance_intent(people.reps[1], meeting)
