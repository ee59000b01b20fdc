"""What the installed apps add to the site: links in the main menu, sections of
an area's page, sections below a news item or a notice (its comments), and the
sections of a signed-in resident's home (the portal: their polls, reports,
appointments).

Each app registers its own from its ``AppConfig.ready()``; ``base.html`` and the
area page render what is registered (``civic.core.templatetags.registry_tags``).
An app that is not in ``INSTALLED_APPS`` registers nothing, so removing it removes
its links and sections from the site. The registry lives in ``civic.core``, the
lowest layer, so that every app may write to it without importing another::

    from civic.core.registry import AreaSection, NavEntry, register

    register(NavEntry("feedback", _("Residents' feedback"), "feedback:list", order=30))
    register(AreaSection("polls", render=open_polls_section, order=20))
    register(HomeSection("polls", render=my_polls_section, order=20))

Other registries follow the same pattern one layer up: search results
(``content.search_sources``), comment targets (``civic.comments.moderation``),
document sources (``content.documents``).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class NavEntry:
    """A link of the main menu (``base.html``)."""

    key: str
    label: object  # a lazy translation
    url_name: str  # reversed without arguments
    order: int = 100


@dataclass(frozen=True)
class AreaSection:
    """A section of an area's page (``content/area_page.html``).

    ``render(context, page)`` returns the section's HTML (marked safe: rendered by
    a template). A section that is the same for everyone who may see the page is
    kept with the page's shared part (``{% shared %}``); one that depends on the
    viewer (``per_viewer=True``) is rendered outside it, after it."""

    key: str
    render: Callable
    order: int = 100
    per_viewer: bool = False


@dataclass(frozen=True)
class PageSection:
    """A section below the article of a news item or a notice
    (``content/news_page.html``, ``content/notice_page.html``): its comments.
    ``render(context, page)`` as for an :class:`AreaSection`; never cached."""

    key: str
    render: Callable
    order: int = 100


@dataclass(frozen=True)
class HomeSection:
    """A section of a signed-in resident's home, at the top of the portal
    (``content/home_page.html``): what is theirs in an app - polls they can vote
    in, their reports, their appointments.

    ``render(context, user)`` returns the section's HTML (marked safe: rendered
    by a template), or an empty string when there is nothing to show. Rendered
    only for a signed-in user, whom the page cache never serves a kept page,
    and never inside a ``{% shared %}`` part: it is about the viewer. Keep it to
    one query, whatever the number of items."""

    key: str
    render: Callable
    order: int = 100


_entries = {NavEntry: {}, AreaSection: {}, PageSection: {}, HomeSection: {}}


def register(item):
    """Add (or replace, by key) a menu link or a section."""
    _entries[type(item)][item.key] = item


def unregister(kind, key):
    """Take an item away (for tests: an app that did not register it)."""
    return _entries[kind].pop(key, None)


def registered(kind):
    """The registered items of ``kind`` (a class above), in order."""
    return sorted(_entries[kind].values(), key=lambda item: (item.order, item.key))


def nav_entries():
    return registered(NavEntry)


def area_sections(per_viewer=False):
    return [s for s in registered(AreaSection) if s.per_viewer == per_viewer]


def page_sections():
    return registered(PageSection)


def home_sections():
    return registered(HomeSection)


def user_section(template, context_of):
    """A :class:`HomeSection`'s ``render`` from a template and
    ``context_of(user)``: a dict, or None when there is nothing to show (then
    the section renders as an empty string)."""
    from django.template.loader import render_to_string

    def render(context, user):
        found = context_of(user)
        if found is None:
            return ""
        return render_to_string(template, found)

    return render


def template_section(template, context_of):
    """A section's ``render`` from a template and ``context_of(page)`` (the
    function of an inclusion tag, say): the template is rendered with that
    context alone, as an inclusion tag renders it."""
    from django.template.loader import render_to_string

    def render(context, page):
        return render_to_string(template, context_of(page))

    return render


def template_section_with_context(template, context_of):
    """As :func:`template_section`, for ``context_of(context, page)`` (the
    function of an inclusion tag that takes the context)."""
    from django.template.loader import render_to_string

    def render(context, page):
        return render_to_string(template, context_of(context, page))

    return render
