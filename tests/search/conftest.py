import pytest
from django.db import connections

BACKENDS = {
    "whoosh": "search.backends.whoosh",
    "postgres": "search.backends.postgres",
}


def pytest_generate_tests(metafunc):
    """A test marked ``@pytest.mark.backends("whoosh", "postgres")`` (or a module
    with that ``pytestmark``) runs once per backend; other tests on Whoosh only.
    The PostgreSQL runs skip unless the database is PostgreSQL."""
    if "search_backend" in metafunc.fixturenames:
        marker = metafunc.definition.get_closest_marker("backends")
        names = marker.args if marker else ("whoosh",)
        metafunc.parametrize("search_backend", names, indirect=True)


@pytest.fixture
def search_backend(request):
    # a parametrized test, or a unittest class naming its backend
    name = getattr(request, "param", None) or getattr(
        request.cls, "search_backend", "whoosh"
    )
    if name == "postgres" and connections["default"].vendor != "postgresql":
        pytest.skip(
            "the PostgreSQL backend is tested on PostgreSQL (scripts/with-postgres)"
        )
    return name


@pytest.fixture(autouse=True)
def whoosh_index(settings, tmp_path, search_backend):
    """Every test gets its own, not yet created, Whoosh index folder (or, for the
    PostgreSQL backend, the test database's table, emptied with the test's
    transaction)."""
    path = tmp_path / "whoosh"
    default = {"BACKEND": BACKENDS[search_backend]}
    if search_backend == "whoosh":
        default["PATH"] = path
    settings.WAGTAILSEARCH_BACKENDS = {"default": default}
    return path
