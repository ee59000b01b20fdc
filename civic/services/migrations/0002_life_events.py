"""The life events of the national public-service portal, as reference data."""

from django.db import migrations

LIFE_EVENTS = [
    ("khai-sinh", "Sinh con", "Khai sinh, thường trú, thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi"),
    ("ket-hon", "Kết hôn", "Đăng ký kết hôn, xác nhận tình trạng hôn nhân"),
    ("chuyen-noi-o", "Chuyển nơi ở", "Đăng ký thường trú, tạm trú, khai báo tạm vắng"),
    ("khoi-nghiep", "Khởi sự kinh doanh", "Đăng ký hộ kinh doanh, giấy phép con"),
    ("xay-nha", "Xây, sửa nhà", "Giấy phép xây dựng, đất đai"),
    ("tuoi-gia", "Tuổi già", "Trợ cấp xã hội, chăm sóc người cao tuổi"),
    ("nguoi-than-qua-doi", "Người thân qua đời", "Khai tử, mai táng phí, thừa kế"),
]


def create(apps, schema_editor):
    LifeEvent = apps.get_model("services", "LifeEvent")
    for order, (slug, name, description) in enumerate(LIFE_EVENTS):
        LifeEvent.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "sort_order": order},
        )


class Migration(migrations.Migration):
    dependencies = [("services", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
