"""Moderators of a listing's area hide it directly, or show it again, with a
reason: logged in civic.comments' moderation log, open reports upheld (hide)
or dismissed (show), the seller told. Anyone else: 403 and nothing changed."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from civic.comments import actions as comments
from civic.comments.models import LogAction, ModerationLog, Report, ReportReason
from civic.market import actions
from civic.market.models import Listing

from .conftest import make_listing, url


def log(listing):
    return list(
        ModerationLog.objects.filter(
            content_type=ContentType.objects.get_for_model(Listing),
            object_id=listing.pk,
        )
        .order_by("pk")
        .values_list("action", "actor", "subject", "area", "reason")
    )


def test_editor_hides_then_shows_a_listing(mk):
    listing = make_listing(mk.seller, mk.group_1)
    comments.report(mk.neighbour, listing, ReportReason.SPAM)
    actions.hide_listing(mk.editor_a, listing, "Bán hàng giả")
    listing.refresh_from_db()
    assert listing.is_hidden and listing.hidden_reason == "Bán hàng giả"
    assert not Listing.objects.shown().filter(pk=listing.pk).exists()
    assert Report.objects.get().resolution == "upheld"
    note = mk.seller.notifications.get(kind="market.listing_hidden")
    assert note.params["reason"] == "Bán hàng giả" and note.actor == mk.editor_a

    actions.show_listing(mk.editor_a, listing, "Đã kiểm tra, hàng thật")
    listing.refresh_from_db()
    assert not listing.is_hidden and listing.hidden_reason == ""
    assert mk.seller.notifications.filter(kind="market.listing_shown").exists()
    entries = log(listing)
    assert [e[0] for e in entries] == ["report", LogAction.HIDE, LogAction.UNHIDE]
    assert entries[1][1:] == (
        mk.editor_a.pk,
        mk.seller.pk,
        mk.group_1.pk,
        "Bán hàng giả",
    )
    assert entries[2][4] == "Đã kiểm tra, hàng thật"


def test_the_moderation_log_page_shows_it_to_the_communes_editors(client, mk, uncached):
    listing = make_listing(mk.seller, mk.group_1)
    actions.hide_listing(mk.leader_1, listing, "Ảnh hàng cấm")
    client.force_login(mk.editor_a)
    html = client.get(reverse("comments_moderation_log")).content.decode()
    assert "Ảnh hàng cấm" in html and f"#{listing.pk}" in html
    client.force_login(mk.editor_b)
    html = client.get(reverse("comments_moderation_log")).content.decode()
    assert "Ảnh hàng cấm" not in html


def test_the_groups_leader_shows_a_listing_hidden_by_reports(mk):
    listing = make_listing(mk.seller, mk.group_1)
    comments.report(mk.neighbour, listing, ReportReason.SPAM)
    Listing.objects.filter(pk=listing.pk).update(is_hidden=True)  # as after 3
    actions.show_listing(mk.leader_1, listing, "Không vi phạm")
    assert not Listing.objects.get(pk=listing.pk).is_hidden
    assert Report.objects.get().resolution == "dismissed"
    actions.hide_listing(mk.leader_1, listing, "Có vi phạm")
    assert Listing.objects.get(pk=listing.pk).is_hidden


@pytest.mark.parametrize("who", ["neighbour", "seller", "leader_2", "editor_b"])
def test_others_may_not_hide(mk, who):
    listing = make_listing(mk.seller, mk.group_1)
    with pytest.raises(PermissionDenied):
        actions.hide_listing(getattr(mk, who), listing, "Lý do")
    assert not Listing.objects.get(pk=listing.pk).is_hidden
    assert not log(listing)


@pytest.mark.parametrize("who", ["neighbour", "seller", "leader_2", "editor_b"])
def test_others_may_not_show(mk, who):
    listing = make_listing(mk.seller, mk.group_1)
    actions.hide_listing(mk.editor_a, listing, "Lý do")
    with pytest.raises(PermissionDenied):
        actions.show_listing(getattr(mk, who), listing, "Cho hiện")
    assert Listing.objects.get(pk=listing.pk).is_hidden
    assert len(log(listing)) == 1


@pytest.mark.parametrize("reason", ["", "   ", None, "x" * 501])
def test_a_reason_is_required(mk, reason):
    listing = make_listing(mk.seller, mk.group_1)
    with pytest.raises(ValidationError):
        actions.hide_listing(mk.editor_a, listing, reason)
    assert not Listing.objects.get(pk=listing.pk).is_hidden
    Listing.objects.filter(pk=listing.pk).update(is_hidden=True)
    with pytest.raises(ValidationError):
        actions.show_listing(mk.editor_a, listing, reason)
    assert Listing.objects.get(pk=listing.pk).is_hidden
    assert not log(listing)


def test_wrong_state_is_refused(mk):
    listing = make_listing(mk.seller, mk.group_1)
    with pytest.raises(ValidationError) as refused:
        actions.show_listing(mk.editor_a, listing, "Cho hiện")
    assert refused.value.code == "not_hidden"
    actions.hide_listing(mk.editor_a, listing, "Ẩn")
    with pytest.raises(ValidationError) as refused:
        actions.hide_listing(mk.editor_a, listing, "Ẩn lần nữa")
    assert refused.value.code == "hidden"
    assert len(log(listing)) == 1
    assert mk.seller.notifications.filter(kind="market.listing_hidden").count() == 1


# --- on the listing page ---------------------------------------------------------


def test_the_panel_is_shown_to_moderators_only(client, mk, uncached):
    listing = make_listing(mk.seller, mk.group_1)
    for user, shown in [
        (mk.editor_a, True),
        (mk.leader_1, True),
        (mk.leader_2, False),
        (mk.neighbour, False),
        (mk.seller, False),
    ]:
        client.force_login(user)
        page = client.get(url("listing", listing.pk)).content.decode()
        assert (url("hide", listing.pk) in page) is shown, user


def test_hide_and_show_through_the_page(client, mk, uncached):
    listing = make_listing(mk.seller, mk.group_1)
    client.force_login(mk.editor_a)
    response = client.post(url("hide", listing.pk), {"reason": "Ảnh không đúng"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Đã ẩn tin." in page and url("show", listing.pk) in page
    assert Listing.objects.get(pk=listing.pk).is_hidden
    response = client.post(url("show", listing.pk), {"reason": "Đã sửa ảnh"})
    page = client.get(response["Location"]).content.decode()
    assert "Đã cho hiện lại tin." in page
    assert not Listing.objects.get(pk=listing.pk).is_hidden


def test_a_reason_is_asked_for_in_vietnamese(client, mk, uncached):
    listing = make_listing(mk.seller, mk.group_1)
    client.force_login(mk.editor_a)
    response = client.post(url("hide", listing.pk), {"reason": ""}, follow=True)
    assert "Vui lòng nêu lý do" in response.content.decode()
    assert not Listing.objects.get(pk=listing.pk).is_hidden


@pytest.mark.parametrize("who", ["neighbour", "leader_2", "editor_b"])
def test_others_get_403_on_a_shown_listing(client, mk, uncached, who):
    listing = make_listing(mk.seller, mk.group_1)
    client.force_login(getattr(mk, who))
    response = client.post(url("hide", listing.pk), {"reason": "Ẩn"})
    assert response.status_code == 403
    assert "địa bàn mình phụ trách" in response.content.decode()
    assert not Listing.objects.get(pk=listing.pk).is_hidden


def test_others_cannot_show_a_hidden_listing(client, mk, uncached):
    listing = make_listing(mk.seller, mk.group_1)
    actions.hide_listing(mk.editor_a, listing, "Ẩn")
    client.force_login(mk.neighbour)  # cannot even read it
    assert client.post(url("show", listing.pk), {"reason": "x"}).status_code == 404
    client.force_login(mk.seller)  # reads it, may not show it
    assert client.post(url("show", listing.pk), {"reason": "x"}).status_code == 403
    assert Listing.objects.get(pk=listing.pk).is_hidden


def test_signed_out_is_sent_to_sign_in(client, mk, uncached):
    listing = make_listing(mk.seller, mk.group_1)
    response = client.post(url("hide", listing.pk), {"reason": "x"})
    assert response.status_code == 302 and "dang-nhap" in response["Location"]
    assert not Listing.objects.get(pk=listing.pk).is_hidden


@pytest.mark.parametrize("pk", ["999999", "99999999999999999999999"])
def test_a_forged_listing_id(client, mk, pk):
    client.force_login(mk.editor_a)
    assert client.post(f"/cho/tin/{pk}/an/", {"reason": "x"}).status_code == 404
