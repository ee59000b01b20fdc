"""The local directory admin: utilities (commune editors) and shops (group
leaders and commune editors), each scoped to the areas where the user may act;
the names of the audit-log actions of the shops."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from civic.people.permissions import AreaPermissionPolicy

from . import actions
from .forms import BusinessAdminForm, UtilityAdminForm
from .models import Business, UtilityLink
from .permissions import APPROVE, MANAGE, records_for

register_permission_policy(UtilityLink, AreaPermissionPolicy(UtilityLink, MANAGE))
register_permission_policy(Business, AreaPermissionPolicy(Business, APPROVE))


class _InSubtrees:
    area_action = MANAGE

    def get_queryset(self):
        return records_for(self.request.user, self.model, self.area_action)

    def get_base_queryset(self):
        return self.get_queryset()


class _SavedLocally:
    area_action = MANAGE

    def save_instance(self):
        return actions.save_local_record(self.request.user, self.form, self.area_action)


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
    area_action = APPROVE


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


class DirectoryGroup(ViewSetGroup):
    menu_label = _("Local directory")
    menu_icon = "list-ul"
    menu_order = 262
    items = (UtilityViewSet, BusinessViewSet)


@hooks.register("register_admin_viewset")
def register_directory_viewsets():
    return DirectoryGroup()


@hooks.register("register_log_actions")
def register_directory_log_actions(actions):
    for name, label, message in [
        (
            "kdcdt.business.submit",
            _("Propose business"),
            _("Business proposed for the directory"),
        ),
        ("kdcdt.business.approve", _("Approve business"), _("Business approved")),
        ("kdcdt.business.reject", _("Reject business"), _("Business rejected")),
    ]:
        actions.register_action(name, label, message)
