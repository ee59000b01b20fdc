"""The local business directory: verified residents propose, the group leader (or
a commune editor) decides, only approved entries are public or searchable."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from civic.comments.models import Mute
from civic.core.errors import ActionForbidden, ActionRefused
from civic.directory import actions as directory
from civic.directory.models import Business, BusinessStatus
from civic.people.models import Household, Notification, Residency, ResidencyStatus

from ..conftest import make_user
from .conftest import sign_in


def verified(tree, area=None, name="Chị Lan", phone="0916000001"):
    user = make_user(name, phone)
    household = Household.objects.create(
        area=area or tree.group_1, address=f"{phone} Hà Ra"
    )
    Residency.objects.create(
        user=user, household=household, status=ResidencyStatus.VERIFIED
    )
    return user


def propose(user, name="Tạp hóa Cô Ba", **extra):
    values = {
        "name": name,
        "offers": "Gạo, nước mắm, đồ dùng gia đình",
        "phone": "0905 111 222",
        "opening_hours": "6:00–21:00 hằng ngày",
    }
    values.update(extra)
    return directory.submit_business(user, **values)


def test_verified_resident_proposes_leader_is_told(tree):
    lan = verified(tree)
    business = propose(lan)
    assert business.area.pk == tree.group_1.pk
    assert business.status == BusinessStatus.PENDING
    assert Notification.objects.filter(user=tree.leader_1).count() == 1
    assert not Notification.objects.filter(user=tree.leader_2).exists()


def test_unverified_or_anonymous_cannot_propose(tree):
    with pytest.raises(ActionRefused) as refused:
        propose(tree.resident)
    assert refused.value.messages == [
        "Only residents verified by their group leader can propose a business of "
        "their group."
    ]
    pending = make_user("Chờ", "0916000002")
    household = Household.objects.create(area=tree.group_1, address="1")
    Residency.objects.create(
        user=pending, household=household, status=ResidencyStatus.PENDING
    )
    with pytest.raises(ActionRefused):
        propose(pending)
    assert not Business.objects.exists()


def test_muted_resident_cannot_propose(tree):
    lan = verified(tree)
    Mute.objects.create(user=lan, area=tree.commune_a, reason="spam", by=tree.editor_a)
    with pytest.raises(ActionRefused) as refused:
        propose(lan)
    assert refused.value.messages == [
        "A moderator has muted you here; you cannot propose a business now."
    ]
    Mute.objects.update(until=timezone.now() - timedelta(minutes=1))
    assert propose(lan).pk


def test_bad_input_is_refused_and_nothing_saved(tree):
    lan = verified(tree)
    for bad in [{"name": "  "}, {"phone": ""}, {"offers": "x" * 301}]:
        with pytest.raises(ValidationError):
            propose(lan, **bad)
    assert not Business.objects.exists()


def test_rate_limits(settings, tree):
    settings.BUSINESS_SUBMISSIONS_PER_DAY = 2
    settings.BUSINESS_PENDING_PER_RESIDENT = 3
    lan = verified(tree)
    propose(lan, "Một")
    propose(lan, "Hai")
    with pytest.raises(ValidationError, match="last 24 hours"):
        propose(lan, "Ba")
    Business.objects.update(created_at=timezone.now() - timedelta(days=2))
    propose(lan, "Ba")
    with pytest.raises(ValidationError, match="still waiting"):
        propose(lan, "Bốn")
    assert Business.objects.count() == 3


def test_leader_approves_and_it_becomes_public(client, tree):
    lan = verified(tree)
    business = propose(lan)
    listing = reverse("directory:businesses")
    assert "Tạp hóa Cô Ba" not in client.get(listing).content.decode()
    group_page = reverse("directory:utilities_area", args=[tree.group_1.pk])
    assert "Tạp hóa Cô Ba" not in client.get(group_page).content.decode()
    directory.approve_business(tree.leader_1, business)
    business.refresh_from_db()
    assert business.status == BusinessStatus.APPROVED
    assert business.decided_by == tree.leader_1
    assert Notification.objects.filter(user=lan).count() == 1
    assert "Tạp hóa Cô Ba" in client.get(listing).content.decode()
    assert "Tạp hóa Cô Ba" in client.get(group_page).content.decode()
    with pytest.raises(ValidationError):
        directory.approve_business(tree.leader_1, business)


def test_only_this_groups_leader_or_commune_editor_decides(tree):
    business = propose(verified(tree))
    for outsider in (tree.leader_2, tree.leader_b, tree.editor_b, tree.helper_a):
        with pytest.raises(ActionForbidden):
            directory.approve_business(outsider, business)
        with pytest.raises(ActionForbidden):
            directory.reject_business(outsider, business, "Không phù hợp")
    business.refresh_from_db()
    assert business.status == BusinessStatus.PENDING
    directory.approve_business(tree.editor_a, business)


def test_reject_needs_a_reason_and_tells_the_resident(tree):
    lan = verified(tree)
    business = propose(lan)
    with pytest.raises(ValidationError):
        directory.reject_business(tree.leader_1, business, "   ")
    directory.reject_business(tree.leader_1, business, "Không ở trong tổ")
    business.refresh_from_db()
    assert business.status == BusinessStatus.REJECTED
    assert business.rejection_reason == "Không ở trong tổ"
    assert "Không ở trong tổ" in Notification.objects.get(user=lan).message


def test_rejected_without_reason_is_refused_by_the_database(tree):
    with pytest.raises(IntegrityError), transaction.atomic():
        Business.objects.create(
            area=tree.group_1,
            name="X",
            offers="Y",
            phone="1",
            status=BusinessStatus.REJECTED,
        )


def test_pages_submit_and_queue(client, tree):
    lan = verified(tree)
    sign_in(client, lan)
    new = reverse("directory:business_new")
    response = client.post(new, {"name": "", "offers": "Bún cá", "phone": "1"})
    assert response.status_code == 400 and not Business.objects.exists()
    response = client.post(
        new, {"name": "Bún cá Bà Tư", "offers": "Bún cá", "phone": "0905 1"}
    )
    assert response.status_code == 302
    business = Business.objects.get()
    assert "Bún cá Bà Tư" in client.get(new).content.decode()
    queue = reverse("directory:business_queue")
    assert client.get(queue).status_code == 403  # a resident has no queue
    approve = reverse("directory:business_approve", args=[business.pk])
    client.post(approve)
    business.refresh_from_db()
    assert business.status == BusinessStatus.PENDING

    client.logout()
    sign_in(client, tree.leader_2)  # another group's leader: empty queue, no power
    assert "Bún cá Bà Tư" not in client.get(queue).content.decode()
    client.post(approve)
    business.refresh_from_db()
    assert business.status == BusinessStatus.PENDING

    client.logout()
    sign_in(client, tree.leader_1)
    assert "Bún cá Bà Tư" in client.get(queue).content.decode()
    reject = reverse("directory:business_reject", args=[business.pk])
    client.post(reject, {"reason": ""})
    business.refresh_from_db()
    assert business.status == BusinessStatus.PENDING
    assert client.post(approve).status_code == 302
    business.refresh_from_db()
    assert business.status == BusinessStatus.APPROVED


def test_unverified_resident_sees_why_on_the_form(client, tree):
    sign_in(client, tree.resident)
    html = client.get(reverse("directory:business_new")).content.decode()
    assert "Only residents verified by their group leader" in html
    response = client.post(
        reverse("directory:business_new"),
        {"name": "A", "offers": "B", "phone": "1"},
    )
    assert response.status_code == 400 and not Business.objects.exists()
    assert "Only residents verified by their group leader" in response.content.decode()


# --- the admin -----------------------------------------------------------------------


def admin_form(area, **extra):
    data = {
        "area": area.pk,
        "name": "Tạp hóa Cô Ba (sửa)",
        "offers": "Gạo, nước mắm",
        "phone": "0905 111 333",
        "opening_hours": "",
        "address": "",
    }
    data.update(extra)
    return data


def test_leader_corrects_own_groups_shop_in_the_admin(client, tree):
    mine = propose(verified(tree))
    other = propose(verified(tree, tree.group_2, "Anh Nam", "0916000009"), "Quán Nam")
    directory.approve_business(tree.leader_1, mine)
    sign_in(client, tree.leader_1)
    html = client.get(reverse("businesses_admin:index")).content.decode()
    assert "Tạp hóa Cô Ba" in html and "Quán Nam" not in html
    edit = reverse("businesses_admin:edit", args=[mine.pk])
    response = client.post(edit, admin_form(tree.group_1, status="rejected"))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.name == "Tạp hóa Cô Ba (sửa)"
    assert mine.status == BusinessStatus.APPROVED  # not changed from the admin
    other_edit = reverse("businesses_admin:edit", args=[other.pk])
    assert client.get(other_edit).status_code == 404
    assert client.post(other_edit, admin_form(tree.group_1)).status_code == 404
    # an entry added in the admin waits for approval like any other
    response = client.post(
        reverse("businesses_admin:add"), admin_form(tree.group_1, name="Tiệm may")
    )
    assert response.status_code == 302
    assert Business.objects.get(name="Tiệm may").status == BusinessStatus.PENDING
    # not for another group
    response = client.post(
        reverse("businesses_admin:add"), admin_form(tree.group_2, name="Lấn sân")
    )
    assert response.status_code == 200
    assert not Business.objects.filter(name="Lấn sân").exists()
