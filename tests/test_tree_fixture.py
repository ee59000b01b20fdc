"""The ``tree`` fixture is built once per module (tests/conftest.py): what one
test changes is undone before the next, each test gets its own objects, and a
test that commits never runs inside the module's outer transaction. The tests
run in file order and depend on it. A test that searches gets the tree indexed
in one write, with the documents its saves would have written."""

import pytest
from django.db import connection

from civic.people.models import User

from .factories import make_user

seen = {}


@pytest.mark.django_db
def test_a_test_changes_the_tree(tree):
    seen["group_1"] = tree.group_1
    tree.group_1.title = "Đổi tên"
    tree.group_1.save()
    tree.leader_1.is_active = False
    tree.leader_1.save()
    make_user("Mới", "0909999999")


@pytest.mark.django_db
def test_the_next_test_sees_the_tree_as_built(tree):
    assert tree.group_1 is not seen["group_1"]
    assert tree.group_1.title == "Tổ dân phố 1"
    tree.group_1.refresh_from_db()
    assert tree.group_1.title == "Tổ dân phố 1"
    assert User.objects.get(pk=tree.leader_1.pk).is_active
    assert not User.objects.filter(phone="0909999999").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_committing_test_builds_its_own_tree_outside_any_transaction(tree):
    assert not connection.in_atomic_block
    assert tree.group_1.title == "Tổ dân phố 1"


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
