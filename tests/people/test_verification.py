import pytest
from wagtail.models import ModelLogEntry

from civic.people.actions import grant_role, request_residency
from civic.people.models import (
    Household,
    Notification,
    Residency,
    ResidencyStatus,
    RoleKind,
)
from civic.people.residents import is_verified_resident_in, represented_household
from tests.conftest import make_user
from tests.people.conftest import messages_of, page_text, sign_in, url


@pytest.fixture
def waiting(homes):
    """A pending newcomer in each group: group 1, group 2 and group B."""
    homes.new_1 = homes.newcomer
    homes.new_2 = make_user("Người mới 2", "0905111005")
    homes.new_b = make_user("Người mới Đông", "0905111006")
    homes.pending_1 = _declare(homes.new_1, homes.group_1, "45 Đặng Tất")
    homes.pending_2 = _declare(homes.new_2, homes.group_2, "7 Hòn Chồng")
    homes.pending_b = _declare(homes.new_b, homes.group_b, "1 Xóm Tây")
    return homes


def _declare(user, group, address):
    home = Household.objects.create(area=group, address=address, representative=user)
    return Residency.objects.create(user=user, household=home)


def status_of(residency):
    residency.refresh_from_db()
    return residency.status


# --- who sees the queue --------------------------------------------------------------


def test_visitors_are_sent_to_sign_in(client, tree):
    assert url("login") in client.get(url("verification")).url


@pytest.mark.parametrize("who", ["resident", "helper_a"])
def test_people_without_the_role_are_refused(client, tree, who):
    sign_in(client, getattr(tree, who))
    response = client.get(url("verification"))
    assert response.status_code == 403
    assert "Only group leaders and commune editors" in page_text(response)


@pytest.mark.parametrize(
    "who,sees",
    [
        ("leader_1", {"45 Đặng Tất"}),
        ("leader_2", {"7 Hòn Chồng"}),
        ("editor_a", {"45 Đặng Tất", "7 Hòn Chồng"}),
        ("editor_b", {"1 Xóm Tây"}),
        ("admin", {"45 Đặng Tất", "7 Hòn Chồng", "1 Xóm Tây"}),
    ],
)
def test_each_verifier_sees_the_pending_of_their_areas(client, waiting, who, sees):
    sign_in(client, getattr(waiting, who))
    response = client.get(url("verification"))
    assert response.status_code == 200
    shown = {r.household.address for r in response.context["to_verify"]}
    assert shown == sees


def test_account_page_links_leaders_to_the_queue(client, tree):
    sign_in(client, tree.leader_1)
    assert url("verification") in page_text(client.get(url("account")))
    sign_in(client, tree.resident)
    assert url("verification") not in page_text(client.get(url("account")))


# --- verify and reject ----------------------------------------------------------------


@pytest.mark.parametrize("who", ["leader_1", "editor_a"])
def test_verify(client, waiting, who):
    actor = getattr(waiting, who)
    sign_in(client, actor)
    response = client.post(url("verify", waiting.pending_1.pk), follow=True)
    assert any("is verified" in m for m in messages_of(response))
    waiting.pending_1.refresh_from_db()
    assert waiting.pending_1.status == ResidencyStatus.VERIFIED
    assert waiting.pending_1.decided_by == actor
    assert is_verified_resident_in(waiting.new_1, waiting.group_1)
    assert represented_household(waiting.new_1) == waiting.pending_1.household
    assert Notification.objects.filter(user=waiting.new_1).exists()
    assert ModelLogEntry.objects.filter(
        action="kdcdt.residency.verify", object_id=str(waiting.pending_1.pk)
    ).exists()
    # twice: a message, nothing changes
    again = client.post(url("verify", waiting.pending_1.pk), follow=True)
    assert any("already been decided" in m for m in messages_of(again))
    again = client.post(url("reject", waiting.pending_1.pk), {"reason": "x"})
    assert status_of(waiting.pending_1) == ResidencyStatus.VERIFIED
    sign_in(client, waiting.new_1)
    assert "verified" in page_text(client.get(url("account")))


@pytest.mark.parametrize("who", ["leader_2", "leader_b", "editor_b", "resident"])
def test_another_areas_resident_cannot_be_decided(client, waiting, who):
    sign_in(client, getattr(waiting, who))
    for name, data in (("verify", {}), ("reject", {"reason": "Không biết"})):
        response = client.post(url(name, waiting.pending_1.pk), data)
        assert response.status_code == 403
        assert "area you are responsible for" in page_text(response)
    assert status_of(waiting.pending_1) == ResidencyStatus.PENDING


def test_reject_needs_a_reason_that_the_resident_sees(client, waiting):
    sign_in(client, waiting.leader_1)
    response = client.post(
        url("reject", waiting.pending_1.pk), {"reason": "  "}, follow=True
    )
    # the form's own message, as plain text (not its HTML error list)
    assert messages_of(response) == ["Give a reason; the resident will see it."]
    assert status_of(waiting.pending_1) == ResidencyStatus.PENDING
    too_long = client.post(
        url("reject", waiting.pending_1.pk), {"reason": "x" * 501}, follow=True
    )
    assert too_long.redirect_chain == [(url("verification"), 302)]
    assert messages_of(too_long) == [
        "Ensure this value has at most 500 characters (it has 501)."
    ]
    assert status_of(waiting.pending_1) == ResidencyStatus.PENDING
    client.post(url("reject", waiting.pending_1.pk), {"reason": "Không có nhà số 45"})
    assert status_of(waiting.pending_1) == ResidencyStatus.REJECTED
    # the declared household is left without a representative
    assert waiting.pending_1.household.representative_id is None
    sign_in(client, waiting.new_1)
    account = page_text(client.get(url("account")))
    assert "Không có nhà số 45" in account and "rejected" in account


def test_forged_and_wrong_method(client, waiting):
    sign_in(client, waiting.leader_1)
    for name in ("verify", "reject", "moved"):
        response = client.post(url(name, 987654), {"reason": "x"}, follow=True)
        assert any("no longer exists" in m for m in messages_of(response))
    assert client.get(url("verify", waiting.pending_1.pk)).status_code == 405
    assert status_of(waiting.pending_1) == ResidencyStatus.PENDING


def test_a_joiner_waits_for_the_representative_first(client, homes):
    joiner = Residency.objects.create(
        user=homes.newcomer, household=homes.home_1, awaiting_representative=True
    )
    sign_in(client, homes.leader_1)
    queue = client.get(url("verification"))
    assert joiner in queue.context["awaiting_representative"]
    assert joiner not in queue.context["to_verify"]
    assert "must confirm first" in page_text(queue)
    response = client.post(url("verify", joiner.pk), follow=True)
    assert any("has not confirmed" in m for m in messages_of(response))
    assert status_of(joiner) == ResidencyStatus.PENDING
    # the leader may still reject
    client.post(url("reject", joiner.pk), {"reason": "Trùng"})
    assert status_of(joiner) == ResidencyStatus.REJECTED


# --- moved away and representatives ---------------------------------------------------


def test_moved_away_loses_rights_at_once(client, homes):
    member = Residency.objects.get(user=homes.member_1)
    sign_in(client, homes.leader_1)
    response = client.post(url("moved", member.pk), {"reason": "Chuyển vào Sài Gòn"})
    assert response.status_code == 302
    assert status_of(member) == ResidencyStatus.MOVED
    assert not is_verified_resident_in(homes.member_1, homes.group_1)
    assert homes.home_1.representative == homes.rep_1  # unchanged
    assert ModelLogEntry.objects.filter(action="kdcdt.residency.moved").exists()
    again = client.post(url("moved", member.pk), follow=True)
    assert any("Only a verified resident" in m for m in messages_of(again))


def test_moved_representative_leaves_the_household_to_be_given_one(client, homes):
    rep = Residency.objects.get(user=homes.rep_1)
    sign_in(client, homes.leader_1)
    client.post(url("moved", rep.pk))
    homes.home_1.refresh_from_db()
    assert homes.home_1.representative is None
    assert represented_household(homes.rep_1) is None
    queue = client.get(url("verification"))
    assert [h for h, _ in queue.context["without_representative"]] == [homes.home_1]
    assert "Households without a representative" in page_text(queue)
    response = client.post(
        url("representative", homes.home_1.pk), {"user": homes.member_1.pk}, follow=True
    )
    assert any("new representative" in m for m in messages_of(response))
    homes.home_1.refresh_from_db()
    assert homes.home_1.representative == homes.member_1
    assert represented_household(homes.member_1) == homes.home_1
    assert not client.get(url("verification")).context["without_representative"]


def test_leader_changes_the_representative(client, homes):
    sign_in(client, homes.leader_1)
    client.post(url("representative", homes.home_1.pk), {"user": homes.member_1.pk})
    homes.home_1.refresh_from_db()
    assert homes.home_1.representative == homes.member_1
    assert Notification.objects.filter(user=homes.member_1).exists()
    assert ModelLogEntry.objects.filter(
        action="kdcdt.household.representative"
    ).exists()


@pytest.mark.parametrize("who", ["newcomer", "rep_b", "leader_1", "pending", "moved"])
def test_representative_must_be_a_verified_member(client, homes, who):
    if who == "pending":
        Residency.objects.create(user=homes.newcomer, household=homes.home_1)
        who = "newcomer"
    if who == "moved":
        Residency.objects.filter(user=homes.member_1).update(
            status=ResidencyStatus.MOVED
        )
        who = "member_1"
    sign_in(client, homes.leader_1)
    response = client.post(
        url("representative", homes.home_1.pk),
        {"user": getattr(homes, who).pk},
        follow=True,
    )
    assert any("must be a verified member" in m for m in messages_of(response))
    homes.home_1.refresh_from_db()
    assert homes.home_1.representative == homes.rep_1


@pytest.mark.parametrize("data", [{}, {"user": "abc"}, {"user": "987654"}])
def test_representative_bad_input(client, homes, data):
    sign_in(client, homes.leader_1)
    response = client.post(url("representative", homes.home_1.pk), data, follow=True)
    assert response.status_code == 200
    assert messages_of(response)
    homes.home_1.refresh_from_db()
    assert homes.home_1.representative == homes.rep_1


def test_representative_of_another_group_or_a_forged_household(client, homes):
    sign_in(client, homes.leader_2)
    response = client.post(
        url("representative", homes.home_1.pk), {"user": homes.member_1.pk}
    )
    assert response.status_code == 403
    homes.home_1.refresh_from_db()
    assert homes.home_1.representative == homes.rep_1
    sign_in(client, homes.leader_1)
    response = client.post(url("representative", 987654), {"user": 1}, follow=True)
    assert any("does not exist" in m for m in messages_of(response))


def test_another_leader_cannot_mark_moved(client, homes):
    member = Residency.objects.get(user=homes.member_1)
    sign_in(client, homes.leader_b)
    assert client.post(url("moved", member.pk)).status_code == 403
    assert status_of(member) == ResidencyStatus.VERIFIED


def test_queue_lists_households_and_members(client, homes):
    sign_in(client, homes.editor_a)
    queue = client.get(url("verification"))
    households = dict(queue.context["households"])
    assert list(households) == [homes.home_1]
    assert {m.user for m in households[homes.home_1]} == {homes.rep_1, homes.member_1}


# --- nobody decides on their own residency --------------------------------------------


@pytest.fixture
def leader_joins(homes):
    """Group 1's only leader declares a household in their own group."""
    homes.own = request_residency(homes.leader_1, homes.group_1, address="9 Lê Lợi")
    return homes


def test_a_leader_cannot_verify_their_own_residency(client, leader_joins):
    t = leader_joins
    sign_in(client, t.leader_1)
    queue = client.get(url("verification"))
    assert t.own not in queue.context["to_verify"]
    for name, data in (("verify", {}), ("reject", {"reason": "Tự từ chối"})):
        response = client.post(url(name, t.own.pk), data, follow=True)
        assert response.status_code == 200
        assert any("your own residency" in m for m in messages_of(response))
        assert status_of(t.own) == ResidencyStatus.PENDING
    assert not ModelLogEntry.objects.filter(
        action="kdcdt.residency.verify", object_id=str(t.own.pk)
    ).exists()


def test_the_commune_editor_is_told_and_verifies_the_leader(client, leader_joins):
    t = leader_joins
    told = set(
        Notification.objects.filter(message__contains="9 Lê Lợi").values_list(
            "user_id", flat=True
        )
    )
    assert told == {t.editor_a.pk}
    sign_in(client, t.editor_a)
    client.post(url("verify", t.own.pk))
    assert status_of(t.own) == ResidencyStatus.VERIFIED


def test_another_leader_of_the_group_is_told_instead(homes):
    second = make_user("Tổ phó 1", "0905111099")
    grant_role(homes.admin, second, homes.group_1, RoleKind.GROUP_LEADER)
    request_residency(homes.leader_1, homes.group_1, address="9 Lê Lợi")
    told = set(
        Notification.objects.filter(message__contains="9 Lê Lợi").values_list(
            "user_id", flat=True
        )
    )
    assert told == {second.pk}


def test_a_leader_cannot_mark_themself_moved(client, leader_joins):
    t = leader_joins
    sign_in(client, t.editor_a)
    client.post(url("verify", t.own.pk))
    sign_in(client, t.leader_1)
    page = client.get(url("verification"))
    assert url("moved", t.own.pk) not in page_text(page)
    response = client.post(url("moved", t.own.pk), {"reason": ""}, follow=True)
    assert any("your own residency" in m for m in messages_of(response))
    assert status_of(t.own) == ResidencyStatus.VERIFIED
