"""Public utilities: editors keep them (own subtree only), the public pages show a
group's own and its commune's entries, and the next waste collection day."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import ModelLogEntry

from civic.directory.models import UtilityKind, UtilityLink, validate_weekday_set
from civic.directory.queries import next_collection, utilities_for

from ..factories import assert_refused_by_admin
from .conftest import sign_in

ADMIN = "utilities_admin"


def link(area, kind=UtilityKind.WATER, name="Cấp nước Khánh Hòa", **extra):
    return UtilityLink.objects.create(area=area, kind=kind, name=name, **extra)


@pytest.fixture
def utilities(tree):
    u = type("U", (), {})()
    u.power = link(
        tree.commune_a, UtilityKind.ELECTRICITY, "Điện lực Nha Trang", phone="1900 1909"
    )
    u.commune_waste = link(
        tree.commune_a, UtilityKind.WASTE, "Công ty Môi trường", collection_days="0,3"
    )
    u.waste_1 = link(
        tree.group_1, UtilityKind.WASTE, "Tổ thu gom số 1", collection_days="1,4"
    )
    u.school_b = link(tree.commune_b, UtilityKind.SCHOOL, "Trường Tiểu học Thôn Đông")
    return u


def test_weekday_set_validation():
    for good in ["", "0", "1,3,5", "6"]:
        validate_weekday_set(good)
    for bad in ["7", "1,1", "1;3", "a", ",", "1,"]:
        with pytest.raises(ValidationError):
            validate_weekday_set(bad)


def test_collection_days_only_for_waste(tree):
    entry = UtilityLink(
        area=tree.commune_a, kind=UtilityKind.WATER, name="Nước", collection_days="1"
    )
    with pytest.raises(ValidationError):
        entry.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        entry.save()


def test_next_collection_day_wraps_the_week(tree):
    waste = link(tree.group_1, UtilityKind.WASTE, "Thu gom", collection_days="1,4")
    # 2026-11-30 is a Monday
    assert waste.next_collection(date(2026, 11, 30)) == date(2026, 12, 1)  # Tue
    assert waste.next_collection(date(2026, 12, 1)) == date(2026, 12, 1)  # same day
    assert waste.next_collection(date(2026, 12, 4)) == date(2026, 12, 4)  # Fri
    assert waste.next_collection(date(2026, 12, 5)) == date(2026, 12, 8)  # Sat → Tue
    assert link(tree.group_2, UtilityKind.WASTE, "Không lịch").next_collection() is None


def test_group_sees_own_and_communes_entries_and_its_own_days(tree, utilities):
    links = utilities_for(tree.group_1)
    assert {x.pk for x in links} == {
        utilities.power.pk,
        utilities.commune_waste.pk,
        utilities.waste_1.pk,
    }
    # the group's own schedule wins over the commune's (Mon, Thu)
    when, entry = next_collection(links, date(2026, 11, 30))
    assert (when, entry.pk) == (date(2026, 12, 1), utilities.waste_1.pk)
    # group 2 has no schedule of its own: the commune's applies
    when, entry = next_collection(utilities_for(tree.group_2), date(2026, 12, 1))
    assert (when, entry.pk) == (date(2026, 12, 3), utilities.commune_waste.pk)
    # a commune shows only its own entries
    assert {x.pk for x in utilities_for(tree.commune_b)} == {utilities.school_b.pk}


def test_public_group_page(client, tree, utilities):
    html = client.get(reverse("directory:utilities_area", args=[tree.group_1.pk]))
    html = html.content.decode()
    assert "Tổ thu gom số 1" in html and "Điện lực Nha Trang" in html
    assert "Next waste collection:" in html
    assert "Trường Tiểu học Thôn Đông" not in html
    assert "Tuesday, Friday" in html


def test_public_commune_page_lists_group_days(client, tree, utilities):
    html = client.get(reverse("directory:utilities_area", args=[tree.commune_a.pk]))
    html = html.content.decode()
    assert "Waste collection days by residential group" in html
    assert "Tổ dân phố 1" in html and "Tổ thu gom số 1" in html
    index = client.get(reverse("directory:utilities")).content.decode()
    assert reverse("directory:utilities_area", args=[tree.group_b.pk]) in index


def test_unknown_or_unpublished_area_is_404(client, tree):
    assert (
        client.get(reverse("directory:utilities_area", args=[999999])).status_code
        == 404
    )
    tree.group_2.unpublish()
    url = reverse("directory:utilities_area", args=[tree.group_2.pk])
    assert client.get(url).status_code == 404


def test_area_page_shows_the_next_collection(client, tree, utilities):
    html = client.get(tree.group_1.url).content.decode()
    assert "Tổ thu gom số 1" in html
    assert reverse("directory:utilities_area", args=[tree.group_1.pk]) in html


def form(area, **extra):
    data = {
        "area": area.pk,
        "kind": "waste",
        "sort_order": 0,
        "name": "Tổ thu gom rác",
        "phone": "0258 000",
        "website": "",
        "address": "",
        "collection_days": ["2", "5"],
        "notes": "",
    }
    data.update(extra)
    return data


def test_editor_adds_an_entry_for_a_group_of_their_commune(client, tree):
    sign_in(client, tree.editor_a)
    response = client.post(reverse(f"{ADMIN}:add"), form(tree.group_2))
    assert response.status_code == 302, response.content.decode()[-1500:]
    entry = UtilityLink.objects.get()
    assert entry.area.pk == tree.group_2.pk and entry.collection_days == "2,5"
    assert ModelLogEntry.objects.filter(
        action="wagtail.create", object_id=str(entry.pk), user=tree.editor_a
    ).exists()
    page = client.get(reverse(f"{ADMIN}:edit", args=[entry.pk])).content.decode()
    ticked = re.findall(r'name="collection_days" value="(\d)"[^>]*checked', page)
    assert ticked == ["2", "5"]


def test_editor_cannot_touch_another_communes_entries(client, tree, utilities):
    sign_in(client, tree.editor_a)
    html = client.get(reverse(f"{ADMIN}:index")).content.decode()
    assert "Điện lực Nha Trang" in html and "Trường Tiểu học Thôn Đông" not in html
    edit = reverse(f"{ADMIN}:edit", args=[utilities.school_b.pk])
    assert client.get(edit).status_code == 404
    response = client.post(reverse(f"{ADMIN}:add"), form(tree.group_b))
    assert response.status_code == 200  # the area is not among the choices
    assert not UtilityLink.objects.filter(area=tree.group_b).exists()
    delete = reverse(f"{ADMIN}:delete", args=[utilities.school_b.pk])
    assert client.post(delete).status_code == 404
    assert UtilityLink.objects.filter(pk=utilities.school_b.pk).exists()


def test_leaders_and_residents_have_no_utility_admin(client, tree):
    sign_in(client, tree.leader_1)
    assert_refused_by_admin(client.get(reverse(f"{ADMIN}:index")))
    assert_refused_by_admin(client.post(reverse(f"{ADMIN}:add"), form(tree.group_1)))
    assert not UtilityLink.objects.exists()


def test_days_on_a_non_waste_entry_are_refused_in_the_admin(client, tree):
    sign_in(client, tree.editor_a)
    response = client.post(reverse(f"{ADMIN}:add"), form(tree.group_1, kind="water"))
    assert response.status_code == 200
    # the admin speaks the user's language; check the error, not its wording
    assert "collection_days" in response.context["form"].errors
    assert not UtilityLink.objects.exists()
