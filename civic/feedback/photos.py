"""Photos sent with a report or an answer: checked, then always re-encoded.

Re-encoding with Pillow is what strips the metadata (EXIF, including the GPS
position of a phone photo, XMP, comments): only the pixels are written again. The
picture is first turned upright from its EXIF orientation, and shrunk to at most
``FEEDBACK_PHOTO_MAX_SIDE`` pixels on its longer side. JPEG stays JPEG, PNG stays
PNG, WebP stays WebP; anything else is refused, whatever its file name says.

Checking and decoding are two steps (``civic.core.images``): forms only read the
header (:func:`check_photo`: bytes, format, pixel count), and the actions decode
(:func:`reencode`) once everything else about the request has been accepted,
the rate limit included, so a large picture never costs a refused request.
"""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from civic.core import images

from .models import settings_value

FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}


def check_photo(upload):
    """The header of ``upload`` (``civic.core.images.ImageHeader``) when its byte
    size, format and pixel count are acceptable; no pixel is decoded, so forms
    call this while they validate. ``ValidationError`` with a message otherwise."""
    if isinstance(upload, images.ImageHeader):
        return upload
    name = getattr(upload, "name", "") or "photo"
    limit = settings_value("FEEDBACK_PHOTO_MAX_BYTES")
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is too large: at most %(mb)s MB per photo.")
            % {"name": name, "mb": round(limit / 1024 / 1024, 1)},
            code="too_large",
        )
    return images.read_header(upload, name=name, formats=tuple(FORMATS))


def reencode(header):
    """A ``ContentFile`` of the photo of ``header`` decoded (once), shrunk and
    written again without metadata, with ``width``/``height`` attributes set."""
    side = settings_value("FEEDBACK_PHOTO_MAX_SIDE")
    image = images.decode_image(header, max_side=side)
    fmt = header.format
    if max(image.size) > side:
        image.thumbnail((side, side))
    # Nothing of the original file's metadata is written again (EXIF, GPS, XMP).
    image.info = {}
    out = io.BytesIO()
    if fmt == "JPEG":
        image = image.convert("RGB")
        image.save(out, "JPEG", quality=85, optimize=True)
    elif fmt == "PNG":
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        image.save(out, "PNG", optimize=True)
    else:
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA")
        image.save(out, "WEBP", quality=85)
    result = ContentFile(out.getvalue(), name=f"photo{FORMATS[fmt]}")
    result.width, result.height = image.size
    result.reencoded = True
    return result


def clean_photo(upload):
    """:func:`check_photo` then :func:`reencode`: the photo fit to store."""
    return reencode(check_photo(upload))
