"""The base of Wagtail's image forms (``WAGTAILIMAGES_IMAGE_FORM_BASE``).

Its own module: ``wagtail.images.forms`` queries permissions at import time, so
it cannot be imported while the models load (``content.forms`` is).
"""

from django.core.exceptions import ValidationError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from civic.core import images


class CivicImageField(WagtailImageField):
    """Wagtail's image field, but the pixel count is read from the header
    (``civic.core.images.read_header``) before Wagtail opens the file: Wagtail's
    own check decodes the whole picture to learn its size, so a damaged or huge
    file cost seconds or answered 500. Whatever Pillow still raises while Wagtail
    reads the file becomes the field's "not a valid image" error."""

    def to_python(self, data):
        if data is not None and hasattr(data, "read"):
            try:
                images.read_header(data, formats=None)
            except ValidationError as exc:
                if exc.code == "too_many_pixels":
                    raise
                # Other problems: Wagtail's own checks say what is wrong.
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 (Pillow raises many kinds)
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc


class ImageForm(BaseImageForm):
    """Every image upload, replacement and chooser upload of the admin uses it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        old = self.fields.get("file")
        if old is not None and not isinstance(old, CivicImageField):
            self.fields["file"] = CivicImageField(
                label=old.label,
                required=old.required,
                widget=old.widget,
                initial=old.initial,
            )
