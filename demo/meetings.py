"""Cuộc họp mẫu cho Phường Bắc Nha Trang (idempotent; ``seed_demo`` runs it after
the ward and its services).

For every residential group of the ward that has a leader and no meeting yet: a
regular meeting held ten days ago, with attendance (just over half of the
households), minutes submitted by the leader and approved by a commune editor, and
the next month's meeting; for the ward, a coming dialogue with the ward government.
Everything goes through ``civic.meetings.actions``, as on the site.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from civic.core.progress import progress
from civic.meetings import actions
from civic.meetings.models import Meeting
from civic.people.models import RoleKind, User
from civic.people.residents import households_in
from content.models import AreaPage
from demo.step import Step


def at(days, hour, minute=0):
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def role_holder(area, kind):
    return (
        User.objects.filter(area_roles__area=area, area_roles__kind=kind)
        .order_by("pk")
        .first()
    )


class Meetings(Step):
    """The demo meetings of a ward's groups that have a leader and no meeting yet,
    and the ward's dialogue; through ``civic.meetings.actions``."""

    def seed(self, ward):
        editor = role_holder(ward, RoleKind.COMMUNE_EDITOR)
        created = 0
        for group in AreaPage.objects.child_of(ward).live().specific():
            leader = role_holder(group, RoleKind.GROUP_LEADER)
            if leader is None or Meeting.objects.filter(area=group).exists():
                continue
            with transaction.atomic():
                self.group_meetings(group, leader, editor)
            created += 2
            progress(self, f"meetings of {group.title}")
        if editor is not None and not Meeting.objects.filter(area=ward).exists():
            progress(self, f"the dialogue of {ward.title}")
            actions.schedule_meeting(
                editor,
                ward,
                {
                    "title": f"Đối thoại giữa UBND {ward.title} với Nhân dân",
                    "kind": "dialogue",
                    "starts_at": at(14, 8),
                    "ends_at": at(14, 11),
                    "place": f"Hội trường UBND {ward.title}",
                    "description": "Nhân dân nêu ý kiến, kiến nghị; lãnh đạo phường "
                    "trả lời trực tiếp.",
                },
                [
                    {"title": "Báo cáo tình hình kinh tế - xã hội quý IV"},
                    {"title": "Trả lời ý kiến, kiến nghị của Nhân dân"},
                ],
            )
            created += 1
        self.stdout.write(f"{created} demo meetings created.")

    def group_meetings(self, group, leader, editor):
        place = f"Nhà văn hóa {group.title}"
        held = actions.schedule_meeting(
            leader,
            group,
            {
                "title": f"Họp {group.title} định kỳ tháng {at(-10, 0).month}",
                "kind": "regular",
                "starts_at": at(-10, 19, 30),
                "ends_at": at(-10, 21),
                "place": place,
            },
            [
                {"title": "Tổng vệ sinh môi trường, khơi thông cống rãnh"},
                {"title": "Vận động đóng góp Quỹ khuyến học"},
            ],
        )
        households = list(households_in(group).order_by("address"))
        present = households[: len(households) // 2 + 1]
        actions.record_attendance(
            leader, held, [h.pk for h in present], 1, "Cán bộ UBND phường"
        )
        if not present:
            return
        cleanup, fund = held.agenda_items.all()
        n = len(present)
        minutes = actions.save_minutes(
            leader,
            held,
            leader.display_name,
            present[0].representative.display_name
            if present[0].representative
            else "Thư ký tổ",
            {
                cleanup.pk: {
                    "discussion": "Các hộ thống nhất ra quân vào sáng Chủ nhật, mỗi "
                    "hộ cử một người, tự mang dụng cụ.",
                    "decision": "Tổng vệ sinh từ 6 giờ sáng Chủ nhật tuần sau.",
                    "for": n,
                    "against": 0,
                    "abstain": 0,
                },
                fund.pk: {
                    "discussion": "Một số hộ đề nghị mức đóng góp tự nguyện, "
                    "không ấn định.",
                    "decision": "Đóng góp tự nguyện; tổ trưởng công khai danh sách.",
                    "for": n - 1,
                    "against": 1 if n > 1 else 0,
                    "abstain": 0,
                },
            },
            summary="Cuộc họp kết thúc lúc 21 giờ cùng ngày.",
        )
        actions.submit_minutes(leader, minutes)
        if editor is not None:
            actions.approve_minutes(editor, minutes)
        actions.schedule_meeting(
            leader,
            group,
            {
                "title": f"Họp {group.title} định kỳ tháng {at(20, 0).month}",
                "kind": "regular",
                "starts_at": at(20, 19, 30),
                "ends_at": at(20, 21),
                "place": place,
            },
            [
                {"title": "Kiểm điểm việc thực hiện nghị quyết cuộc họp trước"},
                {"title": "Phòng chống lụt bão"},
            ],
        )
