"""The support points admin, limited to the communes where
``can(user, "manage_services", area)``; the names of the audit-log actions of
appointments and sessions."""

from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from civic.people.permissions import AreaPermissionPolicy

from . import actions
from .forms import SupportPointAdminForm
from .models import SupportPoint
from .permissions import MANAGE, records_for

register_permission_policy(SupportPoint, AreaPermissionPolicy(SupportPoint, MANAGE))


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
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = AreaIndexView
    add_view_class = AreaCreateView
    edit_view_class = AreaEditView
    delete_view_class = AreaDeleteView

    @cached_property
    def edit_handler(self):
        return ObjectList(self.model.panels, base_form_class=SupportPointAdminForm)


class SupportPointViewSet(AreaModelViewSet):
    model = SupportPoint
    icon = "site"
    menu_order = 261
    menu_label = _("Support points")
    name = "support_points_admin"
    url_prefix = "dich-vu-cong/diem-ho-tro"
    list_display = ["name", "address", "area", "is_open"]
    list_filter = ["is_open"]
    search_fields = ["name", "address"]


@hooks.register("register_admin_viewset")
def register_support_viewset():
    return SupportPointViewSet()


@hooks.register("register_log_actions")
def register_support_log_actions(actions):
    for name, label, message in [
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
    ]:
        actions.register_action(name, label, message)
