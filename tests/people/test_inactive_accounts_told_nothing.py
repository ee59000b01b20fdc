"""A deactivated account is told nothing: not of a residency to verify, not of a
page to review; where the group's only leader is deactivated, the commune's
editors are told instead (issue 18: the copies of "who may act here" drifted)."""

from civic.people.actions import grant_role, request_residency
from civic.people.models import Notification, RoleKind

from ..conftest import make_user


def deactivate(user):
    user.is_active = False
    user.save()


def test_a_residency_goes_to_active_verifiers_only(homes):
    deactivate(homes.leader_1)
    request_residency(homes.newcomer, homes.group_1, address="45 Đặng Tất")
    assert not Notification.objects.filter(user=homes.leader_1).exists()
    # nobody active leads the group: the commune's editors are told
    assert Notification.objects.filter(user=homes.editor_a).exists()


def test_a_page_for_review_goes_to_active_editors_only(tree):
    from wagtail.models import Workflow

    from content.models import NoticePage

    gone = make_user("Biên tập cũ", "0935000099")
    grant_role(tree.admin, gone, tree.commune_a, RoleKind.COMMUNE_EDITOR)
    deactivate(gone)
    page = NoticePage(title="Cắt điện", slug="cat-dien", body="<p>Sáng mai</p>")
    tree.group_1.add_child(instance=page)
    page.save_revision(user=tree.leader_1)
    workflow = page.get_workflow() or Workflow.objects.filter(active=True).first()
    workflow.start(page, tree.leader_1)
    assert Notification.objects.filter(user=tree.editor_a).exists()
    assert not Notification.objects.filter(user=gone).exists()
