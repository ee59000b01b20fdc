"""The procedures admin: procedures and life events, limited to the communes where
``can(user, "manage_services", area)``; the CSV import; the names of the audit-log
actions."""

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from civic.people.permissions import AreaPermissionPolicy

from . import actions, admin_views
from .forms import ServiceAreaAdminForm
from .models import LifeEvent, Procedure
from .permissions import MANAGE, SuperuserOnlyPolicy, communes_where, records_for

# every area-scoped model: can(user, action, row.area), lists scoped alike
register_permission_policy(Procedure, AreaPermissionPolicy(Procedure, MANAGE))
register_permission_policy(LifeEvent, SuperuserOnlyPolicy(LifeEvent))


class _Limited:
    """Only the records of the user's communes exist for these views (others 404)."""

    def get_queryset(self):
        return records_for(self.request.user, self.model)

    def get_base_queryset(self):
        return records_for(self.request.user, self.model)


class _SavedByAction:
    def save_instance(self):
        return actions.save_record(self.request.user, self.form)


class AreaIndexView(_Limited, generic.IndexView):
    pass


class AreaCreateView(_SavedByAction, generic.CreateView):
    pass


class AreaEditView(_Limited, _SavedByAction, generic.EditView):
    pass


class AreaDeleteView(_Limited, generic.DeleteView):
    pass


class AreaModelViewSet(ModelViewSet):
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = AreaIndexView
    add_view_class = AreaCreateView
    edit_view_class = AreaEditView
    delete_view_class = AreaDeleteView

    @cached_property
    def edit_handler(self):
        return ObjectList(self.model.panels, base_form_class=ServiceAreaAdminForm)


class ProcedureViewSet(AreaModelViewSet):
    model = Procedure
    icon = "doc-full"
    menu_label = _("Procedures")
    name = "procedures_admin"
    url_prefix = "dich-vu-cong/thu-tuc"
    list_display = ["code", "name", "level", "area"]
    list_filter = ["level", "field", "life_events"]
    search_fields = ["code", "name"]


class LifeEventViewSet(ModelViewSet):
    model = LifeEvent
    icon = "calendar"
    menu_label = _("Life events")
    name = "life_events_admin"
    url_prefix = "dich-vu-cong/su-kien"
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["name", "slug", "description", "sort_order"]
    list_display = ["name", "slug", "sort_order"]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return communes_where(request.user).exists()


class ImportViewSet(ViewSet):
    icon = "upload"
    menu_label = _("Import procedures (CSV)")
    name = "procedures_import"
    url_prefix = "dich-vu-cong/nhap"
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [path("", admin_views.import_procedures, name="index")]


class ServicesGroup(ViewSetGroup):
    menu_label = _("Public services")
    menu_icon = "link"
    menu_order = 260
    items = (
        ProcedureViewSet,
        LifeEventViewSet,
        ImportViewSet,
    )


@hooks.register("register_admin_viewset")
def register_services_viewsets():
    return ServicesGroup()


@hooks.register("register_log_actions")
def register_services_log_actions(actions):
    actions.register_action(
        "kdcdt.procedures.import",
        _("Import procedures"),
        _("Procedures imported from a CSV file"),
    )
