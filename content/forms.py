import uuid

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.models import ReferenceIndex


class AreaContentPageForm(WagtailAdminPageForm):
    """The slug may be left empty: it is then made from the title on the server
    (transliterated, see ``content.slugs``), so the form works without JavaScript.

    A document the page did not use yet is accepted only if the editor may choose
    it (Wagtail's "choose" permission on its collection): in an attachment, a
    document block or a link in rich text. Otherwise an editor could publish a
    document of another area by typing its id (see ``content.documents``, which
    also refuses to count such a page when serving the document).

    A new page's form carries ``create_token``, a random value the autosave and
    the submit of one editor tab share (see ``content.admin_views``)."""

    create_token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["create_token"]
        else:
            self.fields["create_token"].initial = uuid.uuid4
        # the documents the page already uses (its latest revision) stay allowed
        self._documents_before = _document_ids(
            ReferenceIndex._extract_references_from_object(self.instance)
        )
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

    def is_valid(self):
        valid = super().is_valid()
        return self._check_documents() and valid

    def _check_documents(self):
        """Refuse documents newly referenced that the editor may not choose."""
        uses = []  # (form, field name, document id)
        for form, model in [(self, self._meta.model)] + [
            (child, formset.model)
            for formset in self.formsets.values()
            for child in formset.forms
        ]:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE"):
                continue
            for name, value in data.items():
                if isinstance(value, AbstractDocument):
                    uses.append((form, name, str(value.pk)))
                    continue
                try:
                    field = model._meta.get_field(name)
                except Exception:
                    continue
                if value is not None and hasattr(field, "extract_references"):
                    for (
                        to_model,
                        object_id,
                        _path,
                        _content,
                    ) in field.extract_references(value):
                        if issubclass(to_model, AbstractDocument):
                            uses.append((form, name, str(object_id)))
        new = {pk for _form, _name, pk in uses if pk not in self._documents_before}
        if not new:
            return True
        from wagtail.permissions import policy_registry

        Document = get_document_model()
        policy = policy_registry.get_by_type(Document)
        user = self.for_user
        documents = Document.objects.filter(
            pk__in=[pk for pk in new if pk.isascii() and pk.isdigit()]
        )
        refused = {
            str(doc.pk)
            for doc in documents
            if not user
            or not (
                user.is_superuser
                or policy.user_has_permission_for_instance(user, "choose", doc)
            )
        }
        message = _(
            "You may not use this document: it belongs to an area you do not manage."
        )
        done = set()
        for form, name, pk in uses:
            if pk in refused and (id(form), name) not in done:
                done.add((id(form), name))
                form.add_error(name, message)
        return not refused


def _document_ids(references):
    """Ids (strings) of the documents among Wagtail reference-index tuples."""
    from django.contrib.contenttypes.models import ContentType

    document_type = ContentType.objects.get_for_model(get_document_model()).pk
    return {
        str(pk)
        for type_id, pk, _path, _content in references
        if type_id == document_type
    }
