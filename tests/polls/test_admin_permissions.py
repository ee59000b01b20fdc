"""The polls admin: leaders manage their group's polls, editors their commune's."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from civic.polls.actions import cast_ballot
from civic.polls.models import Poll, PollKind

from ..conftest import fresh
from ..factories import assert_refused_by_admin, assert_sent_to_admin_login
from .conftest import ids, make_poll, sign_in


def poll_form(
    area, kind="consultation", choices=("Sáng thứ Bảy", "Chiều Chủ nhật"), **extra
):
    data = {
        "area": area.pk,
        "title": "Chọn ngày tổng vệ sinh",
        "description": "",
        "kind": kind,
        "legal_basis": "",
        "opens_at": "2026-12-01 07:00",
        "closes_at": "2026-12-07 20:00",
        "max_choices": "1",
        "results_visibility": "after_voting",
        "secret": "on",
        "choices": inline_formset(
            [{"label": label, "meaning": ""} for label in choices]
        ),
    }
    data.update(extra)
    return nested_form_data(data)


def test_leader_creates_a_poll_for_their_group(client, tree):
    sign_in(client, tree.leader_1)
    response = client.post(reverse("polls_admin:add"), poll_form(tree.group_1))
    assert response.status_code == 302, response.content.decode()[-3000:]
    poll = Poll.objects.get()
    assert poll.area.pk == tree.group_1.pk
    assert poll.created_by == tree.leader_1
    assert list(poll.choices.values_list("label", flat=True)) == [
        "Sáng thứ Bảy",
        "Chiều Chủ nhật",
    ]
    # aware datetimes in Asia/Ho_Chi_Minh: 07:00 there is 00:00 UTC
    assert poll.opens_at.isoformat() == "2026-12-01T00:00:00+00:00"


def test_household_decision_gets_yes_no_abstain(client, tree):
    sign_in(client, tree.leader_1)
    response = client.post(
        reverse("polls_admin:add"),
        poll_form(tree.group_1, kind="household", choices=()),
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    poll = Poll.objects.get()
    assert poll.kind == PollKind.HOUSEHOLD
    assert [c.meaning for c in poll.choices.all()] == ["approve", "reject", "abstain"]


def test_leader_cannot_create_in_another_group(client, tree):
    sign_in(client, tree.leader_1)
    response = client.post(reverse("polls_admin:add"), poll_form(tree.group_2))
    assert response.status_code == 200
    assert not Poll.objects.exists()
    form = response.context["form"]
    assert "area" in form.errors
    areas = set(form.fields["area"].queryset.values_list("pk", flat=True))
    assert areas == {tree.group_1.pk}


def test_editor_chooses_among_the_commune_and_its_groups(client, tree):
    sign_in(client, tree.editor_a)
    response = client.get(reverse("polls_admin:add"))
    assert response.status_code == 200
    areas = set(
        response.context["form"].fields["area"].queryset.values_list("pk", flat=True)
    )
    assert areas == {tree.commune_a.pk, tree.group_1.pk, tree.group_2.pk}


def test_secret_and_changeable_is_a_form_error(client, tree):
    sign_in(client, tree.leader_1)
    response = client.post(
        reverse("polls_admin:add"), poll_form(tree.group_1, allow_change="on")
    )
    assert response.status_code == 200
    assert "allow_change" in response.context["form"].errors
    assert not Poll.objects.exists()


def test_listing_and_editing_are_limited_to_own_areas(client, tree):
    mine = make_poll(tree.group_1)
    theirs = make_poll(tree.group_2)
    other_commune = make_poll(tree.group_b)
    sign_in(client, tree.leader_1)
    response = client.get(reverse("polls_admin:index"))
    assert response.status_code == 200
    listed = {p.pk for p in response.context["object_list"]}
    assert listed == {mine.pk}
    assert client.get(reverse("polls_admin:edit", args=[mine.pk])).status_code == 200
    for poll in (theirs, other_commune):
        response = client.get(reverse("polls_admin:edit", args=[poll.pk]))
        assert response.status_code == 404
        response = client.post(reverse("polls_admin:delete", args=[poll.pk]))
        assert response.status_code == 404
    assert Poll.objects.count() == 3

    sign_in(client, tree.editor_a)
    listed = {
        p.pk for p in client.get(reverse("polls_admin:index")).context["object_list"]
    }
    assert listed == {mine.pk, theirs.pk}


def test_a_poll_with_ballots_is_not_edited_any_more(client, tree, people):
    poll = make_poll(tree.group_1)
    cast_ballot(people.reps[0], poll, ids(poll, "A"))
    sign_in(client, tree.leader_1)
    response = client.post(
        reverse("polls_admin:edit", args=[poll.pk]), poll_form(tree.group_1)
    )
    assert_refused_by_admin(response)
    poll.refresh_from_db()
    assert list(poll.choices.values_list("label", flat=True)) == ["A", "B", "C"]


@pytest.mark.parametrize("who", ["resident", "helper_a"])
def test_people_without_the_role_get_no_polls_admin(client, tree, who):
    sign_in(client, getattr(tree, who))
    response = client.get(reverse("polls_admin:add"))
    if who == "helper_a":  # the admin, but not the polls
        assert_refused_by_admin(response)
    else:  # no admin at all
        assert_sent_to_admin_login(response)
    assert not Poll.objects.exists()
    user = fresh(getattr(tree, who))
    from civic.polls.permissions import PollPermissionPolicy

    assert not PollPermissionPolicy(Poll).user_has_permission(user, "add")
