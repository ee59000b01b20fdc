"""A group's page shows its commune's urgent notices (issue 19), and the page
cache still forgets the page when one is published."""

from content.models import NoticePage


def post(area, title, urgent=True):
    notice = NoticePage(title=title, body="<p>Nội dung</p>", is_urgent=urgent)
    area.add_child(instance=notice)
    notice.save_revision().publish()
    return notice


def test_a_ward_urgent_notice_shows_on_its_groups_pages_cache_and_all(client, tree):
    page = client.get(tree.group_1.url)
    assert page.status_code == 200
    # kept for the next visitor
    assert client.get(tree.group_1.url)["X-Page-Cache"] == "hit"

    post(tree.commune_a, "Cắt nước toàn phường")
    post(tree.commune_a, "Lịch tiêm chủng", urgent=False)
    post(tree.group_2, "Họp tổ 2")
    post(tree.commune_b, "Bão ở xã B")

    page = client.get(tree.group_1.url)
    assert page["X-Page-Cache"] != "hit"
    html = page.content.decode()
    assert "Cắt nước toàn phường" in html
    # with the name of the ward it was posted at
    assert tree.commune_a.title in html
    # not the ward's ordinary notices, nor another group's, nor another commune's
    assert "Lịch tiêm chủng" not in html
    assert "Họp tổ 2" not in html
    assert "Bão ở xã B" not in html
    assert "Cắt nước toàn phường" in client.get(tree.group_2.url).content.decode()
    assert "Cắt nước toàn phường" not in client.get(tree.group_b.url).content.decode()


def test_an_expired_ward_notice_leaves_the_group_page(client, tree):
    import datetime

    from django.utils import timezone

    notice = post(tree.commune_a, "Cắt điện hôm qua")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    notice.posting_starts = yesterday - datetime.timedelta(days=1)
    notice.posting_ends = yesterday
    notice.save_revision().publish()
    assert "Cắt điện hôm qua" not in client.get(tree.group_1.url).content.decode()
