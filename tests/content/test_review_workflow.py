"""Leader writes and submits → the commune's editors approve or reject → the leader
is told; leaders cannot post outside their group; editors publish directly."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from civic.people.models import Notification
from content.models import NoticePage

from ..factories import sign_in


def notice_form(title="Thông báo sửa đường Đống Đa", action="action-submit", **extra):
    data = {
        "title": title,
        "slug": "",
        "category": "projects",
        "intro": "Tạm ngừng lưu thông",
        "body": rich_text("<p>Từ ngày 1/12 thi công tuyến ống nước.</p>"),
        "posting_starts": "2026-11-28",
        "posting_ends": "2026-12-15",
        "attachments": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(extra)
    form = nested_form_data(data)
    form[action] = "1"
    return form


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("content", "noticepage", parent.pk))


def test_leader_submits_and_editor_approves(client, tree):
    sign_in(client, tree.leader_1)
    response = client.post(add_url(tree.group_1), notice_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NoticePage.objects.get()
    assert not page.live
    assert page.slug == "thong-bao-sua-duong-dong-da"
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    # the editors of the commune were told, the other commune's were not
    assert Notification.objects.filter(user=tree.editor_a).exists()
    assert not Notification.objects.filter(user=tree.editor_b).exists()
    # the public cannot see it yet
    client.logout()
    assert (
        client.get("/phuong-a/to-dan-pho-1/thong-bao-sua-duong-dong-da/").status_code
        == 404
    )

    # another commune's editor cannot approve it
    sign_in(client, tree.editor_b)
    task_state = state.current_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
    )
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert not page.live

    sign_in(client, tree.editor_a)
    response = client.post(url, {"comment": "Đồng ý đăng"})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=(page.pk,))
    page.refresh_from_db()
    assert page.live
    note = Notification.objects.filter(user=tree.leader_1).latest("created_at")
    assert "Thông báo sửa đường Đống Đa" in note.message
    client.logout()
    html = client.get("/phuong-a/to-dan-pho-1/").content.decode()
    assert "Thông báo sửa đường Đống Đa" in html
    # the audit log knows who did what
    actions = set(
        PageLogEntry.objects.filter(page=page).values_list("action", flat=True)
    )
    assert {"wagtail.create", "wagtail.workflow.start", "wagtail.publish"} <= actions


def test_editor_rejects_with_a_comment_and_leader_is_told(client, tree):
    sign_in(client, tree.leader_1)
    client.post(add_url(tree.group_1), notice_form())
    page = NoticePage.objects.get()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    sign_in(client, tree.editor_a)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, "reject", state.current_task_state.pk),
    )
    client.post(url, {"comment": "Bổ sung sơ đồ phân luồng"})
    page.refresh_from_db()
    assert not page.live
    note = Notification.objects.filter(user=tree.leader_1).latest("created_at")
    assert "Bổ sung sơ đồ phân luồng" in note.message


def test_leader_cannot_publish_directly(client, tree):
    sign_in(client, tree.leader_1)
    client.post(add_url(tree.group_1), notice_form(action="action-publish"))
    assert not NoticePage.objects.filter(live=True).exists()


def test_editor_publishes_directly_anywhere_in_the_commune(client, tree):
    sign_in(client, tree.editor_a)
    response = client.post(add_url(tree.group_2), notice_form(action="action-publish"))
    assert response.status_code == 302
    assert NoticePage.objects.get().live


@pytest.mark.parametrize(
    "who,where",
    [
        ("leader_1", "group_2"),
        ("leader_1", "commune_a"),
        ("leader_1", "group_b"),
        ("editor_a", "group_b"),
        ("resident", "group_1"),
        ("helper_a", "group_1"),
    ],
)
def test_posting_outside_ones_area_is_refused_and_saves_nothing(
    client, tree, who, where
):
    sign_in(client, getattr(tree, who))
    response = client.post(add_url(getattr(tree, where)), notice_form(), follow=True)
    ((where, status),) = response.redirect_chain
    assert status == 302
    if who == "resident":  # no admin at all
        assert where.startswith(reverse("wagtailadmin_login") + "?next=")
    else:  # the admin, but not this area
        assert where == reverse("wagtailadmin_home")
    assert not NoticePage.objects.exists()


def test_bad_dates_in_the_admin_form_are_refused(client, tree):
    sign_in(client, tree.leader_1)
    response = client.post(
        add_url(tree.group_1),
        notice_form(posting_starts="2026-12-20", posting_ends="2026-12-01"),
    )
    assert response.status_code == 200
    assert not NoticePage.objects.exists()
    assert "posting_ends" in response.context["form"].errors


def test_short_village_rule_posting_is_refused_in_the_form(client, tree):
    sign_in(client, tree.leader_1)
    response = client.post(
        add_url(tree.group_1),
        notice_form(
            category="village_rules",
            posting_starts="2026-12-01",
            posting_ends="2026-12-20",
        ),
    )
    assert response.status_code == 200
    assert not NoticePage.objects.exists()
    assert "30" in str(response.context["form"].errors["posting_ends"])


def test_role_grants_are_logged(tree):
    assert ModelLogEntry.objects.filter(action="kdcdt.role.grant").count() == 6
