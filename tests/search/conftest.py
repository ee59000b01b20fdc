import pytest


@pytest.fixture(autouse=True)
def whoosh_index(settings, tmp_path):
    """Every test gets its own, not yet created, Whoosh index folder."""
    path = tmp_path / "whoosh"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.whoosh", "PATH": path},
    }
    return path
