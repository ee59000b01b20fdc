"""Highlighted, escaped text snippets for search results.

The text is highlighted with Whoosh's highlighter on the *folded* words of the query
(so "cat nuoc" marks "cắt nước"), and every piece of it is HTML-escaped by our own
formatter: only the ``<mark>`` tags we add are markup. Never trust the text.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from whoosh import highlight

from civic.core.text import plain_text  # noqa: F401  (the snippets' source text)
from search.analysis import VietnameseAnalyzer, normalize, words

SNIPPET_CHARS = 220


class EscapingFormatter(highlight.Formatter):
    """``<mark>`` around matched words; everything else escaped."""

    between = " … "

    def _text(self, text):
        return str(escape(text))

    def format_token(self, text, token, replace=False):
        return (
            "<mark>" + str(escape(highlight.get_text(text, token, replace))) + "</mark>"
        )


_analyzer = VietnameseAnalyzer(keep_accented=False)


def highlight_text(text, query, maxchars=SNIPPET_CHARS):
    """An escaped snippet of ``text`` with the query's words marked (safe HTML)."""
    text = normalize(text)
    if not text:
        return mark_safe("")
    terms = frozenset(folded for _acc, folded in words(query))
    result = ""
    if terms:
        result = highlight.highlight(
            text,
            terms,
            _analyzer,
            highlight.ContextFragmenter(maxchars=maxchars, surround=maxchars // 3),
            EscapingFormatter(),
            top=2,
        )
    if not result:
        result = str(escape(Truncator(text).chars(maxchars)))
    return mark_safe(result)  # noqa: S308 - every piece was escaped above
