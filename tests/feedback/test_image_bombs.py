"""Uploaded pictures cannot crash or stall a request (issue 14, item 6).

The pixel count is read from the header and capped before anything is decoded; a
request that is refused for any other reason (another field, the rate limit, the
handler's rights or the report's state) never decodes its photos; a photo is
decoded once.
"""

import io
import struct
import zlib
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from wagtail.images.models import Image as WagtailImage

from civic.core import images
from civic.core.errors import ActionForbidden
from civic.feedback import actions
from civic.feedback.models import Category, Photo, Report, Update

from .conftest import jpeg_bytes, make_report, upload, url


def _chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def bomb_png(width=20_000, height=20_000):
    """A tiny valid PNG header declaring ``width`` × ``height`` RGB pixels."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"IDAT", zlib.compress(b"\0" * 16))
        + _chunk(b"IEND", b"")
    )


def png_bytes(size):
    out = io.BytesIO()
    Image.new("RGB", size, (20, 120, 40)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def decodes():
    """Counts the calls of the one decoding function."""
    with mock.patch.object(images, "decode_image", wraps=images.decode_image) as spy:
        yield spy


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def form_data(fb, **extra):
    data = {
        "area": fb.group_1.pk,
        "category": Category.WATER,
        "title": "Cống bị tắc",
        "description": "Nước tràn ra đường mỗi khi mưa.",
        "address": "Ngõ 5 Đặng Tất",
        "latitude": "",
        "longitude": "",
    }
    data.update(extra)
    return data


def test_the_bomb_is_tiny_and_declares_400_megapixels():
    data = bomb_png()
    assert len(data) < 100
    # Pillow itself refuses to open it: uncaught, this was the 500.
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(data))


@pytest.mark.parametrize(
    "size", [(20_000, 20_000), (7_000, 7_000), (1, 2**31 - 1), (2**31 - 1, 2**31 - 1)]
)
def test_header_over_the_cap_is_refused_without_decoding(size, decodes):
    with pytest.raises(ValidationError) as exc:
        images.read_header(bomb_png(*size), name="bom.png")
    assert exc.value.code == "too_many_pixels"
    assert "bom.png" in exc.value.messages[0] and "40" in exc.value.messages[0]
    assert decodes.call_count == 0


def test_the_cap_is_a_setting(settings):
    settings.IMAGE_MAX_PIXELS = 100 * 100
    images.read_header(png_bytes((100, 100)))
    with pytest.raises(ValidationError) as exc:
        images.read_header(png_bytes((101, 100)))
    assert exc.value.code == "too_many_pixels"


def test_a_header_under_the_cap_with_no_pixels_behind_it_is_corrupt():
    header = images.read_header(bomb_png(3000, 3000), name="rong.png")
    with pytest.raises(ValidationError) as exc:
        images.decode_image(header)
    assert exc.value.code == "corrupt"


@pytest.mark.django_db
def test_bomb_through_the_report_form_is_a_clear_error(fb, clock, decodes):
    client = client_for(fb.reporter)
    response = client.post(
        url("new"),
        form_data(fb, photos=[upload(name="bom.png", data=bomb_png())]),
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code < 500
    assert "bom.png" in response.content.decode()
    assert "megapixel" in response.content.decode()
    assert not Report.objects.exists() and not Photo.objects.exists()
    assert decodes.call_count == 0


@pytest.mark.django_db
def test_bomb_through_the_answer_form_is_a_clear_error(fb, clock, decodes):
    report = make_report(fb.reporter, fb.group_1)
    editor = client_for(fb.editor_a)
    assert editor.post(url("accept", report.pk)).status_code == 302
    response = editor.post(
        url("progress", report.pk),
        {"message": "Đã cử người", "photos": [upload(name="bom.png", data=bomb_png())]},
        follow=True,
    )
    assert response.status_code == 200
    assert "bom.png" in response.content.decode()
    assert not Photo.objects.exists()
    assert not Update.objects.filter(message="Đã cử người").exists()
    assert decodes.call_count == 0


@pytest.mark.django_db
def test_invalid_form_never_decodes_its_photos(fb, clock, decodes):
    client = client_for(fb.reporter)
    big = png_bytes((1200, 900))
    response = client.post(
        url("new"),
        form_data(fb, title="", photos=[upload(name="to.png", data=big)]),
    )
    assert response.status_code == 400
    assert decodes.call_count == 0
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_rate_limited_upload_is_not_decoded(fb, clock, decodes):
    make_report(fb.reporter, fb.group_1)
    response = client_for(fb.reporter).post(
        url("new"),
        form_data(fb, photos=[upload(data=jpeg_bytes()) for _ in range(3)]),
    )
    assert response.status_code < 500
    assert "a moment ago" in response.content.decode() or "vừa gửi" in (
        response.content.decode()
    )
    assert decodes.call_count == 0
    assert Report.objects.count() == 1


@pytest.mark.django_db
def test_handler_refusals_do_not_decode(fb, clock, decodes):
    report = make_report(fb.reporter, fb.group_1)
    photo = upload(data=jpeg_bytes())
    # Another commune's editor: no right on the report.
    with pytest.raises(ActionForbidden):
        actions.post_progress(fb.editor_b, report, "Đã cử người", [photo])
    # The right handler, but a new report cannot be resolved yet.
    with pytest.raises(ValidationError):
        actions.resolve_report(fb.editor_a, report, "Xong", [photo])
    assert decodes.call_count == 0


@pytest.mark.django_db
def test_each_photo_is_decoded_once(fb, clock, decodes):
    client = client_for(fb.reporter)
    response = client.post(
        url("new"),
        form_data(fb, photos=[upload(data=jpeg_bytes()), upload(data=jpeg_bytes())]),
    )
    assert response.status_code == 302
    assert decodes.call_count == 2
    assert Photo.objects.count() == 2


@pytest.mark.django_db
def test_bomb_as_a_wagtail_image_is_a_clear_error(client, tree):
    client.force_login(tree.leader_1)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh",
            "file": SimpleUploadedFile("bom.png", bomb_png(), "image/png"),
        },
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert WagtailImage.objects.count() == 0


@pytest.mark.django_db
def test_wagtail_images_share_the_cap(client, tree):
    """7,000 × 7,000 is under Pillow's and Wagtail's own limits but over ours."""
    client.force_login(tree.leader_1)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh",
            "file": SimpleUploadedFile("to.png", bomb_png(7000, 7000), "image/png"),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert WagtailImage.objects.count() == 0


@pytest.mark.django_db
def test_truncated_wagtail_image_is_an_error_not_a_500(client, tree):
    """Wagtail decodes the upload to learn its size; a damaged file raised."""
    client.force_login(tree.leader_1)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh",
            "file": SimpleUploadedFile("hong.png", bomb_png(300, 300), "image/png"),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert WagtailImage.objects.count() == 0
