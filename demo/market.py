"""Dữ liệu mẫu chợ khu phố: a few listings of verified residents of the ward's
first groups, and the ward's operator details for the rules page. Idempotent:
nothing is added when the ward already has listings."""

from civic.core.progress import progress
from civic.market import actions
from civic.market.models import Listing, Operator
from civic.people.models import Residency, ResidencyStatus
from content.models import AreaPage
from demo.step import Step

LISTINGS = [
    {
        "category": "produce",
        "title": "Rau sạch vườn nhà: rau muống, cải ngọt",
        "description": "Hái buổi sáng, không phun thuốc. Đặt trước 8 giờ, lấy buổi chiều.",
        "price": 15000,
        "unit": "bó",
        "stock": 20,
    },
    {
        "category": "food",
        "title": "Bánh căn Nha Trang nhà làm",
        "description": "Bánh căn nóng, kèm nước chấm cá. Sáng thứ Bảy, Chủ nhật.",
        "price": 30000,
        "unit": "phần",
        "availability": "to_order",
        "stock": None,
    },
    {
        "kind": "service",
        "category": "services",
        "title": "Sửa quạt, nồi cơm điện tại nhà",
        "description": "Thợ trong tổ, báo giá trước khi sửa.",
        "price": None,
        "unit": "lần",
        "availability": "appointment",
        "stock": None,
    },
    {
        "kind": "service",
        "category": "tutoring",
        "title": "Dạy kèm Toán lớp 6–9",
        "description": "Sinh viên sư phạm, dạy tối thứ Hai, Tư, Sáu.",
        "price": 100000,
        "unit": "buổi",
        "availability": "appointment",
        "stock": None,
    },
]


class Market(Step):
    def seed(self, ward):
        if Listing.objects.filter(area__path__startswith=ward.path).exists():
            progress(self, "market listings already there")
            return
        groups = list(AreaPage.objects.child_of(ward).order_by("path")[:2])
        sellers = []
        for group in groups:
            sellers += [
                r.user
                for r in Residency.objects.filter(
                    household__area=group, status=ResidencyStatus.VERIFIED
                ).select_related("user", "household__area")[:2]
            ]
        if not sellers:
            return  # a ward without verified residents: no market to show
        progress(self, f"{len(LISTINGS)} market listings")
        for i, data in enumerate(LISTINGS):
            user = sellers[i % len(sellers)]
            area = actions.selling_places(user)["r"][0]
            fields = {"kind": "goods", "availability": "in_stock", "pickup": True}
            fields.update(data)
            actions.post_listing(user, area, **fields)
        Operator.objects.get_or_create(
            area=ward,
            defaults={
                "name": f"Ủy ban nhân dân {ward.title}",
                "address": "Trụ sở UBND phường (địa chỉ mẫu)",
                "registration_number": "(mẫu — điền số quyết định thật)",
            },
        )
