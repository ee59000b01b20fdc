"""The rollout dashboard: figures checked against counts made here by hand."""

from datetime import time

from django.urls import reverse
from django.utils import timezone

from civic.people.models import Household, Residency, ResidencyStatus
from civic.services import actions
from civic.services.dashboard import rollout

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
    html = client.get(reverse("services:dashboard")).content.decode()
    assert "2 of 2 communes have a support point; 1 reach the target" in html
    assert "<svg" in html and 'role="img"' in html
    assert "Phường A" in html and "2 / 3 (67%)" in html
