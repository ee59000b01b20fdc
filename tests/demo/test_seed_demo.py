"""The suite's one full ``seed_demo``: the ward, its services, its meetings."""

from django.core.management import call_command
from wagtail.models import PageLogEntry

from civic.directory.models import UtilityLink
from civic.market.models import Listing
from civic.meetings.models import Meeting, Minutes, MinutesStatus
from civic.people.models import Household, Residency, Role, RoleKind, User
from civic.services.models import Procedure
from civic.support.models import SupportPoint
from content.models import AreaPage, NewsPage, NoticePage


def counts():
    models = [User, AreaPage, Procedure, SupportPoint, UtilityLink, Meeting, Minutes]
    models.append(Listing)
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
    assert Listing.objects.shown().filter(area__path__startswith=ward.path).count() == 4
    # the services and the meetings come with the same command
    assert SupportPoint.objects.filter(area=ward).count() == 2
    assert Meeting.objects.filter(area__path__startswith=ward.path).count() == 17
    assert Minutes.objects.filter(status=MinutesStatus.PUBLISHED).count() == 8
    out = capsys.readouterr().out
    assert "khudancu-demo" in out and "0935000201" in out
    assert "  … importing 8 public service procedures\n" in out
    assert "  … meetings of Tổ dân phố 8\n" in out

    users, before = User.objects.count(), counts()
    call_command("seed_demo")
    assert User.objects.count() == users and counts() == before
    assert "already" in capsys.readouterr().out
