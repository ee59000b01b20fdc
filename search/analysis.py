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
   marks as well, since "nam" typed in an accented query means "nam", not "năm";
6. in the combined field (``pairs=True``), at index time also emits each pair of
   neighbouring folded words ("cat nuoc", marked with ``PAIR_MARK``) at the second
   word's position. Most Vietnamese words
   are two syllables: a query's word pairs are looked up as plain terms, which
   ranks "cắt nước" above "cắt … nước" for the cost of a term lookup instead of
   reading positions (a phrase query cost 3× the search itself in the benchmark).

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
# Pairs of neighbouring folded words: "\x02cat nuoc" (a space never occurs in a word).
PAIR_MARK = "\x02"


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
    """Fold diacritics; at index time also keep the exact token and the pair of
    folded words it ends (both marked)."""

    def __init__(self, keep_accented=True, pairs=False):
        self.keep_accented = keep_accented
        self.pairs = pairs

    def __eq__(self, other):
        return (
            other is not None
            and self.__class__ is other.__class__
            and self.keep_accented == other.keep_accented
            and getattr(self, "pairs", False) == getattr(other, "pairs", False)
        )

    def __call__(self, tokens):
        previous = None
        for t in tokens:
            text = t.text
            folded = text.translate(accent_map)
            if self.keep_accented and t.mode != "query":
                t.text = ACCENT_MARK + text
                yield t
                if previous is not None and self.pairs:
                    t.text = pair_term(previous, folded)
                    yield t
                previous = folded
            t.text = folded
            yield t


def VietnameseAnalyzer(keep_accented=True, pairs=False):  # noqa: N802 (Whoosh style)
    """The analyzer of full-text fields (``pairs``: the combined field's)."""
    return (
        NFCTokenizer()
        | LowercaseFilter()
        | VietnameseFoldFilter(keep_accented, pairs=pairs)
    )


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


def pair_term(first, second):
    """The index term of two neighbouring folded words (see ``PAIR_MARK``)."""
    return PAIR_MARK + first + " " + second
