"""Issue 19's review outcome for leaders (Wagtail moderation): approved or sent
back, told to the leader who submitted (not the editor who decided), once, in
the leader's language."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from content.models import NoticePage
from tests.notified import recipients, speaks, told

from ..factories import sign_in
from .test_review_workflow import add_url, notice_form

pytestmark = pytest.mark.django_db


def decide(client, tree, action, comment=""):
    sign_in(client, tree.leader_1)
    client.post(add_url(tree.group_1), notice_form())
    page = NoticePage.objects.get()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    sign_in(client, tree.editor_a)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, action, state.current_task_state.pk),
    )
    assert client.post(url, {"comment": comment}).status_code == 302
    return page


def test_approved(client, tree):
    speaks(tree.leader_1, "en")
    decide(client, tree, "approve")
    assert recipients("content.approved") == [tree.leader_1.pk]
    (note,) = told(tree.leader_1, "content.approved")
    assert note.text().startswith("“Thông báo sửa đường Đống Đa” was approved by ")


def test_sent_back_with_the_comment(client, tree):
    decide(client, tree, "reject", "Bổ sung sơ đồ phân luồng")
    assert recipients("content.needs_changes") == [tree.leader_1.pk]
    (note,) = told(tree.leader_1, "content.needs_changes")
    assert note.text().endswith("Bổ sung sơ đồ phân luồng")
    assert note.text().startswith("“Thông báo sửa đường Đống Đa” cần chỉnh sửa")
