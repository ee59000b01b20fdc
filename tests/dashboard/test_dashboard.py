"""The rollout dashboard: figures checked against counts made here by hand."""

from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from civic.dashboard.rollout import rollout
from civic.people.models import Household, Residency, ResidencyStatus
from civic.support import actions

from ..conftest import make_user
from .conftest import make_point


def populate(tree, svc):
    """Commune A: 2 groups (both led), 3 households (2 verified), 4 residents of
    which 3 verified; 2 open points + 1 closed. Commune B: 1 group (led), 1 point,
    1 household without anyone verified."""
    h1 = Household.objects.create(area=tree.group_1, address="1 Hà Ra")
    h2 = Household.objects.create(area=tree.group_2, address="2 Đặng Tất")
    Household.objects.create(area=tree.group_2, address="3 Đặng Tất")
    hb = Household.objects.create(area=tree.group_b, address="1 Thôn Đông")
    for i, (household, status) in enumerate(
        [
            (h1, ResidencyStatus.VERIFIED),
            (h1, ResidencyStatus.VERIFIED),
            (h2, ResidencyStatus.VERIFIED),
            (h2, ResidencyStatus.PENDING),
            (hb, ResidencyStatus.PENDING),
            (hb, ResidencyStatus.REJECTED),
        ]
    ):
        user = make_user(f"Cư dân {i}", f"09110000{i:02d}")
        Residency.objects.create(user=user, household=household, status=status)
    make_point(tree.commune_a, "Điểm 2", 12.26, 109.19, [(0, time(8), time(11))])
    make_point(tree.commune_a, "Điểm đóng", 12.26, 109.19, [], is_open=False)
    actions.record_session(
        tree.helper_a, svc.point_a, "Hỗ trợ", True, resident_name="A"
    )
    actions.record_session(
        tree.helper_a, svc.point_a, "Hỗ trợ", True, resident_name="B"
    )
    actions.record_session(svc.helper_b, svc.point_b, "Hỗ trợ", True, resident_name="C")


def test_figures_match_independent_counts(tree, svc):
    populate(tree, svc)
    figures = rollout()
    rows = {r.commune.title: r for r in figures["rows"]}
    a, b = rows["Phường A"], rows["Xã B"]

    def verified_households(commune):
        return (
            Household.objects.filter(
                area__path__startswith=commune.path,
                residencies__status=ResidencyStatus.VERIFIED,
            )
            .distinct()
            .count()
        )

    for row, commune in ((a, tree.commune_a), (b, tree.commune_b)):
        assert row.points_open == commune.support_points.filter(is_open=True).count()
        assert (
            row.households
            == Household.objects.filter(area__path__startswith=commune.path).count()
        )
        assert row.households_verified == verified_households(commune)
        assert (
            row.residents_verified
            == Residency.objects.filter(
                household__area__path__startswith=commune.path,
                status=ResidencyStatus.VERIFIED,
            ).count()
        )
    assert (a.points_open, a.groups, a.groups_with_leader) == (2, 2, 2)
    assert (a.residents_registered, a.residents_verified) == (4, 3)
    assert (a.households, a.households_verified, a.households_verified_share) == (
        3,
        2,
        67,
    )
    assert a.meets_target and not b.meets_target
    assert (b.points_open, b.residents_registered, b.households_verified_share) == (
        1,
        1,
        0,
    )
    month = timezone.localdate().replace(day=1)
    assert a.sessions == {month: 2} and b.sessions == {month: 1}
    total = figures["total"]
    assert total.points_open == 3 and total.sessions[month] == 3
    assert figures["communes"] == 2
    assert figures["communes_with_point"] == 2
    assert figures["communes_on_target"] == 1


def test_the_target_is_configurable(settings, tree, svc):
    settings.SUPPORT_POINT_TARGET = (1, 3)
    figures = rollout()
    assert figures["target"] == (1, 3) and figures["communes_on_target"] == 2


def test_a_commune_without_anything(tree):
    figures = rollout()
    assert figures["communes_with_point"] == 0
    row = figures["rows"][0]
    assert row.households_verified_share is None and not row.meets_target


def test_dashboard_page_shows_table_and_svg(client, tree, svc):
    populate(tree, svc)
    html = client.get(reverse("dashboard:rollout")).content.decode()
    assert "2 of 2 communes have a support point; 1 reach the target" in html
    assert "<svg" in html and 'role="img"' in html
    assert "Phường A" in html and "2 / 3 (67%)" in html


# --- poll participation and feedback -------------------------------------------------


def households_with_verified(area):
    return (
        Household.objects.filter(
            area__path__startswith=area.path,
            residencies__status=ResidencyStatus.VERIFIED,
        )
        .distinct()
        .count()
    )


def populate_polls(tree):
    """group_1: 4 households with a verified representative, 3 vote in a household
    decision; commune A consultation: 2 of its verified residents vote; group_b: a
    household decision where nobody votes; an old poll outside the window."""
    from civic.polls.actions import cast_ballot, close_poll
    from civic.polls.models import PollKind

    from ..polls.conftest import make_poll, resident

    reps = []
    for i in range(4):
        h = Household.objects.create(area=tree.group_1, address=f"{i} Hà Ra")
        reps.append(resident(f"Đại diện {i}", f"09130000{i:02d}", h, rep=True))
    h5 = Household.objects.create(area=tree.group_2, address="5 Đặng Tất")
    rep5 = resident("Đại diện 5", "0913000005", h5, rep=True)
    resident("Chờ", "0913000006", h5, ResidencyStatus.PENDING)  # pending: not eligible
    Household.objects.create(area=tree.group_2, address="trống")  # nobody verified
    hb = Household.objects.create(area=tree.group_b, address="1 Thôn Đông")
    resident("Đại diện B", "0913000007", hb, rep=True)

    decision = make_poll(tree.group_1, PollKind.HOUSEHOLD)
    approve = decision.choices.get(meaning="approve").pk
    for rep in reps[:3]:
        cast_ballot(rep, decision, [approve])
    close_poll(tree.leader_1, decision)

    consultation = make_poll(tree.commune_a)
    for voter in (reps[0], rep5):
        cast_ballot(voter, consultation, [consultation.choices.first().pk])
    close_poll(tree.editor_a, consultation)

    empty = make_poll(tree.group_b, PollKind.HOUSEHOLD)
    close_poll(tree.leader_b, empty)

    old = make_poll(tree.group_1, PollKind.HOUSEHOLD, title="Cũ")
    cast_ballot(reps[3], old, [old.choices.get(meaning="approve").pk])
    close_poll(tree.leader_1, old)
    old.result.__class__.objects.filter(poll=old).update(
        closed_at=timezone.now() - timedelta(days=400)
    )
    return decision, consultation, empty


def test_poll_participation_matches_independent_counts(tree):
    from civic.polls.models import Participation

    decision, consultation, empty = populate_polls(tree)
    figures = rollout()
    rows = {r.commune.title: r for r in figures["rows"]}
    a, b = rows["Phường A"], rows["Xã B"]

    voted_households = (
        Participation.objects.filter(poll=decision).values("household").distinct()
    ).count()
    assert (a.household_polls, a.household_votes) == (1, voted_households) == (1, 3)
    assert a.household_eligible == households_with_verified(tree.group_1) == 4
    assert a.household_participation == round(100 * 3 / 4)

    ballots = Participation.objects.filter(poll=consultation).count()
    verified_in_a = Residency.objects.filter(
        household__area__path__startswith=tree.commune_a.path,
        status=ResidencyStatus.VERIFIED,
    ).count()
    assert (a.consultations, a.consultation_ballots) == (1, ballots) == (1, 2)
    assert a.consultation_eligible == verified_in_a == 5
    assert a.consultation_participation == 40

    assert (b.household_polls, b.household_votes, b.household_eligible) == (1, 0, 1)
    assert b.household_participation == 0
    assert b.consultations == 0 and b.consultation_participation is None

    total = figures["total"]
    assert (total.household_votes, total.household_eligible) == (3, 5)
    assert total.household_participation == 60


@pytest.fixture
def without_feedback():
    """The dashboard as on a site without civic.feedback: its figures unregistered."""
    from civic.core.figures import register_figures, unregister_figures

    removed = unregister_figures("feedback")
    yield
    register_figures(removed)


def test_an_app_not_installed_has_no_column(client, tree, without_feedback):
    figures = rollout()
    assert "feedback_on_time" not in figures["total"].values
    assert all(not hasattr(r, "feedback_on_time") for r in figures["rows"])
    html = client.get(reverse("dashboard:rollout")).content.decode()
    assert "Feedback answered on time" not in html
    assert "Support points open" in html


def test_every_registered_app_has_its_columns(client, tree):
    from civic.core.figures import registered

    assert [f.key for f in registered()] == ["support", "people", "polls", "feedback"]
    html = client.get(reverse("dashboard:rollout")).content.decode()
    assert html.count('<th scope="col">') >= 10


def test_feedback_rate_per_commune_and_for_the_province(monkeypatch, tree):
    """The share from civic.feedback.stats.on_time_rate becomes a percentage, per
    commune and for all communes counted together."""
    from civic.feedback import stats

    asked = []

    def on_time_rate(areas):
        if isinstance(areas, list):
            asked.append(sorted(a.pk for a in areas))
            return 0.6
        asked.append(areas.pk)
        return 0.75 if areas.pk == tree.commune_a.pk else None

    monkeypatch.setattr(stats, "on_time_rate", on_time_rate)
    figures = rollout()
    rows = {r.commune.pk: r for r in figures["rows"]}
    assert rows[tree.commune_a.pk].feedback_on_time == 75.0
    assert rows[tree.commune_b.pk].feedback_on_time is None
    assert figures["total"].feedback_on_time == 60.0
    assert sorted([tree.commune_a.pk, tree.commune_b.pk]) in asked


def test_feedback_rate_counted_from_real_reports(tree):
    """Against the feedback app itself: 2 of 3 resolved reports on time → 67 %."""
    from datetime import timedelta

    from django.utils import timezone

    from civic.feedback.models import Report

    now = timezone.now()
    group = tree.group_1
    for i, late in enumerate([False, False, True]):
        Report.objects.create(
            area=group,
            commune=tree.commune_a,
            reporter=tree.resident,
            category="environment",
            title=f"Rác tồn đọng {i}",
            description="Rác chưa được thu gom",
            status="resolved",
            created_at=now - timedelta(days=3),
            accepted_at=now - timedelta(days=3) + timedelta(hours=1),
            accept_due=now - timedelta(days=2),
            resolve_due=now - timedelta(days=1),
            resolved_at=now if late else now - timedelta(days=2),
        )
    rows = {r.commune.pk: r for r in rollout()["rows"]}
    assert rows[tree.commune_a.pk].feedback_on_time == round(100 * 2 / 3, 1)
    assert rows[tree.commune_b.pk].feedback_on_time is None
