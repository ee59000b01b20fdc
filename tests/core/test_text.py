"""civic.core.text.clean_text: the one cleaner of user text."""

import pytest

from civic.core.errors import ActionRefused
from civic.core.text import clean_text


@pytest.mark.parametrize(
    ("raw", "single", "multi"),
    [
        (None, "", ""),
        ("  Tổ  dân\tphố  ", "Tổ dân phố", "Tổ  dân\tphố"),
        ("a\x00b", "ab", "ab"),
        ("dòng 1\r\ndòng 2\rdòng 3", "dòng 1 dòng 2 dòng 3", "dòng 1\ndòng 2\ndòng 3"),
        ("x\x07\x1b\x7f\x9by", "xy", "xy"),
        ("bad\ud800surrogate\ufffe", "badsurrogate", "badsurrogate"),
        # "ệ" typed as e + dot below + circumflex is stored as the one letter.
        ("Ngh\u0065\u0323\u0302", "Nghệ", "Nghệ"),
        (12, "12", "12"),
    ],
)
def test_clean_text(raw, single, multi):
    assert clean_text(raw) == single
    assert clean_text(raw, multiline=True) == multi


def test_cleaned_text_encodes_as_utf8_without_nul():
    every_code_point = "".join(chr(i) for i in range(0, 0x3000))
    for multiline in (False, True):
        cleaned = clean_text(every_code_point, multiline=multiline)
        cleaned.encode("utf-8")
        assert "\x00" not in cleaned


@pytest.mark.parametrize(
    "raw",
    [
        # bidirectional override: "Trojan Source" (reverses what follows on screen)
        "Vi\u202eệt\u202c Nam",
        "Vi\u2066ệt\u2069 Nam",
        # zero-width space, word joiner, byte-order mark
        "\ufeffVi\u200bệt\u2060 Nam",
        # NFD, as some keyboards and pasted text send it
        "Vie\u0323\u0302t Nam",
    ],
)
def test_invisible_characters_go_and_vietnamese_is_nfc(raw):
    assert clean_text(raw) == "Việt Nam"
    assert clean_text(raw, multiline=True) == "Việt Nam"


def test_zero_width_joiner_of_emoji_stays():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean_text(family) == family


@pytest.mark.parametrize("raw", ["", "   ", "\t\r\n", "\u200b\ufeff\u202e", "\x00\x85"])
def test_text_of_nothing_visible_is_refused_when_required(raw):
    with pytest.raises(ActionRefused) as refused:
        clean_text(raw, multiline=True, required="Viết gì đó.")
    assert refused.value.messages == ["Viết gì đó."]
    assert refused.value.code == "required"
    assert clean_text(raw) == ""


def test_length_is_counted_after_cleaning_and_refused_with_the_callers_message():
    assert clean_text(" ab\x00c ", max_length=3) == "abc"
    assert clean_text("Vie\u0323\u0302t", max_length=4) == "Việt"  # NFC: 4 letters
    with pytest.raises(ActionRefused) as refused:
        clean_text(
            "abcd",
            max_length=3,
            too_long="%(what)s: %(max)d, %(count)d",
            params={"what": "Tiêu đề"},
        )
    assert refused.value.messages == ["Tiêu đề: 3, 4"]
    assert refused.value.code == "too_long"
    with pytest.raises(ActionRefused) as refused:
        clean_text("abcd", max_length=3)
    assert refused.value.messages == [
        "This text is too long: at most 3 characters; yours has 4."
    ]
