"""The demo procedures and support points load through ``seed_demo`` (on a ward
already there: no full seed), twice without duplicates."""

from io import StringIO

from django.core.management import call_command

from civic.directory.models import Business, UtilityLink
from civic.services.models import Procedure
from civic.support.models import SupportPoint
from content.models import AreaKind

from ..conftest import add_area


def test_demo_services_load_idempotently(tree):
    ward = add_area(
        tree.home, "Phường Bắc Nha Trang", AreaKind.WARD, "phuong-bac-nha-trang"
    )
    group = add_area(ward, "Tổ dân phố Vĩnh Phước 1", AreaKind.RESIDENTIAL_GROUP)
    out = StringIO()
    call_command("seed_demo", quiet_accounts=True, stdout=out)
    assert "8 procedures added" in out.getvalue()
    call_command("seed_demo", quiet_accounts=True, stdout=StringIO())
    assert Procedure.objects.filter(area=ward).count() == 8
    assert SupportPoint.objects.filter(area=ward).count() == 2
    assert (
        Procedure.objects.get(code="1.000948.H38").life_events.get().slug == "xay-nha"
    )
    assert UtilityLink.objects.filter(area=ward).count() == 5
    assert UtilityLink.objects.get(area=group).weekdays == [0, 3]
    assert Business.approved.get().area.pk == group.pk
