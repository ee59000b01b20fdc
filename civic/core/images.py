"""One way to accept an uploaded picture without letting it crash or stall a request.

Every image the site accepts from a person goes through here: the photos of a
feedback report and of a handler's answer and of a market listing
(``civic.core.photos``, used by ``civic.feedback`` and ``civic.market``) and, through
``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` set to the same cap in the settings, the images
that editors upload in the Wagtail admin (``content.image_forms.ImageForm`` reads the
header here before Wagtail's own field decodes anything).

Two steps, kept apart on purpose:

1. :func:`read_header` reads only the file's header (Pillow's ``Image.open`` is
   lazy): the format and the pixel size. A file that declares more than
   ``IMAGE_MAX_PIXELS`` pixels (a "decompression bomb": 76 bytes can declare
   20,000 × 20,000) is refused here with a clear message, as is anything that is
   not one of the allowed formats. This is cheap, so forms run it while they
   validate.
2. :func:`decode_image` decodes the pixels, once. It is costly (a second or more
   for a large photo), so callers run it only when everything else about the
   request is known to be fine: the other fields are valid, the user may act and
   is within their rate limit.
"""

import io
import struct
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

#: The formats a person may upload a photo in.
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP")
#: Used when the settings do not say: a 40-megapixel phone photo still passes.
DEFAULT_MAX_PIXELS = 40_000_000

#: What Pillow raises on a file it cannot read or that claims too much.
_READ_ERRORS = (
    UnidentifiedImageError,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    TypeError,
    struct.error,
)


def max_pixels():
    """The most pixels an uploaded image may have (``IMAGE_MAX_PIXELS``)."""
    return getattr(settings, "IMAGE_MAX_PIXELS", DEFAULT_MAX_PIXELS)


@dataclass
class ImageHeader:
    """What the header of an upload says; ``data`` holds the file's bytes."""

    name: str
    format: str
    width: int
    height: int
    data: bytes

    @property
    def pixels(self):
        return self.width * self.height


def _corrupt(name):
    return ValidationError(
        _("“%(name)s” could not be read as a picture (damaged or not a photo).")
        % {"name": name},
        code="corrupt",
    )


def _too_many_pixels(name, limit):
    return ValidationError(
        _(
            "“%(name)s” has too many pixels: at most %(mp)s megapixels. "
            "Send a smaller picture (a phone photo is fine)."
        )
        % {"name": name, "mp": round(limit / 1_000_000)},
        code="too_many_pixels",
    )


def read_header(upload, *, name=None, formats=PHOTO_FORMATS, limit=None):
    """The :class:`ImageHeader` of ``upload`` (a file or ``bytes``), read without
    decoding any pixel; ``ValidationError`` with a message for the person
    otherwise (codes ``wrong_type``, ``too_many_pixels``, ``corrupt``).
    ``formats=None`` accepts any format Pillow recognises. A file object is read
    from its start and left at its start."""
    if name is None:
        name = getattr(upload, "name", "") or "photo"
    if isinstance(upload, bytes):
        data = upload
    else:
        if hasattr(upload, "seek"):
            upload.seek(0)
        data = upload.read()
        if hasattr(upload, "seek"):
            upload.seek(0)
    limit = max_pixels() if limit is None else limit
    try:
        with warnings.catch_warnings():
            # Pillow warns above its own limit and raises above twice that; both
            # are far above ours, but a warning must not slip through as output.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                fmt, (width, height) = probe.format, probe.size
    except Image.DecompressionBombError as exc:
        raise _too_many_pixels(name, limit) from exc
    except Image.DecompressionBombWarning as exc:
        raise _too_many_pixels(name, limit) from exc
    except _READ_ERRORS as exc:
        raise _corrupt(name) from exc
    if formats is not None and fmt not in formats:
        raise ValidationError(
            _("“%(name)s” is not a JPEG, PNG or WebP photo.") % {"name": name},
            code="wrong_type",
        )
    if width < 1 or height < 1:
        raise _corrupt(name)
    if width * height > limit:
        raise _too_many_pixels(name, limit)
    return ImageHeader(name=name, format=fmt, width=width, height=height, data=data)


def decode_image(header, *, max_side=None):
    """The pixels of ``header`` (from :func:`read_header`), decoded once and turned
    upright from the EXIF orientation; ``ValidationError`` (``corrupt``) when the
    file is damaged. With ``max_side``, a JPEG is decoded at a reduced scale where
    that still leaves at least ``max_side`` pixels on each side (much cheaper)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(header.data))
            if (image.format, image.size) != (
                header.format,
                (header.width, header.height),
            ):
                raise _corrupt(header.name)  # not the file whose header was read
            if max_side and image.format == "JPEG":
                image.draft(image.mode, (max_side, max_side))
            image.load()
            image = ImageOps.exif_transpose(image)
    except ValidationError:
        raise
    except (*_READ_ERRORS, Warning) as exc:
        raise _corrupt(header.name) from exc
    return image
