"""Feedback fixtures on top of ``tree``: a reporter, another resident, helpers to
build reports and photos, and a fixed clock (a Monday morning)."""

import io
from datetime import datetime, time, timedelta
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from civic.feedback import actions
from civic.feedback.models import Category
from civic.feedback.workingtime import TIME_ZONE

from ..conftest import make_user
from ..factories import url_in

#: A Monday.
MONDAY = datetime(2026, 11, 23, tzinfo=TIME_ZONE).date()


def at(day, hh, mm=0):
    return datetime.combine(day, time(hh, mm), tzinfo=TIME_ZONE)


def day(offset):
    return MONDAY + timedelta(days=offset)


@pytest.fixture
def clock():
    """Set "now" for the feedback code: ``clock.set(at(...))``."""

    class Clock:
        def __init__(self):
            self.now = at(MONDAY, 9)
            self.patches = [
                mock.patch("django.utils.timezone.now", side_effect=lambda: self.now)
            ]
            for p in self.patches:
                p.start()

        def set(self, moment):
            self.now = moment

        def advance(self, **kwargs):
            self.now = self.now + timedelta(**kwargs)

        def stop(self):
            for p in self.patches:
                p.stop()

    c = Clock()
    yield c
    c.stop()


@pytest.fixture
def fb(tree):
    tree.reporter = make_user("Người phản ánh", "0905111222", "phananh@example.vn")
    tree.other = make_user("Cư dân khác", "0905333444")
    return tree


def jpeg_bytes(size=(64, 48), color=(200, 30, 30), exif=None, fmt="JPEG"):
    image = Image.new("RGB", size, color)
    out = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(out, fmt, **kwargs)
    return out.getvalue()


def upload(name="anh.jpg", data=None, content_type="image/jpeg"):
    return SimpleUploadedFile(
        name, data if data is not None else jpeg_bytes(), content_type
    )


def make_report(user, area, **extra):
    fields = {
        "category": Category.LIGHTING,
        "title": "Đèn đường hỏng",
        "description": "Đèn đường trước nhà số 12 không sáng từ ba hôm nay.",
        "address": "Trước số 12 Hòn Chồng",
    }
    fields.update(extra)
    return actions.submit_report(user, area, **fields)


url = url_in("feedback", lang="vi")
