"""Photos people upload with what they post: checked, then always re-encoded.

Shared by every app that takes photos from residents (``civic.feedback``'s
reports and answers, ``civic.market``'s listings); each app passes its own
limits (bytes per photo, longest side, photos per item).

Re-encoding with Pillow is what strips the metadata (EXIF, including the GPS
position of a phone photo, XMP, comments): only the pixels are written again. The
picture is first turned upright from its EXIF orientation, and shrunk to at most
``max_side`` pixels on its longer side. JPEG stays JPEG, PNG stays PNG, WebP
stays WebP; anything else is refused, whatever its file name says.

Checking and decoding are two steps (``civic.core.images``): forms only read the
header (:func:`check_photo`: bytes, format, pixel count), and the actions decode
(:func:`reencode`) once everything else about the request has been accepted,
the rate limit included, so a large picture never costs a refused request.
"""

import io

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from . import images
from .errors import ActionRefused

FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
ACCEPT_IMAGES = "image/jpeg,image/png,image/webp"


def check_photo(upload, *, max_bytes):
    """The header of ``upload`` (``civic.core.images.ImageHeader``) when its byte
    size, format and pixel count are acceptable; no pixel is decoded, so forms
    call this while they validate. ``ValidationError`` with a message otherwise."""
    if isinstance(upload, images.ImageHeader):
        return upload
    name = getattr(upload, "name", "") or "photo"
    if upload.size > max_bytes:
        raise ValidationError(
            _("“%(name)s” is too large: at most %(mb)s MB per photo.")
            % {"name": name, "mb": round(max_bytes / 1024 / 1024, 1)},
            code="too_large",
        )
    return images.read_header(upload, name=name, formats=tuple(FORMATS))


def reencode(header, *, max_side):
    """A ``ContentFile`` of the photo of ``header`` decoded (once), shrunk and
    written again without metadata, with ``width``/``height`` attributes set."""
    image = images.decode_image(header, max_side=max_side)
    fmt = header.format
    if max(image.size) > max_side:
        image.thumbnail((max_side, max_side))
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


def check_photos(uploads, *, limit, max_bytes, already=0):
    """The headers of ``uploads`` (files or headers a form already read), checked
    without decoding a pixel; ``ActionRefused`` with every problem otherwise."""
    uploads = [u for u in uploads or [] if u]
    if already + len(uploads) > limit:
        raise ActionRefused(_("At most %(n)s photos.") % {"n": limit})
    errors, headers = [], []
    for upload in uploads:
        try:
            headers.append(check_photo(upload, max_bytes=max_bytes))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ActionRefused(errors)
    return headers


def decode_photos(headers, *, max_side):
    """The photos re-encoded for storage: the one costly step, so callers run it
    only after every other check of the request (rights, state, rate limit)."""
    errors, cleaned = [], []
    for header in headers:
        try:
            cleaned.append(reencode(header, max_side=max_side))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ActionRefused(errors)
    return cleaned


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several photos in one input; each one's size, format and pixel count are
    checked from its header (:func:`check_photo`). The cleaned value is a list
    of ``ImageHeader``: nothing is decoded here, the action decodes the photos
    once the rest of the request is accepted.

    ``limit`` and ``max_bytes`` are numbers or callables (read at validation, so
    settings changed in tests or at run time apply)."""

    def __init__(self, *args, limit, max_bytes, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT_IMAGES}))
        kwargs.setdefault("required", False)
        self.limit, self.max_bytes = limit, max_bytes
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        files = [f for f in files if f]
        limit = self.limit() if callable(self.limit) else self.limit
        max_bytes = self.max_bytes() if callable(self.max_bytes) else self.max_bytes
        if len(files) > limit:
            raise ValidationError(_("At most %(n)s photos.") % {"n": limit})
        errors, cleaned = [], []
        for upload in files:
            try:
                cleaned.append(check_photo(upload, max_bytes=max_bytes))
            except ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned
