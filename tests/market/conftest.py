"""Market fixtures on top of ``tree``: a seller and two buyers, verified
residents (the seller and ``neighbour`` in Tổ dân phố 1, ``other`` in Tổ dân
phố 2), a JPEG with GPS data, and a listing maker."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from civic.market import actions
from civic.market.models import Category

from ..factories import resident, url_in


@pytest.fixture
def mk(tree):
    tree.seller = resident("Người bán rau", "0905100001", tree.group_1)
    tree.neighbour = resident("Hàng xóm", "0905100002", tree.group_1)
    tree.other = resident("Cư dân tổ 2", "0905100003", tree.group_2)
    return tree


def jpeg_with_gps(size=(80, 60)):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (12.0, 16.0, 30.0)
    out = io.BytesIO()
    Image.new("RGB", size, (30, 160, 40)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def photo(name="rau.jpg"):
    return SimpleUploadedFile(name, jpeg_with_gps(), "image/jpeg")


def listing_fields(**extra):
    fields = {
        "kind": "goods",
        "category": Category.PRODUCE,
        "title": "Rau sạch nhà trồng",
        "description": "Rau muống, cải ngọt hái buổi sáng.",
        "price": 15000,
        "unit": "bó",
        "availability": "in_stock",
        "stock": 10,
        "pickup": True,
        "delivery_areas": [],
    }
    fields.update(extra)
    return fields


def make_listing(user, area, **extra):
    return actions.post_listing(user, area, **listing_fields(**extra))


def soon(hours=3):
    return timezone.now() + timedelta(hours=hours)


def order(buyer, listing, quantity=1, **extra):
    fields = {"quantity": quantity, "fulfilment": "pickup", "wanted_at": soon()}
    fields.update(extra)
    return actions.request_order(buyer, listing, **fields)


url = url_in("market", lang="vi")
