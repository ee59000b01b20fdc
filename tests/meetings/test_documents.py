"""Who may fetch a document (issue 14, item 5).

A document is public only while something public uses it (published minutes, a
meeting's agenda, a live unrestricted page); otherwise only those who can read the
record that uses it, or manage the document, can fetch it, and leaders choose only
from their own areas' collections.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from civic.meetings import actions
from civic.meetings.forms import make_document
from civic.people.actions import area_collection
from content.models import NoticeAttachment, NoticePage

from .test_minutes import published

CHOOSER = "/quan-tri/documents/chooser/"


def upload(tree, title, area=None, user=None):
    pdf = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 test", "application/pdf")
    return make_document(pdf, title, user or tree.leader_1, area or tree.group_1)


def fetch(client, user, document):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(document.url)


def chooser_titles(client, user):
    client.force_login(user)
    response = client.get(CHOOSER)
    assert response.status_code == 200
    Document = get_document_model()
    html = response.json()["html"]
    return {d.title for d in Document.objects.all() if d.title in html}


def test_documents_are_served_by_the_checking_view(tree):
    document = upload(tree, "Bảng kê")
    assert document.url == f"/tai-lieu/{document.pk}/bien-ban.pdf"
    assert document.collection == area_collection(tree.group_1)
    assert area_collection(tree.group_1).get_parent() == area_collection(tree.commune_a)


def test_a_draft_correction_attachment_is_private_until_published(
    client, tree, people, held
):
    published(tree, held)
    draft = actions.start_correction(tree.leader_1, held, "Bổ sung danh sách ký tên.")
    secret = upload(tree, "Danh sách ký tên bổ sung")
    item = held.agenda_items.first()
    actions.save_minutes(
        tree.leader_1,
        held,
        "Nguyễn Văn An",
        "Trần Thị Bình",
        {item.pk: {"decision": "Tổng vệ sinh ngày 14/12.", "for": 4, "against": 0}},
        attachment=secret,
    )
    assert draft.attachments.filter(document=secret).exists()

    assert fetch(client, None, secret).status_code == 404
    for outsider in (tree.leader_2, tree.leader_b, tree.editor_b, people.reps[0]):
        assert fetch(client, outsider, secret).status_code == 404, outsider
    for insider in (tree.leader_1, tree.editor_a, tree.admin):
        response = fetch(client, insider, secret)
        assert response.status_code == 200, insider
        assert b"".join(response.streaming_content) == b"%PDF-1.4 test"
        assert "private" in response["Cache-Control"]  # no shared cache keeps it

    # other groups' leaders do not even see it in the chooser; its own do
    assert "Danh sách ký tên bổ sung" not in chooser_titles(client, tree.leader_2)
    assert "Danh sách ký tên bổ sung" not in chooser_titles(client, tree.leader_b)
    assert "Danh sách ký tên bổ sung" in chooser_titles(client, tree.leader_1)
    assert "Danh sách ký tên bổ sung" in chooser_titles(client, tree.editor_a)

    actions.submit_minutes(tree.leader_1, draft)
    assert fetch(client, None, secret).status_code == 404  # under review
    actions.approve_minutes(tree.editor_a, draft)
    response = fetch(client, None, secret)
    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")
    assert fetch(client, tree.leader_b, secret).status_code == 200


def test_agenda_documents_are_public_with_their_meeting(client, tree, people, held):
    document = upload(tree, "Dự toán")
    item = held.agenda_items.first()
    item.document = document
    item.save()
    assert fetch(client, None, document).status_code == 200


def test_an_unused_upload_is_for_its_uploader_and_its_areas_managers(client, tree):
    document = upload(tree, "Chưa dùng")
    assert fetch(client, None, document).status_code == 404
    assert fetch(client, tree.leader_2, document).status_code == 404
    assert fetch(client, tree.leader_1, document).status_code == 200
    assert fetch(client, tree.editor_a, document).status_code == 200
    # the wrong file name is still a 404, whoever asks
    client.force_login(tree.admin)
    assert client.get(f"/tai-lieu/{document.pk}/khac.pdf").status_code == 404
    for odd in ("9" * 25, "²", "0", "-1", "1\x00", "x" * 10000):
        assert client.get(f"/tai-lieu/{odd}/bien-ban.pdf").status_code == 404, odd


def test_notice_attachments_follow_the_page(client, tree):
    document = upload(tree, "Lịch cắt nước")
    notice = NoticePage(title="Cắt nước", body="<p>Cắt nước</p>", live=False)
    tree.group_1.add_child(instance=notice)
    NoticeAttachment.objects.create(page=notice, document=document)
    # a draft notice: private
    assert fetch(client, None, document).status_code == 404
    assert fetch(client, tree.leader_2, document).status_code == 404
    assert fetch(client, tree.leader_1, document).status_code == 200
    notice.save_revision().publish()
    assert fetch(client, None, document).status_code == 200
    # restricted to signed-in users: private to visitors again
    PageViewRestriction.objects.create(
        page=notice, restriction_type=PageViewRestriction.LOGIN
    )
    assert fetch(client, None, document).status_code == 404
    assert fetch(client, tree.resident, document).status_code == 200


def test_documents_in_a_page_body_follow_the_page(client, tree):
    """Blocks and rich-text links are found through Wagtail's reference index."""
    from content.models import NewsPage

    block = upload(tree, "Kế hoạch")
    link = upload(tree, "Danh sách")
    news = NewsPage(
        title="Kế hoạch tổng vệ sinh",
        live=False,
        body=[
            ("document", block),
            (
                "paragraph",
                f'<p><a linktype="document" id="{link.pk}">danh sách</a></p>',
            ),
        ],
    )
    tree.group_1.add_child(instance=news)
    for document in (block, link):
        assert fetch(client, None, document).status_code == 404
        assert fetch(client, tree.leader_1, document).status_code == 200
    news.save_revision().publish()
    for document in (block, link):
        assert fetch(client, None, document).status_code == 200
