"""civic.core.text.clean_text: the one cleaner of user text."""

import pytest

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
