"""The services records in the search index: procedures, support points, utility
links, and approved businesses only (never a waiting or rejected proposal)."""

import pytest
from django.urls import reverse
from modelsearch.backends import get_search_backend

from civic.directory import actions as directory
from civic.directory.models import Business, UtilityLink
from civic.services.models import Procedure
from civic.support.models import SupportPoint

from ..directory.test_businesses import propose, verified
from ..directory.test_utilities import link

pytestmark = pytest.mark.search_index


def found(query, model_or_qs):
    backend = get_search_backend()
    return {obj.pk for obj in backend.search(query, model_or_qs, operator="and")}


def test_procedures_points_and_utilities_are_searchable(tree, svc):
    assert found("đăng ký khai sinh", Procedure) >= {svc.birth_reg.pk}
    assert found("1.001193", Procedure) == {svc.birth_reg.pk}
    assert found("dang ky ket hon", Procedure) == {svc.marriage_reg.pk}
    assert found("ket hon", Procedure.objects.filter(area=tree.commune_a)) == {
        svc.marriage_reg.pk
    }
    assert found("hon chong", SupportPoint) == {svc.point_a.pk}
    water = link(tree.group_1, name="Công ty Cấp thoát nước Khánh Hòa")
    assert found("cap thoat nuoc", UtilityLink) == {water.pk}


def test_only_approved_businesses_are_indexed(
    client, tree, django_capture_on_commit_callbacks
):
    lan = verified(tree)
    pending = propose(lan, "Tiệm sửa xe Hùng", offers="Sửa xe máy")
    rejected = propose(lan, "Tiệm sửa xe Dũng", offers="Sửa xe đạp")
    approved = propose(lan, "Tiệm sửa xe Minh", offers="Vá lốp")
    directory.reject_business(tree.leader_1, rejected, "Đã đóng cửa")
    directory.approve_business(tree.leader_1, approved)
    # even without the status filter, the index holds only the approved one
    assert found("tiem sua xe", Business) == {approved.pk}
    html = client.get(reverse("directory:businesses"), {"q": "sua xe"}).content
    html = html.decode()
    assert "Tiệm sửa xe Minh" in html
    assert "Tiệm sửa xe Hùng" not in html and "Tiệm sửa xe Dũng" not in html
    # withdrawing an approved entry takes it out of the index (once committed)
    with django_capture_on_commit_callbacks(execute=True):
        directory.reject_business(tree.leader_1, approved, "Chuyển đi nơi khác")
    assert found("tiem sua xe", Business) == set()
    assert pending.pk not in found("hung", Business)
