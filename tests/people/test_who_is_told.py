"""Who is told that something waits for them is who may act on it
(``users_who_can``, the inverse of ``can()``), not a copy of the rule that
drifted: every editor who may approve a page is told of it, those of an area
above its commune too (issue 18)."""

from wagtail.models import Workflow

from civic.people.actions import grant_role
from civic.people.models import Notification, RoleKind
from civic.people.permissions import can
from content.models import AreaKind, AreaPage, NoticePage

from ..conftest import add_area, make_user


def test_every_editor_who_may_approve_a_page_is_told(tree, monkeypatch):
    # Today communes sit at the top of the tree; here it gets a level (as a
    # province would be): a ward inside commune A, with an editor of its own.
    with monkeypatch.context() as patch:
        patch.setattr(AreaPage, "clean", lambda self: None)
        inner = add_area(tree.commune_a, "Phường trong", AreaKind.WARD, "phuong-trong")
        group = add_area(inner, "Tổ 9", AreaKind.RESIDENTIAL_GROUP)
    inner_editor = make_user("Biên tập phường trong", "0935000097")
    grant_role(tree.admin, inner_editor, inner, RoleKind.COMMUNE_EDITOR)
    leader = make_user("Tổ trưởng 9", "0905000097")
    grant_role(tree.admin, leader, group, RoleKind.GROUP_LEADER)
    page = NoticePage(title="Cắt điện", slug="cat-dien", body="<p>Sáng mai</p>")
    group.add_child(instance=page)
    page.save_revision(user=leader)
    workflow = page.get_workflow() or Workflow.objects.filter(active=True).first()
    workflow.start(page, leader)
    for editor in (inner_editor, tree.editor_a):
        assert can(editor, "approve_content", page)
        assert Notification.objects.filter(user=editor).count() == 1
    assert not Notification.objects.filter(user=tree.editor_b).exists()
    assert not Notification.objects.filter(user=leader).exists()
