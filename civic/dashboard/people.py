"""The core's figures on the dashboard: residential groups with a leader,
residents registered and verified, verified households (``civic.people``)."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from civic.core.figures import Column, Figures, Section, bar_chart, share
from civic.people.models import Household, Residency, ResidencyStatus, Role, RoleKind
from content.models import GROUP_KINDS, AreaPage


def collect(rollout):
    for path in (
        AreaPage.objects.live()
        .filter(kind__in=GROUP_KINDS)
        .values_list("path", flat=True)
    ):
        if (row := rollout.row_for(path)) is not None:
            row.add("groups", 1)
    led = (
        Role.objects.filter(
            kind=RoleKind.GROUP_LEADER,
            user__is_active=True,
            area__live=True,
            area__kind__in=GROUP_KINDS,
        )
        .values_list("area__path", flat=True)
        .distinct()
    )
    for path in led:
        if (row := rollout.row_for(path)) is not None:
            row.add("groups_with_leader", 1)
    for row in rollout.lines():
        for name in (
            "groups",
            "groups_with_leader",
            "residents_registered",
            "residents_verified",
            "households",
            "households_verified",
        ):
            row.add(name, 0)
    for path, status, n in (
        Residency.objects.filter(
            status__in=[ResidencyStatus.PENDING, ResidencyStatus.VERIFIED]
        )
        .values_list("household__area__path", "status")
        .annotate(n=Count("pk"))
    ):
        if (row := rollout.row_for(path)) is not None:
            row.add("residents_registered", n)
            if status == ResidencyStatus.VERIFIED:
                row.add("residents_verified", n)
    for path, n in Household.objects.values_list("area__path").annotate(n=Count("pk")):
        if (row := rollout.row_for(path)) is not None:
            row.add("households", n)
    for path, n in (
        Household.objects.filter(residencies__status=ResidencyStatus.VERIFIED)
        .values_list("area__path")
        .annotate(n=Count("pk", distinct=True))
    ):
        if (row := rollout.row_for(path)) is not None:
            row.add("households_verified", n)


def charts(figures):
    rows = figures["rows"]
    return {
        "chart": bar_chart(
            [(r.commune.title, r.households_verified_share or 0) for r in rows],
            maximum=100,
        )
    }


FIGURES = Figures(
    key="people",
    order=20,
    collect=collect,
    derived={
        "households_verified_share": lambda r: share(
            r.households_verified, r.households
        ),
        "groups_covered_share": lambda r: share(r.groups_with_leader, r.groups),
    },
    columns=[
        Column(20, _("Groups with a leader"), "dashboard/_fig_groups.html"),
        Column(21, _("Residents registered"), "dashboard/_fig_registered.html"),
        Column(22, _("Residents verified"), "dashboard/_fig_verified.html"),
        Column(23, _("Verified households"), "dashboard/_fig_households.html"),
    ],
    sections=[Section(20, "dashboard/_fig_households_chart.html", charts)],
)
