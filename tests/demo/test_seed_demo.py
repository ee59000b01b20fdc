from django.core.management import call_command

from civic.people.models import Household, Residency, Role, RoleKind, User
from content.models import AreaPage, NewsPage, NoticePage


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
    users = User.objects.count()
    out = capsys.readouterr().out
    assert "khudancu-demo" in out and "0935000201" in out

    call_command("seed_demo")
    assert User.objects.count() == users
    assert AreaPage.objects.filter(slug="phuong-bac-nha-trang").count() == 1
    assert "already" in capsys.readouterr().out
