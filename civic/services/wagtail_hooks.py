"""The services admin: procedures, support points and life events, limited to the
communes where ``can(user, "manage_services", area)``; the CSV import; the names
of the audit-log actions."""

from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from civic.people.permissions import AreaPermissionPolicy

from . import actions, admin_views, directory
from .forms import BusinessAdminForm, ServiceAreaAdminForm, UtilityAdminForm
from .models import Business, LifeEvent, Procedure, SupportPoint, UtilityLink
from .permissions import MANAGE, SuperuserOnlyPolicy, communes_where, records_for

# every area-scoped model: can(user, action, row.area), lists scoped alike
register_permission_policy(Procedure, AreaPermissionPolicy(Procedure, MANAGE))
register_permission_policy(SupportPoint, AreaPermissionPolicy(SupportPoint, MANAGE))
register_permission_policy(UtilityLink, AreaPermissionPolicy(UtilityLink, MANAGE))
register_permission_policy(Business, AreaPermissionPolicy(Business, directory.APPROVE))
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
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _(
                    "Assisted sessions are recorded at this support point: untick "
                    "“opened” instead of deleting it."
                ),
            )
            return redirect(self.get_success_url())


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


class SupportPointViewSet(AreaModelViewSet):
    model = SupportPoint
    icon = "site"
    menu_label = _("Support points")
    name = "support_points_admin"
    url_prefix = "dich-vu-cong/diem-ho-tro"
    list_display = ["name", "address", "area", "is_open"]
    list_filter = ["is_open"]
    search_fields = ["name", "address"]


class _InSubtrees:
    area_action = directory.MANAGE

    def get_queryset(self):
        return records_for(self.request.user, self.model, self.area_action)

    def get_base_queryset(self):
        return self.get_queryset()


class _SavedLocally:
    area_action = directory.MANAGE

    def save_instance(self):
        return directory.save_local_record(
            self.request.user, self.form, self.area_action
        )


class UtilityIndexView(_InSubtrees, generic.IndexView):
    pass


class UtilityCreateView(_SavedLocally, generic.CreateView):
    pass


class UtilityEditView(_InSubtrees, _SavedLocally, generic.EditView):
    pass


class UtilityDeleteView(_InSubtrees, generic.DeleteView):
    pass


class UtilityViewSet(ModelViewSet):
    model = UtilityLink
    icon = "link"
    menu_label = _("Utilities and public services")
    name = "utilities_admin"
    url_prefix = "dich-vu-cong/tien-ich"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = UtilityIndexView
    add_view_class = UtilityCreateView
    edit_view_class = UtilityEditView
    delete_view_class = UtilityDeleteView
    list_display = ["name", "kind", "area", "phone"]
    list_filter = ["kind"]
    search_fields = ["name", "address"]

    @cached_property
    def edit_handler(self):
        return ObjectList(self.model.panels, base_form_class=UtilityAdminForm)


class _ForApprovers:
    area_action = directory.APPROVE


class BusinessIndexView(_ForApprovers, UtilityIndexView):
    pass


class BusinessCreateView(_ForApprovers, UtilityCreateView):
    pass


class BusinessEditView(_ForApprovers, UtilityEditView):
    pass


class BusinessDeleteView(_ForApprovers, UtilityDeleteView):
    pass


class BusinessViewSet(ModelViewSet):
    """Group leaders and commune editors correct the shops of their groups; the
    status changes only on the approval queue (``/dich-vu-cong/cua-hang/duyet/``),
    so an entry added here waits for approval like any other."""

    model = Business
    icon = "home"
    menu_label = _("Local shops and services")
    name = "businesses_admin"
    url_prefix = "dich-vu-cong/cua-hang"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = BusinessIndexView
    add_view_class = BusinessCreateView
    edit_view_class = BusinessEditView
    delete_view_class = BusinessDeleteView
    list_display = ["name", "offers", "area", "status"]
    list_filter = ["status"]
    search_fields = ["name", "offers"]

    @cached_property
    def edit_handler(self):
        return ObjectList(
            [
                FieldPanel("area"),
                FieldPanel("name"),
                FieldPanel("offers"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("opening_hours")]),
                FieldPanel("address"),
            ],
            base_form_class=BusinessAdminForm,
        )


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
        SupportPointViewSet,
        UtilityViewSet,
        BusinessViewSet,
        LifeEventViewSet,
        ImportViewSet,
    )


@hooks.register("register_admin_viewset")
def register_services_viewsets():
    return ServicesGroup()


@hooks.register("register_log_actions")
def register_services_log_actions(actions):
    for name, label, message in [
        (
            "kdcdt.procedures.import",
            _("Import procedures"),
            _("Procedures imported from a CSV file"),
        ),
        (
            "kdcdt.appointment.request",
            _("Request appointment"),
            _("Appointment requested"),
        ),
        (
            "kdcdt.appointment.confirm",
            _("Confirm appointment"),
            _("Appointment confirmed"),
        ),
        ("kdcdt.appointment.propose", _("Propose slot"), _("Another slot proposed")),
        ("kdcdt.appointment.accept", _("Accept slot"), _("Proposed slot accepted")),
        (
            "kdcdt.appointment.cancel",
            _("Cancel appointment"),
            _("Appointment cancelled"),
        ),
        ("kdcdt.appointment.done", _("Appointment done"), _("Appointment done")),
        ("kdcdt.session.record", _("Record session"), _("Assisted session recorded")),
        (
            "kdcdt.business.submit",
            _("Propose business"),
            _("Business proposed for the directory"),
        ),
        ("kdcdt.business.approve", _("Approve business"), _("Business approved")),
        ("kdcdt.business.reject", _("Reject business"), _("Business rejected")),
    ]:
        actions.register_action(name, label, message)
