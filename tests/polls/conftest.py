"""Polls fixtures on top of ``tree``: households and residents of Tổ dân phố 1.

group_1: 5 households h1…h5, each with a verified representative rep1…rep5;
         h1 also has a verified member (not representative) and a pending one.
group_2: household h6 with verified representative rep6.
group_b: household h7 with verified representative rep7 (another commune).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from civic.people.models import Household, ResidencyStatus
from civic.polls.models import Choice, ChoiceMeaning, Poll, PollKind

from ..factories import People, resident, sign_in  # noqa: F401 (re-exported)


@pytest.fixture
def people(tree):
    p = People()
    p.households = []
    p.reps = []
    for i in range(1, 6):
        h = Household.objects.create(area=tree.group_1, address=f"{i} Hà Ra")
        p.households.append(h)
        p.reps.append(resident(f"Đại diện {i}", f"09120000{i:02d}", h, rep=True))
    p.member = resident("Thành viên", "0912000050", p.households[0])
    p.pending = resident(
        "Chờ xác minh", "0912000051", p.households[1], ResidencyStatus.PENDING
    )
    p.h6 = Household.objects.create(area=tree.group_2, address="6 Đặng Tất")
    p.rep6 = resident("Đại diện 6", "0912000006", p.h6, rep=True)
    p.h7 = Household.objects.create(area=tree.group_b, address="7 Thôn Đông")
    p.rep7 = resident("Đại diện 7", "0912000007", p.h7, rep=True)
    return p


def make_poll(area, kind=PollKind.CONSULTATION, labels=("A", "B", "C"), **extra):
    now = timezone.now()
    fields = {
        "title": "Chọn ngày tổng vệ sinh",
        "opens_at": now - timedelta(hours=1),
        "closes_at": now + timedelta(days=3),
    }
    fields.update(extra)
    poll = Poll.objects.create(area=area, kind=kind, **fields)
    if kind == PollKind.HOUSEHOLD and labels == ("A", "B", "C"):
        labels = [
            ("Đồng ý", ChoiceMeaning.APPROVE),
            ("Không đồng ý", ChoiceMeaning.REJECT),
            ("Không ý kiến", ChoiceMeaning.ABSTAIN),
        ]
    for i, label in enumerate(labels):
        label, meaning = label if isinstance(label, tuple) else (label, "")
        Choice.objects.create(poll=poll, label=label, meaning=meaning, sort_order=i)
    return poll


def ids(poll, *labels):
    return [poll.choices.get(label=label).pk for label in labels]
