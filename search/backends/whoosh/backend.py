"""The backend class and its default index folder."""

import os
from pathlib import Path

from django.conf import settings
from modelsearch.backends.base import (
    BaseSearchBackend,
    get_model_root,
)

from search.backends.whoosh.parts import search_parts
from search.backends.whoosh.query import (
    WhooshAutocompleteQueryCompiler,
    WhooshSearchQueryCompiler,
)
from search.backends.whoosh.results import WhooshSearchResults
from search.backends.whoosh.storage import WhooshIndex, WhooshIndexRebuilder

# -- backend ------------------------------------------------------------------


_test_path = None


def default_path():
    """``VAR_DIR / "whoosh"``; under pytest, a temporary folder for the process.

    A test run must never write its throwaway pages into the site's index: when no
    ``PATH`` is configured and pytest is running a test, the index goes to a
    temporary folder that is removed when the process exits.
    """
    global _test_path
    if "PYTEST_CURRENT_TEST" in os.environ:
        if _test_path is None:
            import atexit
            import shutil
            import tempfile

            _test_path = tempfile.mkdtemp(prefix="whoosh-test-")
            atexit.register(shutil.rmtree, _test_path, ignore_errors=True)
        return Path(_test_path)
    return Path(getattr(settings, "VAR_DIR", "var")) / "whoosh"


class WhooshSearchBackend(BaseSearchBackend):
    query_compiler_class = WhooshSearchQueryCompiler
    autocomplete_query_compiler_class = WhooshAutocompleteQueryCompiler
    results_class = WhooshSearchResults
    index_class = WhooshIndex
    rebuilder_class = WhooshIndexRebuilder
    catch_indexing_errors = True

    def __init__(self, params):
        super().__init__(params)
        params = dict(params)
        path = params.pop("PATH", None)
        if path is None:
            path = default_path()
        self.path = Path(path)
        self.index_prefix = params.pop("INDEX_PREFIX", "")
        self.write_timeout = float(params.pop("WRITE_TIMEOUT", 10))

    def get_index_for_model(self, model):
        root_model = get_model_root(model)
        name = (
            self.index_prefix
            + root_model._meta.app_label.lower()
            + "_"
            + root_model.__name__.lower()
        )
        return self.index_class(self, name)

    def search_parts(
        self, query, querysets, operator=None, limit=10, autocomplete=False
    ):
        """One search over several querysets at once (the search page: one queryset
        per kind of result), whatever their indexes: see :func:`search_parts`."""
        return search_parts(self, query, querysets, operator, limit, autocomplete)


SearchBackend = WhooshSearchBackend
