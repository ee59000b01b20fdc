from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from civic.people.models import RoleKind
from civic.people.permissions import ancestor_paths

from .models import LifeEvent, Procedure
from .permissions import communes_where, helpers_in


def _commune_choice(field, user):
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
            _commune_choice(self.fields["area"], for_user)
        if "helpers" in self.fields:
            self.fields["helpers"].queryset = (
                helpers_in(communes_where(for_user)).order_by("full_name")
                if for_user is not None
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


# --- utilities and businesses --------------------------------------------------------


class UtilityAdminForm(WagtailAdminModelForm):
    """The admin form of a utility entry: the areas offered are the communes and
    groups the user manages; collection days are ticked boxes."""

    def __init__(self, *args, for_user=None, **kwargs):
        from .directory import local_areas_where
        from .models import WEEKDAYS, parse_weekdays

        super().__init__(*args, for_user=for_user, **kwargs)
        if "area" in self.fields:
            field = self.fields["area"]
            field.queryset = (
                local_areas_where(for_user).order_by("path")
                if for_user is not None
                else field.queryset.none()
            )
            field.label_from_instance = lambda a: (
                f"— {a.title}" if a.is_group else a.title
            )
            field.widget = forms.Select(choices=field.choices)
        if "collection_days" in self.fields:
            old = self.fields["collection_days"]
            self.fields["collection_days"] = forms.TypedMultipleChoiceField(
                choices=WEEKDAYS,
                coerce=int,
                required=False,
                label=old.label,
                help_text=old.help_text,
                widget=forms.CheckboxSelectMultiple,
            )
            self.initial["collection_days"] = parse_weekdays(
                self.instance.collection_days
            )

    def clean_collection_days(self):
        days = sorted(set(self.cleaned_data.get("collection_days") or []))
        return ",".join(str(d) for d in days)


class BusinessForm(forms.Form):
    name = forms.CharField(label=_("Name of the shop or service"), max_length=150)
    offers = forms.CharField(label=_("What they sell or do"), max_length=300)
    phone = forms.CharField(label=_("Contact phone"), max_length=40)
    opening_hours = forms.CharField(
        label=_("Opening hours"),
        max_length=150,
        required=False,
        help_text=_("For example: every day 6:00–21:00."),
    )
    address = forms.CharField(label=_("Address"), max_length=255, required=False)


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the rejection"), max_length=500)


class BusinessFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    area = forms.ModelChoiceField(
        queryset=None, label=_("Area"), required=False, empty_label=_("All")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from content.models import COMMUNE_KINDS, GROUP_KINDS, AreaPage

        self.fields["area"].queryset = (
            AreaPage.objects.live()
            .filter(kind__in=COMMUNE_KINDS | GROUP_KINDS)
            .order_by("path")
        )
        self.fields["area"].label_from_instance = lambda a: (
            f"— {a.title}" if a.is_group else a.title
        )


class BusinessAdminForm(WagtailAdminModelForm):
    """The admin form of a business: the groups offered are those where the user
    approves businesses. The status is changed on the approval queue only."""

    def __init__(self, *args, for_user=None, **kwargs):
        from content.models import GROUP_KINDS

        from .directory import APPROVE, local_areas_where

        super().__init__(*args, for_user=for_user, **kwargs)
        if "area" in self.fields:
            field = self.fields["area"]
            field.queryset = (
                local_areas_where(for_user, APPROVE)
                .filter(kind__in=GROUP_KINDS)
                .order_by("path")
                if for_user is not None
                else field.queryset.none()
            )
            field.widget = forms.Select(choices=field.choices)
