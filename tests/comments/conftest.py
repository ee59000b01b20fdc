"""Comments fixtures on top of ``tree``: verified residents, pages to comment on.

group_1: r1…r5 verified (households 1…5 Hà Ra), ``waiting`` pending.
group_2: r6 verified.      group_b (another commune): rb verified.
news_1 / notice_1: a news article and a notice of Tổ dân phố 1.
"""

from datetime import timedelta

import pytest
from django.utils.translation import override

from civic.comments import actions
from civic.comments.models import Comment, Report
from civic.people.models import ResidencyStatus
from content.models import NewsPage, NoticePage

from ..factories import People, resident, url  # noqa: F401 (re-exported)


@pytest.fixture
def people(tree):
    p = People()
    p.r = [
        resident(f"Cư dân {i}", f"09130000{i:02d}", tree.group_1) for i in range(1, 6)
    ]
    p.r1, p.r2, p.r3, p.r4, p.r5 = p.r
    p.waiting = resident(
        "Chờ xác minh", "0913000050", tree.group_1, ResidencyStatus.PENDING
    )
    p.r6 = resident("Cư dân tổ 2", "0913000006", tree.group_2)
    p.rb = resident("Cư dân thôn Đông", "0913000007", tree.group_b)
    return p


@pytest.fixture
def news_1(tree):
    page = NewsPage(title="Tổng vệ sinh khu phố", slug="tong-ve-sinh", intro="Chủ nhật")
    tree.group_1.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def notice_1(tree):
    page = NoticePage(
        title="Thông báo cắt nước", slug="cat-nuoc", body="<p>Thứ Hai cắt nước.</p>"
    )
    tree.group_1.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def page_url(page):
    """The English address of a page, so that assertions read the source messages."""
    with override("en"):
        return page.get_url()


def post_data(target, body, parent=None):
    from django.contrib.contenttypes.models import ContentType

    data = {
        "content_type": ContentType.objects.get_for_model(target).pk,
        "object_id": target.pk,
        "body": body,
    }
    if parent is not None:
        data["parent"] = parent.pk
    return data


def backdate(comment_or_qs, seconds):
    """Move comments back in time (to get past a rate limit or the edit window)."""
    qs = comment_or_qs
    if isinstance(comment_or_qs, Comment):
        qs = Comment.objects.filter(pk=comment_or_qs.pk)
    for c in qs:
        Comment.objects.filter(pk=c.pk).update(
            created_at=c.created_at - timedelta(seconds=seconds)
        )


def comment(author, target, body="Ý kiến của tôi", parent=None):
    """A comment posted through the action, then moved back past the rate limit."""
    c = actions.post_comment(author, target, body, parent=parent)
    backdate(c, 3600)
    c.refresh_from_db()
    return c


def report_type(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


__all__ = ["Comment", "Report", "url", "page_url", "post_data", "backdate", "comment"]
