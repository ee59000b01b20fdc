"""Vietnamese text analysis for the Whoosh index.

Residents type with or without diacritics ("thong bao cat nuoc" for "Thông báo cắt
nước", "duong" for "đường"), in composed (NFC) or decomposed (NFD) Unicode. The
analyzer therefore:

1. normalises to NFC (a decomposed "Nguyễn" otherwise splits at the combining mark);
2. splits on word characters (``\\w+``), keeping one-letter words such as "ở";
3. lower-cases;
4. folds every tone and vowel mark, and ``đ``/``Đ`` → ``d`` (which Unicode does not
   decompose) with ``whoosh.support.charset.accent_map``;
5. at index time emits *both* the folded token and the word exactly as written
   (marked with ``ACCENT_MARK``) at the same position: an unaccented query matches
   the folded token; a query typed with accents matches the folded token too and
   ranks documents with exactly its words first — "nam" (south, a name) before
   "năm" (year), "dương" before "đường". The exact form is kept for words without
   marks as well, since "nam" typed in an accented query means "nam", not "năm".

No English stop words and no stemming: they make no sense for Vietnamese.
"""

import re
import unicodedata

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer
from whoosh.analysis.ngrams import NgramFilter
from whoosh.support.charset import accent_map

WORD_RE = re.compile(r"\w+", re.UNICODE)

# Accented forms are stored with this prefix so that they can never collide with a
# folded (plain ASCII-ish) token: "\x01đường" vs "duong".
ACCENT_MARK = "\x01"


def normalize(text):
    """NFC-normalise ``text`` (``None`` becomes an empty string)."""
    if not text:
        return ""
    return unicodedata.normalize("NFC", str(text))


def fold(text):
    """Lower-case and strip Vietnamese diacritics: "Đường" → "duong"."""
    return normalize(text).lower().translate(accent_map)


def words(text):
    """The query's words as ``(accented, folded)`` pairs, lower-cased, in order."""
    return [
        (w, w.translate(accent_map)) for w in WORD_RE.findall(normalize(text).lower())
    ]


class NFCTokenizer(RegexTokenizer):
    """``RegexTokenizer`` that normalises its input to NFC first."""

    def __init__(self):
        super().__init__(expression=WORD_RE, gaps=False)

    def __call__(self, value, **kwargs):
        return super().__call__(normalize(value), **kwargs)


class VietnameseFoldFilter(Filter):
    """Fold diacritics; at index time also keep the exact token (marked)."""

    def __init__(self, keep_accented=True):
        self.keep_accented = keep_accented

    def __eq__(self, other):
        return (
            other is not None
            and self.__class__ is other.__class__
            and self.keep_accented == other.keep_accented
        )

    def __call__(self, tokens):
        for t in tokens:
            text = t.text
            if self.keep_accented and t.mode != "query":
                t.text = ACCENT_MARK + text
                yield t
            t.text = text.translate(accent_map)
            yield t


def VietnameseAnalyzer(keep_accented=True):  # noqa: N802 (Whoosh naming style)
    """The analyzer of full-text fields."""
    return NFCTokenizer() | LowercaseFilter() | VietnameseFoldFilter(keep_accented)


def VietnameseAutocompleteAnalyzer(maxsize=20):  # noqa: N802
    """Folded edge n-grams (prefixes) of every word, for autocomplete."""
    return (
        NFCTokenizer()
        | LowercaseFilter()
        | VietnameseFoldFilter(keep_accented=False)
        | NgramFilter(minsize=1, maxsize=maxsize, at="start")
    )


def accented_term(word):
    """The index term of a word exactly as written (see ``ACCENT_MARK``)."""
    return ACCENT_MARK + word
