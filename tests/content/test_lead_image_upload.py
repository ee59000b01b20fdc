"""An oversized or non-image upload as a lead image is refused with a message."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images.models import Image

from ..factories import sign_in


def png_bytes(size=(40, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#0b5394").save(buffer, "PNG")
    return buffer.getvalue()


def upload(client, name, content, content_type):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Ảnh", "file": SimpleUploadedFile(name, content, content_type)},
        HTTP_ACCEPT_LANGUAGE="vi",
    )


def test_leader_uploads_a_real_image(client, tree):
    sign_in(client, tree.leader_1)
    response = upload(client, "anh.png", png_bytes(), "image/png")
    assert response.status_code == 302
    assert Image.objects.count() == 1


def test_non_image_is_refused(client, tree):
    sign_in(client, tree.leader_1)
    response = upload(client, "anh.png", b"%PDF-1.4 not an image", "image/png")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert Image.objects.count() == 0


def test_oversized_image_is_refused(client, tree, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    sign_in(client, tree.leader_1)
    big = png_bytes((600, 600)) + b"\0" * 2048
    response = upload(client, "lon.png", big, "image/png")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert Image.objects.count() == 0


def test_wrong_extension_is_refused(client, tree):
    sign_in(client, tree.leader_1)
    response = upload(client, "virus.exe", png_bytes(), "application/octet-stream")
    assert response.status_code == 200
    assert Image.objects.count() == 0
