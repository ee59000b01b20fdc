"""Photos sent with a report or an answer: checked, then always re-encoded.

Re-encoding with Pillow is what strips the metadata (EXIF, including the GPS
position of a phone photo, XMP, comments): only the pixels are written again. The
picture is first turned upright from its EXIF orientation, and shrunk to at most
``FEEDBACK_PHOTO_MAX_SIDE`` pixels on its longer side. JPEG stays JPEG, PNG stays
PNG, WebP stays WebP; anything else is refused, whatever its file name says.
"""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .models import settings_value

FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
#: Refuse decompression bombs well before Pillow's own limit.
MAX_PIXELS = 40_000_000


def clean_photo(upload):
    """A ``ContentFile`` of the re-encoded ``upload`` with ``width``/``height``
    attributes set; ``ValidationError`` with a message for the user otherwise."""
    name = getattr(upload, "name", "") or "photo"
    limit = settings_value("FEEDBACK_PHOTO_MAX_BYTES")
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is too large: at most %(mb)s MB per photo.")
            % {"name": name, "mb": round(limit / 1024 / 1024, 1)},
            code="too_large",
        )
    data = upload.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            fmt = probe.format
            if fmt not in FORMATS:
                raise ValidationError(
                    _("“%(name)s” is not a JPEG, PNG or WebP photo.") % {"name": name},
                    code="wrong_type",
                )
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(
                    _("“%(name)s” has too many pixels.") % {"name": name},
                    code="too_many_pixels",
                )
            probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
            image = ImageOps.exif_transpose(image)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Warning) as exc:
        raise ValidationError(
            _("“%(name)s” could not be read as a picture (damaged or not a photo).")
            % {"name": name},
            code="corrupt",
        ) from exc
    side = settings_value("FEEDBACK_PHOTO_MAX_SIDE")
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
