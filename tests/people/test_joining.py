import pytest
from django.db import IntegrityError, transaction
from wagtail.models import ModelLogEntry

from civic.people.models import Household, Notification, Residency, ResidencyStatus
from tests.people.conftest import messages_of, page_text, sign_in, url


def join(client, group, follow=False, **data):
    return client.post(
        url("join"), {"group": getattr(group, "pk", group), **data}, follow=follow
    )


def test_visitors_are_sent_to_sign_in(client, tree):
    response = client.get(url("join"))
    assert response.status_code == 302
    assert url("login") in response.url


def test_only_live_residential_groups_are_offered(client, homes):
    homes.group_2.unpublish()
    sign_in(client, homes.newcomer)
    html = page_text(client.get(url("join")))
    assert f'value="{homes.group_1.pk}"' in html
    assert f'value="{homes.group_b.pk}"' in html
    assert f'value="{homes.group_2.pk}"' not in html
    assert f'value="{homes.commune_a.pk}"' not in html


def test_second_step_lists_the_groups_households_by_address(client, homes):
    sign_in(client, homes.newcomer)
    html = page_text(client.get(url("join"), {"group": homes.group_1.pk}))
    assert "12 Hà Ra" in html
    assert "3 Xóm Đông" not in html
    assert 'type="radio"' in html


def test_declaring_a_new_household(client, homes):
    sign_in(client, homes.newcomer)
    response = join(client, homes.group_1, mode="new", address="  45  Đặng Tất ")
    assert response.status_code == 302
    residency = Residency.objects.get(user=homes.newcomer)
    assert residency.status == ResidencyStatus.PENDING
    assert not residency.awaiting_representative
    home = residency.household
    assert home.address == "45 Đặng Tất" and home.area_id == homes.group_1.pk
    assert home.representative == homes.newcomer
    assert Notification.objects.filter(user=homes.leader_1).exists()
    assert not Notification.objects.filter(user=homes.leader_2).exists()
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"kdcdt.household.declare", "kdcdt.residency.request"} <= actions
    account = page_text(client.get(url("account")))
    assert "waiting for verification" in account
    assert "Join your residential group" not in account


def test_joining_an_existing_household_waits_for_its_representative(client, homes):
    sign_in(client, homes.newcomer)
    response = join(client, homes.group_1, mode="existing", household=homes.home_1.pk)
    assert response.status_code == 302
    residency = Residency.objects.get(user=homes.newcomer)
    assert residency.household == homes.home_1
    assert residency.awaiting_representative
    assert Notification.objects.filter(user=homes.rep_1).exists()
    assert not Notification.objects.filter(user=homes.leader_1).exists()
    assert "representative's confirmation" in page_text(client.get(url("account")))


def test_household_without_representative_goes_straight_to_the_leader(client, homes):
    homes.home_1.representative = None
    homes.home_1.save()
    sign_in(client, homes.newcomer)
    join(client, homes.group_1, mode="existing", household=homes.home_1.pk)
    residency = Residency.objects.get(user=homes.newcomer)
    assert not residency.awaiting_representative
    assert Notification.objects.filter(user=homes.leader_1).exists()


@pytest.mark.parametrize(
    "data,message",
    [
        ({"mode": "new", "address": ""}, "Give the address of your household."),
        ({"mode": "existing"}, "Choose your household&#x27;s address."),
        ({"mode": "existing", "household": "999999"}, "Choose a household of this"),
        ({"mode": "existing", "household": "abc"}, "Choose a household of this"),
        ({}, "Say whether you join or declare a household."),
        ({"mode": "sideways"}, "Select a valid choice"),
        ({"mode": "new", "address": "12 hà ra"}, "already registered"),
    ],
)
def test_bad_join_requests_are_refused(client, homes, data, message):
    sign_in(client, homes.newcomer)
    households = Household.objects.count()
    response = join(client, homes.group_1, **data)
    assert response.status_code == 400
    assert message in page_text(response)
    assert not Residency.objects.filter(user=homes.newcomer).exists()
    assert Household.objects.count() == households


def test_a_household_of_another_group_is_refused(client, homes):
    sign_in(client, homes.newcomer)
    response = join(client, homes.group_1, mode="existing", household=homes.home_b.pk)
    assert response.status_code == 400
    assert "Choose a household of this residential group." in page_text(response)
    assert not Residency.objects.filter(user=homes.newcomer).exists()


@pytest.mark.parametrize("which", ["commune_a", "home", "missing", "unpublished"])
def test_forged_group_ids_are_refused(client, homes, which):
    if which == "unpublished":
        homes.group_2.unpublish()
    group = {
        "commune_a": homes.commune_a.pk,
        "home": homes.home.pk,
        "missing": 987654,
        "unpublished": homes.group_2.pk,
    }[which]
    sign_in(client, homes.newcomer)
    response = join(client, group, mode="new", address="1 Nơi Nào Đó")
    assert response.status_code == 400
    assert "Choose a residential group from the list." in page_text(response)
    assert not Residency.objects.filter(user=homes.newcomer).exists()


@pytest.mark.parametrize("status", [ResidencyStatus.PENDING, ResidencyStatus.VERIFIED])
def test_joining_again_while_active_is_refused(client, homes, status):
    Residency.objects.create(user=homes.newcomer, household=homes.home_b, status=status)
    sign_in(client, homes.newcomer)
    for response in (
        client.get(url("join"), follow=True),
        join(client, homes.group_1, mode="new", address="9 Khác", follow=True),
    ):
        assert response.redirect_chain[-1][0] == url("account")
        assert any("already belong" in m for m in messages_of(response))
    assert Residency.objects.filter(user=homes.newcomer).count() == 1
    assert not Household.objects.filter(address="9 Khác").exists()


def test_a_concurrent_second_request_gets_a_message(client, homes, monkeypatch):
    """The view's check passed (another request was in flight): the action and the
    database constraint still refuse, with a message."""
    Residency.objects.create(user=homes.newcomer, household=homes.home_b)
    monkeypatch.setattr("civic.people.views.has_active_residency", lambda user: False)
    sign_in(client, homes.newcomer)
    response = join(client, homes.group_1, mode="new", address="9 Khác")
    assert response.status_code == 400
    assert "already belong to a household" in page_text(response)
    assert Residency.objects.filter(user=homes.newcomer).count() == 1


def test_the_database_allows_one_active_residency(homes):
    Residency.objects.create(user=homes.newcomer, household=homes.home_b)
    with pytest.raises(IntegrityError), transaction.atomic():
        Residency.objects.create(user=homes.newcomer, household=homes.home_1)


@pytest.mark.parametrize("spelling", ["12 hà ra", "  12   HÀ RA ", "12 Hà Ra"])
def test_the_database_allows_one_household_per_address(homes, spelling):
    # Vietnamese capitals and decomposed marks compare equal too.
    import unicodedata

    with pytest.raises(IntegrityError), transaction.atomic():
        Household.objects.create(
            area=homes.group_1, address=unicodedata.normalize("NFD", spelling)
        )
    # The same address in another group is another household.
    Household.objects.create(area=homes.group_2, address=spelling)


def test_after_a_rejection_one_can_ask_again(client, homes):
    Residency.objects.create(
        user=homes.newcomer,
        household=homes.home_b,
        status=ResidencyStatus.REJECTED,
        reason="Không ở đây",
    )
    sign_in(client, homes.newcomer)
    assert "Không ở đây" in page_text(client.get(url("account")))
    response = join(client, homes.group_1, mode="new", address="45 Đặng Tất")
    assert response.status_code == 302
    assert Residency.objects.filter(
        user=homes.newcomer, status=ResidencyStatus.PENDING
    ).exists()


# --- the household representative confirms or declines ------------------------------


@pytest.fixture
def request_to_home_1(client, homes):
    sign_in(client, homes.newcomer)
    join(client, homes.group_1, mode="existing", household=homes.home_1.pk)
    client.logout()
    return Residency.objects.get(user=homes.newcomer)


def test_representative_sees_and_confirms(client, homes, request_to_home_1):
    sign_in(client, homes.rep_1)
    account = page_text(client.get(url("account")))
    assert "Người mới" in account and url("confirm", request_to_home_1.pk) in account
    response = client.post(url("confirm", request_to_home_1.pk), follow=True)
    assert any("group leader will now verify" in m for m in messages_of(response))
    request_to_home_1.refresh_from_db()
    assert not request_to_home_1.awaiting_representative
    assert request_to_home_1.status == ResidencyStatus.PENDING
    assert Notification.objects.filter(user=homes.leader_1).exists()
    assert ModelLogEntry.objects.filter(action="kdcdt.residency.confirm").exists()
    # confirming twice changes nothing
    again = client.post(url("confirm", request_to_home_1.pk), follow=True)
    assert any("does not wait for your confirmation" in m for m in messages_of(again))


def test_representative_declines_with_a_reason(client, homes, request_to_home_1):
    sign_in(client, homes.rep_1)
    empty = client.post(
        url("decline", request_to_home_1.pk), {"reason": " "}, follow=True
    )
    assert empty.redirect_chain == [(url("account"), 302)]
    assert messages_of(empty) == ["Give a reason; the resident will see it."]
    request_to_home_1.refresh_from_db()
    assert request_to_home_1.status == ResidencyStatus.PENDING
    client.post(url("decline", request_to_home_1.pk), {"reason": "Không quen"})
    request_to_home_1.refresh_from_db()
    assert request_to_home_1.status == ResidencyStatus.REJECTED
    assert request_to_home_1.reason == "Không quen"
    sign_in(client, homes.newcomer)
    account = page_text(client.get(url("account")))
    assert "Không quen" in account and "Join your residential group" in account


@pytest.mark.parametrize("who", ["member_1", "leader_2", "rep_b", "newcomer"])
def test_only_the_representative_confirms(client, homes, request_to_home_1, who):
    sign_in(client, getattr(homes, who))
    for name, data in (("confirm", {}), ("decline", {"reason": "x"})):
        response = client.post(url(name, request_to_home_1.pk), data)
        assert response.status_code == 403
        assert "Only the representative" in page_text(response)
    request_to_home_1.refresh_from_db()
    assert request_to_home_1.awaiting_representative
    assert request_to_home_1.status == ResidencyStatus.PENDING


def test_forged_confirmation_ids(client, homes, request_to_home_1):
    sign_in(client, homes.rep_1)
    response = client.post(url("confirm", 987654), follow=True)
    assert any("no longer exists" in m for m in messages_of(response))
    assert client.get(url("confirm", request_to_home_1.pk)).status_code == 405


def test_an_address_whose_people_all_left_can_be_declared_again(client, homes):
    old = Household.objects.create(area=homes.group_1, address="45 Đặng Tất")
    Residency.objects.create(
        user=homes.member_1, household=old, status=ResidencyStatus.MOVED
    )
    sign_in(client, homes.newcomer)
    response = join(client, homes.group_1, mode="new", address="45 đặng tất")
    assert response.status_code == 302
    residency = Residency.objects.get(user=homes.newcomer)
    assert residency.household == old
    old.refresh_from_db()
    assert old.representative == homes.newcomer
    assert Household.objects.filter(area=homes.group_1).count() == 2


def test_an_address_waiting_for_verification_is_not_declared_twice(client, homes):
    other = Household.objects.create(area=homes.group_1, address="45 Đặng Tất")
    Residency.objects.create(user=homes.resident, household=other)
    sign_in(client, homes.newcomer)
    response = join(client, homes.group_1, mode="new", address="45 Đặng Tất")
    assert response.status_code == 400
    assert "already registered" in page_text(response)
    assert not Residency.objects.filter(user=homes.newcomer).exists()


def test_the_whole_way_in(client, homes):
    """Join an existing household → its representative confirms → the leader
    verifies → a verified resident of the group."""
    sign_in(client, homes.newcomer)
    join(client, homes.group_1, mode="existing", household=homes.home_1.pk)
    residency = Residency.objects.get(user=homes.newcomer)
    sign_in(client, homes.rep_1)
    client.post(url("confirm", residency.pk))
    sign_in(client, homes.leader_1)
    assert residency in client.get(url("verification")).context["to_verify"]
    client.post(url("verify", residency.pk))
    residency.refresh_from_db()
    assert residency.status == ResidencyStatus.VERIFIED
    from civic.people.residents import is_verified_resident_in

    assert is_verified_resident_in(homes.newcomer, homes.group_1)
    sign_in(client, homes.newcomer)
    account = page_text(client.get(url("account")))
    assert "12 Hà Ra" in account and "Join your residential group" not in account
