"""The market's forms. They check the shape of what is typed (with messages in
the person's language); the rules (who, where, limits, stock) are the actions'."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from civic.core.ids import parse_id
from civic.core.photos import PhotosField
from content.models import GROUP_KINDS, AreaPage

from .banks import BANK_CHOICES
from .models import (
    MAX_PRICE,
    MAX_QUANTITY,
    Availability,
    Category,
    Fulfilment,
    Kind,
    setting,
)

DATETIME_INPUT = forms.DateTimeInput(
    attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
)


def _price_field(label, required=False, help_text=""):
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=0,
        max_value=MAX_PRICE,
        help_text=help_text,
        error_messages={
            "invalid": _("The price is a whole number of đồng."),
            "min_value": _("The price cannot be negative."),
            "max_value": _(
                "The price is at most 1,000,000,000 đồng on the neighbourhood market."
            ),
        },
    )


def _quantity_field(label, required=True, min_value=1, help_text=""):
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=min_value,
        max_value=MAX_QUANTITY,
        help_text=help_text,
        error_messages={
            "invalid": _("The quantity is a whole number."),
            "min_value": _("The quantity must be at least %(limit_value)s."),
            "max_value": _("The quantity is at most %(limit_value)s."),
        },
    )


class ListingForm(forms.Form):
    place = forms.ChoiceField(label=_("Sell as"))
    kind = forms.ChoiceField(label=_("Goods or service"), choices=Kind.choices)
    category = forms.ChoiceField(
        label=pgettext_lazy("market", "Category"), choices=Category.choices
    )
    title = forms.CharField(label=_("Listing title"), max_length=120)
    description = forms.CharField(
        label=_("Description"), max_length=2000, required=False, widget=forms.Textarea
    )
    price = _price_field(
        _("Price (VND)"), help_text=_("Leave empty for “contact the seller”.")
    )
    unit = forms.CharField(
        label=_("Unit"),
        max_length=30,
        required=False,
        help_text=_("For example: kg, bunch, hour, month."),
    )
    availability = forms.ChoiceField(
        label=_("Availability"), choices=Availability.choices
    )
    stock = _quantity_field(
        _("Quantity available"),
        required=False,
        min_value=0,
        help_text=_("Leave empty if you do not count it."),
    )
    pickup = forms.BooleanField(
        label=_("Pickup in the group"), required=False, initial=True
    )
    delivery_areas = forms.ModelMultipleChoiceField(
        label=_("Delivers to"),
        queryset=AreaPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    photos = PhotosField(
        label=_("Photos"),
        limit=lambda: setting("MARKET_MAX_PHOTOS"),
        max_bytes=lambda: setting("MARKET_PHOTO_MAX_BYTES"),
        help_text=_(
            "Up to 4 photos, JPEG, PNG or WebP, at most 5 MB each. "
            "Their location data is removed."
        ),
    )

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.places = places
        self.fields["place"].choices = [
            (
                key,
                _("Myself, in %(area)s") % {"area": area.title}
                if shop is None
                else _("%(shop)s, in %(area)s")
                % {"shop": shop.name, "area": area.title},
            )
            for key, (area, shop) in places.items()
        ]
        paths = {area.commune.path for area, _shop in places.values() if area.commune}
        groups = AreaPage.objects.live().filter(kind__in=GROUP_KINDS)
        if paths:
            from django.db.models import Q

            match = Q()
            for path in paths:
                match |= Q(path__startswith=path)
            groups = groups.filter(match)
        else:
            groups = groups.none()
        self.fields["delivery_areas"].queryset = groups.order_by("path")

    def place_value(self):
        return self.places[self.cleaned_data["place"]]

    def listing_fields(self):
        data = dict(self.cleaned_data)
        for key in ("place", "photos"):
            data.pop(key, None)
        return data


class PhotoIdsField(forms.Field):
    """The ids of the photos ticked for removal (a checkbox per photo, drawn by
    the template beside each photo). Only the shape is checked here; whether
    they are this listing's photos is the action's check."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        values = value if isinstance(value, (list, tuple)) else [value]
        ids = [parse_id(v) for v in values]
        if None in ids or len(ids) > 50:
            raise forms.ValidationError(
                _("Choose the photos to remove from those of the listing."),
                code="invalid",
            )
        return sorted(set(ids))


class EditListingForm(ListingForm):
    remove_photos = PhotoIdsField(label=_("Remove photos"), required=False)

    def __init__(self, *args, listing, **kwargs):
        places = {"r": (listing.area, listing.shop)}
        super().__init__(*args, places=places, **kwargs)
        del self.fields["place"]
        # the photos kept or removed, then the new ones
        names = [name for name in self.fields if name != "remove_photos"]
        names.insert(names.index("photos"), "remove_photos")
        self.order_fields(names)

    def listing_fields(self):
        data = super().listing_fields()
        data.pop("remove_photos", None)
        return data


class FilterForm(forms.Form):
    category = forms.ChoiceField(
        label=pgettext_lazy("market", "Category"),
        required=False,
        choices=[("", _("all"))] + Category.choices,
    )
    min = _price_field(_("From (VND)"))
    max = _price_field(_("To (VND)"))
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[("", _("nearest to my group")), ("new", _("newest first"))],
    )


class OrderForm(forms.Form):
    quantity = _quantity_field(_("Quantity"))
    fulfilment = forms.ChoiceField(
        label=_("Pickup or delivery"),
        choices=Fulfilment.choices,
        widget=forms.RadioSelect,
        initial=Fulfilment.PICKUP,
    )
    wanted_at = forms.DateTimeField(label=_("When"), widget=DATETIME_INPUT)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class ProposeForm(forms.Form):
    when = forms.DateTimeField(label=_("Another time"), widget=DATETIME_INPUT)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class ModerationForm(forms.Form):
    """A moderator's reason to hide or show a listing (required by the action:
    the seller sees it)."""

    reason = forms.CharField(
        label=_("Reason (the seller sees it)"), max_length=500, required=False
    )


class RateForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        coerce=int,
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        widget=forms.RadioSelect,
    )
    review = forms.CharField(label=_("Short review"), max_length=500, required=False)


class BankAccountForm(forms.Form):
    bank_bin = forms.ChoiceField(
        label=_("Bank"), choices=[("", "—")] + BANK_CHOICES, required=False
    )
    account_number = forms.CharField(
        label=_("Account number"), max_length=40, required=False
    )
    account_name = forms.CharField(
        label=_("Account name"),
        max_length=80,
        required=False,
        help_text=_("As on your bank card: it is written in capitals without marks."),
    )
