"""/tai-khoan/thong-bao/: the signed-in user's notifications, paginated, in the
language of the page, unread marked, "mark all as read"; the header badge."""

import pytest

from civic.people.actions import notify
from civic.people.models import Notification
from civic.people.notifications import RESIDENCY_VERIFIED
from tests.conftest import make_user
from tests.factories import sign_in, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(tree, client):
    user = make_user("Người đọc", "0905777001")
    sign_in(client, user)
    return user


def test_the_list_in_the_pages_language_with_unread_marked(tree, client, reader):
    notify(reader, RESIDENCY_VERIFIED, reader, url="/tham-gia/", area="Tổ dân phố 1")
    vi = client.get("/tai-khoan/thong-bao/").content.decode()
    assert "Bạn đã được xác minh là người dân của Tổ dân phố 1." in vi
    assert 'class="unread"' in vi and 'href="/tham-gia/"' in vi
    en = client.get(url("people:notifications")).content.decode()
    assert "You are now a verified resident of Tổ dân phố 1." in en
    assert 'id="inbox-badge"' in en and "realtime/inbox.js" in en


def test_paginated(tree, client, reader):
    for i in range(25):
        notify(reader, RESIDENCY_VERIFIED, reader, area=f"Khu {i}")
    first = client.get(url("people:notifications"))
    assert len(first.context["notifications"]) == 20
    second = client.get(url("people:notifications") + "?page=2")
    assert len(second.context["notifications"]) == 5
    assert client.get(url("people:notifications") + "?page=x").status_code == 200


def test_mark_all_read(tree, client, reader):
    other = make_user("Người khác", "0905777002")
    notify(reader, RESIDENCY_VERIFIED, reader, area="Tổ 1")
    notify(other, RESIDENCY_VERIFIED, other, area="Tổ 1")
    response = client.post(url("people:notifications"), {"action": "mark_read"})
    assert response.status_code == 302
    assert not Notification.objects.filter(user=reader, read_at=None).exists()
    assert Notification.objects.filter(user=other, read_at=None).exists()
    page = client.get(url("people:notifications")).content.decode()
    assert 'class="unread"' not in page


def test_visitors_are_sent_to_sign_in(tree, client):
    response = client.get("/tai-khoan/thong-bao/")
    assert response.status_code == 302
    assert "/dang-nhap/" in response["Location"]
    page = client.get("/").content.decode()
    assert "inbox.js" not in page
