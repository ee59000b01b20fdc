"""News, notices and areas as kinds of result of the site-wide search page."""

from django.utils.translation import gettext_lazy as _

from civic.core.text import plain_text

from .models import AreaPage, NewsPage, NoticePage, listed
from .search_sources import Source, register


def _page_text(page):
    for attr in ("search_description", "intro"):
        text = getattr(page, attr, "")
        if text:
            # a plain-text summary, shown as typed (escaped by the highlighter)
            return f"{text} … {plain_text(getattr(page, 'body', ''))}"
    return plain_text(getattr(page, "body", ""))


def register_sources():
    """The pages' sources; every other app registers its own in its ``ready()``."""
    for order, (key, model, label) in enumerate(
        [
            ("notice", NoticePage, _("Notices")),
            ("news", NewsPage, _("News")),
            ("area", AreaPage, _("Areas")),
        ]
    ):
        register(
            Source(
                key=key,
                model=model._meta.label,
                label=label,
                visible=lambda model=model: listed(model.objects.all()),
                text=_page_text,
                title=lambda page: page.title,
                url=lambda page: page.get_url(),
                area_field=None,
                order=order,
                is_page=True,
            )
        )
