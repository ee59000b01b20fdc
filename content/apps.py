from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
        from .documents import page_source, register_document_source
        from .search import register_sources

        register_sources()
        register_document_source(page_source)
        register_follows()


def register_follows():
    """Areas and notices can be followed (civic.people.follows): an area's
    followers are told of its notices, a notice's of its comment thread."""
    from django.utils.translation import pgettext_lazy

    from civic.people import follows

    follows.register(
        "area",
        "content.AreaPage",
        label=pgettext_lazy("followed", "area"),
        can_see=follows.page_visible,
    )
    follows.register(
        "notice",
        "content.NoticePage",
        label=pgettext_lazy("followed", "notice"),
        can_see=follows.page_visible,
    )
