from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class UtilityAdminForm(WagtailAdminModelForm):
    """The admin form of a utility entry: the areas offered are the communes and
    groups the user manages; collection days are ticked boxes."""

    def __init__(self, *args, for_user=None, **kwargs):
        from .models import WEEKDAYS, parse_weekdays
        from .queries import local_areas_where

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

        from .permissions import APPROVE
        from .queries import local_areas_where

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
