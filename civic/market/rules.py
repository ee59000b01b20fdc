"""What may not be sold on the market, and the check that refuses it.

The list is shown on the rules page (``/cho/quy-dinh/``) and each listing's
title, description and unit are checked against its keywords, with and without
Vietnamese marks: "súng", "sung hoi" and "SÚNG HƠI" are the same word after
:func:`fold` (marks dropped, đ → d, lower case). Keywords are matched as whole
words (or whole phrases), so "sung" (a fig) is not "súng hơi" (an air gun): a
keyword of one short syllable would refuse honest listings, so the list holds
phrases, each checked for what else it folds to ("đạn" alone would refuse "đàn
ghi-ta", "kiếm" alone "nước kiềm", "bằng giả" a "bảng giá"). The list is a first filter, not a judgement: moderators and residents'
reports do the rest.
"""

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

#: (what is prohibited, the keywords that refuse a listing)
PROHIBITED = [
    (
        _("Alcohol and tobacco sold to minors; e-cigarettes"),
        ["thuốc lá điện tử", "vape", "pod hút", "shisha", "bán rượu cho trẻ em"],
    ),
    (
        _("Medicines and prescription drugs"),
        [
            "thuốc kê đơn",
            "thuốc tây",
            "kháng sinh",
            "thuốc giảm cân",
            "thuốc phá thai",
            "thuốc ngủ",
        ],
    ),
    (
        _("Drugs and narcotics"),
        ["ma túy", "ma tuý", "cần sa", "thuốc lắc", "ke tamin", "heroin", "cocaine"],
    ),
    (
        _("Wild animals and their parts"),
        [
            "động vật hoang dã",
            "sừng tê giác",
            "ngà voi",
            "vảy tê tê",
            "mật gấu",
            "cao hổ cốt",
            "thịt thú rừng",
            "chim rừng",
        ],
    ),
    (
        _("Weapons, explosives and fireworks"),
        [
            "súng hơi",
            "súng săn",
            "súng quân dụng",
            "đạn súng",
            "viên đạn",
            "dao găm",
            "mã tấu",
            "kiếm nhật",
            "thuốc nổ",
            "pháo nổ",
            "pháo hoa nổ",
            "bình xịt hơi cay",
            "dùi cui điện",
        ],
    ),
    (
        _("Stolen goods, counterfeit goods, personal data and documents"),
        [
            "hàng nhái",
            "hàng fake",
            "căn cước giả",
            "bằng cấp giả",
            "bằng lái giả",
            "sim rác",
            "data khách hàng",
        ],
    ),
]


def fold(text):
    """``text`` in lower case without Vietnamese marks (đ → d)."""
    text = unicodedata.normalize(
        "NFD", str(text or "").replace("đ", "d").replace("Đ", "D")
    )
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _pattern(keywords):
    words = sorted({fold(k) for k in keywords}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


_PATTERNS = [(label, _pattern(words)) for label, words in PROHIBITED]


def prohibited_in(*texts):
    """``(label, keyword found)`` of the first prohibited category that one of
    ``texts`` names, or None."""
    folded = fold(" \n ".join(t or "" for t in texts))
    for label, pattern in _PATTERNS:
        found = pattern.search(folded)
        if found:
            return label, found.group(1)
    return None
