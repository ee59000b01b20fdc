from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import LifeEvent
from .permissions import communes_where


def commune_choice(field, user):
    """Offer only the communes where ``user`` manages services in ``field``."""
    field.queryset = (
        communes_where(user).order_by("title")
        if user is not None
        else field.queryset.none()
    )
    field.widget = forms.Select(choices=field.choices)


class ServiceAreaAdminForm(WagtailAdminModelForm):
    """An admin form whose commune list holds only the communes the user manages."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "area" in self.fields:
            commune_choice(self.fields["area"], for_user)


class ImportForm(forms.Form):
    area = forms.ModelChoiceField(queryset=None, label=_("Commune"))
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, first line: code, name, field, level, authority, "
            "processing_time, fee, documents, portal_url, life_events. "
            "Separate several documents or life events with “;”."
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = communes_where(user).order_by("title")


class ProcedureFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    event = forms.ModelChoiceField(
        queryset=LifeEvent.objects.all(),
        label=_("Life event"),
        required=False,
        to_field_name="slug",
        empty_label=_("All life events"),
    )
    area = forms.ModelChoiceField(
        queryset=None, label=_("Commune"), required=False, empty_label=_("All")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from content.models import COMMUNE_KINDS, AreaPage

        self.fields["area"].queryset = AreaPage.objects.live().filter(
            kind__in=COMMUNE_KINDS
        )
