"""One way to clean the text people type.

Every piece of user text that is stored (comment bodies, report reasons, hide
reasons, titles, notes, addresses…) goes through :func:`clean_text` before it is
checked for length and saved. It removes what no person means to type and what
PostgreSQL refuses (``\\x00`` in a text column is an error there, not a value):

- NUL and the other C0/C1 control characters, except newline and tab in
  multi-line text; carriage returns become newlines;
- Unicode "noncharacters" and lone surrogates (they cannot be encoded as UTF-8);
- the text is put in Unicode NFC form, so "ệ" typed as e + two combining marks
  is stored, compared and searched as the one letter Vietnamese keyboards send.

Single-line text has its runs of white space folded to one space. Both kinds are
stripped at the ends. Length limits and "required" messages stay with the
caller, since each says what the field is in the user's language.
"""

import re
import unicodedata

# C0 controls but tab (\x09) and newline (\x0a); DEL; C1 controls.
_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_LINE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Surrogates cannot be encoded; U+FDD0–U+FDEF and U+xFFFE/U+xFFFF are noncharacters.
_INVALID = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff"
    "\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)


def clean_text(value, *, multiline=False):
    """``value`` as text fit to store: see the module's docstring.

    ``None`` gives ``""``. With ``multiline=False`` control characters are
    removed and white space (line breaks included) is folded to single spaces.
    """
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
