"""The main menu and an area's page show what the installed apps registered
(``civic.core.registry``): an app that does not register (as when it is not in
INSTALLED_APPS, its ``ready()`` never runs) leaves no link and no section behind."""

import copy

import pytest
from django.test import Client
from django.urls import reverse

from civic.core import registry
from civic.core.registry import AreaSection, NavEntry, PageSection
from content.models import NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def without_feedback(monkeypatch):
    """The registry as if ``civic.feedback`` had not registered anything."""
    entries = copy.copy(registry._entries)
    entries[NavEntry] = {k: v for k, v in entries[NavEntry].items() if k != "feedback"}
    entries[AreaSection] = {
        k: v for k, v in entries[AreaSection].items() if k != "feedback"
    }
    monkeypatch.setattr(registry, "_entries", entries)


@pytest.fixture
def without_comments(monkeypatch):
    """The registry as if ``civic.comments`` had not registered its section."""
    entries = copy.copy(registry._entries)
    entries[PageSection] = {}
    monkeypatch.setattr(registry, "_entries", entries)


def news(tree):
    page = NewsPage(title="Ra quân dọn vệ sinh", intro="Tổ dân phố 1")
    tree.group_1.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_installed_apps_register_their_links_and_sections():
    assert [e.key for e in registry.nav_entries()] == [
        "procedures",
        "points",
        "feedback",
        "market",
    ]
    assert [s.key for s in registry.area_sections()] == [
        "polls",
        "services",
        "feedback",
        "market",
        "meetings",
        "opendata",
    ]
    assert [s.key for s in registry.area_sections(per_viewer=True)] == ["channels"]


def test_the_pages_show_a_registered_app(tree):
    html = Client().get(tree.commune_a.url).content.decode()
    assert f'href="{reverse("feedback:list")}"' in html  # the menu
    assert reverse("feedback:area", args=[tree.commune_a.pk]) in html  # the section


def test_an_app_that_did_not_register_is_gone_from_the_pages(tree, without_feedback):
    html = Client().get(tree.commune_a.url).content.decode()
    assert f'href="{reverse("feedback:list")}"' not in html
    assert reverse("feedback:area", args=[tree.commune_a.pk]) not in html
    # the others are still there
    assert f'href="{reverse("services:procedures")}"' in html
    home = Client().get("/").content.decode()
    assert f'href="{reverse("feedback:list")}"' not in home


def test_a_news_item_shows_its_comments(tree):
    assert [s.key for s in registry.page_sections()] == ["comments"]
    html = Client().get(news(tree).url).content.decode()
    assert 'id="comments"' in html


def test_without_the_comments_app_a_news_item_has_no_comments(tree, without_comments):
    html = Client().get(news(tree).url).content.decode()
    assert "Ra quân dọn vệ sinh" in html
    assert 'id="comments"' not in html


def test_without_the_search_app_the_header_has_no_search_box(tree, monkeypatch):
    from django.apps import apps

    assert 'role="search"' in Client().get(tree.commune_a.url).content.decode()
    installed = apps.is_installed
    monkeypatch.setattr(
        apps, "is_installed", lambda app: app != "search" and installed(app)
    )
    html = Client().get(tree.group_1.url).content.decode()
    assert 'role="search"' not in html and "<h1>" in html
