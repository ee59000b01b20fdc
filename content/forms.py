import uuid

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class AreaContentPageForm(WagtailAdminPageForm):
    """The slug may be left empty: it is then made from the title on the server
    (transliterated, see ``content.slugs``), so the form works without JavaScript.

    A new page's form carries ``create_token``, a random value the autosave and
    the submit of one editor tab share (see ``content.admin_views``)."""

    create_token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["create_token"]
        else:
            self.fields["create_token"].initial = uuid.uuid4
        # Fields with a callable default (today) would render a hidden "initial"
        # input that Wagtail's templates do not output, so every submission looked
        # changed; approving in the editor then saved a new revision and restarted
        # the review instead of publishing.
        for name in ("posting_starts", "date"):
            if name in self.fields:
                self.fields[name].show_hidden_initial = False
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "The last part of the page's web address. Left empty, it is made "
                "from the title without diacritics."
            )
