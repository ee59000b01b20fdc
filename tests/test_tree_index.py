"""A test that searches gets the ``tree`` indexed in one write (tests/conftest.py,
``indexed_tree``): the index must hold what the tree's saves would have written.
(A module of its own: it builds a tree, so no module's shared tree may be open.)"""

import pytest


def _index_contents():
    """Each Whoosh index of the search backend: for each term, the stored fields
    of the live documents that hold it (a replaced document's terms stay in the
    index, deleted, until a merge)."""
    from modelsearch.backends import get_search_backend

    contents = {}
    for index in get_search_backend().all_indexes():
        ix = index.open()
        if ix is None:
            continue
        with ix.searcher() as searcher:
            reader = searcher.reader()
            stored = {n: repr(fields) for n, fields in reader.iter_docs()}
            terms = {}
            for field, text in reader.all_terms():
                docs = reader.postings(field, text).all_ids()
                holders = sorted(stored[n] for n in docs if not reader.is_deleted(n))
                if holders:
                    terms[field, text] = holders
            contents[index.name] = (sorted(stored.values()), terms)
    return contents


@pytest.mark.django_db
def test_the_tree_indexed_at_once_holds_what_its_saves_indexed(settings, tmp_path):
    from .conftest import build_tree, index_tree

    def backend(folder):
        return {
            "default": {
                "BACKEND": "search.backends.whoosh",
                "PATH": tmp_path / folder,
                "AUTO_UPDATE": True,
            }
        }

    settings.WAGTAILSEARCH_BACKENDS = backend("saves")
    tree = build_tree()
    by_saves = _index_contents()
    settings.WAGTAILSEARCH_BACKENDS = backend("at-once")
    index_tree(tree)
    assert by_saves["wagtailcore_page"][0]  # the area pages were indexed
    assert _index_contents() == by_saves
