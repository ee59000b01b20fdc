"""Comments and moderation in a real browser: a resident comments on a notice, three
residents report it, it disappears, the commune editor unhides it."""

from playwright.sync_api import expect

from civic.comments.models import Comment, LogAction, ModerationLog
from tests.comments.conftest import resident
from tests.e2e.test_notice_review import publish_notice, sign_in

TEXT = "Nước cúp từ sáng, tổ mình có ai biết khi nào có lại không?"


def test_resident_comments_three_reports_hide_it_editor_unhides(
    daphne_server, tree, new_context
):
    author = resident("Cư dân viết", "0913000101", tree.group_1)
    reporters = [
        resident(f"Cư dân báo cáo {i}", f"09130001{10 + i}", tree.group_1)
        for i in range(3)
    ]
    notice = publish_notice(tree.group_1, "Thông báo cắt nước", "Thứ Hai cắt nước.")
    url = notice.get_url()

    # the author comments on the notice
    page = sign_in(new_context, author.phone)
    page.goto(url)
    form = page.locator('form:has(textarea[name="body"])')
    form.locator('textarea[name="body"]').fill(TEXT)
    form.locator('[type="submit"]').click()
    comment = Comment.objects.get()
    expect(page.locator(f"#comment-{comment.pk}")).to_contain_text(TEXT)

    # three residents report it; after the third it is hidden
    for i, reporter in enumerate(reporters):
        page = sign_in(new_context, reporter.phone)
        page.goto(url)
        item = page.locator(f"#comment-{comment.pk}")
        expect(item).to_contain_text(TEXT)
        item.locator('a[href*="/bao-cao/"], a[rel="nofollow"]').first.click()
        page.locator('input[name="reason"][value="offensive"]').check()
        page.locator('form:has(input[name="reason"]) [type="submit"]').click()
        page.wait_for_load_state()
        comment.refresh_from_db()
        assert comment.is_hidden == (i == 2)

    visitor = new_context().new_page()
    visitor.goto(url)
    placeholder = visitor.locator(f"#comment-{comment.pk}")
    expect(placeholder).to_have_class("comment")
    expect(placeholder).not_to_contain_text(TEXT)
    expect(placeholder.locator(".comment-placeholder")).to_be_visible()
    assert ModerationLog.objects.filter(action=LogAction.AUTO_HIDE).count() == 1

    # the commune editor finds it in the moderation queue and unhides it
    editor = sign_in(new_context, tree.editor_a.phone)
    editor.goto("/quan-tri/kiem-duyet/")
    card = editor.locator("section, article, li, div").filter(has_text=TEXT).last
    expect(card).to_be_visible()
    editor.locator('form:has(input[name="action"][value="unhide"])').locator(
        '[type="submit"]'
    ).first.click()
    editor.wait_for_load_state()
    comment.refresh_from_db()
    assert not comment.is_hidden
    assert ModerationLog.objects.filter(
        action=LogAction.UNHIDE, actor=tree.editor_a
    ).exists()

    visitor.goto(url)
    expect(visitor.locator(f"#comment-{comment.pk}")).to_contain_text(TEXT)
