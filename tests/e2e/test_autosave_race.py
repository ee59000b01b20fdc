"""A leader submits a new notice while the editor's first autosave is still
waiting for its answer: the autosave has made the page, the submit (posted to the
create view, like the autosave) must submit that page, not make a second one or
fail (``content.admin_views``)."""

import re

from playwright.sync_api import expect
from wagtail.models import WorkflowState

from content.models import NoticePage, PageCreation

from .test_notice_review import BODY, TITLE, open_footer_menu, sign_in


def is_autosave(request):
    return request.method == "POST" and "application/json" in (
        request.headers.get("accept") or ""
    )


def test_submit_while_the_first_autosave_awaits_its_answer(
    daphne_server, tree, new_context
):
    leader = sign_in(new_context, "0905000001")
    answered_late = []

    def hold(route, request):
        if is_autosave(request):
            # the server gets the autosave and makes the page; the browser does
            # not get the answer (the editor stays a create form)
            answered_late.append(route.fetch())
            return
        route.continue_()

    leader.route(re.compile(r"/quan-tri/pages/add/"), hold)
    leader.goto(f"/quan-tri/pages/add/content/noticepage/{tree.group_1.pk}/")
    title = leader.locator("#id_title")
    expect(title).to_be_editable()
    leader.wait_for_function("window.__e2eWatching === true")
    title.click()
    title.press_sequentially(TITLE)
    body = leader.locator('[data-contentpath="body"] [contenteditable="true"]')
    body.click()
    leader.keyboard.type(BODY)
    for _ in range(150):
        if answered_late:
            break
        leader.wait_for_timeout(100)
    assert answered_late, "the editor did not autosave"
    assert answered_late[0].status == 200
    made = NoticePage.objects.get()
    assert not WorkflowState.objects.exists()

    open_footer_menu(leader)
    leader.locator('button[name="action-submit"]').click()
    expect(leader).to_have_url(re.compile(rf"/quan-tri/pages/{tree.group_1.pk}/$"))
    expect(leader.locator(".messages")).to_contain_text(TITLE)

    notice = NoticePage.objects.get()  # still one page: the autosaved one
    assert notice.pk == made.pk and PageCreation.objects.get().page_id == notice.pk
    state = WorkflowState.objects.get(object_id=str(notice.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert BODY in str(notice.get_latest_revision_as_object().body)
