"""Vietnamese phone numbers: accept what people type, store one E.164 form.

Mobile numbers have 9 digits after the country code 84 (or the trunk 0) and start
with 3, 5, 7, 8 or 9; fixed lines have 10 digits starting with 2 (area code
02xx since 2017). ``0905 123 456``, ``+84905123456`` and ``84905123456`` all become
``+84905123456``.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s.\-()/]")
_NATIONAL = re.compile(r"^(?:[35789]\d{8}|2\d{9})$")

INVALID_PHONE = _(
    "Enter a Vietnamese phone number, for example 0905 123 456 or +84 905 123 456."
)


def normalise_phone(raw):
    """Return the E.164 form of a Vietnamese phone number or raise ValidationError."""
    if raw is None:
        raise ValidationError(INVALID_PHONE, code="invalid_phone")
    text = _SEPARATORS.sub("", str(raw).strip())
    if text.startswith("+84"):
        national = text[3:]
    elif text.startswith("0084"):
        national = text[4:]
    elif text.startswith("84") and len(text) in (11, 12):
        national = text[2:]
    elif text.startswith("0"):
        national = text[1:]
    else:
        raise ValidationError(INVALID_PHONE, code="invalid_phone")
    if not _NATIONAL.match(national):
        raise ValidationError(INVALID_PHONE, code="invalid_phone")
    return "+84" + national


def looks_like_phone(text):
    stripped = _SEPARATORS.sub("", (text or "").strip())
    return bool(stripped) and re.fullmatch(r"\+?\d+", stripped) is not None


def display_phone(e164):
    """+84905123456 → 0905 123 456 (how Vietnamese write it)."""
    if not e164 or not e164.startswith("+84"):
        return e164 or ""
    n = "0" + e164[3:]
    if len(n) == 10:
        return f"{n[:4]} {n[4:7]} {n[7:]}"
    return f"{n[:4]} {n[4:7]} {n[7:]}"
