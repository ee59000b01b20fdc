from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The site-wide search (``search.views``) and its backends. An app only for
    the PostgreSQL backend's migration (``search/migrations``: no-ops on SQLite)."""

    name = "search"
    label = "search"
    default_auto_field = "django.db.models.BigAutoField"
