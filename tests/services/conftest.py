"""Services fixtures on top of ``tree``.

commune_a: "Điểm hỗ trợ Hòn Chồng" (helper_a on duty), Mon–Fri 07:30–11:30 and
           13:30–17:00, Sat 07:30–11:30, Sun closed; two procedures.
commune_b: "Điểm hỗ trợ Thôn Đông" (helper_b), every day 08:00–17:00.
"""

from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from civic.people.actions import grant_role
from civic.people.models import RoleKind
from civic.services.models import LifeEvent, Procedure, ProcedureField, ProcedureLevel
from civic.support.models import OpeningHours, SupportPoint

from ..conftest import make_user
from ..factories import sign_in  # noqa: F401 (re-exported)


class Services:
    pass


def make_point(area, name, lat, lng, hours, helpers=(), **extra):
    point = SupportPoint.objects.create(
        area=area,
        name=name,
        address=extra.pop("address", "Số 1 Hòn Chồng, Nha Trang"),
        latitude=Decimal(str(lat)),
        longitude=Decimal(str(lng)),
        phone="0258 3831 000",
        **extra,
    )
    for weekday, opens, closes in hours:
        OpeningHours.objects.create(
            point=point, weekday=weekday, opens=opens, closes=closes
        )
    point.helpers.set(helpers)
    return point


OFFICE_HOURS = [
    *[(d, time(7, 30), time(11, 30)) for d in range(5)],
    *[(d, time(13, 30), time(17, 0)) for d in range(5)],
    (5, time(7, 30), time(11, 30)),
]


def make_procedure(area, code="1.001193", name="Đăng ký khai sinh", events=(), **extra):
    fields = {
        "field": ProcedureField.CIVIL_STATUS,
        "level": ProcedureLevel.FULL,
        "authority": "UBND phường",
        "processing_time": "Trong ngày",
        "fee": "Miễn phí",
        "documents": "Tờ khai đăng ký khai sinh\nGiấy chứng sinh",
        "portal_url": "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193",
    }
    fields.update(extra)
    procedure = Procedure.objects.create(area=area, code=code, name=name, **fields)
    procedure.life_events.set(events)
    return procedure


@pytest.fixture
def svc(tree):
    s = Services()
    s.helper_b = make_user("Hỗ trợ B", "0935000013")
    grant_role(tree.admin, s.helper_b, tree.commune_b, RoleKind.HELPER)
    s.birth = LifeEvent.objects.get(slug="khai-sinh")
    s.marriage = LifeEvent.objects.get(slug="ket-hon")
    s.point_a = make_point(
        tree.commune_a,
        "Điểm hỗ trợ Hòn Chồng",
        12.2700,
        109.2020,
        OFFICE_HOURS,
        helpers=[tree.helper_a],
    )
    s.point_b = make_point(
        tree.commune_b,
        "Điểm hỗ trợ Thôn Đông",
        12.3500,
        109.1500,
        [(d, time(8), time(17)) for d in range(7)],
        helpers=[s.helper_b],
        address="Nhà văn hóa Thôn Đông",
    )
    s.birth_reg = make_procedure(tree.commune_a, events=[s.birth])
    s.marriage_reg = make_procedure(
        tree.commune_a,
        code="1.000894",
        name="Đăng ký kết hôn",
        events=[s.marriage],
        level=ProcedureLevel.PARTIAL,
    )
    return s


def next_weekday(weekday, at_least=1):
    """The first date ≥ today + ``at_least`` days falling on ``weekday`` (0=Mon)."""
    day = timezone.localdate() + timedelta(days=at_least)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return day


def when(day, slot):
    return f"{day:%Y-%m-%d}T{slot:%H:%M}"


@pytest.fixture(autouse=True)
def _english():
    """Messages are checked in their English source; ``reverse`` gives /en/ URLs."""
    from django.utils import translation

    with translation.override("en"):
        yield
