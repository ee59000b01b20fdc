"""The channel pages without JavaScript: history, a form that posts, moderation
forms, topic channels, the link from the area page, reports through the
comments' mechanism."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import override
from wagtail.models import Page

from civic.comments.models import Report, Resolution
from realtime import actions
from realtime.models import Channel, ChannelKind, Message

from ..factories import url_in

pytestmark = pytest.mark.django_db


url = url_in("realtime")


def test_every_area_has_its_channel(tree, channel):
    for area in (tree.commune_a, tree.group_1, tree.group_b):
        assert Channel.objects.filter(area=area, kind=ChannelKind.AREA).count() == 1
    assert channel.title == "Tổ dân phố 1"


def test_history_is_shown_and_escaped(client, tree, people, channel):
    Message.objects.create(
        channel=channel, author=people.r2, body="<b>Chào</b>\nbà con"
    )
    Message.objects.create(channel=channel, author=people.r2, body="Ẩn", is_hidden=True)
    client.force_login(people.r1)
    response = client.get(url("channel", channel.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert "&lt;b&gt;Chào&lt;/b&gt;<br>bà con" in html
    assert "<b>Chào</b>" not in html
    assert ">Ẩn<" not in html
    assert 'id="chat-form"' in html
    assert "realtime/channel.js" in html


def test_vietnamese_channel_url(channel):
    with override("vi"):
        assert reverse("realtime:channel", args=[channel.pk]) == f"/kenh/{channel.pk}/"


def test_visitor_and_outsider_see_no_history(client, tree, people, channel):
    Message.objects.create(channel=channel, author=people.r2, body="Bí mật tổ 1")
    response = client.get(url("channel", channel.pk))
    assert response.status_code == 403
    assert "Bí mật tổ 1" not in response.content.decode()
    client.force_login(people.r6)
    response = client.get(url("channel", channel.pk))
    assert response.status_code == 403
    assert "Bí mật tổ 1" not in response.content.decode()


def test_public_channel_is_readable_by_visitors(client, tree, people, channel):
    channel.is_public = True
    channel.save()
    Message.objects.create(channel=channel, author=people.r2, body="Công khai")
    response = client.get(url("channel", channel.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Công khai" in html and 'id="chat-form"' not in html
    assert "Sign in to take part in the discussion." in html


def test_the_form_posts_a_message(client, tree, people, channel):
    client.force_login(people.r1)
    response = client.post(url("post", channel.pk), {"body": "Gửi không cần JS"})
    message = Message.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#message-{message.pk}")
    assert message.body == "Gửi không cần JS" and message.author == people.r1


def test_a_refused_post_keeps_the_text_and_saves_nothing(client, tree, people, channel):
    client.force_login(people.r1)
    response = client.post(url("post", channel.pk), {"body": "x" * 2001})
    assert response.status_code == 400
    html = response.content.decode()
    assert "A message can have at most 2000 characters; yours has 2001." in html
    assert "x" * 2001 in html
    assert not Message.objects.exists()
    client.force_login(people.r6)
    response = client.post(url("post", channel.pk), {"body": "Tôi ở tổ 2"})
    assert response.status_code == 403
    assert not Message.objects.exists()


def test_visitor_post_is_sent_to_sign_in(client, channel):
    response = client.post(url("post", channel.pk), {"body": "Khách"})
    assert response.status_code == 302 and "dang-nhap" in response["Location"]
    assert not Message.objects.exists()


def test_moderator_hides_and_sets_slow_mode_with_forms(client, tree, people, channel):
    message = Message.objects.create(channel=channel, author=people.r2, body="Spam")
    client.force_login(people.r1)
    assert client.post(url("hide", channel.pk, message.pk)).status_code == 403
    client.force_login(tree.leader_1)
    html = client.get(url("channel", channel.pk)).content.decode()
    assert 'id="moderation"' in html
    response = client.post(url("hide", channel.pk, message.pk), {"reason": "Spam"})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.is_hidden
    response = client.post(url("slow_mode", channel.pk), {"seconds": "abc"})
    assert response.status_code == 400
    response = client.post(url("slow_mode", channel.pk), {"seconds": "20"})
    channel.refresh_from_db()
    assert response.status_code == 302 and channel.slow_mode_seconds == 20


def test_leaders_open_and_archive_topics(client, tree, people):
    client.force_login(people.r1)
    response = client.post(url("open_topic", tree.group_1.pk), {"title": "Sửa ống"})
    assert response.status_code == 403
    client.force_login(tree.leader_2)  # not their group
    response = client.post(url("open_topic", tree.group_1.pk), {"title": "Sửa ống"})
    assert response.status_code == 403
    client.force_login(tree.leader_1)
    response = client.post(url("open_topic", tree.group_1.pk), {"title": "  "})
    assert response.status_code == 400
    response = client.post(
        url("open_topic", tree.group_1.pk),
        {"title": "Đường Trần Phú sửa ống nước", "is_public": "1"},
    )
    topic = Channel.objects.get(kind=ChannelKind.TOPIC)
    assert response.status_code == 302 and topic.is_public
    assert topic.created_by == tree.leader_1
    listing = client.get(url("area", tree.group_1.pk)).content.decode()
    assert "Đường Trần Phú sửa ống nước" in listing
    response = client.post(url("archive", topic.pk))
    topic.refresh_from_db()
    assert response.status_code == 302 and topic.is_archived
    own = actions.area_channel(tree.group_1)
    assert client.post(url("archive", own.pk)).status_code == 400


def test_area_page_links_to_its_channels(client, tree, people):
    # a public topic: private ones are listed to members only (test_listing.py)
    topic = actions.open_topic(
        tree.leader_1, tree.group_1, "Tổng vệ sinh", is_public=True
    )
    html = client.get(Page.objects.get(pk=tree.group_1.pk).url).content.decode()
    assert 'id="area-live"' in html
    assert f'/kenh/{actions.area_channel(tree.group_1).pk}/"' in html
    assert f'/kenh/{topic.pk}/"' in html
    assert "realtime/live.js" in html


def test_residents_report_a_message_and_hiding_upholds_it(
    client, tree, people, channel
):
    message = Message.objects.create(channel=channel, author=people.r2, body="Lừa đảo")
    content_type = ContentType.objects.get_for_model(Message)
    client.force_login(people.r1)
    page = client.get(url("channel", channel.pk)).content.decode()
    with override("en"):
        report_url = reverse("comments:report", args=[content_type.pk, message.pk])
    assert f'{report_url.removeprefix("/en")}"' in page
    form = client.get(report_url)
    assert form.status_code == 200
    assert "Lừa đảo" not in form.content.decode()  # the form does not quote it
    response = client.post(report_url, {"reason": "spam"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.area_id == tree.group_1.pk and report.object_id == message.pk
    actions.hide_message(tree.leader_1, message, "Lừa đảo")
    report.refresh_from_db()
    assert report.resolution == Resolution.UPHELD
    assert report.resolved_by == tree.leader_1


def test_channel_page_costs_a_fixed_number_of_queries(
    client, tree, people, channel, django_assert_max_num_queries, uncached
):
    """Counted without the page cache's memos (``uncached``): the messages
    written between the two counts would otherwise make one memo read again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(people.r1)
    for i in range(3):
        Message.objects.create(channel=channel, author=people.r2, body=f"Tin {i}")
    client.get(url("channel", channel.pk))
    with CaptureQueriesContext(connection) as few:
        client.get(url("channel", channel.pk))
    authors = [people.r1, people.r2, tree.leader_1]
    Message.objects.bulk_create(
        Message(channel=channel, author=authors[i % 3], body=f"Thêm {i}")
        for i in range(80)
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url("channel", channel.pk)).status_code == 200


def test_live_tally_words_read_naturally_in_vietnamese(client, tree):
    # "12 phiếu", not "12 số phiếu" (the polls' column heading shares the msgid)
    html = client.get(Page.objects.get(pk=tree.group_1.pk).url).content.decode()
    assert 'data-text-votes="phiếu"' in html
