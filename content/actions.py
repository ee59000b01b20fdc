"""State changes of content that other apps ask for."""

from django.db import transaction

from .models import NoticeCategory, NoticePage, today


@transaction.atomic
def publish_result_notice(area, title, intro, body_html, user=None):
    """Post a notice computed by the platform itself (e.g. a poll's result) on
    ``area``'s page, published at once.

    Such a notice is a record of what was decided, not text a leader wrote, so it
    does not wait for the commune's review; the audit log names who caused it.
    """
    page = NoticePage(
        title=title[:255],
        intro=intro[:300],
        body=body_html,
        category=NoticeCategory.OTHER,
        posting_starts=today(),
    )
    area.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user, skip_permission_checks=True)
    return page
