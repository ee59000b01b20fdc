from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The site-wide search (``search.views``), its backends (the PostgreSQL
    backend's tables: ``search/migrations``, no-ops on SQLite) and the index
    queue: saves and deletes of indexed models are recorded in ``PendingIndex``
    (in the save's own transaction) and indexed by the task worker after the
    response (``search/indexqueue.py``, ``search/tasks.py``)."""

    name = "search"
    label = "search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import indexqueue

        indexqueue.install()
