"""The services admin: editors manage their own commune's procedures and points."""

from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from civic.services.models import Procedure
from civic.support.models import SupportPoint

from ..factories import assert_refused_by_admin
from .conftest import make_procedure, sign_in


def url(viewset, view, *args):
    return reverse(f"{viewset}:{view}", args=args)


PROCEDURES = "procedures_admin"
POINTS = "support_points_admin"


def procedure_form(area, code="1.001234", **extra):
    data = {
        "area": area.pk,
        "code": code,
        "level": "full",
        "name": "Cấp bản sao trích lục hộ tịch",
        "field": "civil_status",
        "authority": "UBND phường",
        "processing_time": "Trong ngày",
        "fee": "8.000 đồng/bản",
        "documents": "Tờ khai",
        "portal_url": "https://dichvucong.gov.vn/",
    }
    data.update(extra)
    return data


def test_editor_sees_and_edits_only_their_communes_procedures(client, tree, svc):
    foreign = make_procedure(tree.commune_b, code="1.007777", name="Thủ tục của xã B")
    sign_in(client, tree.editor_a)
    html = client.get(url(PROCEDURES, "index")).content.decode()
    assert svc.birth_reg.name in html and foreign.name not in html
    assert client.get(url(PROCEDURES, "edit", foreign.pk)).status_code == 404
    response = client.post(
        url(PROCEDURES, "edit", foreign.pk), procedure_form(tree.commune_a)
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.area.pk == tree.commune_b.pk
    assert client.post(url(PROCEDURES, "delete", foreign.pk)).status_code == 404
    assert Procedure.objects.filter(pk=foreign.pk).exists()


def test_editor_creates_a_procedure_and_it_is_logged(client, tree, svc):
    sign_in(client, tree.editor_a)
    response = client.post(url(PROCEDURES, "add"), procedure_form(tree.commune_a))
    assert response.status_code == 302, response.content.decode()[-2000:]
    procedure = Procedure.objects.get(code="1.001234")
    assert ModelLogEntry.objects.filter(
        action="wagtail.create", object_id=str(procedure.pk), user=tree.editor_a
    ).exists()


def test_bad_code_and_another_commune_are_refused(client, tree, svc):
    sign_in(client, tree.editor_a)
    response = client.post(
        url(PROCEDURES, "add"), procedure_form(tree.commune_a, "1.1")
    )
    assert response.status_code == 200
    # the admin speaks the user's language; check the error, not its wording
    assert "code" in response.context["form"].errors
    response = client.post(url(PROCEDURES, "add"), procedure_form(tree.commune_b))
    assert response.status_code == 200
    # the same code twice in one commune
    response = client.post(
        url(PROCEDURES, "add"), procedure_form(tree.commune_a, svc.birth_reg.code)
    )
    assert response.status_code == 200
    assert Procedure.objects.count() == 2


def test_helpers_and_residents_have_no_directory_admin(client, tree, svc):
    for user in (tree.helper_a, tree.leader_1):
        sign_in(client, user)
        assert_refused_by_admin(client.get(url(PROCEDURES, "index")))
        assert_refused_by_admin(
            client.post(url(PROCEDURES, "add"), procedure_form(tree.commune_a))
        )
    assert Procedure.objects.count() == 2


def point_form(area, helpers=(), hours=()):
    form = nested_form_data(
        {
            "area": area.pk,
            "name": "Điểm hỗ trợ Nhà văn hóa tổ 3",
            "address": "12 Đặng Tất",
            "latitude": "12.270100",
            "longitude": "109.201000",
            "phone": "0258 3831 111",
            "slot_minutes": "30",
            "is_open": "on",
            "opened_on": "",
            "services": "Đăng ký khai sinh\nCài đặt VNeID",
            "opening_hours": inline_formset(
                [{"weekday": d, "opens": o, "closes": c} for d, o, c in hours]
            ),
        }
    )
    form["helpers"] = [h.pk for h in helpers]
    return form


def test_editor_creates_a_point_with_hours_and_helpers(client, tree, svc):
    sign_in(client, tree.editor_a)
    response = client.post(
        url(POINTS, "add"),
        point_form(
            tree.commune_a,
            [tree.helper_a],
            [(0, "07:30", "11:30"), (5, "18:00", "02:00")],
        ),
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    point = SupportPoint.objects.get(name="Điểm hỗ trợ Nhà văn hóa tổ 3")
    assert list(point.helpers.all()) == [tree.helper_a]
    assert point.opening_hours.count() == 2


def test_a_helper_of_another_commune_cannot_be_put_on_duty(client, tree, svc):
    sign_in(client, tree.admin)
    response = client.post(
        url(POINTS, "add"), point_form(tree.commune_a, [svc.helper_b], [])
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["helpers"]
    assert svc.helper_b.display_name in errors[0]
    assert not SupportPoint.objects.filter(name="Điểm hỗ trợ Nhà văn hóa tổ 3").exists()


def test_life_events_are_kept_by_the_administrator(client, tree, svc):
    sign_in(client, tree.editor_a)
    assert_refused_by_admin(client.get(url("life_events_admin", "index")))
    sign_in(client, tree.admin)
    html = client.get(url("life_events_admin", "index")).content.decode()
    assert "Sinh con" in html


def test_a_point_with_sessions_is_not_deleted(client, tree, svc):
    from civic.support import actions

    actions.record_session(tree.helper_a, svc.point_a, "x", True, resident_name="y")
    sign_in(client, tree.editor_a)
    response = client.post(url(POINTS, "delete", svc.point_a.pk), follow=True)
    assert response.status_code == 200
    assert SupportPoint.objects.filter(pk=svc.point_a.pk).exists()
