"""Public pages cost a fixed number of queries, few rows or many."""

from datetime import time

import pytest
from django.urls import reverse

from civic.people.models import Household, Residency, ResidencyStatus
from civic.support import actions

from ..conftest import make_user
from .conftest import make_point, make_procedure, next_weekday

# query counts measure rendering, not the page cache and its memos
pytestmark = pytest.mark.usefixtures("uncached")


def grow(tree, svc, n):
    for i in range(n):
        make_procedure(
            tree.commune_a,
            code=f"2.{100000 + i:06d}",
            name=f"Thủ tục {i}",
            events=[svc.birth, svc.marriage][: i % 3],
        )
        make_point(
            tree.commune_a if i % 2 else tree.commune_b,
            f"Điểm {i}",
            12.2 + i / 100,
            109.1,
            [(d, time(7), time(17)) for d in range(7)],
        )
        h = Household.objects.create(area=tree.group_1, address=f"{i} Hà Ra")
        user = make_user(f"Người {i}", f"09120001{i:02d}")
        Residency.objects.create(
            user=user, household=h, status=ResidencyStatus.VERIFIED
        )
        actions.record_session(tree.helper_a, svc.point_a, "x", True, resident_name="y")
    monday = next_weekday(0)
    for i, slot in enumerate([time(7, 30), time(8), time(8, 30)]):
        other = make_user(f"Đặt lịch {n}-{i}", email=f"dat-{n}-{i}@example.vn")
        actions.request_appointment(other, svc.point_a, monday, slot, "x")


PAGES = [
    ("services:procedures", None, {}),
    ("services:procedures", None, {"event": "khai-sinh"}),
    ("services:procedure", "birth_reg", {}),
    ("support:points", None, {"lat": "12.27", "lng": "109.2"}),
    ("support:point", "point_a", {}),
    ("dashboard:rollout", None, {}),
]


@pytest.mark.usefixtures("uncached")
@pytest.mark.parametrize("name,obj,params", PAGES)
def test_query_count_does_not_grow(
    client, tree, svc, django_assert_max_num_queries, name, obj, params
):
    args = [getattr(svc, obj).pk] if obj else []
    url = reverse(name, args=args)
    client.get(url, params)  # warm caches (site root, etc.)
    with django_assert_max_num_queries(12) as few:
        assert client.get(url, params).status_code == 200
    grow(tree, svc, 25)
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        assert client.get(url, params).status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)


def test_helper_desk_and_my_appointments_query_counts(
    client, tree, svc, django_assert_max_num_queries
):
    from .conftest import sign_in

    monday = next_weekday(0)
    slots = iter(
        [time(13, 30), time(14), time(14, 30), time(15), time(15, 30), time(16)]
    )
    for user, name in (
        (tree.helper_a, "support:helper_desk"),
        (tree.resident, "support:my_appointments"),
    ):
        sign_in(client, user)
        url = reverse(name)
        actions.request_appointment(
            make_user(f"A {name}", email=f"a-{user.pk}@example.vn"),
            svc.point_a,
            monday,
            next(slots),
            "x",
        )
        client.get(url)
        with django_assert_max_num_queries(30) as few:
            client.get(url)
        counts = len(few.captured_queries)
        actions.request_appointment(
            make_user(f"B {name}", email=f"b-{user.pk}@example.vn"),
            svc.point_a,
            monday,
            next(slots),
            "y",
        )
        actions.request_appointment(
            tree.resident, svc.point_a, monday, next(slots), "z"
        )
        actions.record_session(
            tree.helper_a, svc.point_a, "z", True, resident=tree.resident
        )
        with django_assert_max_num_queries(counts):
            client.get(url)
