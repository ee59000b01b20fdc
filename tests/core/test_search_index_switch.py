"""The suite's search switch (tests/conftest.py): saves and publishes reach the
Whoosh index only in tests marked ``search_index`` (and all of tests/search)."""

import pytest
from wagtail.search.backends import get_search_backend

from content.models import AreaKind, AreaPage, HomePage

from ..conftest import add_area


def _publish_and_search():
    add_area(HomePage.objects.get(), "Phường Xylophon", AreaKind.WARD, "xylophon")
    return [p.slug for p in get_search_backend().search("Xylophon", AreaPage)]


def test_unmarked_tests_index_nothing(db):
    assert _publish_and_search() == []


@pytest.mark.search_index
def test_marked_tests_index_what_they_publish(db):
    assert _publish_and_search() == ["xylophon"]
