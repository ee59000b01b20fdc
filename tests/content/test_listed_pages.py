"""Restricted and not-yet-posted pages are listed nowhere (issue 14, item 4).

A news article with a password, a notice for signed-in users only, a notice for a
group only and a notice whose posting starts tomorrow are published in Tổ dân phố 1;
every listing of the site is walked, as a visitor and as the administrator (who may
open them all: restricted pages are listed to nobody), and none of their titles or
addresses appears, while the public ones do. The urgent ones are not broadcast on
the area sockets either. ``content.models.listed`` is the one rule.
"""

import asyncio
import datetime
import json

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from content.models import NewsPage, NoticePage
from realtime import events

PUBLIC_NEWS = "San hô tin công khai"
PUBLIC_NOTICE = "San hô thông báo công khai"
HIDDEN = {
    "news_password": "San hô tin có mật khẩu",
    "notice_login": "San hô thông báo cho người đăng nhập",
    "notice_groups": "San hô thông báo cho nhóm",
    "notice_future": "San hô thông báo ngày mai",
}
TAG = "biển đảo"


def _restrict(page, kind):
    if kind == "password":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="x1"
        )
    elif kind == "login":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
    elif kind == "groups":
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.create(name="Ban công tác mặt trận"))


def _publish(area, page, restriction=None, tags=()):
    """Restricted before it is published, as an editor does in the privacy
    settings of a draft (so the publish signal already sees the restriction)."""
    area.add_child(instance=page)
    _restrict(page, restriction)
    for tag in tags:
        page.tags.add(tag)
    page.save_revision().publish()
    return page


@pytest.fixture
def layer(settings):
    settings.CHANNEL_LAYERS = {
        "default": {"BACKEND": "realtime.layers.LazyExpiryChannelLayer"}
    }
    return get_channel_layer()


@pytest.fixture
def pages(tree, layer, django_capture_on_commit_callbacks):
    """The pages; what the area sockets of the group and its commune heard while
    they were published (in order, up to the public urgent notice published last)."""
    listeners = {}
    for area in (tree.group_1, tree.commune_a):
        listeners[area.title] = async_to_sync(layer.new_channel)()
        async_to_sync(layer.group_add)(
            events.area_group(area.pk), listeners[area.title]
        )
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    group = tree.group_1
    with django_capture_on_commit_callbacks(execute=True):
        hidden = {
            "news_password": _publish(
                group, NewsPage(title=HIDDEN["news_password"]), "password", [TAG]
            ),
            "notice_login": _publish(
                group,
                NoticePage(
                    title=HIDDEN["notice_login"], body="<p>x</p>", is_urgent=True
                ),
                "login",
            ),
            "notice_groups": _publish(
                group,
                NoticePage(
                    title=HIDDEN["notice_groups"], body="<p>x</p>", is_urgent=True
                ),
                "groups",
            ),
            "notice_future": _publish(
                group,
                NoticePage(
                    title=HIDDEN["notice_future"],
                    body="<p>x</p>",
                    is_urgent=True,
                    posting_starts=tomorrow,
                ),
            ),
        }
        _publish(group, NewsPage(title=PUBLIC_NEWS), tags=[TAG])
        _publish(
            group, NoticePage(title=PUBLIC_NOTICE, body="<p>x</p>", is_urgent=True)
        )

    async def heard(listener):
        frames = []
        while not frames or frames[-1]["title"] != PUBLIC_NOTICE:
            message = await asyncio.wait_for(layer.receive(listener), 10)
            frames.append(json.loads(message["text"]))
        return [frame["title"] for frame in frames]

    return {
        "hidden": hidden,
        "heard": {
            area: async_to_sync(heard)(listener) for area, listener in listeners.items()
        },
    }


def _listings(tree):
    group, commune = tree.group_1.url, tree.commune_a.url
    return {
        "portal": "/",
        "commune page": commune,
        "area page": group,
        "commune news archive": commune + "tin-tuc/",
        "area news archive": group + "tin-tuc/",
        "news archive by tag": f"{group}tin-tuc/?tag={TAG}",
        "commune notice archive": commune + "thong-bao/",
        "area notice archive": group + "thong-bao/",
        "commune RSS": commune + "rss/",
        "area RSS": group + "rss/",
        "commune Atom": commune + "atom/",
        "area Atom": group + "atom/",
        "sitemap": "/sitemap.xml",
        "search page": "/tim-kiem/?q=san+ho",
        "search page, notices": "/tim-kiem/?q=san+ho&type=notice",
        "search page, news": "/tim-kiem/?q=san+ho&type=news",
        "search suggestions": "/tim-kiem/goi-y/?q=san",
        "English area page": "/en" + group,
        "English RSS": "/en" + group + "rss/",
    }


@pytest.mark.search_index
@pytest.mark.parametrize("who", ["visitor", "administrator"])
def test_no_listing_shows_restricted_or_future_pages(client, tree, pages, who):
    if who == "administrator":
        client.force_login(tree.admin)
    for name, url in _listings(tree).items():
        response = client.get(url)
        assert response.status_code == 200, name
        body = (
            json.dumps(response.json(), ensure_ascii=False)
            if "goi-y" in url
            else response.text
        )
        for key, page in pages["hidden"].items():
            assert HIDDEN[key] not in body, (name, key)
            assert page.slug not in body, (name, key)
        # the public ones are listed: the walk really looks at each list
        if name == "sitemap":
            assert "/san-ho-tin-cong-khai/" in body
        elif "notice" in name or "RSS" in name or "Atom" in name:
            assert PUBLIC_NOTICE in body, name
        elif "news" in name:
            assert PUBLIC_NEWS in body, name
        else:
            assert PUBLIC_NOTICE in body or PUBLIC_NEWS in body, name


def test_urgent_broadcast_only_announces_listed_notices(pages):
    assert pages["heard"] == {
        "Tổ dân phố 1": [PUBLIC_NOTICE],
        "Phường A": [PUBLIC_NOTICE],
    }


def test_the_restricted_pages_themselves(client, tree, pages):
    """Those who may open a page still open it by its address."""
    hidden = pages["hidden"]
    form = client.get(hidden["news_password"].url)
    assert form.status_code == 200
    assert "content/password_required.html" in [t.name for t in form.templates]
    assert "Cần mật khẩu" in form.text and 'lang="vi"' in form.text
    assert HIDDEN["news_password"] not in form.text  # not even in <title>
    assert client.get(hidden["notice_login"].url).status_code == 302
    client.force_login(tree.resident)
    assert HIDDEN["notice_login"] in client.get(hidden["notice_login"].url).text


def test_one_rule_for_every_kind_of_page(tree, pages):
    """``listed`` on Wagtail's generic ``Page`` queryset (the sitemap's) keeps
    the notice rule too."""
    from wagtail.models import Page

    from content.models import listed

    everything = set(listed(Page.objects.all()).values_list("pk", flat=True))
    assert not everything & {p.pk for p in pages["hidden"].values()}
    assert tree.group_1.pk in everything


def test_no_listing_of_news_or_notices_bypasses_the_rule():
    """Every list of news and notices goes through ``listed``: no code takes
    ``.live()`` pages of these kinds (or of every kind) by itself."""
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[2]
    bypass = re.compile(
        r"(?<!\w)(NewsPage|NoticePage|Page)\.objects(\.\w+\([^()]*\))*\.live\(\)"
        r"|get_(children|descendants)\([^()]*\)\.live\(\)"
    )
    offenders = [
        f"{path.relative_to(root)}: {match.group(0)}"
        for folder in ("content", "civic", "realtime", "search", "config")
        for path in (root / folder).rglob("*.py")
        # chains written over several lines, joined
        for match in bypass.finditer(re.sub(r"\s*([.()])\s*", r"\1", path.read_text()))
    ]
    assert offenders == []
