"""Which pages may make a document public, and documents follow their area.

Audit round 2 (fix/a-docs):

* hole 1 — a page made public any document it referenced, so an editor of one
  commune published another commune's draft document by attaching its id. Now a
  page counts only for documents of its area's collections (its area's, those
  of the areas below it, and its ancestors'), and the page editor refuses a
  document the editor may not choose;
* hole 2 — after a merger (a group moved to another commune) the group's
  collection stayed under the old commune, whose editors kept reading and
  choosing its documents.
"""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, rich_text

from civic.people.actions import area_collection
from civic.people.models import User
from civic.people.permissions import can
from content.models import AreaPage, NoticeAttachment, NoticePage

from .test_review_workflow import add_url, notice_form, sign_in

pytestmark = pytest.mark.django_db


def make_document(area, uploader, name="bien-ban-nhap.pdf"):
    Document = get_document_model()
    doc = Document(
        title="Biên bản nháp",
        collection=area_collection(area),
        uploaded_by_user=uploader,
    )
    doc.file.save(name, ContentFile(b"%PDF-1.4 secret"), save=False)
    doc.save()
    return doc


def publish_notice(client, editor, area, **extra):
    sign_in(client, editor)
    return client.post(add_url(area), notice_form(action="action-publish", **extra))


def test_another_communes_editor_cannot_attach_a_private_document(client, tree):
    """Hole 1: editor_b publishes a notice in group_b attaching group_1's draft
    document: the editor refuses it, nothing is published, the file stays hidden."""
    doc = make_document(tree.group_1, tree.leader_1)
    assert client.get(doc.url).status_code == 404
    sign_in(client, tree.editor_b)
    assert client.get(doc.url).status_code == 404  # editor_b may not read it
    attachments = inline_formset([{"document": doc.pk, "caption": "x"}])
    r = publish_notice(client, tree.editor_b, tree.group_b, attachments=attachments)
    assert r.status_code == 200
    assert "Bạn không được dùng tài liệu này" in r.content.decode()
    assert not NoticePage.objects.exists()
    client.logout()
    assert client.get(doc.url).status_code == 404


def test_another_communes_document_linked_in_the_body_is_refused(client, tree):
    """Hole 1, rich text: a link to another commune's document is refused too."""
    doc = make_document(tree.group_1, tree.leader_1)
    body = rich_text(f'<p><a linktype="document" id="{doc.pk}">biên bản</a></p>')
    r = publish_notice(client, tree.editor_b, tree.group_b, body=body)
    assert r.status_code == 200
    assert "Bạn không được dùng tài liệu này" in r.content.decode()
    assert not NoticePage.objects.exists()


def test_a_page_outside_the_documents_area_does_not_make_it_public(client, tree):
    """Hole 1, the serving rule: even a page saved without the editor (a script,
    an import) publishes only documents of its area's collections."""
    doc = make_document(tree.group_1, tree.leader_1)
    notice = NoticePage(
        title="Thông báo", intro="x", category="projects", body="<p>x</p>"
    )
    tree.group_b.add_child(instance=notice)
    NoticeAttachment.objects.create(page=notice, document=doc)
    assert NoticePage.objects.get().live
    assert client.get(doc.url).status_code == 404
    # nor does editing that page open it to the other commune's editor
    sign_in(client, tree.editor_b)
    assert client.get(doc.url).status_code == 404


def test_the_areas_own_pages_still_publish_its_documents(client, tree):
    """The commune's editor attaches a group's document and the commune's own
    document to a notice of the group: both become public."""
    group_doc = make_document(tree.group_1, tree.leader_1, "to-1.pdf")
    commune_doc = make_document(tree.commune_a, tree.editor_a, "phuong.pdf")
    attachments = inline_formset(
        [{"document": group_doc.pk, "caption": ""}, {"document": commune_doc.pk}]
    )
    r = publish_notice(client, tree.editor_a, tree.group_1, attachments=attachments)
    assert r.status_code == 302, r.content.decode()[:3000]
    client.logout()
    assert client.get(group_doc.url).status_code == 200
    assert client.get(commune_doc.url).status_code == 200


def test_after_a_merger_the_groups_documents_follow_it(client, tree):
    """Hole 2: group_2 moves from commune_a to commune_b: its collection moves
    under commune_b's, editor_a loses its draft document, editor_b may choose it."""
    doc = make_document(tree.group_2, tree.leader_2)
    sign_in(client, tree.editor_a)
    assert client.get(doc.url).status_code == 200  # their group's draft document
    tree.group_2.move(tree.commune_b, pos="last-child")
    group_2 = AreaPage.objects.get(pk=tree.group_2.pk)
    assert not can(User.objects.get(pk=tree.editor_a.pk), "edit_content", group_2)
    collection = Collection.objects.get(pk=area_collection(group_2).pk)
    assert collection.get_parent() == area_collection(tree.commune_b)
    client.logout()
    sign_in(client, tree.editor_a)
    assert client.get(doc.url).status_code == 404, "old commune's editor still reads it"
    client.logout()
    sign_in(client, tree.editor_b)
    assert client.get(doc.url).status_code == 200
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(get_document_model())
    editor_b = User.objects.get(pk=tree.editor_b.pk)
    doc = get_document_model().objects.get(pk=doc.pk)  # its collection moved
    assert policy.user_has_permission_for_instance(editor_b, "choose", doc)
