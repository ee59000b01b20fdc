"""Who may fetch a document at ``/tai-lieu/<id>/<file>``.

A Wagtail document has no state of its own: it is public or private through what
uses it. The rule, applied to every document when it is served (Wagtail's
``before_serve_document`` hook; ``WAGTAILDOCS_SERVE_METHOD = "serve_view"`` so no
document is ever linked or redirected to its file in storage):

* **public** when something anyone can read uses it: a live page without a view
  restriction (a notice's attachment, a document block or link in a page's body)
  *of the document's area* — a page counts only for the documents of the
  collections its area owns (:func:`page_may_publish`: its area's, those of the
  areas below, those above), and the page editor refuses a document the editor
  may not choose (``content.forms.AreaContentPageForm``),
  a meeting's agenda, published (or superseded) minutes;
* otherwise only for whoever can read one of the records that use it — the
  editors of a page that uses it, a visitor who passed a page's restriction, the
  leaders and editors who manage a meeting with draft minutes — and for whoever
  may manage the document in Wagtail (its uploader, a user with the "change" or
  "choose" permission on its collection: an area's leaders and editors, see
  ``civic.people.actions.area_collection``), and superusers;
* everyone else gets a 404, as if the document did not exist.

Apps that attach documents to their records register a *source* in their
``AppConfig.ready()`` with :func:`register_document_source`: a function
``source(document, request)`` answering :data:`PUBLIC`, :data:`ALLOWED` (this
request may read it) or ``None`` (no use that lets this request in).
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.cache import patch_cache_control, patch_vary_headers

from civic.people.actions import area_collection
from civic.people.models import AreaCollection
from civic.people.permissions import can

from .models import AreaPage, NoticeAttachment

PUBLIC = "public"
ALLOWED = "allowed"

_SOURCES = []


def register_document_source(source):
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def document_access(document, request):
    """:data:`PUBLIC`, :data:`ALLOWED` or ``None`` for ``request``'s user."""
    verdict = None
    for source in _SOURCES:
        answer = source(document, request)
        if answer == PUBLIC:
            return PUBLIC
        verdict = verdict or answer
    if verdict:
        return verdict
    user = request.user
    if user.is_authenticated and user.is_active:
        from wagtail.documents import get_document_model
        from wagtail.permissions import policy_registry

        policy = policy_registry.get_by_type(get_document_model())
        if user.is_superuser or policy.user_has_any_permission_for_instance(
            user, ["change", "choose"], document
        ):
            return ALLOWED
    return None


def check_document_access(document, request):
    """The ``before_serve_document`` hook: a 404 unless the request may read it."""
    access = document_access(document, request)
    if access is None:
        raise Http404("No document here.")
    request.document_access = access
    return None


def serve(request, document_id, document_filename):
    """Wagtail's document view (which runs the hook above), with cache headers: a
    document that is not public must not be kept by a shared cache (a proxy or a
    CDN would hand it to the next visitor)."""
    from wagtail.documents.views.serve import serve as wagtail_serve

    # the URL's <id:…> converter (civic.core.ids) already refused odd ids
    response = wagtail_serve(request, document_id, document_filename)
    patch_vary_headers(response, ["Cookie"])
    if getattr(request, "document_access", None) != PUBLIC:
        patch_cache_control(response, private=True, no_store=True)
    return response


# --- pages ---------------------------------------------------------------------------


def pages_using(document):
    """Pages whose content uses ``document``: notice attachments, and what
    Wagtail's reference index found (document blocks, links in rich text)."""
    from wagtail.models import Page, ReferenceIndex

    ids = set(
        NoticeAttachment.objects.filter(document=document).values_list(
            "page_id", flat=True
        )
    )
    page_type = ContentType.objects.get_for_model(Page)
    ids.update(
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        if str(object_id).isascii() and str(object_id).isdigit()
    )
    return Page.objects.filter(pk__in=ids)


def _prefixes(path, steplen):
    return [path[:i] for i in range(steplen, len(path) + 1, steplen)]


def page_may_publish(page, document):
    """Whether ``page`` may make ``document`` readable: only a document of a
    collection its area owns — its area's collection, those below it (the
    collections of the areas inside it) and the collections above it (the
    enclosing commune's, the root). A page outside any area owns only the
    documents that are in no area's collection. So a page of one commune never
    opens another commune's document, whatever id it was given."""
    from wagtail.models import Collection

    collection = Collection.objects.filter(pk=document.collection_id).first()
    if collection is None:
        return False
    area = (
        AreaPage.objects.filter(path__in=_prefixes(page.path, page.steplen))
        .order_by("-depth")
        .first()
    )
    if area is None:
        return not AreaCollection.objects.filter(
            collection__path__in=_prefixes(collection.path, collection.steplen)
        ).exists()
    own = area_collection(area).path
    return own.startswith(collection.path) or collection.path.startswith(own)


def page_source(document, request):
    """Pages count only for the documents they may publish (:func:`page_may_publish`)."""

    verdict = None
    for page in pages_using(document):
        if not page_may_publish(page, document):
            continue
        if page.live:
            restrictions = page.get_view_restrictions()
            if not restrictions:
                return PUBLIC
            if all(r.accept_request(request) for r in restrictions):
                verdict = ALLOWED
        if verdict is None and can(request.user, "edit_content", page):
            verdict = ALLOWED
    return verdict
