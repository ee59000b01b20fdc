"""Dữ liệu mẫu dịch vụ công và điểm hỗ trợ cho Phường Bắc Nha Trang: procedures
(through the CSV import), support points and their hours, utilities, waste
collection days, a local business. Idempotent; ``seed_demo`` runs it after the ward.

The procedure codes follow the national portal's format; check them against
dichvucong.gov.vn before using this list on a real site.
"""

import csv
import io
from datetime import date, time
from decimal import Decimal

from django.core.management.base import CommandError
from django.db import transaction

from civic.core.progress import progress
from civic.directory.models import Business, BusinessStatus, UtilityKind, UtilityLink
from civic.people.models import User
from civic.services.actions import import_procedures
from civic.services.importing import ImportReport
from civic.services.models import Procedure
from civic.support.models import OpeningHours, SupportPoint
from content.models import AreaPage
from demo.step import Step

PORTAL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc="
HEADER = "code,name,field,level,authority,processing_time,fee,documents,portal_url,life_events"
PROCEDURES = [
    (
        "1.001193",
        "Đăng ký khai sinh",
        "civil_status",
        "full",
        "UBND phường",
        "Trong ngày",
        "Miễn phí",
        "Tờ khai đăng ký khai sinh; Giấy chứng sinh",
        "khai-sinh",
    ),
    (
        "1.000894",
        "Đăng ký kết hôn",
        "civil_status",
        "partial",
        "UBND phường",
        "Trong ngày",
        "Miễn phí",
        "Tờ khai đăng ký kết hôn; Căn cước của hai bên",
        "ket-hon",
    ),
    (
        "1.000656",
        "Đăng ký khai tử",
        "civil_status",
        "full",
        "UBND phường",
        "Trong ngày",
        "Miễn phí",
        "Tờ khai đăng ký khai tử; Giấy báo tử",
        "nguoi-than-qua-doi",
    ),
    (
        "1.004194",
        "Đăng ký thường trú",
        "residence",
        "full",
        "Công an phường",
        "7 ngày làm việc",
        "20.000 đồng",
        "Tờ khai thay đổi thông tin cư trú (CT01)",
        "chuyen-noi-o;khai-sinh",
    ),
    (
        "1.004222",
        "Đăng ký tạm trú",
        "residence",
        "full",
        "Công an phường",
        "3 ngày làm việc",
        "15.000 đồng",
        "Tờ khai CT01; Giấy tờ chứng minh chỗ ở hợp pháp",
        "chuyen-noi-o",
    ),
    (
        "2.000720",
        "Đăng ký thành lập hộ kinh doanh",
        "business",
        "full",
        "Phòng Kinh tế phường",
        "3 ngày làm việc",
        "100.000 đồng",
        "Giấy đề nghị đăng ký hộ kinh doanh; Căn cước của chủ hộ",
        "khoi-nghiep",
    ),
    (
        "1.001776",
        "Trợ cấp xã hội hằng tháng cho người cao tuổi",
        "social_welfare",
        "partial",
        "UBND phường",
        "15 ngày làm việc",
        "Miễn phí",
        "Tờ khai đề nghị trợ giúp xã hội (Mẫu 1a)",
        "tuoi-gia",
    ),
    (
        "1.000948.H38",
        "Cấp giấy phép sửa chữa, cải tạo nhà ở riêng lẻ",
        "construction",
        "partial",
        "UBND phường",
        "15 ngày",
        "75.000 đồng",
        "Đơn đề nghị cấp giấy phép; Bản vẽ hiện trạng",
        "xay-nha",
    ),
]
OFFICE = [(d, time(7, 30), time(11, 30)) for d in range(5)] + [
    (d, time(13, 30), time(17, 0)) for d in range(5)
]
POINTS = [
    dict(
        name="Bộ phận Một cửa phường Bắc Nha Trang",
        address="Số 1 Điện Biên Phủ, phường Bắc Nha Trang",
        latitude=Decimal("12.267500"),
        longitude=Decimal("109.196400"),
        phone="0258 3831 200",
        services="Nộp hồ sơ trực tuyến\nThanh toán phí, lệ phí trực tuyến\nKích hoạt VNeID",
        hours=OFFICE + [(5, time(7, 30), time(11, 30))],
        opened_on=date(2025, 7, 1),
    ),
    dict(
        name="Điểm hỗ trợ Nhà văn hóa Tổ dân phố 3",
        address="12 Hà Ra, phường Bắc Nha Trang",
        latitude=Decimal("12.271900"),
        longitude=Decimal("109.198800"),
        phone="0978 000 301",
        services="Cài đặt và kích hoạt VNeID\nĐăng ký khai sinh, thường trú cho trẻ em",
        hours=[(d, time(18, 0), time(20, 30)) for d in (0, 2, 4)]
        + [(6, time(7, 30), time(10, 30))],
        opened_on=date(2025, 9, 15),
    ),
]

#: (kind, name, phone, address, website) for the whole ward
UTILITIES = [
    (
        UtilityKind.ELECTRICITY,
        "Điện lực Nha Trang",
        "1900 1909",
        "11 Lý Thánh Tôn, Nha Trang",
        "https://cskh.evncpc.vn/",
    ),
    (
        UtilityKind.WATER,
        "Công ty Cổ phần Cấp thoát nước Khánh Hòa",
        "0258 3822 288",
        "58 Yersin, Nha Trang",
        "",
    ),
    (
        UtilityKind.WASTE,
        "Công ty Cổ phần Môi trường đô thị Nha Trang",
        "0258 3823 370",
        "",
        "",
    ),
    (UtilityKind.HEALTH, "Trạm Y tế phường", "0258 3831 115", "", ""),
    (UtilityKind.SCHOOL, "Trường Tiểu học Vĩnh Phước", "", "", ""),
]
#: collection weekdays given to the ward's groups in turn
COLLECTION_DAYS = ["0,3", "1,4", "2,5"]


class Services(Step):
    """The demo services of a ward (the first administrator imports the
    procedures); progress lines and a summary on the command's output."""

    def seed(self, ward):
        admin = User.objects.filter(is_superuser=True).order_by("pk").first()
        if admin is None:
            self.stderr.write("No administrator: the demo services are not loaded.")
            return
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(HEADER.split(","))
        for code, name, field, level, authority, delay, fee, docs, events in PROCEDURES:
            portal = PORTAL + code.split(".H")[0]
            writer.writerow(
                [code, name, field, level, authority, delay, fee, docs, portal, events]
            )
        codes = [row[0] for row in PROCEDURES]
        if Procedure.objects.filter(area=ward, code__in=codes).count() == len(codes):
            # loaded before: a second import would only log another import
            progress(self, "public service procedures already loaded")
            report = ImportReport()
        else:
            progress(self, f"importing {len(PROCEDURES)} public service procedures")
            report = import_procedures(admin, ward, buffer.getvalue().encode())
        if not report.ok:
            problems = report.file_errors + [
                f"line {row.line}: {'; '.join(row.errors)}" for row in report.rejected
            ]
            raise CommandError("\n".join(problems))
        helper = User.objects.filter(phone="+84978000301").first()
        progress(self, f"{len(POINTS)} support points and their opening hours")
        with transaction.atomic():
            for data in POINTS:
                data = dict(data)
                hours = data.pop("hours")
                point, created = SupportPoint.objects.get_or_create(
                    area=ward, name=data.pop("name"), defaults=data
                )
                if created:
                    for weekday, opens, closes in hours:
                        OpeningHours.objects.create(
                            point=point, weekday=weekday, opens=opens, closes=closes
                        )
                    if helper is not None:
                        point.helpers.add(helper)
        progress(self, "utilities, waste collection days and a local business")
        with transaction.atomic():
            for kind, name, phone, address, website in UTILITIES:
                UtilityLink.objects.get_or_create(
                    area=ward,
                    name=name,
                    defaults={
                        "kind": kind,
                        "phone": phone,
                        "address": address,
                        "website": website,
                    },
                )
            groups = list(AreaPage.objects.child_of(ward).order_by("path"))
            for i, group in enumerate(groups):
                UtilityLink.objects.get_or_create(
                    area=group,
                    kind=UtilityKind.WASTE,
                    name="Tổ thu gom rác dân lập",
                    defaults={"collection_days": COLLECTION_DAYS[i % 3]},
                )
            if groups:
                Business.objects.get_or_create(
                    area=groups[0],
                    name="Tạp hóa Cô Ba",
                    defaults={
                        "offers": "Gạo, nước mắm, đồ dùng gia đình",
                        "phone": "0905 000 111",
                        "opening_hours": "6:00–21:00 hằng ngày",
                        "status": BusinessStatus.APPROVED,
                        "decided_by": admin,
                    },
                )
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.created} procedures added, {report.updated} updated; "
                f"{len(POINTS)} support points; "
                f"{UtilityLink.objects.filter(area__path__startswith=ward.path).count()}"
                " utility entries."
            )
        )
