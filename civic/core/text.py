"""One way to clean the text people type.

Every piece of user text that is stored (comment bodies, report reasons, hide
reasons, titles, notes, addresses…) goes through :func:`clean_text` before it is
checked for length and saved. It removes what no person means to type and what
PostgreSQL refuses (``\\x00`` in a text column is an error there, not a value):

- NUL and the other C0/C1 control characters, except newline and tab in
  multi-line text; carriage returns become newlines;
- Unicode "noncharacters" and lone surrogates (they cannot be encoded as UTF-8);
- the invisible characters that make text look other than it is: the
  bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069,
  the "Trojan Source" characters that reverse what follows), the zero-width
  space, the word joiner and the byte-order mark (U+200B, U+2060, U+FEFF), so a
  text of only those is empty. The zero-width (non-)joiners that shape emoji and
  some scripts stay;
- the text is put in Unicode NFC form, so "ệ" typed as e + two combining marks
  is stored, compared and searched as the one letter Vietnamese keyboards send.

Single-line text has its runs of white space folded to one space. Both kinds are
stripped at the ends.

The caller may also ask for the text to be there (``required=`` the message) and
to be short enough (``max_length=``, with ``too_long=`` the message): the
refusal is an :class:`~civic.core.errors.ActionRefused` carrying that message,
which says what the field is in the user's language.
"""

import html
import re
import unicodedata

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from .errors import ActionRefused

# C0 controls but tab (\x09) and newline (\x0a); DEL; C1 controls.
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_LINE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Surrogates cannot be encoded; U+FDD0–U+FDEF and U+xFFFE/U+xFFFF are noncharacters.
_INVALID = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff"
    "\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff"
    # bidirectional embeddings, overrides, isolates; zero-width space, word joiner, BOM
    "\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]"
)
#: The refusal of a text over ``max_length`` when the caller gives no message.
TOO_LONG = _("This text is too long: at most %(max)d characters; yours has %(count)d.")


def clean_text(
    value,
    *,
    multiline=False,
    max_length=None,
    required=None,
    too_long=None,
    params=None,
):
    """``value`` as text fit to store: see the module's docstring.

    ``None`` gives ``""``. With ``multiline=False`` control characters are
    removed and white space (line breaks included) is folded to single spaces.

    ``required``: the message of the :class:`ActionRefused` raised when the
    cleaned text is empty (by default an empty text is returned).
    ``max_length``: a longer cleaned text is refused with ``too_long`` (default
    :data:`TOO_LONG`), formatted like a ``ValidationError`` message with
    ``params`` and ``max`` (the limit) and ``count`` (the text's length).
    """
    text = _clean(value, multiline)
    if required is not None and not text:
        raise ActionRefused(required, code="required")
    if max_length is not None and len(text) > max_length:
        raise ActionRefused(
            too_long or TOO_LONG,
            code="too_long",
            params={**(params or {}), "max": max_length, "count": len(text)},
        )
    return text


def _clean(value, multiline):
    if value is None:
        return ""
    text = str(value)
    text = _INVALID.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = _CONTROL_MULTILINE.sub("", text)
        return text.strip()
    text = _CONTROL_LINE.sub("", text)
    return " ".join(text.split())


def plain_text(value):
    """Plain text from a string of HTML (rich text) or a StreamField's raw data."""
    if value is None:
        return ""
    raw = getattr(value, "raw_data", None)
    if raw is not None:
        parts = []
        _collect_strings(list(raw), parts)
        value = " ".join(parts)
    return " ".join(html.unescape(strip_tags(str(value))).split())


def _collect_strings(data, out):
    if isinstance(data, str):
        out.append(data)
    elif isinstance(data, dict):
        if "value" in data and "type" in data:
            _collect_strings(data["value"], out)
        else:
            for v in data.values():
                _collect_strings(v, out)
    elif isinstance(data, (list, tuple)):
        for v in data:
            _collect_strings(v, out)
