"""Site forms for meetings: plain Django forms, no JavaScript needed.

They validate input for a clear message next to the field; the actions check again
(and the database constraints hold whatever happens).
"""

import os

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.documents import get_document_model

from civic.core.text import clean_text
from civic.people.actions import area_collection

from .models import MeetingKind

DOCUMENT_EXTENSIONS = {
    "pdf",
    "doc",
    "docx",
    "odt",
    "xls",
    "xlsx",
    "ods",
    "jpg",
    "jpeg",
    "png",
}
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

DATETIME_WIDGET = forms.DateTimeInput(
    attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
)


def check_upload(upload):
    if upload is None:
        return None
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    if extension not in DOCUMENT_EXTENSIONS:
        raise ValidationError(
            _("Attach a PDF, Word, spreadsheet or picture file (%(types)s).")
            % {"types": ", ".join(sorted(DOCUMENT_EXTENSIONS))}
        )
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("The file is larger than 10 MB."))
    return upload


def make_document(upload, title, user, area):
    """Store an uploaded file as a Wagtail document in ``area``'s collection.

    Who may fetch it is decided when it is served (``content.documents``): the
    public once a public record uses it, else the meeting's managers.
    """
    Document = get_document_model()
    document = Document(
        title=(clean_text(title) or clean_text(upload.name))[:255],
        file=upload,
        collection=area_collection(area),
        uploaded_by_user=user,
    )
    document.save()
    return document


class MeetingForm(forms.Form):
    area = forms.ModelChoiceField(
        queryset=None, label=_("Area"), empty_label=None, required=True
    )
    title = forms.CharField(label=pgettext_lazy("meeting", "Title"), max_length=255)
    kind = forms.ChoiceField(
        label=_("Kind of meeting"),
        choices=MeetingKind.choices,
        initial=MeetingKind.REGULAR,
    )
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DATETIME_WIDGET)
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DATETIME_WIDGET)
    place = forms.CharField(
        label=_("Place"),
        max_length=255,
        required=False,
        help_text=_("The address, e.g. Nhà văn hóa tổ dân phố 3, 12 Hà Ra."),
    )
    online_url = forms.URLField(
        label=_("Online meeting link"),
        assume_scheme="https",
        required=False,
        help_text=_("Give a place, an online link, or both."),
    )
    description = forms.CharField(
        label=pgettext_lazy("meeting", "Description"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas

    def clean(self):
        data = super().clean()
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The meeting must end after it starts."))
        if not data.get("place") and not data.get("online_url"):
            if "online_url" not in self.errors:
                self.add_error(
                    "place", _("Give the place of the meeting or its online link.")
                )
        return data


class AgendaItemForm(forms.Form):
    pk = forms.IntegerField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label=_("Agenda item"), max_length=255, required=False)
    file = forms.FileField(
        label=_("Document (optional)"),
        required=False,
        help_text=_("PDF, Word, spreadsheet or picture, up to 10 MB."),
    )

    def clean_file(self):
        return check_upload(self.cleaned_data.get("file"))


AgendaFormSet = forms.formset_factory(AgendaItemForm, extra=3, max_num=30)


class AttendanceForm(forms.Form):
    households = forms.MultipleChoiceField(
        label=_("Households represented"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    guests_count = forms.IntegerField(
        label=_("Number of guests"), min_value=0, max_value=10000, initial=0
    )
    guests = forms.CharField(
        label=_("Guests"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_(
            "Names and roles of invited guests, e.g. representatives of the commune."
        ),
    )

    def __init__(self, *args, households, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["households"].choices = [(str(h.pk), h.address) for h in households]


class CorrectionForm(forms.Form):
    note = forms.CharField(
        label=_("What does the correction change?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the leader will see it)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class MinutesForm(forms.Form):
    """Chair, secretary, remarks and, per agenda item, discussion, decision and
    either the tallies or a household poll."""

    chair = forms.CharField(label=_("Chair"), max_length=150)
    secretary = forms.CharField(label=_("Secretary"), max_length=150)
    summary = forms.CharField(
        label=_("Other remarks"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    attachment = forms.FileField(
        label=_("Attach a document (optional)"),
        required=False,
        help_text=_("PDF, Word, spreadsheet or picture, up to 10 MB."),
    )
    attachment_title = forms.CharField(
        label=_("Title of the document"), max_length=255, required=False
    )

    def __init__(self, *args, items, polls, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        poll_choices = [("", _("— no poll —"))] + [(str(p.pk), p.title) for p in polls]
        for item in self.items:
            prefix = f"item-{item.pk}-"
            self.fields[prefix + "discussion"] = forms.CharField(
                label=_("Discussion"),
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
            )
            self.fields[prefix + "decision"] = forms.CharField(
                label=_("Decision"),
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
            for name, label in (
                ("for", _("Households for")),
                ("against", _("Households against")),
                ("abstain", _("Households abstaining")),
            ):
                self.fields[prefix + name] = forms.IntegerField(
                    label=label,
                    min_value=0,
                    required=False,
                    widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
                )
            self.fields[prefix + "poll"] = forms.ChoiceField(
                label=_("Or: decided by the poll"),
                choices=poll_choices,
                required=False,
            )

    def clean_attachment(self):
        return check_upload(self.cleaned_data.get("attachment"))

    def item_groups(self):
        """[(item, {name: bound field})] for the template."""
        return [
            (
                item,
                {
                    name: self[f"item-{item.pk}-{name}"]
                    for name in (
                        "discussion",
                        "decision",
                        "for",
                        "against",
                        "abstain",
                        "poll",
                    )
                },
            )
            for item in self.items
        ]

    def records(self):
        """The items something was written for (a blank item is left out)."""
        data = self.cleaned_data
        records = {}
        for item in self.items:
            entry = {
                name: data.get(f"item-{item.pk}-{name}")
                for name in (
                    "discussion",
                    "decision",
                    "for",
                    "against",
                    "abstain",
                    "poll",
                )
            }
            if any(value not in (None, "") for value in entry.values()):
                records[item.pk] = entry
        return records

    @staticmethod
    def initial_for(minutes):
        if minutes is None:
            return {}
        initial = {
            "chair": minutes.chair,
            "secretary": minutes.secretary,
            "summary": minutes.summary,
        }
        for record in minutes.records.all():
            prefix = f"item-{record.agenda_item_id}-"
            initial.update(
                {
                    prefix + "discussion": record.discussion,
                    prefix + "decision": record.decision,
                    prefix + "for": record.votes_for,
                    prefix + "against": record.votes_against,
                    prefix + "abstain": record.votes_abstain,
                    prefix + "poll": str(record.poll_id or ""),
                }
            )
        return initial
