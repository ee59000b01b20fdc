"""The meeting story in a real browser: a group leader schedules a meeting, records
that more than half of the households came, writes the minutes with a decision and
submits them; the commune editor approves; a resident reads the minutes and
downloads the calendar entry."""

import re
from datetime import timedelta

from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from civic.meetings.models import Meeting, MinutesStatus
from civic.people.models import Household, Residency, ResidencyStatus
from tests.conftest import PASSWORD, make_user

TITLE = "Họp tổ dân phố 1 tháng 12"
DECISION = "Tổng vệ sinh đường Hà Ra sáng Chủ nhật 7/12."


def households(group, count):
    reps = []
    for i in range(1, count + 1):
        household = Household.objects.create(area=group, address=f"{i} Hà Ra")
        rep = make_user(f"Đại diện hộ {i}", f"09140000{i:02d}")
        Residency.objects.create(
            user=rep, household=household, status=ResidencyStatus.VERIFIED
        )
        household.representative = rep
        household.save()
        reps.append(rep)
    return reps


def sign_in(new_context, phone):
    context = new_context(accept_downloads=True)
    page = context.new_page()
    page.goto("/dang-nhap/")
    page.locator('input[name="identifier"]').fill(phone)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form:has(input[name="identifier"]) [type="submit"]').click()
    expect(page.locator('form[action$="/dang-xuat/"]')).to_be_attached()
    return page


def local(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


def test_leader_schedules_records_writes_editor_approves_resident_reads(
    daphne_server, tree, new_context
):
    reps = households(tree.group_1, 5)
    now = timezone.now()

    # --- the leader schedules the meeting (it began half an hour ago) ---------------
    leader = sign_in(new_context, tree.leader_1.phone)
    leader.goto(tree.group_1.url)
    leader.get_by_role("link", name="Tất cả cuộc họp và biên bản").click()
    leader.get_by_role("link", name="Lên lịch cuộc họp").click()
    leader.get_by_label("Tên cuộc họp").fill(TITLE)
    leader.get_by_label("Loại cuộc họp").select_option("regular")
    leader.get_by_label("Bắt đầu lúc").fill(local(now - timedelta(minutes=30)))
    leader.get_by_label("Kết thúc lúc").fill(local(now + timedelta(hours=1)))
    leader.get_by_label("Địa điểm").fill("Nhà văn hóa tổ 1, 12 Hà Ra")
    leader.locator('input[name="agenda-0-title"]').fill("Tổng vệ sinh đường Hà Ra")
    leader.get_by_role("button", name="Lên lịch").click()
    expect(leader.locator(".messages")).to_contain_text("Đã lên lịch cuộc họp.")
    expect(leader.locator("h1")).to_have_text(TITLE)
    meeting = Meeting.objects.get()
    assert meeting.area == tree.group_1

    # --- attendance: 3 of the 5 households ------------------------------------------
    leader.get_by_role("link", name="Điểm danh").click()
    for address in ("1 Hà Ra", "2 Hà Ra", "3 Hà Ra"):
        leader.get_by_label(address, exact=True).check()
    leader.get_by_role("button", name="Lưu điểm danh").click()
    expect(leader.locator(".messages")).to_contain_text("3/5 hộ dự họp")
    expect(leader.locator(".attendance-figures")).to_contain_text(
        "Số hộ dự họp: 3/5 (60,0 %)"
    )
    expect(leader.locator(".attendance-figures")).to_contain_text(
        "Đủ điều kiện biểu quyết: có"
    )

    # --- the minutes, with a decision -------------------------------------------------
    leader.get_by_role("link", name="Lập biên bản").click()
    leader.get_by_label("Chủ trì").fill("Tổ trưởng 1")
    leader.get_by_label("Thư ký").fill("Đại diện hộ 2")
    item = meeting.agenda_items.get()
    leader.locator(f'textarea[name="item-{item.pk}-discussion"]').fill(
        "Các hộ thống nhất làm vào sáng Chủ nhật."
    )
    leader.locator(f'textarea[name="item-{item.pk}-decision"]').fill(DECISION)
    leader.locator(f'input[name="item-{item.pk}-for"]').fill("3")
    leader.locator(f'input[name="item-{item.pk}-against"]').fill("0")
    leader.locator(f'input[name="item-{item.pk}-abstain"]').fill("0")
    leader.get_by_role("button", name="Lưu dự thảo").click()
    expect(leader.locator(".messages")).to_contain_text("Đã lưu dự thảo biên bản.")
    leader.get_by_role("button", name="Gửi duyệt").click()
    expect(leader.locator(".messages")).to_contain_text("để duyệt")
    minutes = meeting.minutes_revisions.get()
    assert minutes.status == MinutesStatus.SUBMITTED

    # --- the editor is told and approves ---------------------------------------------
    editor = sign_in(new_context, tree.editor_a.phone)
    editor.goto("/tai-khoan/")
    editor.get_by_role("link", name=re.compile(TITLE)).first.click()
    expect(editor).to_have_url(re.compile(rf"/cuoc-hop/{meeting.pk}/"))
    editor.get_by_role("button", name="Duyệt và công bố").click()
    expect(editor.locator(".messages")).to_contain_text(
        "Biên bản đã được duyệt và công bố."
    )
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.PUBLISHED

    # --- a resident reads the minutes and downloads the calendar entry ---------------
    resident = sign_in(new_context, reps[4].phone)
    resident.goto(tree.group_1.url)
    resident.get_by_role("link", name=TITLE).click()
    section = resident.locator("#minutes")
    expect(section).to_contain_text(DECISION)
    expect(section).to_contain_text("Kết quả: được thông qua")
    expect(section).to_contain_text("3/5 hộ (60,0 %)")
    with resident.expect_download() as info:
        resident.get_by_role("link", name="Thêm vào lịch của tôi (.ics)").click()
    download = info.value
    with open(download.path(), "rb") as f:
        calendar = Calendar.from_ical(f.read())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == TITLE
    assert str(event["LOCATION"]) == "Nhà văn hóa tổ 1, 12 Hà Ra"
    assert event["DTSTART"].dt == meeting.starts_at
    assert str(event["URL"]).endswith(f"/cuoc-hop/{meeting.pk}/")
    # the printable minutes
    resident.get_by_role("link", name="Bản in biên bản").click()
    expect(resident.locator(".paper")).to_contain_text(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    expect(resident.locator(".paper")).to_contain_text(DECISION)
