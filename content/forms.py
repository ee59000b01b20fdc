from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class AreaContentPageForm(WagtailAdminPageForm):
    """The slug may be left empty: it is then made from the title on the server
    (transliterated, see ``content.slugs``), so the form works without JavaScript."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
