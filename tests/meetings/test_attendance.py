"""Attendance: only the households of the meeting's area; the checklist form;
residents saying they will attend and the expected count."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from civic.core.errors import ActionForbidden, ActionRefused
from civic.meetings import actions
from civic.meetings.models import AttendanceIntent, HouseholdAttendance

from .conftest import schedule, sign_in


def present(meeting):
    return set(meeting.attendances.values_list("household_id", flat=True))


def test_households_of_another_group_are_refused(tree, people, held):
    before = present(held)
    for stranger in (people.h_other, people.h_far, people.h_empty):
        with pytest.raises(ActionRefused, match="Only the households of Tổ dân phố 1"):
            actions.record_attendance(
                tree.leader_1, held, [people.households[0].pk, stranger.pk]
            )
    assert present(held) == before  # nothing saved, not even the valid one


def test_model_validation_says_the_same(tree, people, held):
    row = HouseholdAttendance(meeting=held, household=people.h_other)
    with pytest.raises(ValidationError, match="Only the households of the meeting"):
        row.full_clean()
    HouseholdAttendance(meeting=held, household=people.households[6]).full_clean()


def test_one_row_per_household_and_meeting(tree, people, held):
    with pytest.raises(IntegrityError), transaction.atomic():
        HouseholdAttendance.objects.create(meeting=held, household=people.households[0])


def test_the_checklist_replaces_the_set(tree, people, held):
    h = people.households
    figures = actions.record_attendance(
        tree.leader_1, held, [h[2].pk, h[5].pk, h[6].pk]
    )
    assert present(held) == {h[2].pk, h[5].pk, h[6].pk}
    assert figures["households_represented"] == 3
    assert figures["quorum"] is False


def test_bad_numbers_are_refused(tree, people, held):
    with pytest.raises(ActionRefused):
        actions.record_attendance(tree.leader_1, held, ["abc"])
    with pytest.raises(ActionRefused):
        actions.record_attendance(tree.leader_1, held, [], guests_count=-1)
    assert len(present(held)) == 4


def test_not_before_the_meeting(tree, people):
    meeting = schedule(tree, start=timezone.now() + timedelta(days=1))
    with pytest.raises(ActionRefused, match="once the meeting begins"):
        actions.record_attendance(tree.leader_1, meeting, [people.households[0].pk])


def test_checklist_form_on_the_site(tree, people, held, client):
    sign_in(client, tree.leader_1)
    response = client.get(f"/cuoc-hop/{held.pk}/diem-danh/")
    html = response.content.decode()
    assert response.status_code == 200
    # every living household of the group, and no other
    for h in people.households:
        assert f'value="{h.pk}"' in html
    for h in (people.h_other, people.h_far, people.h_empty):
        assert f'value="{h.pk}"' not in html
    h = people.households
    response = client.post(
        f"/en/cuoc-hop/{held.pk}/diem-danh/",
        {
            "households": [h[0].pk, h[1].pk, h[2].pk, h[3].pk, h[4].pk],
            "guests_count": 1,
        },
        follow=True,
    )
    assert "5 of 7 households represented" in response.content.decode()
    assert len(present(held)) == 5
    # a forged household of another group: the form refuses it, nothing changes
    response = client.post(
        f"/en/cuoc-hop/{held.pk}/diem-danh/",
        {"households": [h[0].pk, people.h_other.pk], "guests_count": 0},
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert len(present(held)) == 5


def test_meeting_page_shows_figures_and_quorum(tree, people, held, client):
    html = client.get(f"/en/cuoc-hop/{held.pk}/").content.decode()
    assert "Households represented: 4 of 7 (57.1 %)." in html
    assert "Quorum: yes" in html
    actions.record_attendance(tree.leader_1, held, [people.households[0].pk])
    html = client.get(f"/en/cuoc-hop/{held.pk}/").content.decode()
    assert "Households represented: 1 of 7" in html
    assert "Quorum: no — at least 4 households are needed." in html


def test_residents_say_they_will_attend(tree, people, client):
    meeting = schedule(tree)
    sign_in(client, people.reps[0])
    html = client.get(f"/en/cuoc-hop/{meeting.pk}/").content.decode()
    assert "I will attend" in html
    client.post(f"/cuoc-hop/{meeting.pk}/tham-du/", {"attending": "1"})
    client.post(f"/cuoc-hop/{meeting.pk}/tham-du/", {"attending": "1"})  # once only
    sign_in(client, people.member)
    client.post(f"/cuoc-hop/{meeting.pk}/tham-du/", {"attending": "1"})
    assert AttendanceIntent.objects.filter(meeting=meeting).count() == 2
    # a resident of another group cannot
    sign_in(client, people.rep_other)
    response = client.post(
        f"/en/cuoc-hop/{meeting.pk}/tham-du/", {"attending": "1"}, follow=True
    )
    assert "Only verified residents of Tổ dân phố 1" in response.content.decode()
    assert AttendanceIntent.objects.filter(meeting=meeting).count() == 2
    # the leader sees the expected count; residents do not
    sign_in(client, tree.leader_1)
    html = client.get(f"/en/cuoc-hop/{meeting.pk}/").content.decode()
    assert "2 residents said they will attend." in html
    sign_in(client, people.reps[0])
    html = client.get(f"/en/cuoc-hop/{meeting.pk}/").content.decode()
    assert "said they will attend." not in html
    assert "You said you will attend." in html
    client.post(f"/cuoc-hop/{meeting.pk}/tham-du/", {"attending": "0"})
    assert AttendanceIntent.objects.filter(meeting=meeting).count() == 1


def test_one_intent_per_user_in_the_database(tree, people):
    meeting = schedule(tree)
    AttendanceIntent.objects.create(meeting=meeting, user=people.reps[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        AttendanceIntent.objects.create(meeting=meeting, user=people.reps[0])


def test_commune_dialogue_is_open_to_every_group(tree, people):
    meeting = schedule(tree, user=tree.editor_a, area=tree.commune_a, kind="dialogue")
    assert actions.set_attendance_intent(people.rep_other, meeting) is True
    with pytest.raises(ActionForbidden):
        actions.set_attendance_intent(people.rep_far, meeting)
