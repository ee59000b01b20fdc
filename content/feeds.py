"""RSS and Atom feeds of an area's news and notices (its groups' included)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import NewsPage, NoticePage, listed

FEED_ITEMS = 30


class AreaRssFeed(Feed):
    def __call__(self, request, *args, area=None, **kwargs):
        self.area = area
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.area

    def title(self, area):
        return _("News and notices — %(area)s") % {"area": area.title}

    def link(self, area):
        return area.get_url(self.request)

    def description(self, area):
        return _("The latest news and notices of %(area)s") % {"area": area.title}

    def items(self, area):
        notices = list(
            listed(NoticePage.objects.descendant_of(area)).order_by(
                "-posting_starts", "-pk"
            )[:FEED_ITEMS]
        )
        news = list(
            listed(NewsPage.objects.descendant_of(area)).order_by("-date", "-pk")[
                :FEED_ITEMS
            ]
        )
        items = notices + news
        items.sort(key=self._item_date, reverse=True)
        return items[:FEED_ITEMS]

    @staticmethod
    def _item_date(page):
        day = page.posting_starts if isinstance(page, NoticePage) else page.date
        return datetime.datetime.combine(day, datetime.time(7, 0))

    def item_title(self, item):
        if isinstance(item, NoticePage):
            prefix = _("Urgent notice") if item.is_urgent else _("Notice")
            return f"{prefix}: {item.title}"
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(self._item_date(item))

    def item_updateddate(self, item):
        return item.last_published_at


class AreaAtomFeed(AreaRssFeed):
    feed_type = Atom1Feed
    subtitle = AreaRssFeed.description
