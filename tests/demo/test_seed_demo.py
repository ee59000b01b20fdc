"""``seed_demo``: one command loads the whole demo (the ward, its services and its
meetings) with progress lines; a second run adds nothing. The suite's one full seed
(the services and meetings parts alone: tests/services, tests/meetings)."""

from django.core.management import call_command, get_commands
from wagtail.models import PageLogEntry

from civic.meetings.models import Meeting, Minutes, MinutesStatus
from civic.people.models import Household, Residency, Role, RoleKind, User
from civic.services.models import Procedure, SupportPoint, UtilityLink
from content.models import AreaPage, NewsPage, NoticePage


def test_seed_demo_is_the_one_seed_command():
    assert sorted(name for name in get_commands() if "seed" in name) == ["seed_demo"]
    assert get_commands()["seed_demo"] == "demo"


def counts():
    models = [User, AreaPage, Procedure, SupportPoint, UtilityLink, Meeting, Minutes]
    return {m.__name__: m.objects.count() for m in models + [PageLogEntry]}


def test_demo_ward_is_built_once(db, capsys):
    call_command("seed_demo")
    ward = AreaPage.objects.get(slug="phuong-bac-nha-trang")
    assert ward.is_commune
    groups = AreaPage.objects.child_of(ward)
    assert [g.title for g in groups] == [f"Tổ dân phố {i}" for i in range(1, 9)]
    assert NewsPage.objects.live().count() >= 30
    assert NoticePage.objects.live().count() >= 20
    assert NoticePage.objects.filter(live=False).count() == 1  # awaiting review
    assert Role.objects.filter(kind=RoleKind.GROUP_LEADER).count() == 8
    assert Role.objects.filter(kind=RoleKind.COMMUNE_EDITOR).count() == 2
    assert Role.objects.filter(kind=RoleKind.HELPER).count() == 1
    assert Residency.objects.filter(status="pending").exists()
    assert all(h.representative_id for h in Household.objects.all())
    # the services and the meetings come with the same command
    assert Procedure.objects.filter(area=ward).count() == 8
    assert SupportPoint.objects.filter(area=ward).count() == 2
    assert Meeting.objects.filter(area=ward, kind="dialogue").count() == 1
    assert Meeting.objects.filter(area__in=groups).count() == 16
    assert Minutes.objects.filter(status=MinutesStatus.PUBLISHED).count() == 8
    out = capsys.readouterr().out
    assert "khudancu-demo" in out and "0935000201" in out
    progress = [line for line in out.splitlines() if line.startswith("  … ")]
    assert "  … 8 residential groups" in progress
    assert "  … importing 8 public service procedures" in progress
    assert "  … meetings of Tổ dân phố 8" in progress

    before = counts()
    call_command("seed_demo")
    assert counts() == before
    assert "already" in capsys.readouterr().out
