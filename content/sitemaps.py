"""``/sitemap.xml``: Wagtail's sitemap of the pages a visitor may see listed."""

from wagtail.contrib.sitemaps import Sitemap

from .models import listed


class ListedPagesSitemap(Sitemap):
    """Wagtail's own lists live public pages; a notice whose posting has not
    started is not listed either (``content.models.listed``, the one rule)."""

    def items(self):
        root = self.get_wagtail_site().root_page
        return (
            listed(root.get_descendants(inclusive=True))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
