"""News, notices and areas as kinds of result of the site-wide search page."""

from django.utils.translation import gettext_lazy as _


def _page_text(page):
    from search.snippets import plain_text

    for attr in ("search_description", "intro"):
        text = getattr(page, attr, "")
        if text:
            # a plain-text summary, shown as typed (escaped by the highlighter)
            return f"{text} … {plain_text(getattr(page, 'body', ''))}"
    return plain_text(getattr(page, "body", ""))


def register_sources():
    from search.sources import Source, register

    from .models import AreaPage, NewsPage, NoticePage, listed

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

    from search.civic_sources import register_civic_sources

    register_civic_sources()
