from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from civic.people.models import RoleKind
from civic.people.permissions import ancestor_paths
from civic.services.models import Procedure

from .permissions import MANAGE, communes_where, helpers_in


class SupportPointAdminForm(WagtailAdminModelForm):
    """The admin form of a support point: the communes offered are those the user
    manages, the helpers those holding the helper role there."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        managed = communes_where(for_user, MANAGE) if for_user is not None else None
        if "area" in self.fields:
            field = self.fields["area"]
            field.queryset = (
                managed.order_by("title")
                if managed is not None
                else field.queryset.none()
            )
            field.widget = forms.Select(choices=field.choices)
        if "helpers" in self.fields:
            self.fields["helpers"].queryset = (
                helpers_in(managed).order_by("full_name")
                if managed is not None
                else self.fields["helpers"].queryset.none()
            )
            self.fields["helpers"].widget = forms.CheckboxSelectMultiple(
                choices=self.fields["helpers"].choices
            )

    def clean(self):
        cleaned = super().clean()
        area = cleaned.get("area")
        helpers = cleaned.get("helpers")
        if area is not None and helpers:
            paths = ancestor_paths(area)
            for helper in helpers:
                if not helper.area_roles.filter(
                    kind=RoleKind.HELPER, area__path__in=paths
                ).exists():
                    self.add_error(
                        "helpers",
                        _("%(name)s is not a helper of this commune.")
                        % {"name": helper.display_name},
                    )
        return cleaned


class LocationForm(forms.Form):
    lat = forms.FloatField(
        label=_("Latitude"), min_value=-90, max_value=90, required=False
    )
    lng = forms.FloatField(
        label=_("Longitude"), min_value=-180, max_value=180, required=False
    )

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("lat") is None) != (cleaned.get("lng") is None):
            raise ValidationError(_("Give both the latitude and the longitude."))
        return cleaned


def parse_when(value):
    """``2026-12-01T08:30`` (a slot value or a datetime-local input) → (date, time)."""
    from datetime import datetime

    try:
        moment = datetime.strptime((value or "").strip()[:16], "%Y-%m-%dT%H:%M")
    except ValueError:
        return None
    return moment.date(), moment.time()


class SlotForm(forms.Form):
    when = forms.CharField(label=_("Date and time"), max_length=16)

    def clean_when(self):
        parsed = parse_when(self.cleaned_data["when"])
        if parsed is None:
            raise ValidationError(_("Choose a date and a time from the list."))
        return parsed


class BookingForm(SlotForm):
    need = forms.CharField(
        label=_("What do you need help with?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ProposeForm(SlotForm):
    note = forms.CharField(
        label=_("Message to the resident"), required=False, max_length=500
    )


class SessionForm(forms.Form):
    resident_name = forms.CharField(
        label=_("Resident's name"), max_length=150, required=False
    )
    procedure = forms.ModelChoiceField(
        queryset=Procedure.objects.none(), label=_("Procedure"), required=False
    )
    done = forms.CharField(
        label=_("What was done"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(
        label=_("The resident agreed to this record"), required=False
    )

    def __init__(self, *args, point=None, **kwargs):
        super().__init__(*args, **kwargs)
        if point is not None:
            self.fields["procedure"].queryset = Procedure.objects.filter(
                area=point.area_id
            ).only("pk", "code", "name")
