"""The review story in a real browser: a group leader writes a notice, the commune
editor approves it, visitors see it, the leader is told.
"""

import re
import time

from playwright.sync_api import expect
from wagtail.models import TaskState, WorkflowState

from civic.people.models import Notification
from content.models import NoticePage
from tests.conftest import PASSWORD

TITLE = "Thông báo sửa đường Đống Đa"
SLUG = "thong-bao-sua-duong-dong-da"
BODY = "Từ ngày 5 đến ngày 7, xe không đi qua đường Đống Đa."

# Set by a listener installed before any admin script runs (see sign_in):
# Wagtail's unsaved-changes controller takes its snapshot of the form ~2 s after
# load; edits made before that are not noticed (and not autosaved).
WATCH_EDITS = """
document.addEventListener("w-unsaved:watch-edits", () => { window.__e2eWatching = true; });
"""


def publish_notice(area, title, text):
    notice = NoticePage(title=title, body=f"<p>{text}</p>", category="other")
    area.add_child(instance=notice)
    notice.save_revision().publish()
    return notice


def submit_notice(area, title, text, user):
    """A notice created and submitted for review the way the admin does it."""
    notice = NoticePage(
        # with a block key, as Draftail stores it: without one the editor's form
        # sees the body as changed when it only re-serialises it
        title=title,
        body=f'<p data-block-key="e2e01">{text}</p>',
        category="other",
        live=False,
    )
    area.add_child(instance=notice)
    notice.save_revision(user=user)
    notice.get_workflow().start(notice, user)
    return notice


def workflow_state(page):
    return WorkflowState.objects.get(
        base_content_type=page.get_base_content_type(), object_id=str(page.pk)
    )


def sign_in(new_context, phone):
    """A new browser context, signed in through the site's own sign-in page."""
    context = new_context()
    context.add_init_script(WATCH_EDITS)
    page = context.new_page()
    page.goto("/dang-nhap/")
    page.locator('input[name="identifier"]').fill(phone)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form:has(input[name="identifier"]) [type="submit"]').click()
    # success redirects to "/"; a failure answers 400 with the form again
    expect(page).to_have_url(re.compile(r"^[^?]*/$"))
    expect(page.locator('form[action$="/dang-xuat/"]')).to_be_attached()
    return page


def open_footer_menu(page):
    """Open the "more actions" dropdown next to the editor's main button."""
    page.locator(
        "form#page-edit-form .w-dropdown-button .w-dropdown__toggle"
    ).first.click()


class Autosaves:
    """Watch the editor's background autosave requests.

    Wagtail autosaves the editor form (``WAGTAIL_AUTOSAVE_INTERVAL``, 500 ms by
    default; on the create view the first autosave creates the page and turns the
    form into the edit form). An autosave still in flight when the form is
    submitted races with it, so ``settle()`` waits until none has run for a while.
    From an edit to its autosave request: the unsaved-changes check (every 500 ms),
    its notification (530 ms debounce) and the autosave debounce (500 ms).
    """

    QUIET = 2.5  # seconds; > 0.5 + 0.53 + 0.5 with room for a slow machine

    def __init__(self, page):
        self.page = page
        self.in_flight = 0
        self.count = 0
        self.last = time.monotonic()
        page.on("request", self._started)
        page.on("requestfinished", self._ended)
        page.on("requestfailed", self._ended)

    @staticmethod
    def _is_autosave(request):
        return (
            request.method == "POST"
            and "/quan-tri/pages/" in request.url
            and "application/json" in (request.headers.get("accept") or "")
        )

    def _started(self, request):
        if self._is_autosave(request):
            self.in_flight += 1
            self.count += 1
            self.last = time.monotonic()

    def _ended(self, request):
        if self._is_autosave(request):
            self.in_flight -= 1
            self.last = time.monotonic()

    def settle(self, timeout=30):
        """Call after the last edit: wait until the edits are autosaved, i.e. no
        autosave has run for ``QUIET`` seconds since then and none is pending."""
        form = self.page.locator("form#page-edit-form")
        since = time.monotonic()
        deadline = since + timeout
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(100)  # lets Playwright dispatch the events
            quiet = time.monotonic() - max(self.last, since) >= self.QUIET
            if quiet and not self.in_flight:
                if form.get_attribute("data-w-unsaved-has-edits-value") != "true":
                    break
        else:
            raise AssertionError("the editor kept autosaving")
        if self.count:  # the autosave's answer has been applied
            expect(self.page).to_have_url(re.compile(r"/quan-tri/pages/\d+/edit/$"))
            expect(self.page.locator("#w-autosave-indicator")).to_have_attribute(
                "data-w-autosave-state-value", "saved"
            )


def test_leader_submits_editor_approves_visitor_reads(daphne_server, tree, new_context):
    group_url = tree.group_1.url
    assert group_url == "/phuong-a/to-dan-pho-1/"
    water = publish_notice(
        tree.group_1, "Lịch cắt nước tuần này", "Cắt nước sáng thứ Bảy từ 7 giờ."
    )

    # a. a visitor finds a live notice on the home page and reads it
    visitor = new_context().new_page()
    visitor.goto("/")
    link = visitor.locator(f'main a[href="{water.url}"]')
    expect(link).to_have_text("Lịch cắt nước tuần này")
    link.click()
    expect(visitor).to_have_url(re.compile(re.escape(water.url) + "$"))
    expect(visitor.locator("h1")).to_have_text("Lịch cắt nước tuần này")
    expect(visitor.locator(".body")).to_contain_text("Cắt nước sáng thứ Bảy từ 7 giờ.")

    # b. the group leader writes a notice in the admin and submits it for review
    leader = sign_in(new_context, "0905000001")
    autosaves = Autosaves(leader)
    leader.goto(f"/quan-tri/pages/add/content/noticepage/{tree.group_1.pk}/")
    title = leader.locator("#id_title")
    expect(title).to_be_editable()
    leader.wait_for_function("window.__e2eWatching === true")

    title.click()
    title.press_sequentially(TITLE)
    title.press("Tab")
    slug = leader.locator("#id_slug")
    # content/static/content/vi-slug.js transliterates (Wagtail alone would make
    # "thong-bao-sa-djng-djng-dja"); Wagtail's own title→slug sync runs debounced
    # (100 ms), so check again after it: it must not overwrite the good slug.
    slug_message = "the slug is not the transliterated title (vi-slug.js)"
    expect(slug, slug_message).to_have_value(SLUG)
    leader.wait_for_timeout(400)
    expect(slug, slug_message).to_have_value(SLUG, timeout=2_000)

    body = leader.locator('[data-contentpath="body"] [contenteditable="true"]')
    body.click()
    leader.keyboard.type(BODY)
    expect(body).to_contain_text(BODY)
    # Draftail writes its JSON into the hidden input a moment later
    expect(leader.locator('input[name="body"]')).to_have_value(
        re.compile("xe không đi qua")
    )
    autosaves.settle()
    expect(slug).to_have_value(SLUG)

    open_footer_menu(leader)
    submit = leader.locator('button[name="action-submit"]')
    expect(submit).to_be_visible()
    submit.click()
    # Wagtail goes back to the group's page listing
    expect(leader).to_have_url(re.compile(rf"/quan-tri/pages/{tree.group_1.pk}/$"))
    expect(leader.locator(".messages")).to_contain_text(TITLE)

    notice = NoticePage.objects.get(title=TITLE)
    assert notice.slug == SLUG
    assert notice.get_parent().pk == tree.group_1.pk
    assert not notice.live
    assert notice.owner_id == tree.leader_1.pk
    state = workflow_state(notice)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by_id == tree.leader_1.pk
    assert NoticePage.objects.child_of(tree.group_1).count() == 2  # no duplicate

    # c. not public yet
    visitor.goto(group_url)
    expect(visitor.locator("h1")).to_have_text("Tổ dân phố 1")
    expect(visitor.locator(f'main a[href="{water.url}"]')).to_be_visible()
    expect(visitor.locator("main")).not_to_contain_text(TITLE)
    response = visitor.goto(f"{group_url}{SLUG}/")
    assert response is not None and response.status == 404

    # d. the commune editor approves it from the dashboard's "awaiting your review"
    editor = sign_in(new_context, "0935000001")
    editor.goto("/quan-tri/")
    row = editor.locator(
        f'#awaiting-review-content tr:has(a[href$="/quan-tri/pages/{notice.pk}/edit/"])'
    )
    expect(row).to_have_count(1)
    row.locator(".w-dropdown__toggle").click()
    approve = row.locator(
        'button[data-workflow-action-url*="/approve/"]:not([data-launch-modal])'
    )
    expect(approve).to_be_visible()
    with editor.expect_navigation():
        approve.click()  # posts a form to the workflow action URL, back here
    expect(editor).to_have_url(re.compile(r"/quan-tri/$"))
    expect(row).to_have_count(0)

    notice.refresh_from_db()
    assert notice.live
    assert not notice.has_unpublished_changes
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED

    # e. visitors see it on the group page and at its own address
    visitor.goto(group_url)
    new_link = visitor.locator(f'main a[href="{group_url}{SLUG}/"]')
    expect(new_link).to_have_text(TITLE)
    new_link.click()
    expect(visitor).to_have_url(re.compile(re.escape(f"{group_url}{SLUG}/") + "$"))
    expect(visitor.locator("h1")).to_have_text(TITLE)
    expect(visitor.locator(".body")).to_contain_text(BODY)

    # f. the leader is told, and sees it on the account page
    told = Notification.objects.filter(user=tree.leader_1, message__contains=TITLE)
    assert told.count() == 1, list(Notification.objects.values_list("user", "message"))
    assert told.get().url == f"{group_url}{SLUG}/"
    leader.goto("/tai-khoan/")
    expect(leader.locator("main")).to_contain_text(told.get().message)


def test_editor_approves_from_the_page_editor(daphne_server, tree, new_context):
    notice = submit_notice(tree.group_1, TITLE, BODY, tree.leader_1)
    editor = sign_in(new_context, "0935000001")
    editor.goto(f"/quan-tri/pages/{notice.pk}/edit/")
    approve = editor.locator(
        'form#page-edit-form button[data-workflow-action-name="approve"]'
        ":not([data-workflow-action-modal-url])"
    )
    expect(approve).to_be_attached()
    if not approve.is_visible():
        open_footer_menu(editor)
    approve.click()
    expect(editor).to_have_url(re.compile(rf"/quan-tri/pages/{tree.group_1.pk}/$"))

    state = workflow_state(notice)
    assert state.status == WorkflowState.STATUS_APPROVED, list(
        TaskState.objects.filter(workflow_state=state).values_list("status", "revision")
    )
    notice.refresh_from_db()
    assert notice.live
