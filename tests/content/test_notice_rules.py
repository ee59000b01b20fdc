import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from content.models import NoticeCategory, NoticePage

TODAY = timezone.localdate()


def day(offset):
    return TODAY + datetime.timedelta(days=offset)


def notice(**kwargs):
    defaults = dict(title="Thông báo", body="<p>Nội dung</p>", category="other")
    defaults.update(kwargs)
    return NoticePage(**defaults)


def post(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_end_before_start_is_refused_with_a_clear_message(tree):
    page = notice(posting_starts=day(5), posting_ends=day(1))
    with pytest.raises(ValidationError) as err:
        tree.group_1.add_child(instance=page)
    assert "posting_ends" in err.value.message_dict
    assert not NoticePage.objects.exists()


def test_database_refuses_end_before_start_even_without_clean(tree):
    page = post(tree.group_1, notice())
    with pytest.raises(IntegrityError), transaction.atomic():
        NoticePage.objects.filter(pk=page.pk).update(
            posting_starts=day(3), posting_ends=day(0)
        )


@pytest.mark.parametrize("days,ok", [(29, False), (30, True), (45, True)])
def test_village_rule_drafts_are_posted_at_least_30_days(tree, days, ok):
    page = notice(
        category=NoticeCategory.VILLAGE_RULES,
        posting_starts=day(0),
        posting_ends=day(days - 1),  # both ends count
    )
    if ok:
        tree.group_1.add_child(instance=page)
        assert page.posting_days == days
    else:
        with pytest.raises(ValidationError) as err:
            tree.group_1.add_child(instance=page)
        assert "30" in " ".join(err.value.message_dict["posting_ends"])


def test_village_rule_needs_an_end_date(tree):
    with pytest.raises(ValidationError):
        tree.group_1.add_child(
            instance=notice(category=NoticeCategory.VILLAGE_RULES, posting_ends=None)
        )


def test_notice_is_shown_while_posted_and_kept_in_the_archive(client, tree):
    current = post(tree.group_1, notice(title="Đang niêm yết", posting_ends=day(3)))
    expired = post(
        tree.group_1,
        notice(title="Đã hết hạn", posting_starts=day(-20), posting_ends=day(-1)),
    )
    future = post(tree.group_1, notice(title="Sắp niêm yết", posting_starts=day(2)))
    area_html = client.get(tree.group_1.url).content.decode()
    assert current.title in area_html
    assert expired.title not in area_html
    assert future.title not in area_html
    # the commune shows its groups' notices too
    assert current.title in client.get(tree.commune_a.url).content.decode()
    archive = client.get(tree.group_1.url + "thong-bao/").content.decode()
    assert expired.title in archive and current.title in archive
    assert client.get(expired.url).status_code == 200


def test_pinned_then_urgent_then_newest(tree):
    plain = post(tree.group_1, notice(title="Thường", posting_starts=day(0)))
    urgent = post(
        tree.group_1, notice(title="Khẩn", is_urgent=True, posting_starts=day(-3))
    )
    pinned = post(
        tree.group_1, notice(title="Ghim", is_pinned=True, posting_starts=day(-9))
    )
    order = list(NoticePage.objects.current().descendant_of(tree.commune_a).ordered())
    assert order == [pinned, urgent, plain]


def test_archive_filters_by_category_and_ignores_nonsense(client, tree):
    post(tree.group_1, notice(title="Thu chi quỹ", category=NoticeCategory.BUDGET))
    post(tree.group_1, notice(title="Việc khác của tổ", category=NoticeCategory.OTHER))
    html = client.get(tree.group_1.url + "thong-bao/?category=budget").content.decode()
    assert "Thu chi quỹ" in html and "Việc khác của tổ" not in html
    response = client.get(tree.group_1.url + "thong-bao/?category=<script>&page=zz")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]
