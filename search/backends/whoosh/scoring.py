"""Scoring: bonuses that order the matches without changing them."""

from collections import defaultdict

from whoosh import query as wq
from whoosh.matching import ConstantScoreWrapperMatcher, NullMatcher, WrappingMatcher

from search.backends.common import (
    EXACT_TIER,
)


def _indexed_term(searcher, field, text):
    """``text`` as the index stores it in ``field``, or None if it is not there."""
    if field not in searcher.schema:
        return None
    try:
        btext = searcher.schema[field].to_bytes(text)
    except ValueError:
        return None
    return btext if (field, btext) in searcher.reader() else None


class PresenceTerm(wq.Term):
    """A bonus term: where present it scores its boost times the term's idf,
    without BM25's per-document work (reading the term's frequency and the
    field's length in that document). A typed query's bonuses (title words, word
    pairs, exact accents) are such terms: scored on every match, they cost most
    of a common query's time (measured in the search README)."""

    def matcher(self, searcher, context=None):
        text = _indexed_term(searcher, self.fieldname, self.text)
        if text is None:
            return NullMatcher()
        postings = searcher.postings(self.fieldname, text)
        idf = searcher.idf(self.fieldname, text)
        return ConstantScoreWrapperMatcher(postings, self.boost * idf)


class Bonused(wq.Query):
    """``required``'s matches, each scored ``required``'s score plus bonuses that
    never change the matches (what ``AndMaybe(required, Or(bonuses))`` of
    ``PresenceTerm``s scores, computed another way when that is cheaper).

    ``bonuses``: ``(terms, weight)`` pairs, ``terms`` a list of ``(field, text)``:
    a document gets ``weight × idf`` for each of the terms it holds. ``tier``: a
    list of groups of ``(field, text)``: a document holding a term of every group
    gets ``EXACT_TIER`` more.

    Advancing a tree of bonus matchers to every match costs most of a common
    query's time (every match is scored, see ``WhooshSearchResults._run``). When
    the bonus terms' postings are few next to that work, they are read once into
    a table instead (``_table``); otherwise the tree is used. Both give the same
    scores (tested)."""

    #: Reading one posting into the table against advancing one bonus matcher to
    #: one match: the table is built when it costs less. On a 20,000-document
    #: benchmark index (67 queries, 2 timings each) the table alone took 4,828 ms
    #: in all, the tree alone 6,930, this rule 4,784; the tree won one query
    #: (rare words, common bonus terms), by 3 %.
    TABLE_COST = 0.1

    def __init__(self, required, bonuses, tier=None, boost=1.0):
        self.required = required
        self.bonuses = [(list(terms), weight) for terms, weight in bonuses if terms]
        self.tier = [list(group) for group in tier or []]
        self.boost = boost

    def __repr__(self):
        return (
            f"Bonused({self.required!r}, {self.bonuses!r}, {self.tier!r}, {self.boost})"
        )

    def __eq__(self, other):
        return (
            type(other) is type(self)
            and self.required == other.required
            and self.bonuses == other.bonuses
            and self.tier == other.tier
            and self.boost == other.boost
        )

    def __hash__(self):
        return hash(repr(self))

    def is_leaf(self):
        return False

    def children(self):
        yield self.required

    def apply(self, fn):
        return Bonused(fn(self.required), self.bonuses, self.tier, self.boost)

    def with_boost(self, boost):
        return Bonused(self.required, self.bonuses, self.tier, boost)

    def requires(self):
        return self.required.requires()

    def estimate_size(self, ixreader):
        return self.required.estimate_size(ixreader)

    def _as_tree(self):
        parts = [
            (
                wq.Or([PresenceTerm(f, t) for f, t in terms])
                if len(terms) > 1
                else PresenceTerm(*terms[0])
            ).with_boost(weight)
            for terms, weight in self.bonuses
        ]
        if self.tier:
            every = [
                wq.Or([wq.Term(f, t) for f, t in group])
                if len(group) > 1
                else wq.Term(*group[0])
                for group in self.tier
            ]
            every = every[0] if len(every) == 1 else wq.And(every)
            parts.append(wq.ConstantScoreQuery(every, EXACT_TIER))
        if not parts:
            return self.required
        return wq.AndMaybe(self.required, parts[0] if len(parts) == 1 else wq.Or(parts))

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        m = self.required.matcher(searcher, context)
        if not m.is_active():
            # Nothing matches in this segment (most segments of most kinds, in a
            # search over every kind): no bonus to weigh.
            return m
        terms = [ft for terms, _w in self.bonuses for ft in terms]
        terms += [ft for group in self.tier for ft in group]
        postings = sum(reader.doc_frequency(f, t) for f, t in terms)
        visits = self.required.estimate_size(reader) * len(terms)
        if postings * self.TABLE_COST >= visits:
            m = self._as_tree().matcher(searcher, context)
        else:
            m = _TableMatcher(m, self._table(searcher))
        if self.boost != 1.0:
            m = WrappingMatcher(m, boost=self.boost)
        return m

    def _ids(self, searcher, field, text):
        btext = _indexed_term(searcher, field, text)
        if btext is None:
            return None
        return btext, searcher.postings(field, btext).all_ids()

    def _table(self, searcher):
        table = defaultdict(float)
        for terms, weight in self.bonuses:
            for field, text in terms:
                found = self._ids(searcher, field, text)
                if found is None:
                    continue
                btext, ids = found
                add = weight * searcher.idf(field, btext)
                for docid in ids:
                    table[docid] += add
        if self.tier:
            common = None
            for group in self.tier:
                ids = set()
                for field, text in group:
                    found = self._ids(searcher, field, text)
                    if found is not None:
                        ids.update(found[1])
                common = ids if common is None else common & ids
                if not common:
                    break
            for docid in common or ():
                table[docid] += EXACT_TIER
        return table


class _TableMatcher(WrappingMatcher):
    """``child``'s matches; each scores its own score plus the table's bonus."""

    def __init__(self, child, table):
        WrappingMatcher.__init__(self, child)
        self._table = table

    def copy(self):
        return _TableMatcher(self.child.copy(), self._table)

    def _replacement(self, newchild):
        return _TableMatcher(newchild, self._table)

    def supports_block_quality(self):
        return False

    def score(self):
        return self.child.score() + self._table.get(self.child.id(), 0.0)
