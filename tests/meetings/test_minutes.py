"""Minutes: the review (leader submits, editor approves or sends back with a reason,
notifications), tallies, read-only once published, corrections as new revisions."""

import pytest
from django.db import IntegrityError, transaction

from civic.core.errors import ActionRefused
from civic.meetings import actions
from civic.meetings.models import AgendaRecord, Minutes, MinutesLocked, MinutesStatus

from .conftest import schedule, sign_in


def write(tree, meeting, user=None, **records):
    items = list(meeting.agenda_items.all())
    default = {
        items[0].pk: {
            "discussion": "Các hộ thống nhất làm vào Chủ nhật.",
            "decision": "Tổng vệ sinh ngày 7/12.",
            "for": 4,
            "against": 0,
            "abstain": 0,
        }
    }
    return actions.save_minutes(
        user or tree.leader_1,
        meeting,
        "Nguyễn Văn An",
        "Trần Thị Bình",
        records or default,
    )


def published(tree, meeting):
    minutes = write(tree, meeting)
    actions.submit_minutes(tree.leader_1, minutes)
    return actions.approve_minutes(tree.editor_a, minutes)


def test_review_flow_with_notifications(tree, people, held):
    minutes = write(tree, held)
    assert minutes.status == MinutesStatus.DRAFT
    assert (minutes.households_represented, minutes.households_total) == (4, 7)
    assert minutes.guests_count == 2
    actions.submit_minutes(tree.leader_1, minutes)
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.SUBMITTED
    # the editor of the commune is told; the other commune's is not
    assert tree.editor_a.notifications.filter(url__contains=f"/{held.pk}/").exists()
    assert not tree.editor_b.notifications.exists()
    # sent back with a reason
    with pytest.raises(ActionRefused, match="Give a reason"):
        actions.reject_minutes(tree.editor_a, minutes, "  ")
    actions.reject_minutes(tree.editor_a, minutes, "Thiếu tên thư ký")
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.DRAFT
    assert minutes.rejection_reason == "Thiếu tên thư ký"
    assert tree.leader_1.notifications.filter(
        message__contains="Thiếu tên thư ký"
    ).exists()
    # written again, submitted, approved
    minutes = write(tree, held)
    actions.submit_minutes(tree.leader_1, minutes)
    actions.approve_minutes(tree.editor_a, minutes)
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.PUBLISHED
    assert minutes.published_at is not None
    assert minutes.rejection_reason == ""
    assert (
        tree.leader_1.notifications.filter(message__contains="approved").count()
        + (tree.leader_1.notifications.filter(message__contains="duyệt").count())
        == 1
    )


def test_submitted_minutes_cannot_be_edited_nor_attendance_changed(tree, people, held):
    minutes = write(tree, held)
    actions.submit_minutes(tree.leader_1, minutes)
    with pytest.raises(ActionRefused, match="wait for review"):
        write(tree, held)
    with pytest.raises(ActionRefused, match="wait for review"):
        actions.record_attendance(tree.leader_1, held, [])
    assert held.attendances.count() == 4


def test_tallies_checks(tree, people, held):
    item = held.agenda_items.first()
    with pytest.raises(ActionRefused, match="only 4 were represented"):
        write(tree, held, **{str(item.pk): {"for": 3, "against": 2, "abstain": 0}})
    with pytest.raises(ActionRefused, match="whole numbers"):
        write(tree, held, **{str(item.pk): {"for": -1, "against": 0}})
    with pytest.raises(ActionRefused, match="whole numbers"):
        write(tree, held, **{str(item.pk): {"for": "nhiều"}})
    assert not Minutes.objects.exists()
    minutes = write(tree, held, **{str(item.pk): {"for": 2, "against": ""}})
    record = minutes.records.get()
    assert (record.votes_for, record.votes_against, record.votes_abstain) == (2, 0, 0)
    assert record.outcome is False  # 2 of 7 households


def test_database_checks_on_tallies(tree, people, held):
    minutes = write(tree, held)
    item = held.agenda_items.last()
    for votes in (
        {"votes_for": -1, "votes_against": 0, "votes_abstain": 0},
        {"votes_for": 1, "votes_against": None, "votes_abstain": 0},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            AgendaRecord.objects.create(minutes=minutes, agenda_item=item, **votes)


def test_other_meetings_items_and_polls_are_refused(tree, people, held):
    other = schedule(tree, user=tree.leader_2, area=tree.group_2)
    with pytest.raises(ActionRefused, match="not on the meeting's agenda"):
        write(tree, held, **{str(other.agenda_items.first().pk): {"decision": "x"}})
    with pytest.raises(ActionRefused, match="household decision poll"):
        write(tree, held, **{str(held.agenda_items.first().pk): {"poll": 999999}})


def test_published_minutes_are_read_only(tree, people, held, client):
    minutes = published(tree, held)
    # the action refuses
    with pytest.raises(ActionRefused, match="write a correction"):
        write(tree, held)
    # the model refuses a direct save, and so do the records
    minutes.chair = "Người khác"
    with pytest.raises(MinutesLocked):
        minutes.save()
    record = AgendaRecord.objects.get(minutes=minutes)
    record.decision = "Sửa lén"
    with pytest.raises(MinutesLocked):
        record.save()
    # the editor page does not open, a forged POST changes nothing
    sign_in(client, tree.leader_1)
    response = client.get(f"/en/cuoc-hop/{held.pk}/bien-ban/", follow=True)
    assert "to change them, write a correction" in response.content.decode()
    client.post(
        f"/en/cuoc-hop/{held.pk}/bien-ban/",
        {"chair": "X", "secretary": "Y"},
    )
    minutes.refresh_from_db()
    assert minutes.chair == "Nguyễn Văn An"
    assert AgendaRecord.objects.get(pk=record.pk).decision == "Tổng vệ sinh ngày 7/12."


def test_a_correction_is_a_new_revision_with_a_visible_note(tree, people, held, client):
    first = published(tree, held)
    with pytest.raises(ActionRefused, match="Say what the correction changes"):
        actions.start_correction(tree.leader_1, held, "")
    draft = actions.start_correction(
        tree.leader_1, held, "Sửa ngày tổng vệ sinh từ 7/12 thành 14/12."
    )
    assert (draft.revision, draft.status) == (2, MinutesStatus.DRAFT)
    assert draft.records.get().decision == "Tổng vệ sinh ngày 7/12."
    with pytest.raises(ActionRefused, match="already being written"):
        actions.start_correction(tree.leader_1, held, "Lần nữa")
    item = held.agenda_items.first()
    actions.save_minutes(
        tree.leader_1,
        held,
        "Nguyễn Văn An",
        "Trần Thị Bình",
        {item.pk: {"decision": "Tổng vệ sinh ngày 14/12.", "for": 4, "against": 0}},
    )
    # while the correction is reviewed, the first version stays published
    html = client.get(f"/en/cuoc-hop/{held.pk}/").content.decode()
    assert "7/12" in html and "14/12" not in html
    actions.submit_minutes(tree.leader_1, draft)
    actions.approve_minutes(tree.editor_a, draft)
    first.refresh_from_db()
    draft.refresh_from_db()
    assert first.status == MinutesStatus.SUPERSEDED
    assert draft.status == MinutesStatus.PUBLISHED
    html = client.get(f"/en/cuoc-hop/{held.pk}/").content.decode()
    assert "Corrected (revision 2):" in html
    assert "Sửa ngày tổng vệ sinh từ 7/12 thành 14/12." in html
    assert "Tổng vệ sinh ngày 14/12." in html
    # the earlier version stays readable, and unchanged
    response = client.get(f"/en/cuoc-hop/{held.pk}/bien-ban/in/?revision=1")
    assert "Tổng vệ sinh ngày 7/12." in response.content.decode()
    assert first.records.get().decision == "Tổng vệ sinh ngày 7/12."


def test_a_correction_needs_a_note_in_the_database(tree, people, held):
    first = published(tree, held)
    with pytest.raises(IntegrityError), transaction.atomic():
        Minutes.objects.create(
            meeting=held,
            revision=2,
            chair="a",
            secretary="b",
            households_total=7,
            households_represented=4,
        )
    # and one published revision per meeting
    with pytest.raises(IntegrityError), transaction.atomic():
        Minutes.objects.filter(pk=first.pk).update(status="draft", published_at=None)
        Minutes.objects.create(
            meeting=held,
            revision=3,
            chair="a",
            secretary="b",
            households_total=7,
            households_represented=4,
            correction_note="x",
            status="published",
        )
        Minutes.objects.create(
            meeting=held,
            revision=4,
            chair="a",
            secretary="b",
            households_total=7,
            households_represented=4,
            correction_note="x",
        )


def test_review_through_the_site(tree, people, held, client):
    sign_in(client, tree.leader_1)
    item = held.agenda_items.first()
    response = client.post(
        f"/cuoc-hop/{held.pk}/bien-ban/",
        {
            "chair": "Nguyễn Văn An",
            "secretary": "Trần Thị Bình",
            f"item-{item.pk}-discussion": "Thảo luận",
            f"item-{item.pk}-decision": "Thống nhất",
            f"item-{item.pk}-for": "5",
            f"item-{item.pk}-against": "0",
            f"item-{item.pk}-abstain": "0",
        },
        follow=True,
    )
    assert (
        "5 households voted but only 4 were represented" in (response.content.decode())
        or "5 hộ biểu quyết nhưng chỉ có 4 hộ dự họp" in response.content.decode()
    )
    assert not Minutes.objects.exists()
    client.post(
        f"/cuoc-hop/{held.pk}/bien-ban/",
        {
            "chair": "Nguyễn Văn An",
            "secretary": "Trần Thị Bình",
            f"item-{item.pk}-decision": "Thống nhất",
            f"item-{item.pk}-for": "4",
        },
    )
    minutes = Minutes.objects.get()
    client.post(f"/cuoc-hop/{held.pk}/bien-ban/gui/")
    minutes.refresh_from_db()
    assert minutes.status == "submitted"
    # the leader cannot approve their own minutes
    response = client.post(f"/en/cuoc-hop/{held.pk}/bien-ban/duyet/", follow=True)
    assert "Only an editor of the commune" in response.content.decode()
    minutes.refresh_from_db()
    assert minutes.status == "submitted"
    # visitors do not see the draft
    client.logout()
    html = client.get(f"/en/cuoc-hop/{held.pk}/").content.decode()
    assert "Thống nhất" not in html
    assert client.get(f"/cuoc-hop/{held.pk}/bien-ban/in/").status_code == 404
    sign_in(client, tree.editor_a)
    html = client.get(f"/en/cuoc-hop/{held.pk}/").content.decode()
    assert "Approve and publish" in html
    client.post(f"/cuoc-hop/{held.pk}/bien-ban/duyet/")
    minutes.refresh_from_db()
    assert minutes.status == "published"
    client.logout()
    html = client.get(f"/en/cuoc-hop/{held.pk}/").content.decode()
    assert "Thống nhất" in html
    assert "Outcome: passed" in html
