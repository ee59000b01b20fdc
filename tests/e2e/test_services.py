"""The services story in a real browser: a resident finds a procedure by life
event and its portal link, finds the nearest support point open now, books a slot;
the helper confirms and the resident sees it confirmed.

External sites are never loaded: the portal link is checked (href, new tab), and
every request leaving the test server is refused by the browser context.
"""

import re
from datetime import time
from decimal import Decimal

from django.utils import translation
from playwright.sync_api import expect

from civic.services.models import LifeEvent, Procedure
from civic.support.models import (
    Appointment,
    AppointmentStatus,
    OpeningHours,
    SupportPoint,
)
from tests.conftest import PASSWORD

PORTAL = (
    "https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html"
    "?ma_thu_tuc=1.001193"
)
HERE = ("12.270000", "109.200000")


def sign_in(new_context, base_url, phone):
    context = new_context()
    context.route(
        re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort()
    )
    page = context.new_page()
    page.goto("/dang-nhap/")
    page.locator('input[name="identifier"]').fill(phone)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form:has(input[name="identifier"]) [type="submit"]').click()
    expect(page).to_have_url(re.compile(r"^[^?]*/$"))
    return page


def point(area, name, lat, lng, hours, helpers=()):
    p = SupportPoint.objects.create(
        area=area,
        name=name,
        address="Hòn Chồng, Nha Trang",
        latitude=Decimal(lat),
        longitude=Decimal(lng),
        slot_minutes=60,
    )
    for weekday, opens, closes in hours:
        OpeningHours.objects.create(
            point=p, weekday=weekday, opens=opens, closes=closes
        )
    p.helpers.set(helpers)
    return p


def status_label(status):
    with translation.override("vi"):
        return str(AppointmentStatus(status).label)


def test_resident_books_help_helper_confirms(daphne_server, tree, new_context):
    birth = LifeEvent.objects.get(slug="khai-sinh")
    procedure = Procedure.objects.create(
        area=tree.commune_a,
        code="1.001193",
        name="Đăng ký khai sinh",
        field="civil_status",
        level="full",
        authority="UBND phường",
        documents="Tờ khai đăng ký khai sinh\nGiấy chứng sinh",
        portal_url=PORTAL,
    )
    procedure.life_events.set([birth])
    Procedure.objects.create(
        area=tree.commune_a,
        code="1.000894",
        name="Đăng ký kết hôn",
        field="civil_status",
        level="partial",
        authority="UBND phường",
        portal_url="https://dichvucong.gov.vn/",
    ).life_events.set([LifeEvent.objects.get(slug="ket-hon")])
    # the closest point has no opening hours (closed now); the open one is farther
    point(tree.commune_a, "Điểm Nhà văn hóa (đóng)", "12.270100", "109.200100", [])
    all_day = [(d, time(0), time(12)) for d in range(7)] + [
        (d, time(12), time(0)) for d in range(7)
    ]
    open_point = point(
        tree.commune_a,
        "Điểm hỗ trợ UBND phường",
        "12.280000",
        "109.200000",
        all_day,
        helpers=[tree.helper_a],
    )

    # 1. the resident finds the procedure by its life event
    resident = sign_in(new_context, daphne_server, "0905000009")
    resident.goto("/dich-vu-cong/")
    resident.locator(f'a[href="?event={birth.slug}"]').click()
    expect(resident).to_have_url(re.compile(r"\?event=khai-sinh$"))
    main = resident.locator("main")
    expect(main.locator("h2", has_text=birth.name)).to_be_visible()
    expect(main.get_by_role("link", name="Đăng ký kết hôn")).to_have_count(0)
    main.get_by_role("link", name="Đăng ký khai sinh").click()
    expect(resident.locator("h1")).to_contain_text("Đăng ký khai sinh")

    # 2. its portal link goes to the national portal, in a new tab
    portal = resident.locator("#portal-link")
    expect(portal).to_have_attribute("href", PORTAL)
    expect(portal).to_have_attribute("target", "_blank")
    expect(portal).to_have_attribute("rel", re.compile(r"\bnoopener\b"))

    # 3. the nearest point open now
    resident.goto("/diem-ho-tro/")
    resident.locator('input[name="lat"]').fill(HERE[0])
    resident.locator('input[name="lng"]').fill(HERE[1])
    resident.locator('#where button[type="submit"]').click()
    nearest = resident.locator('main p[role="status"] a')
    expect(nearest).to_have_text(open_point.name)
    nearest.click()
    expect(resident).to_have_url(re.compile(rf"/diem-ho-tro/{open_point.pk}/$"))

    # 4. books the first free slot
    first = resident.locator('select[name="when"] option').first
    slot_value = first.get_attribute("value")
    resident.locator('select[name="when"]').select_option(slot_value)
    resident.locator('textarea[name="need"]').fill("Nộp hồ sơ khai sinh cho con")
    resident.locator('form:has(select[name="when"]) [type="submit"]').click()
    expect(resident).to_have_url(re.compile(r"/diem-ho-tro/lich-hen/$"))
    card = resident.locator("article.card", has_text="Nộp hồ sơ khai sinh cho con")
    expect(card).to_contain_text(status_label(AppointmentStatus.REQUESTED))
    appointment = Appointment.objects.get(point=open_point, resident=tree.resident)
    assert f"{appointment.date:%Y-%m-%d}T{appointment.slot:%H:%M}" == slot_value

    # 5. the helper confirms it on the desk
    helper = sign_in(new_context, daphne_server, "0935000003")
    helper.goto("/diem-ho-tro/tiep-nhan/")
    request = helper.locator(f"#lich-hen-{appointment.pk}")
    expect(request).to_contain_text("Nộp hồ sơ khai sinh cho con")
    request.locator('form[action$="/xac-nhan/"] button').click()
    expect(helper.locator(".messages")).to_be_visible()
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CONFIRMED
    assert appointment.helper_id == tree.helper_a.pk

    # 6. the resident sees it confirmed
    resident.reload()
    expect(card).to_contain_text(status_label(AppointmentStatus.CONFIRMED))
    expect(card).to_contain_text(tree.helper_a.display_name)
