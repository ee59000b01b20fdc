"""One search over several kinds (the search page), and "did you mean"."""

from collections import OrderedDict, defaultdict
from contextlib import ExitStack
from heapq import heappush, heapreplace

from modelsearch.query import (
    PlainText,
)
from whoosh import collectors, scoring
from whoosh import query as wq

from search.analysis import (
    ACCENT_MARK,
    PAIR_MARK,
    words,
)
from search.backends.common import (
    ALL_TEXT,
    CONTENT_TYPES,
    EXACT_TIER,
    PK,
    PartHits,
    part_compilers,
)
from search.backends.whoosh.query import _positive
from search.backends.whoosh.scoring import Bonused, _indexed_term
from search.backends.whoosh.storage import SEARCHERS_PER_THREAD, _local, searching

# -- one search over several kinds ----------------------------------------------


#: Documents that no part allows, in a kinds table.
_NO_PART = 255
#: Kinds tables kept per combined searcher (one per set of filters: a day's
#: listing rules, an area chosen…).
KIND_TABLES = 16


class _PartCollector(collectors.TopCollector):
    """Scores every match (see ``WhooshSearchResults._run``: no top-N
    shortcuts), keeps the best ``limit`` among the documents some part allows, and
    counts the matches of each part in the same pass (``kinds``: document number →
    part)."""

    def __init__(self, limit, kinds, parts, skip=()):
        super().__init__(limit, usequality=False, replace=0)
        self.kinds = kinds
        self.counts = [0] * parts
        self.skip = skip  # offsets of the segments no part allows anything of

    def run(self):
        try:
            for subsearcher, offset in self.top_searcher.leaf_searchers():
                if offset in self.skip:
                    continue
                self.set_subsearcher(subsearcher, offset)
                self.collect_matches()
        finally:
            self.finish()

    def collect_matches(self):
        # ``TopCollector``'s loop without its per-match checks for the top-N
        # shortcuts (not used: ``usequality=False, replace=0``).
        matcher = self.matcher
        kinds, counts, offset = self.kinds, self.counts, self.offset
        items, limit, final = self.items, self.limit, self.final_fn
        searcher = self.top_searcher
        total = 0
        while matcher.is_active():
            docnum = offset + matcher.id()
            part = kinds[docnum]
            if part != _NO_PART:
                counts[part] += 1
                total += 1
                score = matcher.score()
                if final:
                    score = final(searcher, docnum, score)
                if len(items) < limit:
                    heappush(items, (score, -docnum))
                elif score > items[0][0]:
                    heapreplace(items, (score, -docnum))
            matcher.next()
        self.total += total


class _Combined:
    """One searcher over several indexes' kept searchers (a ``MultiReader`` of
    their segments), and its kinds tables. Kept per thread while every searcher
    under it is the one ``searching()`` keeps (an index that changed gets a new
    searcher there, so this is rebuilt)."""

    def __init__(self, subs):
        from whoosh.reading import MultiReader
        from whoosh.searching import Searcher

        self.subs = subs
        # Segments without a document (an empty index) are left out.
        leaves = [
            r
            for s in subs
            for r, _offset in s.reader().leaf_readers()
            if r.doc_count_all()
        ]
        if len(subs) == 1 and len(leaves) == len(subs[0].reader().leaf_readers()):
            self.searcher = subs[0]
        elif len(leaves) == 1:
            self.searcher = Searcher(leaves[0], closereader=False)
        else:
            self.searcher = Searcher(MultiReader(leaves), closereader=False)
        self.tables = OrderedDict()
        # (segment offset, field, term) → {docnum: weight}: the postings of the
        # terms searched since the index last changed (``_TermPostings``)
        self.postings = _TermPostings()

    def kinds(self, filters):
        """Document number → the first part whose filter allows it, and the
        offsets of the segments where no part allows anything (not searched)."""
        key = tuple(filters)
        found = self.tables.pop(key, None)
        if found is None:
            table = bytearray([_NO_PART]) * self.searcher.doc_count_all()
            for part in range(len(filters) - 1, -1, -1):
                for docnum in self.searcher.docs_for_query(filters[part]):
                    table[docnum] = part
            skip = set()
            for leaf, offset in self.searcher.leaf_searchers():
                n = leaf.doc_count_all()
                if table.count(_NO_PART, offset, offset + n) == n:
                    skip.add(offset)
            found = (table, frozenset(skip), [])
        self.tables[key] = found
        while len(self.tables) > KIND_TABLES:
            self.tables.popitem(last=False)
        return found

    @staticmethod
    def allowed(found):
        """The documents some part allows, as a set (made once per table)."""
        table, _skip, memo = found
        if not memo:
            memo.append({i for i, part in enumerate(table) if part != _NO_PART})
        return memo[0]


def _combined(ixs):
    cache = getattr(_local, "combined", None)
    if cache is None:
        cache = _local.combined = OrderedDict()
    key = tuple((str(ix.storage.folder), ix.indexname) for ix in ixs)
    with ExitStack() as stack:
        subs = [stack.enter_context(searching(ix)) for ix in ixs]
    found = cache.pop(key, None)
    if (
        found is None
        or len(found.subs) != len(subs)
        or any(a is not b for a, b in zip(found.subs, subs, strict=True))
    ):
        found = _Combined(subs)
    cache[key] = found
    while len(cache) > SEARCHERS_PER_THREAD:
        cache.popitem(last=False)
    return found


#: Postings kept decoded per combined searcher (``_TermPostings``, an LRU of
#: terms): at most this many ``docnum: weight`` pairs (~100 bytes each).
POSTINGS_KEPT = 300_000


class _TermPostings:
    """Decoded postings (``{docnum: weight}``, segment numbering) of the terms
    searched, per segment, kept with the combined searcher until an index
    changes: decoding a common word's blocks (unpickling, decompressing) cost
    more than the search that used it."""

    def __init__(self, most=None):
        self.kept = OrderedDict()
        self.size = 0
        self.most = POSTINGS_KEPT if most is None else most

    def lengths(self, offset, reader, field):
        """Each document's length of ``field`` in one segment (a list, as BM25
        reads it), kept as the postings are."""
        key = (offset, field, None)
        found = self.kept.pop(key, None)
        if found is None:
            length = reader.doc_field_length
            found = [length(d, field, 1) for d in range(reader.doc_count_all())]
            self.size += len(found)
        self.kept[key] = found
        return found

    def get(self, offset, reader, field, btext):
        key = (offset, field, btext)
        found = self.kept.pop(key, None)
        if found is None:
            found = _read_postings(reader, field, btext)
            self.size += len(found)
        self.kept[key] = found
        while self.size > self.most and len(self.kept) > 1:
            _key, dropped = self.kept.popitem(last=False)
            self.size -= len(dropped)
        return found


def _read_postings(reader, field, btext):
    """``{docnum: weight}`` of a term in one segment (empty if absent), read a
    block at a time where the codec allows."""
    if (field, btext) not in reader:
        return {}
    m = reader.postings(field, btext)
    out = {}
    if hasattr(m, "_read_ids") and hasattr(m, "_next_block"):
        while m.is_active():
            if m._ids is None:
                m._read_ids()
            if m._weights is None:
                m._read_weights()
            out.update(zip(m._ids, m._weights, strict=True))
            m._next_block()
        return out
    while m.is_active():
        out[m.id()] = m.weight()
        m.next()
    return out


def _leaf_terms(q):
    """``q``'s terms when it is a plain ``Term`` or an ``And``/``Or`` of plain
    ``Term``s (the search page's typed query: each word in the combined
    field), else None."""
    if type(q) is wq.Term and q.boost == 1.0:
        return [q]
    if type(q) in (wq.And, wq.Or) and q.boost == 1.0:
        if all(type(t) is wq.Term and t.boost == 1.0 for t in q.subqueries):
            return list(q.subqueries)
    return None


def _fast_shape(q):
    return type(q) is Bonused and q.boost == 1.0 and _leaf_terms(q.required) is not None


def _fast_parts(combined, q, kinds, nparts, skip, limit, every=False):
    """What ``_PartCollector`` finds for a typed query (``Bonused`` over a
    ``Term`` or an ``And``/``Or`` of ``Term``s), without scoring every match.

    Per segment, from the terms' kept postings (``_TermPostings``): the matches
    are a set intersection (``And``) or union (``Or``), counted per part; each
    allowed match gets its bonus (the table ``Bonused`` builds) and a bound on
    its score, the bonus plus each term's BM25 at its highest weight in the
    segment and a field length of 0 (BM25 grows with the weight and shrinks
    with the length). Matches are then scored exactly, best bonus first, until
    the next one's bound cannot beat the ``limit``-th score found: the same
    first page and counts as scoring every match (tested), on a common query a
    fraction of the work.

    ``every`` (suggestions: one field of prefixes, no bonus to order by): every
    allowed match is scored, from the field's lengths kept with the postings
    (no column read per match)."""
    searcher = combined.searcher
    cache = combined.postings
    terms = _leaf_terms(q.required)
    conjunctive = type(q.required) is not wq.Or
    counts = [0] * nparts
    items = []  # heap of (score, -docnum), as TopCollector keeps it
    for leaf, offset in searcher.leaf_searchers():
        if offset in skip:
            continue
        reader = leaf.reader()
        scored = _segment_scorers(
            searcher.weighting, leaf, offset, terms, cache, conjunctive
        )
        if scored is None:
            return None  # no bound known: score every match
        if not scored:
            continue
        matches = _segment_matches(scored, conjunctive)
        allowed = []
        for docnum in matches:
            part = kinds[offset + docnum]
            if part != _NO_PART:
                counts[part] += 1
                allowed.append(docnum)
        if not allowed:
            continue
        table = _bonus_table(q, leaf, offset, reader, cache, matches)
        if every:
            fields = {t.fieldname for t in terms}
            lengths = (
                cache.lengths(offset, reader, fields.pop())
                if len(fields) == 1
                else None
            )
            _score_every(items, limit, offset, allowed, scored, table, lengths)
        else:
            _score_best_first(items, limit, offset, allowed, scored, table)
    top = [(score, -neg) for score, neg in sorted(items, reverse=True)]
    return top, counts


def _segment_scorers(weighting, leaf, offset, terms, cache, conjunctive):
    """``(postings, scorer)`` of the required terms present in a segment; ``[]``
    when the segment cannot match, ``None`` when a scorer has no bound."""
    scored = []
    missing = False
    reader = leaf.reader()
    for t in terms:
        btext = _indexed_term(leaf, t.fieldname, t.text)
        postings = cache.get(offset, reader, t.fieldname, btext) if btext else {}
        if not postings:
            missing = True
            continue
        scorer = weighting.scorer(leaf, t.fieldname, btext)
        if not isinstance(scorer, scoring.WeightLengthScorer):
            return None
        scored.append((postings, scorer))
    if missing and conjunctive:
        return []
    return scored


def _segment_matches(scored, conjunctive):
    """The documents holding every term (``And``) or any (``Or``): sets, in C."""
    sets = [p.keys() for p, _s in scored]
    if conjunctive:
        sets.sort(key=len)
        return set(sets[0]).intersection(*sets[1:])
    return set().union(*sets)


def _bonus_table(q, leaf, offset, reader, cache, matches):
    """document → bonus of the matches, as ``Bonused._table`` adds them (same
    order): the bonus terms' weight × idf, and ``EXACT_TIER`` for the tier."""
    table = defaultdict(float)
    for bterms, weight in q.bonuses:
        for field, text in bterms:
            btext = _indexed_term(leaf, field, text)
            if btext is None:
                continue
            postings = cache.get(offset, reader, field, btext)
            if not postings:
                continue
            add = weight * leaf.idf(field, btext)
            for docnum in matches.intersection(postings.keys()):
                table[docnum] += add
    if q.tier:
        common = None
        for group in q.tier:
            ids = set()
            for field, text in group:
                btext = _indexed_term(leaf, field, text)
                if btext is not None:
                    ids.update(cache.get(offset, reader, field, btext).keys())
            common = ids if common is None else common & ids
            if not common:
                break
        for docnum in (common or set()) & matches:
            table[docnum] += EXACT_TIER
    return table


def _score_every(items, limit, offset, allowed, scored, table, lengths):
    """Suggestions: every allowed match scored (lengths kept with the postings)."""
    get = table.get
    for docnum in allowed:
        score = 0.0
        length = lengths[docnum] if lengths is not None else None
        for postings, scorer in scored:
            w = postings.get(docnum)
            if w is not None:
                if length is None:
                    length = scorer.dfl(docnum)
                score += scorer._score(w, length)
        entry = (score + get(docnum, 0.0), -(offset + docnum))
        if len(items) < limit:
            heappush(items, entry)
        elif entry > items[0]:
            heapreplace(items, entry)


def _score_best_first(items, limit, offset, allowed, scored, table):
    """The page: matches scored best bonus first, until the next one's bound
    (its bonus + every term's best BM25) cannot beat the ``limit``-th score."""
    get = table.get
    ceiling = sum(s._score(max(p.values()), 0) for p, s in scored)
    allowed.sort(key=lambda d: (-get(d, 0.0), d))
    for docnum in allowed:
        bonus = get(docnum, 0.0)
        if len(items) >= limit and bonus + ceiling < items[0][0]:
            break  # sorted by bonus: no later match can enter the page
        score = 0.0
        length = None
        for postings, scorer in scored:
            w = postings.get(docnum)
            if w is not None:
                if length is None:
                    length = scorer.dfl(docnum)
                score += scorer._score(w, length)
        score += bonus
        entry = (score, -(offset + docnum))
        if len(items) < limit:
            heappush(items, entry)
        elif entry > items[0]:
            heapreplace(items, entry)


def search_parts(
    backend, query, querysets, operator=None, limit=10, autocomplete=False
):
    """Search ``querysets`` (of any indexed models, in any indexes) in one pass.

    The text query is compiled once (over the combined field and every boosted
    field of the models); each queryset becomes a filter (its content type and its
    own filters), and a table of which part each document belongs to (kept with
    the searchers until an index changes) lets one collector score every match,
    keep the best ``limit`` of all parts together and count each part's matches.
    BM25F's statistics are those of all the indexes together. Returns
    :class:`PartHits`. With ``autocomplete`` (the header box's suggestions: the
    ``ac`` prefixes) only the best ``limit`` are wanted: Whoosh's top-N collector
    with its block skipping, and ``counts`` are those of the hits returned."""
    querysets = list(querysets)
    empty = PartHits([], [0] * len(querysets))
    if not querysets or query == "" or limit < 1:
        return empty
    compilers = part_compilers(backend, query, querysets, operator, autocomplete)
    fields = {}
    for compiler in compilers:
        for name, boost in compiler.get_text_fields():
            fields[name] = boost
    fields = sorted(fields.items(), key=lambda fb: (fb[0] != ALL_TEXT, fb[0]))
    first = compilers[0]
    if isinstance(first.query, PlainText) and first.typed_query:
        q = first._compile_typed(first.query, fields, True)
    else:
        q = _positive(first._compile(first.query, fields))
    if q is wq.NullQuery:
        return empty
    filters = []
    for compiler in compilers:
        ct = wq.Term(CONTENT_TYPES, compiler.mapping.get_content_type())
        own = compiler._get_filters_from_queryset()
        filters.append(ct if own is None else _positive(wq.And([ct, own])))
    ixs = {}
    for compiler in compilers:
        index = backend.get_index_for_model(compiler.queryset.model)
        if index.name not in ixs:
            ix = index.open()
            if ix is not None:
                ixs[index.name] = ix
    if not ixs:
        return empty
    combined = _combined([ixs[name] for name in sorted(ixs)])
    searcher = combined.searcher
    found = combined.kinds(filters)
    kinds, skip, _memo = found
    fast = None
    if autocomplete and _leaf_terms(q) is not None:
        # Suggestions: the best few of the ``ac`` prefixes, every allowed match
        # scored from the kept postings and field lengths (``_fast_parts``)
        fast = _fast_parts(
            combined, Bonused(q, []), kinds, len(filters), skip, limit, every=True
        )
    if fast is not None:
        top = fast[0]
        counts = [0] * len(filters)
        for _score, docnum in top:
            counts[kinds[docnum]] += 1
    elif autocomplete:
        # Suggestions need the best few, not counts: prefixes of one field, a
        # term per word (no nested boosted unions), so Whoosh's top-N shortcuts
        # (skipping blocks that cannot beat the N-th score) are safe here.
        collector = collectors.FilterCollector(
            collectors.TopCollector(limit), allow=_Combined.allowed(found)
        )
        searcher.search_with_collector(q, collector)
        top = collector.results().top_n
        counts = [0] * len(filters)
        for _score, docnum in top:
            counts[kinds[docnum]] += 1
    elif _fast_shape(q) and (
        fast := _fast_parts(combined, q, kinds, len(filters), skip, limit)
    ):
        top, counts = fast
    else:
        collector = _PartCollector(limit, kinds, len(filters), skip)
        searcher.search_with_collector(q, collector)
        top = collector.results().top_n
        counts = collector.counts
    hits = [
        (kinds[docnum], searcher.stored_fields(docnum)[PK], score)
        for score, docnum in top
    ]
    return PartHits(hits, counts)


def did_you_mean(text, models, backend_name="default"):
    """A corrected query when some of ``text``'s words are in no index of
    ``models`` and the index holds a word close to them ("thong bao cat nuoc" for
    "thong bao cat nuco"); otherwise ``""``. Words are suggested without
    diacritics, as the index compares them."""
    from modelsearch.backends import get_search_backend

    from search.backends.whoosh.backend import WhooshSearchBackend  # a cycle

    backend = get_search_backend(backend_name)
    if not isinstance(backend, WhooshSearchBackend):
        return ""
    indexes = {}
    for model in models:
        index = backend.get_index_for_model(model)
        indexes.setdefault(index.name, index)
    ixs = {}
    for name, index in indexes.items():
        ix = index.open()
        if ix is not None:
            ixs[name] = ix
    if not ixs:
        return ""
    # One searcher over every index (kept, as the search's), and only the words
    # sharing the first letter: Whoosh walks the lexicon for each word, and all
    # of it took 0.3 s for a three-word name on the demo ward.
    searcher = _combined([ixs[name] for name in sorted(ixs)]).searcher
    changed = False
    out = []
    for i, (accented, folded) in enumerate(words(text)):
        if i >= DID_YOU_MEAN_WORDS or searcher.doc_frequency(ALL_TEXT, folded):
            out.append(accented)
            continue
        best = None
        for candidate in searcher.suggest(
            ALL_TEXT, folded, limit=3, maxdist=2, prefix=1
        ):
            if not candidate.startswith((ACCENT_MARK, PAIR_MARK)):
                best = candidate
                break
        if best is None:
            out.append(accented)
        else:
            out.append(best)
            changed = True
    return " ".join(out) if changed else ""


#: Words of a query that ``did_you_mean`` corrects (the first ones).
DID_YOU_MEAN_WORDS = 8
