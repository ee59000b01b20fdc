"""A public page costs a fixed number of SQL queries whatever the amount of content."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from content.models import NewsPage, NoticePage

# query counts measure rendering, not the page cache and its memos
pytestmark = pytest.mark.usefixtures("uncached")


def fill(area, count):
    today = timezone.localdate()
    for i in range(count):
        if i % 2:
            area.add_child(
                instance=NewsPage(
                    title=f"Tin số {i}",
                    slug=f"tin-{i}",
                    intro="Tóm tắt",
                    date=today - datetime.timedelta(days=i % 40),
                )
            )
        else:
            area.add_child(
                instance=NoticePage(
                    title=f"Thông báo số {i}",
                    slug=f"tb-{i}",
                    body="<p>Nội dung</p>",
                    is_urgent=i % 10 == 0,
                    posting_starts=today - datetime.timedelta(days=i % 30),
                )
            )
        area.refresh_from_db()


def count_queries(client, url):
    client.get(url)  # warm Wagtail's cached site root paths
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


URLS = {
    "group page": lambda t: t.group_1.url,
    "commune page": lambda t: t.commune_a.url,
    "home page": lambda t: t.home.url,
    "news archive": lambda t: t.commune_a.url + "tin-tuc/",
    "notice archive": lambda t: t.commune_a.url + "thong-bao/",
    "rss": lambda t: t.commune_a.url + "rss/",
    "news page": lambda t: NewsPage.objects.order_by("pk").first().url,
    "notice page": lambda t: NoticePage.objects.order_by("pk").first().url,
}


def test_public_pages_cost_a_fixed_number_of_queries(
    client, tree, django_assert_max_num_queries
):
    """5 items, then 500 more: no page costs a single query more."""
    fill(tree.group_1, 5)
    few = {name: count_queries(client, url(tree)) for name, url in URLS.items()}
    assert max(few.values()) <= 20, few
    fill(tree.group_2, 500)
    for name, url in URLS.items():
        address = url(tree)
        client.get(address)
        with django_assert_max_num_queries(few[name]):
            assert client.get(address).status_code == 200, name
