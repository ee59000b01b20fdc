"""Issue 17, bad input: very long queries, query syntax, symbols only, marks only,
emoji, mixed scripts, many words: a clear message or results, never a 500, and a
bounded amount of work (at most ``MAX_QUERY_WORDS`` words are searched)."""

import pytest
from modelsearch.backends import get_search_backend

from content.models import NoticePage
from search import views

pytestmark = pytest.mark.backends("whoosh", "postgres")

URL = "/en/tim-kiem/"
SUGGEST = "/en/tim-kiem/goi-y/"
NO_WORD = "Type a word or a number to search"
CUT = "Only the first 10 words were searched"


@pytest.fixture
def notice(tree):
    page = NoticePage(
        title="Thông báo cắt nước đường Đống Đa",
        intro="Cắt nước từ 8 giờ",
        body="<p>Chi tiết</p>",
    )
    tree.group_1.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(
    "q",
    [
        "😀🔥",  # emoji only
        "\u0301\u0300\u0303",  # combining marks only
        "!!! ??? *** ((( )))",
        '" : ^ ~ [ ] { } -',
    ],
)
def test_nothing_to_search_says_so(client, notice, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    assert NO_WORD in response.content.decode()
    suggest = client.get(SUGGEST, {"q": q})
    assert suggest.status_code == 200 and suggest.json()["suggestions"] == []


@pytest.mark.parametrize(
    "q",
    [
        'cắt AND "nước" OR NOT (đường*)',  # query syntax is plain text
        "cắt nước 😀",
        "đường 東京 Москва",  # mixed scripts: the Vietnamese word still finds
        "thong bao cat nuoc the and or",  # words found nowhere: any word
        # invisible characters inside words, NFD letters, a NUL: cleaned first
        "c\u202e\u1eaft\u202c n\u01b0\u200b\u1edbc\x00",
        "ca\u0306\u0301t nu\u031bo\u031b\u0301c",
    ],
)
def test_syntax_emoji_and_mixed_scripts_find_the_words(client, notice, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thông báo cắt nước" in html
    assert NO_WORD not in html


def test_many_words_are_cut_and_the_page_says_so(client, notice, monkeypatch):
    searched = []
    search_parts = type(get_search_backend()).search_parts

    def spy(self, query, *args, **kwargs):
        searched.append(query)
        return search_parts(self, query, *args, **kwargs)

    monkeypatch.setattr(type(get_search_backend()), "search_parts", spy)
    q = "thong bao cat nuoc " + " ".join(f"w{i}" for i in range(80))
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    assert CUT in response.content.decode()
    assert searched and all(len(s.split()) == views.MAX_QUERY_WORDS for s in searched)
    assert "Thông báo cắt nước" in response.content.decode()  # any word


def test_very_long_and_repeated_input(client, notice):
    for q in ("x" * 5000, "nước " * 300, "a" * 199 + "😀"):
        assert client.get(URL, {"q": q}).status_code == 200
        assert client.get(SUGGEST, {"q": q}).status_code == 200
    response = client.get(URL, {"q": "nước " * 300})
    assert CUT not in response.content.decode()  # one word, repeated
    assert "Thông báo cắt nước" in response.content.decode()


def test_vietnamese_messages():
    from django.utils.translation import gettext, override

    with override("vi"):
        assert gettext(
            "Type a word or a number to search: symbols and emoji are not searched."
        ).startswith("Hãy nhập")
