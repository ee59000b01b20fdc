"""Photos sent with a report or an answer: the shared pipeline of
``civic.core.photos`` (checked from the header, then re-encoded without
metadata) with feedback's limits (``FEEDBACK_PHOTO_MAX_BYTES``,
``FEEDBACK_PHOTO_MAX_SIDE``, ``FEEDBACK_MAX_PHOTOS``)."""

from civic.core import photos

from .models import settings_value

FORMATS = photos.FORMATS


def check_photo(upload):
    """``civic.core.photos.check_photo`` with feedback's byte limit."""
    return photos.check_photo(
        upload, max_bytes=settings_value("FEEDBACK_PHOTO_MAX_BYTES")
    )


def reencode(header):
    """``civic.core.photos.reencode`` with feedback's longest side."""
    return photos.reencode(header, max_side=settings_value("FEEDBACK_PHOTO_MAX_SIDE"))


def clean_photo(upload):
    """:func:`check_photo` then :func:`reencode`: the photo fit to store."""
    return reencode(check_photo(upload))


def check_photos(uploads, already=0):
    return photos.check_photos(
        uploads,
        limit=settings_value("FEEDBACK_MAX_PHOTOS"),
        max_bytes=settings_value("FEEDBACK_PHOTO_MAX_BYTES"),
        already=already,
    )


def decode_photos(headers):
    return photos.decode_photos(
        headers, max_side=settings_value("FEEDBACK_PHOTO_MAX_SIDE")
    )


def photos_field(**kwargs):
    """A form field for feedback photos (``civic.core.photos.PhotosField``)."""
    return photos.PhotosField(
        limit=lambda: settings_value("FEEDBACK_MAX_PHOTOS"),
        max_bytes=lambda: settings_value("FEEDBACK_PHOTO_MAX_BYTES"),
        **kwargs,
    )
