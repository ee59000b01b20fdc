"""Highlighted, escaped text snippets for search results.

The text is highlighted with Whoosh's highlighter on the *folded* words of the query
(so "cat nuoc" marks "cắt nước"), and every piece of it is HTML-escaped by our own
formatter: only the ``<mark>`` tags we add are markup. Never trust the text.
"""

import html

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from whoosh import highlight

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
