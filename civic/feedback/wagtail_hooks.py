"""Feedback in the Wagtail admin: the lists editors keep per commune (handling
units, deadline policy, holidays) and a menu link to the handlers' queue, which is
a site page (``/phan-anh/xu-ly/``) so handlers can work from a phone."""

from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .models import DeadlinePolicy, HandlingUnit, Holiday
from .permissions import communes_where, policy

POLICIES = {model: policy(model) for model in (HandlingUnit, DeadlinePolicy, Holiday)}
for _model, _policy in POLICIES.items():
    register_permission_policy(_model, _policy)


def records_for(user, model):
    """The rows of ``model`` in the communes where ``user`` handles feedback."""
    return POLICIES[model].instances_user_has_permission_for(user, "view")


class CommuneAdminForm(WagtailAdminModelForm):
    """The commune list holds only the communes the user handles; only the
    administrator may leave it empty (a nationwide holiday)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get("area")
        if field is not None:
            field.queryset = (
                communes_where(for_user).order_by("title")
                if for_user is not None
                else field.queryset.none()
            )
            field.widget = forms.Select(choices=field.choices)
            if for_user is None or not for_user.is_superuser:
                field.required = True


class _Limited:
    def get_queryset(self):
        return records_for(self.request.user, self.model)

    def get_base_queryset(self):
        return records_for(self.request.user, self.model)


class LimitedIndexView(_Limited, generic.IndexView):
    pass


class LimitedEditView(_Limited, generic.EditView):
    pass


class LimitedDeleteView(_Limited, generic.DeleteView):
    pass


class CommuneModelViewSet(ModelViewSet):
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = LimitedIndexView
    edit_view_class = LimitedEditView
    delete_view_class = LimitedDeleteView

    @cached_property
    def edit_handler(self):
        return ObjectList(self.model.panels, base_form_class=CommuneAdminForm)


class HandlingUnitViewSet(CommuneModelViewSet):
    model = HandlingUnit
    icon = "group"
    menu_label = _("Handling units")
    name = "feedback_units"
    url_prefix = "phan-anh/don-vi"
    list_display = ["name", "phone", "area", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]


class DeadlinePolicyViewSet(CommuneModelViewSet):
    model = DeadlinePolicy
    icon = "time"
    menu_label = _("Deadlines")
    name = "feedback_policies"
    url_prefix = "phan-anh/thoi-han"
    list_display = [
        "area",
        "accept_hours",
        "urgent_resolve_hours",
        "normal_resolve_days",
    ]


class HolidayViewSet(CommuneModelViewSet):
    model = Holiday
    icon = "date"
    menu_label = _("Holidays")
    name = "feedback_holidays"
    url_prefix = "phan-anh/ngay-nghi"
    list_display = ["date", "name", "area"]


class QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return communes_where(request.user).exists()


class FeedbackGroup(ViewSetGroup):
    menu_label = _("Residents' feedback")
    menu_icon = "mail"
    menu_order = 270
    items = (HandlingUnitViewSet, DeadlinePolicyViewSet, HolidayViewSet)


@hooks.register("register_admin_viewset")
def register_feedback_viewsets():
    return FeedbackGroup()


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    return QueueMenuItem(
        _("Reports to handle"),
        reverse("feedback:queue"),
        icon_name="mail",
        order=269,
    )
