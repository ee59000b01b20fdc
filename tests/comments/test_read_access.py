"""Nobody reports, sees the report form of, or comments on what they cannot read.

One case per model that takes comments and reports: an item that an outsider may
not read (with the reader who may), and a comment on it. A model registered
without a case here fails ``test_every_registered_target_has_a_case``: add the
case, and a read check in its ``register_target`` call.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import PageViewRestriction

from civic.comments import actions, moderation
from civic.comments.models import Comment, Report
from civic.core.errors import ActionRefused
from civic.feedback.actions import submit_report
from civic.meetings.models import Meeting
from civic.polls.models import Poll
from content.models import AreaKind, NewsPage, NoticePage
from realtime.models import Message

from ..conftest import add_area, make_user
from .conftest import resident, url

pytestmark = pytest.mark.django_db

SECRET = "Kênh kín của ban điều hành"


def unpublished_area(tree):
    """A group of commune A whose page is unpublished: what is in it is read by
    nobody, or only by those who handle it."""
    area = add_area(tree.commune_a, "Tổ dân phố 9", AreaKind.RESIDENTIAL_GROUP)
    area.unpublish()
    area.refresh_from_db()
    return area


def restricted_to_group(page, name="Ban công tác mặt trận"):
    group = Group.objects.create(name=name)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    return group


def member_of(group, phone):
    user = make_user("Thành viên ban", phone)
    user.groups.add(group)
    return user


def news_case(tree, people):
    """A news article restricted to a group of users (on the page itself)."""
    page = NewsPage(title=SECRET, slug="tin-noi-bo", intro="Nội bộ")
    tree.group_1.add_child(instance=page)
    page.save_revision().publish()
    group = restricted_to_group(page)
    return page, people.r1, page, member_of(group, "0977000001")


def notice_case(tree, people):
    """A notice below an area page restricted to a group (inherited)."""
    area = add_area(tree.commune_a, "Tổ dân phố 8", AreaKind.RESIDENTIAL_GROUP)
    group = restricted_to_group(area)
    page = NoticePage(title=SECRET, slug="thong-bao-noi-bo", body="<p>Nội bộ</p>")
    area.add_child(instance=page)
    page.save_revision().publish()
    return page, people.r1, page, member_of(group, "0977000002")


def message_case(tree, people):
    """A message of a private topic channel of Tổ dân phố 1: its residents read
    it, a resident of another commune does not."""
    from realtime.actions import open_topic

    channel = open_topic(tree.leader_1, tree.group_1, SECRET, is_public=False)
    message = Message.objects.create(channel=channel, author=people.r2, body="Nội bộ")
    return message, people.rb, message, people.r1


def feedback_case(tree, people):
    """A public report in an area since unpublished: its commune's editors (who
    handle it) read it, a resident does not."""
    area = add_area(tree.commune_a, "Tổ dân phố 7", AreaKind.RESIDENTIAL_GROUP)
    report = submit_report(
        people.r2,
        area,
        category="lighting",
        title=SECRET,
        description="Đèn đường trước nhà số 12 không sáng.",
        address="Số 12",
    )
    area.unpublish()
    report.refresh_from_db()
    return report, people.r1, report, tree.editor_a


def meeting_case(tree, people):
    """A meeting of an unpublished area; a meeting of Tổ dân phố 1 is read by all."""

    def meeting(area, title):
        start = timezone.now() + timedelta(days=3)
        return Meeting.objects.create(
            area=area,
            title=title,
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place="Nhà văn hóa",
        )

    hidden = meeting(tree.group_2, SECRET)
    shown = meeting(tree.group_1, "Họp tổ tháng 12")
    tree.group_2.unpublish()
    hidden.refresh_from_db()
    return hidden, people.r1, shown, people.r2


def poll_case(tree, people):
    """A poll of an unpublished area; a poll of Tổ dân phố 1 is read by all."""

    def poll(area, title):
        now = timezone.now()
        return Poll.objects.create(
            area=area,
            title=title,
            opens_at=now - timedelta(hours=1),
            closes_at=now + timedelta(days=3),
        )

    hidden = poll(tree.group_2, SECRET)
    shown = poll(tree.group_1, "Chọn ngày tổng vệ sinh")
    tree.group_2.unpublish()
    hidden.refresh_from_db()
    return hidden, people.r1, shown, people.r2


def _market_listing(seller, area, title):
    from civic.market.actions import post_listing

    return post_listing(
        seller,
        area,
        category="produce",
        title=title,
        price=10000,
        pickup=True,
        delivery_areas=[],
    )


def market_listing_case(tree, people):
    """A listing hidden by moderators: its seller and the area's moderators read
    it, a resident does not; a shown listing is read by all."""
    from civic.market.models import Listing

    hidden = _market_listing(people.r3, tree.group_1, SECRET)
    Listing.objects.filter(pk=hidden.pk).update(is_hidden=True)
    hidden.refresh_from_db()
    shown = _market_listing(people.r4, tree.group_1, "Rau sạch")
    return hidden, people.r1, shown, people.r2


def market_seller_case(tree, people):
    """A seller whose account is gone is read by nobody; a seller is read by all."""
    from civic.market.models import Seller

    gone = _market_listing(people.r3, tree.group_1, SECRET).seller
    Seller.objects.filter(pk=gone.pk).update(user=None)
    gone.refresh_from_db()
    shown = _market_listing(people.r4, tree.group_1, "Rau sạch").seller
    return gone, people.r1, shown, people.r2


CASES = {
    "market.listing": market_listing_case,
    "market.seller": market_seller_case,
    "content.newspage": news_case,
    "content.noticepage": notice_case,
    "realtime.message": message_case,
    "feedback.report": feedback_case,
    "meetings.meeting": meeting_case,
    "polls.poll": poll_case,
}


def test_every_registered_target_has_a_case():
    missing = moderation.target_model_labels() - set(CASES)
    assert not missing, (
        f"{sorted(missing)} take comments and reports: add a case here (an item "
        "someone may not read) and a read check to register_target"
    )


def report_url(item):
    content_type = ContentType.objects.get_for_model(item, for_concrete_model=False)
    return url("comments:report", content_type.pk, item.pk)


def comment_on(item, author):
    """A comment stored on ``item`` (as if posted while it was readable)."""
    return Comment.objects.create(
        content_type=ContentType.objects.get_for_model(item, for_concrete_model=False),
        object_id=item.pk,
        area=moderation.area_of(item),
        author=author,
        body="Một bình luận",
    )


def assert_refused(client, user, item):
    client.force_login(user)
    for response in (
        client.get(report_url(item)),
        client.post(report_url(item), {"reason": "spam"}),
    ):
        html = response.content.decode()
        assert response.status_code == 404
        assert "does not exist" in html and SECRET not in html
        assert 'name="reason"' not in html
    with pytest.raises(ActionRefused, match="does not exist"):
        actions.report(user, item, "spam")
    assert not Report.objects.exists()


def assert_accepted(client, user, item):
    client.force_login(user)
    form = client.get(report_url(item))
    assert form.status_code == 200 and 'name="reason"' in form.content.decode()
    response = client.post(report_url(item), {"reason": "spam"})
    assert response.status_code == 302
    content_type = ContentType.objects.get_for_model(item, for_concrete_model=False)
    assert Report.objects.filter(
        reporter=user, content_type=content_type, object_id=item.pk
    ).exists()


@pytest.mark.parametrize("label", sorted(CASES))
def test_only_readers_report_an_item_or_a_comment_on_it(client, tree, people, label):
    hidden, outsider, shown, reader = CASES[label](tree, people)
    assert not moderation.can_read(outsider, hidden)
    author = tree.admin

    # the item itself, then a comment on it
    assert_refused(client, outsider, hidden)
    assert_refused(client, outsider, comment_on(hidden, author))
    with pytest.raises(ActionRefused, match="does not exist"):
        actions.post_comment(outsider, hidden, "Tôi cũng muốn nói")

    assert_accepted(client, reader, shown)
    assert_accepted(client, reader, comment_on(shown, author))


def test_outsiders_reports_do_not_hide_a_private_channel_message(client, tree, people):
    message, outsider, _shown, _reader = message_case(tree, people)
    outsiders = [outsider] + [
        resident(f"Người ngoài {i}", f"09770001{i:02d}", tree.group_b) for i in range(2)
    ]
    for user in outsiders:
        client.force_login(user)
        response = client.post(
            report_url(message), {"reason": "offensive", "text": "Xấu"}
        )
        assert response.status_code == 404
        assert SECRET not in response.content.decode()
        assert SECRET not in client.get(report_url(message)).content.decode()
    message.refresh_from_db()
    assert not message.is_hidden
    assert not Report.objects.exists()


def test_a_visitor_is_sent_to_sign_in_whatever_the_item(client, tree, people):
    message, *_rest = message_case(tree, people)
    for address in (report_url(message), url("comments:report", 999999, 1)):
        response = client.get(address)
        assert response.status_code == 302 and "next=" in response["Location"]
