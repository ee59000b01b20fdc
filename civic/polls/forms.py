from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import ChoiceMeaning, PollKind
from .permissions import manageable_areas


class PollAdminForm(WagtailAdminModelForm):
    """The admin form: the area list holds only areas where the user opens polls."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "area" in self.fields:
            field = self.fields["area"]
            field.queryset = (
                manageable_areas(for_user).order_by("path")
                if for_user is not None
                else field.queryset.none()
            )
            field.widget = forms.Select(choices=field.choices)
            field.label_from_instance = lambda a: "— " * max(a.depth - 3, 0) + a.title

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        formset = self.formsets.get("choices")
        if formset is None or not formset.is_valid():
            return cleaned
        kept = [
            f.cleaned_data
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        if kind == PollKind.HOUSEHOLD:
            if (
                kept
                and sum(1 for c in kept if c.get("meaning") == ChoiceMeaning.APPROVE)
                != 1
            ):
                raise ValidationError(
                    _(
                        "A household decision needs exactly one choice meaning "
                        "“approve”, or no choices at all for Yes / No / Abstain."
                    )
                )
        elif len(kept) < 2:
            raise ValidationError(_("A consultation needs at least two choices."))
        max_choices = cleaned.get("max_choices") or 1
        if kept and max_choices > len(kept):
            self.add_error(
                "max_choices",
                _("The maximum cannot exceed the number of choices."),
            )
        return cleaned
