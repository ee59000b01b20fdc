"""The main menu, an area's sections, those below a news item or a notice, and
those of a signed-in resident's home, as the installed apps registered them
(``civic.core.registry``)."""

from django import template
from django.apps import apps
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from civic.core import registry

register = template.Library()


@register.simple_tag
def main_nav():
    """``{% main_nav as entries %}``: the main menu's links, in order."""
    return registry.nav_entries()


@register.simple_tag
def installed(app):
    """``{% installed "search" as here %}``: whether an app is installed - the
    header's search box is there only with the search app."""
    return apps.is_installed(app)


@register.simple_tag
def main_nav_key():
    """``{% main_nav_key as key %}``: which links the menu has (their keys), so
    that the menu kept as a shared part changes with the installed apps."""
    return ",".join(entry.key for entry in registry.nav_entries())


def _render(context, page, sections):
    return format_html_join(
        "\n",
        "{}",
        # each section is rendered by a template (escaped there)
        ((mark_safe(section.render(context, page)),) for section in sections),
    )


@register.simple_tag(takes_context=True)
def page_sections(context, page):
    """``{% page_sections page %}``: the sections below a news item or a notice."""
    return _render(context, page, registry.page_sections())


@register.simple_tag(takes_context=True)
def area_sections(context, page, per_viewer=False):
    """``{% area_sections page %}``: the sections that are the same for everyone
    (inside ``{% shared %}``); ``per_viewer=True``: those that depend on the viewer."""
    return _render(context, page, registry.area_sections(per_viewer=per_viewer))


@register.simple_tag(takes_context=True)
def home_sections(context, user):
    """``{% home_sections user %}``: the sections of a signed-in resident's home
    (never inside ``{% shared %}``: they are about the viewer)."""
    if user is None or not user.is_authenticated:
        return ""
    return format_html_join(
        "\n",
        "{}",
        (
            (mark_safe(html),)
            for html in (s.render(context, user) for s in registry.home_sections())
            if html.strip()
        ),
    )
