from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from content.models import COMMUNE_KINDS, GROUP_KINDS, AreaPage

from .models import Category, HandlingUnit, Status
from .photos import photos_field


def PhotosField(**kwargs):  # noqa: N802 - used as a field class was
    """Feedback's photos field: ``civic.core.photos.PhotosField`` with its limits."""
    return photos_field(**kwargs)


def area_choices():
    """Live communes and their groups, a group shown under its commune."""

    areas = list(
        AreaPage.objects.live()
        .filter(kind__in=COMMUNE_KINDS | GROUP_KINDS)
        .order_by("path")
        .only("pk", "title", "path", "kind", "depth")
    )
    communes = {a.path: a for a in areas if a.kind in COMMUNE_KINDS}
    choices = []
    for area in areas:
        if area.kind in COMMUNE_KINDS:
            choices.append((area.title, [(area.pk, area.title)]))
        else:
            parent = communes.get(area.path[: -area.steplen])
            if parent is not None and choices and choices[-1][0] == parent.title:
                choices[-1][1].append((area.pk, f"{parent.title} › {area.title}"))
    return [("", _("— choose —"))] + choices


class AreaField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(coerce=int, **kwargs)


class PlaceForm(forms.Form):
    """Step 1: where and what — enough to suggest similar open reports."""

    area = AreaField(
        label=_("Residential group or commune"),
        help_text=_("Where the problem is."),
    )
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", _("— choose —"))] + Category.choices
    )
    latitude = forms.DecimalField(
        label=_("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        max_digits=9,
        decimal_places=6,
        help_text=_("Optional, e.g. 12.276543."),
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        max_digits=9,
        decimal_places=6,
        help_text=_("Optional, e.g. 109.201234."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = area_choices()

    def clean(self):
        data = super().clean()
        lat, lng = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lng is None) and not self.errors:
            raise ValidationError(
                _("Give both the latitude and the longitude, or neither.")
            )
        return data

    def area_page(self):
        return AreaPage.objects.live().filter(pk=self.cleaned_data["area"]).first()


class ReportForm(PlaceForm):
    title = forms.CharField(label=_("Title"), max_length=150)
    description = forms.CharField(
        label=_("Description"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What is wrong, since when, who is affected. Do not write other "
            "people's names or phone numbers."
        ),
    )
    address = forms.CharField(
        label=_("Address or landmark"),
        max_length=255,
        help_text=_("e.g. in front of no. 12 Hòn Chồng street."),
    )
    urgent = forms.BooleanField(
        label=_("Urgent: a danger to people or property"), required=False
    )
    photos = PhotosField(
        label=_("Photos"),
        help_text=_(
            "Up to 5 photos, JPEG, PNG or WebP, at most 5 MB each. Their location "
            "data is removed."
        ),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class DuplicateForm(ReasonForm):
    original = forms.IntegerField(
        label=_("Number of the report it repeats"), required=False, min_value=1
    )


class UnitForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Handling unit"),
        queryset=HandlingUnit.objects.none(),
        required=False,
        empty_label=_("— none —"),
    )

    def __init__(self, *args, commune=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = HandlingUnit.objects.filter(
            area=commune, is_active=True
        )


class ProgressForm(forms.Form):
    message = forms.CharField(
        label=_("Progress update"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    photos = PhotosField(label=_("Photos"))


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Final answer"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    photos = PhotosField(label=_("Photos"))


class RateForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        coerce=int,
        choices=[(i, str(i)) for i in range(5, 0, -1)],
        widget=forms.RadioSelect,
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the problem not solved?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


PERIODS = {"7": 7, "30": 30, "90": 90, "365": 365}


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("all")), ("open", pgettext_lazy("feedback", "open"))]
        + Status.choices,
    )
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("all"))] + Category.choices
    )
    period = forms.ChoiceField(
        label=_("Sent in"),
        required=False,
        choices=[
            ("", _("any time")),
            ("7", _("the last 7 days")),
            ("30", _("the last 30 days")),
            ("90", _("the last 90 days")),
            ("365", _("the last 12 months")),
        ],
    )
