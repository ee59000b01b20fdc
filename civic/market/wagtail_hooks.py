"""The market's admin: the operator's details of each commune's market (shown on
the rules page), kept by the commune's editors for their own commune only."""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from civic.people.permissions import AreaPermissionPolicy, scoped
from content.models import COMMUNE_KINDS, AreaPage

from .models import Operator

MANAGE = "manage_services"

register_permission_policy(Operator, AreaPermissionPolicy(Operator, MANAGE))


class OperatorForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        communes = AreaPage.objects.filter(kind__in=COMMUNE_KINDS)
        if for_user is not None:
            communes = scoped(communes, for_user, MANAGE)
        # a list of the editor's communes, not the page chooser (every page)
        self.fields["area"].widget = forms.Select()
        self.fields["area"].queryset = communes.order_by("path")


class _Scoped:
    def get_queryset(self):
        return scoped(
            Operator.objects.select_related("area"),
            self.request.user,
            MANAGE,
            "area__path",
        )

    def get_base_queryset(self):
        return self.get_queryset()


class OperatorIndexView(_Scoped, generic.IndexView):
    pass


class OperatorEditView(_Scoped, generic.EditView):
    pass


class OperatorDeleteView(_Scoped, generic.DeleteView):
    pass


class OperatorViewSet(ModelViewSet):
    model = Operator
    icon = "site"
    menu_label = _("Market operator")
    name = "market_operator"
    url_prefix = "cho/don-vi-van-hanh"
    add_to_admin_menu = True
    menu_order = 265
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = OperatorIndexView
    edit_view_class = OperatorEditView
    delete_view_class = OperatorDeleteView
    list_display = ["name", "area", "registration_number"]

    @cached_property
    def edit_handler(self):
        return ObjectList(
            [
                FieldPanel("area"),
                FieldPanel("name"),
                FieldPanel("address"),
                FieldPanel("registration_number"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            base_form_class=OperatorForm,
        )


@hooks.register("register_admin_viewset")
def register_market_viewsets():
    return OperatorViewSet()
