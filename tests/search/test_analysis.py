"""The Vietnamese analyzer: no database needed."""

import unicodedata

import pytest
from whoosh import fields, query
from whoosh.filedb.filestore import RamStorage

from search.analysis import (
    ACCENT_MARK,
    PAIR_MARK,
    VietnameseAnalyzer,
    VietnameseAutocompleteAnalyzer,
    fold,
    words,
)

VOWELS = {
    "a": "aàáảãạ ăằắẳẵặ âầấẩẫậ",
    "e": "eèéẻẽẹ êềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọ ôồốổỗộ ơờớởỡợ",
    "u": "uùúủũụ ưừứửữự",
    "y": "yỳýỷỹỵ",
}


def tokens(text, mode="index", pairs=True):
    return [t.text for t in VietnameseAnalyzer(pairs=pairs)(text, mode=mode)]


@pytest.mark.parametrize("base,forms", VOWELS.items())
def test_every_vowel_with_every_tone_folds(base, forms):
    for ch in forms.replace(" ", ""):
        assert fold(ch) == base, ch
        assert fold(ch.upper()) == base, ch.upper()


def test_d_with_stroke_folds_to_d():
    assert fold("đ") == fold("Đ") == "d"
    assert fold("ĐƯỜNG Đống Đa") == "duong dong da"


def test_index_keeps_folded_exact_and_pair_forms_at_one_position():
    analyzed = [
        (t.text, t.pos)
        for t in VietnameseAnalyzer(pairs=True)("Cắt nước", positions=True)
    ]
    assert analyzed == [
        (ACCENT_MARK + "cắt", 0),
        ("cat", 0),
        (ACCENT_MARK + "nước", 1),
        (PAIR_MARK + "cat nuoc", 1),
        ("nuoc", 1),
    ]


def test_index_keeps_the_exact_form_of_words_without_marks_too():
    # "Nam" typed in an accented query must be told from "năm" (year).
    assert tokens("Nam năm") == [
        ACCENT_MARK + "nam",
        "nam",
        ACCENT_MARK + "năm",
        PAIR_MARK + "nam nam",
        "nam",
    ]


def test_only_the_combined_field_keeps_pairs():
    assert tokens("Cắt nước", pairs=False) == [
        ACCENT_MARK + "cắt",
        "cat",
        ACCENT_MARK + "nước",
        "nuoc",
    ]


def test_query_and_highlight_modes_have_no_extra_forms():
    assert tokens("Cắt nước", mode="query") == ["cat", "nuoc"]
    plain = VietnameseAnalyzer(keep_accented=False)
    assert [t.text for t in plain("Cắt nước")] == ["cat", "nuoc"]


def test_query_mode_is_folded_only():
    assert tokens("Thông báo CẮT nước", mode="query") == ["thong", "bao", "cat", "nuoc"]


def test_one_letter_words_and_no_english_stop_words():
    assert tokens("ở a the is", mode="query") == ["o", "a", "the", "is"]
    assert tokens("nuôi gà", mode="query") == ["nuoi", "ga"]  # no stemming


def test_decomposed_input_is_normalised():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Đường")
    assert nfd != unicodedata.normalize("NFC", nfd)
    assert tokens(nfd, mode="query") == ["nguyen", "thi", "duong"]
    assert words(nfd) == [("nguyễn", "nguyen"), ("thị", "thi"), ("đường", "duong")]
    assert ACCENT_MARK + "nguyễn" in tokens(nfd)


def test_autocomplete_analyzer_makes_folded_prefixes():
    grams = [t.text for t in VietnameseAutocompleteAnalyzer()("Đường")]
    assert grams == ["d", "du", "duo", "duon", "duong"]


def _ram_index(docs):
    schema = fields.Schema(
        id=fields.ID(stored=True), body=fields.TEXT(analyzer=VietnameseAnalyzer())
    )
    ix = RamStorage().create_index(schema)
    with ix.writer() as w:
        for key, body in docs.items():
            w.add_document(id=key, body=body)
    return ix


def _search(ix, text):
    qs = [query.Term("body", folded) for _acc, folded in words(text)]
    with ix.searcher() as s:
        return [hit["id"] for hit in s.search(query.And(qs))]


def test_unaccented_queries_find_accented_text():
    ix = _ram_index(
        {
            "water": "Thông báo cắt nước",
            "road": "Sửa đường Đống Đa",
            "nfd": unicodedata.normalize("NFD", "Ông Nguyễn Văn Thành"),
        }
    )
    assert _search(ix, "thong bao cat nuoc") == ["water"]
    assert _search(ix, "duong") == ["road"]
    assert _search(ix, "Nguyễn") == ["nfd"]
    assert _search(ix, unicodedata.normalize("NFD", "nguyễn văn")) == ["nfd"]
