"""Issue 14, item 10: a private topic's title is shown only to those who may read
it. Every place that lists channels goes through ``listed_channels``; this test
walks each of them as a visitor, as a signed-in non-member, as a resident of
another group and as a member."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from realtime import actions
from realtime.models import Channel
from realtime.permissions import listed_channels

pytestmark = pytest.mark.django_db

PRIVATE = "Chuyện riêng của tổ 1"
PUBLIC = "Sửa đường Trần Phú"
ARCHIVED_PRIVATE = "Họp kín đã lưu trữ"


@pytest.fixture
def topics(tree, channel):
    private = actions.open_topic(tree.leader_1, tree.group_1, PRIVATE)
    public = actions.open_topic(tree.leader_1, tree.group_1, PUBLIC, is_public=True)
    archived = actions.open_topic(tree.leader_1, tree.group_1, ARCHIVED_PRIVATE)
    actions.archive_channel(tree.leader_1, archived)
    return private, public, archived


def listings(tree):
    """Every page that lists the channels of Tổ dân phố 1."""
    with override("vi"):
        return [
            tree.group_1.url,  # the area page's "Discussion" section
            reverse("realtime:area", args=[tree.group_1.pk]),  # all its channels
        ]


def test_every_listing_hides_private_titles_from_outsiders(
    client, tree, people, topics
):
    private, _public, _archived = topics
    outsiders = [None, tree.resident, people.r6, people.rb, people.waiting]
    for user in outsiders:
        client.logout()
        if user is not None:
            client.force_login(user)
        for url in listings(tree):
            response = client.get(url)
            html = response.content.decode()
            assert response.status_code == 200, url
            assert PUBLIC in html, (user, url)
            assert PRIVATE not in html, (user, url)
            assert ARCHIVED_PRIVATE not in html, (user, url)
            assert private.get_absolute_url() not in html, (user, url)
        # the private channel's own page refuses, without its title
        response = client.get(private.get_absolute_url())
        assert response.status_code == 403
        assert PRIVATE not in response.content.decode()


def test_members_see_every_title(client, tree, people, topics):
    for user in (people.r1, tree.leader_1, tree.editor_a):
        client.force_login(user)
        pages = [client.get(url).content.decode() for url in listings(tree)]
        assert all(PRIVATE in html and PUBLIC in html for html in pages), user
        assert ARCHIVED_PRIVATE in pages[1]  # the full list shows archived topics


def test_the_helper_decides(tree, people, topics, channel):
    private, public, archived = topics
    visible = set(listed_channels(None, tree.group_1))
    assert visible == {channel, public}
    assert set(listed_channels(people.r1, tree.group_1)) == {
        channel,
        private,
        public,
        archived,
    }
    # a commune's resident reads (and sees) the commune's private topics
    commune_topic = actions.open_topic(tree.editor_a, tree.commune_a, "Riêng phường")
    assert commune_topic in listed_channels(people.r1, tree.commune_a)
    assert commune_topic not in listed_channels(people.rb, tree.commune_a)
    assert Channel.objects.filter(title=PRIVATE).count() == 1
