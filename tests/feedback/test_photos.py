"""Photo validation: only JPEG, PNG and WebP, size-limited, corrupt files refused
with a clear message, always re-encoded without EXIF (GPS included)."""

import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from civic.feedback.models import Photo, Report
from civic.feedback.photos import clean_photo

from .conftest import jpeg_bytes, make_report, upload

GPS_IFD = 0x8825


def exif_with_gps():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (12.0, 16.0, 30.0)
    gps[3] = "E"
    gps[4] = (109.0, 12.0, 5.0)
    return exif


def test_exif_and_gps_are_removed():
    original = jpeg_bytes(exif=exif_with_gps())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # it had GPS
    cleaned = clean_photo(upload(data=original))
    data = cleaned.read()
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert not image.getexif()
    assert not image.getexif().get_ifd(GPS_IFD)
    assert b"PhoneMaker" not in data and b"Exif" not in data[:200]
    assert (cleaned.width, cleaned.height) == (64, 48)


def test_orientation_is_applied_before_stripping():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to view
    cleaned = clean_photo(upload(data=jpeg_bytes(size=(80, 40), exif=exif)))
    assert (cleaned.width, cleaned.height) == (40, 80)


@pytest.mark.parametrize("fmt,ext", [("PNG", ".png"), ("WEBP", ".webp")])
def test_png_and_webp_stay_in_their_format(fmt, ext):
    data = jpeg_bytes(fmt=fmt, exif=exif_with_gps())
    cleaned = clean_photo(upload(name=f"anh{ext}", data=data))
    image = Image.open(io.BytesIO(cleaned.read()))
    assert image.format == fmt and cleaned.name.endswith(ext)
    assert not image.getexif().get_ifd(GPS_IFD)


def test_big_pictures_are_shrunk(settings):
    settings.FEEDBACK_PHOTO_MAX_SIDE = 100
    cleaned = clean_photo(upload(data=jpeg_bytes(size=(400, 200))))
    assert (cleaned.width, cleaned.height) == (100, 50)


def test_wrong_type_is_refused():
    gif = io.BytesIO()
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    with pytest.raises(ValidationError) as exc:
        clean_photo(upload(name="anh.jpg", data=gif.getvalue()))
    assert exc.value.code == "wrong_type"
    with pytest.raises(ValidationError) as exc:
        clean_photo(upload(name="virus.jpg", data=b"MZ\x90\x00 not a picture at all"))
    assert exc.value.code == "corrupt"


def test_too_large_is_refused(settings):
    settings.FEEDBACK_PHOTO_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as exc:
        clean_photo(upload(data=jpeg_bytes(size=(300, 300)) + b"\0" * 2000))
    assert exc.value.code == "too_large"
    assert "MB" in exc.value.messages[0]


def test_corrupt_file_is_refused():
    data = jpeg_bytes(size=(200, 200))
    with pytest.raises(ValidationError) as exc:
        clean_photo(upload(data=data[: len(data) // 3]))
    assert exc.value.code == "corrupt"
    assert "anh.jpg" in exc.value.messages[0]


@pytest.mark.django_db
def test_photos_are_saved_with_the_report(fb, clock):
    report = make_report(
        fb.reporter, fb.group_1, photos=[upload(data=jpeg_bytes(exif=exif_with_gps()))]
    )
    photo = Photo.objects.get(report=report)
    data = photo.image.read()
    assert not Image.open(io.BytesIO(data)).getexif()
    assert photo.image.name.startswith("feedback/") and "anh" not in photo.image.name


@pytest.mark.django_db
def test_a_bad_photo_saves_no_report(fb, clock):
    with pytest.raises(ValidationError):
        make_report(fb.reporter, fb.group_1, photos=[upload(), upload(data=b"hong")])
    assert not Report.objects.exists() and not Photo.objects.exists()


@pytest.mark.django_db
def test_at_most_five_photos(fb, clock):
    with pytest.raises(ValidationError):
        make_report(fb.reporter, fb.group_1, photos=[upload() for _ in range(6)])
    assert not Report.objects.exists()
