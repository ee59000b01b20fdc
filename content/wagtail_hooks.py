"""Admin hooks: every page create/edit asks ``civic.people.permissions.can``."""

from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from civic.people.permissions import can

from .admin_scope import admin_visible_pages
from .admin_views import SitePageViewSet
from .documents import check_document_access
from .models import AreaPage


def _refuse(request, parent):
    messages.error(
        request,
        _("You can only write news and notices for the area you are responsible for."),
    )
    return redirect("wagtailadmin_explore", parent.pk)


@hooks.register("register_admin_viewset")
def register_page_viewset():
    # after Wagtail's own (order -1): the registry then gives this one for Page
    return SitePageViewSet()


@hooks.register("before_create_page")
def check_create(request, parent_page, page_class):
    if request.user.is_superuser:
        return None
    if issubclass(page_class, AreaPage):
        messages.error(request, _("Only administrators set up areas."))
        return redirect("wagtailadmin_explore", parent_page.pk)
    if not can(request.user, "create_content", parent_page):
        return _refuse(request, parent_page)
    return None


@hooks.register("before_edit_page")
def check_edit(request, page):
    if request.user.is_superuser:
        return None
    if isinstance(page.specific, AreaPage):
        if can(request.user, "publish_content", page):
            return None
        messages.error(request, _("Only the commune's editors edit an area's details."))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    if not can(request.user, "edit_content", page):
        return _refuse(request, page.get_parent())
    return None


@hooks.register("construct_page_chooser_queryset")
def chooser_pages(pages, request):
    """The page chooser (browse and search) names only the pages the user may see
    in the admin: listed ones and those of their areas (content.admin_scope)."""
    return admin_visible_pages(request.user, pages)


@hooks.register("construct_reports_menu")
def hide_page_types_report(request, menu_items):
    """The page types usage report counts and names pages of every area: for
    superusers only (its view refuses the others: content.admin_views)."""
    if not request.user.is_superuser:
        menu_items[:] = [i for i in menu_items if i.name != "page-types-usage"]


# Every document is served through Wagtail's view and this check (content.documents).
hooks.register("before_serve_document", check_document_access)


@hooks.register("insert_editor_js")
def vietnamese_slug_js():
    return format_html('<script src="{}"></script>', static("content/vi-slug.js"))


@hooks.register("register_log_actions")
def register_role_log_actions(actions):
    actions.register_action(
        "kdcdt.role.grant", gettext_lazy("Grant role"), gettext_lazy("Role granted")
    )
    actions.register_action(
        "kdcdt.role.revoke", gettext_lazy("Revoke role"), gettext_lazy("Role revoked")
    )
