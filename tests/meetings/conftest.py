"""Meetings fixtures on top of ``tree``.

group_1: 7 households h1…h7, each with a verified representative; h1 also has a
         verified member who is not its representative. A household "h_empty" whose
         only resident was rejected (it does not count).
group_2: household h_other (verified). group_b (another commune): household h_far.
"""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from civic.meetings import actions
from civic.people.models import Household, ResidencyStatus

from ..factories import People, resident, sign_in  # noqa: F401 (re-exported)


@pytest.fixture(autouse=True)
def _english_messages():
    """Actions called directly speak English here (pages choose by their URL)."""
    with translation.override("en"):
        yield


@pytest.fixture
def people(tree):
    p = People()
    p.households, p.reps = [], []
    for i in range(1, 8):
        h = Household.objects.create(area=tree.group_1, address=f"{i} Hà Ra")
        p.households.append(h)
        p.reps.append(resident(f"Đại diện {i}", f"09130000{i:02d}", h, rep=True))
    p.member = resident("Thành viên", "0913000050", p.households[0])
    p.h_empty = Household.objects.create(area=tree.group_1, address="99 Hà Ra")
    resident("Bị từ chối", "0913000099", p.h_empty, ResidencyStatus.REJECTED)
    p.h_other = Household.objects.create(area=tree.group_2, address="6 Đặng Tất")
    p.rep_other = resident("Đại diện tổ 2", "0913000060", p.h_other, rep=True)
    p.h_far = Household.objects.create(area=tree.group_b, address="7 Thôn Đông")
    p.rep_far = resident("Đại diện thôn", "0913000070", p.h_far, rep=True)
    return p


def meeting_data(start=None, hours=2, **extra):
    start = start or timezone.now() + timedelta(days=3)
    data = {
        "title": "Họp tổ dân phố tháng 12",
        "kind": "regular",
        "starts_at": start,
        "ends_at": start + timedelta(hours=hours),
        "place": "Nhà văn hóa tổ 1, 12 Hà Ra",
        "online_url": "",
        "description": "",
    }
    data.update(extra)
    return data


AGENDA = [
    {"title": "Tổng vệ sinh đường Hà Ra"},
    {"title": "Đóng góp quỹ khuyến học"},
]


def schedule(tree, user=None, area=None, start=None, agenda=AGENDA, **extra):
    return actions.schedule_meeting(
        user or tree.leader_1,
        area or tree.group_1,
        meeting_data(start=start, **extra),
        agenda,
    )


@pytest.fixture
def held(tree, people):
    """A meeting of group_1 that began an hour ago, 4 of 7 households present."""
    meeting = schedule(tree, start=timezone.now() - timedelta(hours=1))
    actions.record_attendance(
        tree.leader_1,
        meeting,
        [h.pk for h in people.households[:4]],
        2,
        "Cán bộ phường",
    )
    return meeting
