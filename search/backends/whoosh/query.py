"""Query compilation: modelsearch queries and filters to Whoosh queries."""

from itertools import pairwise

from django.db.models import Subquery
from django.db.models.sql import Query
from django.db.models.sql.constants import MULTI, SINGLE
from modelsearch.backends.base import (
    BaseSearchQueryCompiler,
    get_model_root,
)
from modelsearch.index import (
    get_indexed_models,
)
from modelsearch.query import (
    And,
    Boost,
    Fuzzy,
    MatchAll,
    Not,
    Or,
    Phrase,
    PlainText,
)
from whoosh import query as wq
from whoosh import sorting

from search.analysis import (
    accented_term,
    pair_term,
    words,
)
from search.backends.common import (
    ACCENT_BOOST,
    ALL_TEXT,
    AUTOCOMPLETE,
    CONTENT_TYPES,
    NULLS,
    PHRASE_BOOST,
    PK,
    PK_NUM,
    CompilerMixin,
    _kind_of_type,
    _pk_type,
    clean_value,
)
from search.backends.whoosh.schema import WhooshMapping
from search.backends.whoosh.scoring import Bonused

# -- query compiler -------------------------------------------------------------


class WhooshSearchQueryCompiler(CompilerMixin, BaseSearchQueryCompiler):
    DEFAULT_OPERATOR = "or"
    mapping_class = WhooshMapping

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mapping = self.mapping_class(self.queryset.model)

    # Fields searched, as (whoosh field, boost) pairs.

    def get_text_fields(self):
        if self.fields:
            searchable = {
                f.field_name: f
                for f in self.queryset.model.get_searchable_search_fields()
            }
            out = []
            for name in self.fields:
                field = searchable.get(name)
                if field is not None:
                    out.append(
                        (self.mapping.text_column(field), float(field.boost or 1))
                    )
            return out
        out = [(ALL_TEXT, 1.0)]
        boosts = set()
        for model in get_indexed_models():
            if not issubclass(model, self.queryset.model):
                continue
            for field in model.get_searchable_search_fields():
                if field.boost and float(field.boost) != 1.0:
                    boosts.add(float(field.boost))
        out.extend((self.mapping.boost_column(b), b) for b in sorted(boosts))
        return out

    # Filters.

    def _process_lookup(self, field_path, lookup, value):
        column, kind = self.mapping.filter_column(field_path)

        if lookup == "exact":
            if isinstance(value, (Query, Subquery)):
                value = self._resolve_query_value(value, SINGLE)
            if value is None:
                return wq.Term(NULLS, column)
            return wq.Term(column, clean_value(kind, value))

        if lookup == "isnull":
            if value:
                return wq.Term(NULLS, column)
            return wq.Not(wq.Term(NULLS, column))

        if lookup in ("startswith", "prefix"):
            if kind != "s":
                return None
            return wq.Prefix(column, clean_value(kind, value))

        if lookup in ("gt", "gte", "lt", "lte", "range"):
            return _range_query(column, kind, lookup, value)

        if lookup == "in":
            if isinstance(value, (Query, Subquery)):
                value = self._resolve_query_value(value, MULTI)
            values = [v for v in value]
            terms = [
                wq.Term(column, clean_value(kind, v)) for v in values if v is not None
            ]
            if any(v is None for v in values):
                terms.append(wq.Term(NULLS, column))
            if not terms:
                return wq.NullQuery
            return wq.Or(terms)

        return None

    def _process_match_none(self):
        return wq.NullQuery

    def _connect_filters(self, filters, connector, negated):
        if not filters:
            return None
        if len(filters) == 1:
            out = filters[0]
        elif connector == "AND":
            out = wq.And(filters)
        else:
            out = wq.Or(filters)
        if negated:
            out = wq.Not(out)
        return out

    def get_filter(self):
        """What the queryset allows, or ``None`` for every document of the index
        (a root model's queryset with no filter: an index holds one root model)."""
        queryset_filter = self._get_filters_from_queryset()
        model = self.queryset.model
        if queryset_filter is None and get_model_root(model) is model:
            return None
        parts = [wq.Term(CONTENT_TYPES, self.mapping.get_content_type())]
        if queryset_filter is not None:
            parts.append(queryset_filter)
        return _positive(wq.And(parts))

    # Text query.

    def _word_query(self, field, accented, folded, typed_accents):
        """One word in one field: its folded form; when the query was typed with
        accents, its exact form adds ``ACCENT_BOOST``."""
        q = wq.Term(field, folded)
        if typed_accents:
            q = wq.Or([q, wq.Term(field, accented_term(accented), boost=ACCENT_BOOST)])
        return q

    def _over_fields(self, fields, build):
        subqueries = []
        for field, boost in fields:
            q = build(field)
            if q is None:
                continue
            if boost != 1.0:
                q = q.with_boost(q.boost * boost)
            subqueries.append(q)
        if not subqueries:
            return wq.NullQuery
        if len(subqueries) == 1:
            return subqueries[0]
        return wq.DisjunctionMax(subqueries)

    def _compile_plaintext(self, query, fields, boost=1.0):
        ws = words(query.query_string)
        if not ws:
            return wq.NullQuery
        # Typed with a Vietnamese keyboard (some word has a mark): every word is
        # meant as typed, "Nam" included. Typed without: nothing to prefer.
        typed_accents = any(a != fo for a, fo in ws)
        word_queries = [
            self._over_fields(
                fields,
                lambda f, a=a, fo=fo: self._word_query(f, a, fo, typed_accents),
            )
            for a, fo in ws
        ]
        q = _joined(word_queries, query.operator)
        boost = boost * getattr(query, "boost", 1.0)
        if boost != 1.0:
            q = q.with_boost(q.boost * boost)
        return q

    def _compile_typed(self, query, fields, scored):
        """A typed query (a plain string or ``PlainText``), built for speed: it is
        scored on every match (see ``WhooshSearchResults._run``).

        Documents match on the folded words alone (in the combined field, or in
        the fields asked for), scored by BM25F. With ``scored``, bonuses that
        never change the matches (``Bonused``) order them; each is its weight
        times the term's idf where the term is present (no per-document BM25):

        * a boosted field (a title) holding a word: the field's boost;
        * the words' pairs found next to each other ("cắt nước"): ``PHRASE_BOOST``
          (pairs are indexed in the combined and boosted fields; fields named in
          the search read positions instead, a BM25 phrase bonus);
        * typed with marks: each word found exactly as typed, ``ACCENT_BOOST``;
          and every word found exactly as typed, ``EXACT_TIER`` (first place).
        """
        ws = words(query.query_string)
        if not ws:
            return wq.NullQuery
        folded = [fo for _a, fo in ws]
        if self.fields:
            match_fields, boosted = fields, []
        else:
            match_fields = [(f, b) for f, b in fields if f == ALL_TEXT]
            boosted = [(f, b) for f, b in fields if f != ALL_TEXT]
        names = [f for f, _b in match_fields]

        def over(build):
            return self._over_fields(match_fields, build)

        word_queries = [over(lambda f, fo=fo: wq.Term(f, fo)) for fo in folded]
        q = _joined(word_queries, query.operator)
        boost = getattr(query, "boost", 1.0)
        if not scored:
            return q

        bonuses = [([(f, fo) for fo in folded], b) for f, b in boosted]
        phrase = None
        if len(ws) > 1 and not self.fields:
            pairs = [pair_term(x, y) for x, y in pairwise(folded)]
            for f, b in [(ALL_TEXT, 1.0), *boosted]:
                bonuses.append(([(f, p) for p in pairs], PHRASE_BOOST * b))
        elif len(ws) > 1:
            # Fields asked for by name (rare) keep no pairs: read positions.
            phrases = [wq.Phrase(f, folded, boost=b) for f, b in match_fields]
            phrase = phrases[0] if len(phrases) == 1 else wq.Or(phrases)
            phrase = phrase.with_boost(PHRASE_BOOST)
        # Typed with a Vietnamese keyboard (some word has a mark): every word is
        # meant as typed, "Nam" included. Typed without: nothing to prefer.
        tier = None
        if any(a != fo for a, fo in ws):
            tier = [[(f, accented_term(a)) for f in names] for a, _fo in ws]
            bonuses.append(([ft for group in tier for ft in group], ACCENT_BOOST))
        q = Bonused(q, bonuses, tier)
        if phrase is not None:
            q = wq.AndMaybe(q, phrase)
        if boost != 1.0:
            q = q.with_boost(q.boost * boost)
        return q

    #: Plain typed text gets ``_compile_typed`` (not autocomplete's prefixes).
    typed_query = True

    def _compile_phrase(self, query, fields):
        folded = [fo for _a, fo in words(query.query_string)]
        if not folded:
            return wq.NullQuery
        if len(folded) == 1:
            return self._over_fields(fields, lambda f: wq.Term(f, folded[0]))
        return self._over_fields(fields, lambda f: wq.Phrase(f, folded))

    def _compile_fuzzy(self, query, fields):
        ws = words(query.query_string)
        if not ws:
            return wq.NullQuery

        def fuzzy(f, fo):
            n = len(fo)
            dist = 0 if n <= 2 else (1 if n <= 5 else 2)
            if dist == 0:
                return wq.Term(f, fo)
            return wq.FuzzyTerm(f, fo, maxdist=dist, prefixlength=1)

        word_queries = [
            self._over_fields(fields, lambda f, fo=fo: fuzzy(f, fo)) for _a, fo in ws
        ]
        return _joined(word_queries, query.operator)

    def _compile(self, query, fields, boost=1.0):
        if isinstance(query, MatchAll):
            return wq.Every()
        if isinstance(query, PlainText):
            return self._compile_plaintext(query, fields, boost)
        if isinstance(query, Phrase):
            q = self._compile_phrase(query, fields)
        elif isinstance(query, Fuzzy):
            q = self._compile_fuzzy(query, fields)
        elif isinstance(query, And):
            subqueries = [self._compile(s, fields, boost) for s in query.subqueries]
            if any(s is wq.NullQuery for s in subqueries):
                return wq.NullQuery
            subqueries = [s for s in subqueries if not isinstance(s, wq.Every)]
            if not subqueries:
                return wq.Every()
            return subqueries[0] if len(subqueries) == 1 else wq.And(subqueries)
        elif isinstance(query, Or):
            subqueries = [self._compile(s, fields, boost) for s in query.subqueries]
            subqueries = [s for s in subqueries if s is not wq.NullQuery]
            if not subqueries:
                return wq.NullQuery
            if any(isinstance(s, wq.Every) for s in subqueries):
                return wq.Every()
            return subqueries[0] if len(subqueries) == 1 else wq.Or(subqueries)
        elif isinstance(query, Not):
            inner = self._compile(query.subquery, fields, boost)
            if inner is wq.NullQuery:
                return wq.Every()
            if isinstance(inner, wq.Every):
                return wq.NullQuery
            return wq.Not(inner)
        elif isinstance(query, Boost):
            return self._compile(query.subquery, fields, boost * query.boost)
        else:
            raise NotImplementedError(
                f"`{query.__class__.__name__}` is not supported by the Whoosh "
                "search backend."
            )
        if boost != 1.0:
            q = q.with_boost(q.boost * boost)
        return q

    def get_query(self, scored=True):
        """The Whoosh query; ``scored=False`` leaves out the ranking bonuses (they
        never change which documents match, so counting does not need them)."""
        fields = self.get_text_fields()
        if isinstance(self.query, PlainText) and self.typed_query:
            # Typed text: ranked with bonuses (see ``_compile_typed``). Composed
            # queries (And, Or, Boost…) are scored on their words alone.
            return self._compile_typed(self.query, fields, scored)
        return _positive(self._compile(self.query, fields))

    # Ordering.

    #: ``F("field").asc()``/``.desc()`` are understood; other expressions raise.
    HANDLES_ORDER_BY_EXPRESSIONS = True

    def _get_order_by_fields(self):
        return self._get_order_by()

    def get_sortedby(self):
        """``None`` for relevance, else a list of Whoosh facets."""
        if self.order_by_relevance:
            return None
        facets = []
        if self.queryset.ordered:
            for reverse, field in self._get_order_by_fields():
                column, _kind = self.mapping.filter_column([field])
                facets.append(sorting.FieldFacet(column, reverse=reverse))
        if not facets:
            pk_field = self.queryset.model._meta.pk
            column = PK_NUM if _kind_of_type(_pk_type(pk_field)) == "i" else PK
            facets.append(sorting.FieldFacet(column, reverse=True))
        return facets


#: Whoosh's range query of each kind of filter column.
RANGES = {
    "s": wq.TermRange,
    "d": wq.DateRange,
    "i": wq.NumericRange,
    "f": wq.NumericRange,
}


def _range_query(column, kind, lookup, value):
    """``gt``/``gte``/``lt``/``lte``/``range`` on a filter column, or ``None``
    (booleans have no range)."""
    if lookup == "range":
        lower, upper = value
        start, end = clean_value(kind, lower), clean_value(kind, upper)
        startexcl = endexcl = False
    else:
        v = clean_value(kind, value)
        start = v if lookup in ("gt", "gte") else None
        end = v if lookup in ("lt", "lte") else None
        startexcl = lookup == "gt"
        endexcl = lookup == "lt"
    query_class = RANGES.get(kind)
    if query_class is None:
        return None
    return query_class(column, start, end, startexcl, endexcl)


def _joined(word_queries, operator):
    """The words' queries joined as the query's operator says ("and" / "or")."""
    if len(word_queries) == 1:
        return word_queries[0]
    return wq.And(word_queries) if operator == "and" else wq.Or(word_queries)


def _positive(q):
    """Whoosh cannot run a bare ``Not``: anchor it to every document."""
    if isinstance(q, wq.Not):
        return wq.AndNot(wq.Every(), q.query)
    if isinstance(q, wq.And):
        positives = [s for s in q.subqueries if not isinstance(s, wq.Not)]
        negatives = [s.query for s in q.subqueries if isinstance(s, wq.Not)]
        if negatives:
            positive = (
                wq.And([_positive(s) for s in positives]) if positives else wq.Every()
            )
            negative = negatives[0] if len(negatives) == 1 else wq.Or(negatives)
            return wq.AndNot(positive, negative)
        return wq.And([_positive(s) for s in q.subqueries], boost=q.boost)
    if isinstance(q, wq.Or):
        return wq.Or([_positive(s) for s in q.subqueries], boost=q.boost)
    return q


class WhooshAutocompleteQueryCompiler(WhooshSearchQueryCompiler):
    typed_query = False

    def get_text_fields(self):
        if self.fields:
            ac_fields = {
                f.field_name: f
                for f in self.queryset.model.get_autocomplete_search_fields()
            }
            out = []
            for name in self.fields:
                field = ac_fields.get(name)
                if field is not None:
                    out.append((self.mapping.autocomplete_column(field), 1.0))
            return out
        return [(AUTOCOMPLETE, 1.0)]

    def _word_query(self, field, accented, folded, typed_accents=False):
        return wq.Term(field, folded[:20])

    def _compile(self, query, fields, boost=1.0):
        if isinstance(query, (PlainText, MatchAll)):
            return super()._compile(query, fields, boost)
        raise NotImplementedError(
            f"`{query.__class__.__name__}` is not supported for autocomplete queries."
        )
