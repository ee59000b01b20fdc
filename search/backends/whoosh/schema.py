"""The Whoosh schema: fixed fields, one typed field per filter field."""

from whoosh import fields as wf

from search.analysis import (
    VietnameseAnalyzer,
    VietnameseAutocompleteAnalyzer,
)
from search.backends.common import (
    DocumentMapping,
)

# -- schema -------------------------------------------------------------------


class MultiID(wf.ID):
    """An ``ID`` field that accepts a list of values (a many-valued filter)."""

    def index(self, value, **kwargs):
        values = value if isinstance(value, (list, tuple, set)) else [value]
        seen = set()
        for v in values:
            v = str(v)
            if v not in seen:
                seen.add(v)
                yield (v.encode("utf-8"), 1, 1.0, b"")


def _text_field(pairs=False):
    return wf.TEXT(analyzer=VietnameseAnalyzer(pairs=pairs), phrase=True)


def build_schema():
    schema = wf.Schema(
        pk=wf.ID(stored=True, unique=True, sortable=True),
        pknum=wf.NUMERIC(int, bits=64, signed=True, sortable=True),
        ct=wf.KEYWORD(),
        nulls=wf.KEYWORD(),
        all=_text_field(pairs=True),  # word pairs: see _compile_typed
        ac=wf.TEXT(analyzer=VietnameseAutocompleteAnalyzer(), phrase=False),
    )
    schema.add("allb_*", _text_field(pairs=True), glob=True)
    schema.add("f_*__t", _text_field(), glob=True)
    schema.add(
        "f_*__ac",
        wf.TEXT(analyzer=VietnameseAutocompleteAnalyzer(), phrase=False),
        glob=True,
    )
    schema.add(
        "f_*__i", wf.NUMERIC(int, bits=64, signed=True, sortable=True), glob=True
    )
    schema.add("f_*__im", wf.NUMERIC(int, bits=64, signed=True), glob=True)
    schema.add("f_*__f", wf.NUMERIC(float, sortable=True), glob=True)
    schema.add("f_*__fm", wf.NUMERIC(float), glob=True)
    schema.add("f_*__d", wf.DATETIME(sortable=True), glob=True)
    schema.add("f_*__dm", wf.DATETIME(), glob=True)
    schema.add("f_*__b", wf.BOOLEAN(), glob=True)
    schema.add("f_*__bm", wf.BOOLEAN(), glob=True)
    schema.add("f_*__s", wf.ID(sortable=True), glob=True)
    schema.add("f_*__sm", MultiID(), glob=True)
    return schema


WhooshMapping = DocumentMapping
