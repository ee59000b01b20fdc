"""CSV import: every row validated, a report of rejected rows, all or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import PageLogEntry

from civic.core.errors import ActionForbidden
from civic.services.actions import import_procedures
from civic.services.models import Procedure

from ..factories import assert_refused_by_admin
from .conftest import sign_in

HEADER = "code,name,field,level,authority,processing_time,fee,documents,portal_url,life_events\n"
PORTAL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html"
GOOD = [
    f'1.001193,Đăng ký khai sinh,civil_status,toàn trình,UBND phường,Trong ngày,Miễn phí,"Tờ khai; Giấy chứng sinh",{PORTAL},khai-sinh\n',
    f"1.000894,Đăng ký kết hôn,civil_status,partial,UBND phường,3 ngày,Miễn phí,Tờ khai,{PORTAL},ket-hon\n",
    f'1.000948.H38,Đăng ký thường trú,residence,một phần,Công an phường,7 ngày,"20.000 đồng",,{PORTAL},chuyen-noi-o;khai-sinh\n',
]


def csv_bytes(*rows):
    return (HEADER + "".join(rows)).encode("utf-8")


def test_good_file_is_imported_with_life_events(tree):
    report = import_procedures(tree.editor_a, tree.commune_a, csv_bytes(*GOOD))
    assert report.ok and report.created == 3 and report.updated == 0
    residence = Procedure.objects.get(code="1.000948.H38")
    assert residence.area.pk == tree.commune_a.pk
    assert residence.level == "partial" and residence.fee == "20.000 đồng"
    assert set(residence.life_events.values_list("slug", flat=True)) == {
        "chuyen-noi-o",
        "khai-sinh",
    }
    birth = Procedure.objects.get(code="1.001193")
    assert birth.level == "full"
    assert birth.document_lines == ["Tờ khai", "Giấy chứng sinh"]
    entry = PageLogEntry.objects.get(action="kdcdt.procedures.import")
    assert entry.user_id == tree.editor_a.pk
    assert entry.data == {"created": 3, "updated": 0}


def test_a_second_import_updates_by_code(tree):
    import_procedures(tree.editor_a, tree.commune_a, csv_bytes(*GOOD))
    changed = GOOD[1].replace("3 ngày", "5 ngày")
    report = import_procedures(tree.editor_a, tree.commune_a, csv_bytes(changed))
    assert report.ok and report.created == 0 and report.updated == 1
    assert Procedure.objects.get(code="1.000894").processing_time == "5 ngày"
    assert Procedure.objects.count() == 3


BAD_ROWS = [
    (f"1.00119,Sai mã,civil_status,full,UBND,,,,{PORTAL},\n", "1.001193"),
    (f"1.002000,Lĩnh vực lạ,astrology,full,UBND,,,,{PORTAL},\n", "astrology"),
    (f"1.002001,Mức lạ,civil_status,nửa vời,UBND,,,,{PORTAL},\n", "nửa vời"),
    ("1.002002,Không có link,civil_status,full,UBND,,,,not-a-url,\n", "URL"),
    (
        f"1.002003,Sự kiện lạ,civil_status,full,UBND,,,,{PORTAL},du-hanh-vu-tru\n",
        "du-hanh-vu-tru",
    ),
    (f"1.002004,,civil_status,full,UBND,,,,{PORTAL},\n", "blank"),
    (f"1.001193,Trùng mã,civil_status,full,UBND,,,,{PORTAL},\n", "line 2"),
    (f"1.002005,Thừa ô,civil_status,full,UBND,,,,{PORTAL},,thừa\n", "more cells"),
]


def test_bad_rows_are_reported_and_nothing_is_imported(tree):
    rows = [GOOD[0]] + [row for row, _ in BAD_ROWS] + [GOOD[1]]
    report = import_procedures(tree.editor_a, tree.commune_a, csv_bytes(*rows))
    assert not report.ok
    assert Procedure.objects.count() == 0  # not even the good rows
    assert [r.line for r in report.rejected] == list(range(3, 3 + len(BAD_ROWS)))
    for rejected, (_, expected) in zip(report.rejected, BAD_ROWS, strict=True):
        assert any(expected in e for e in rejected.errors), rejected.errors
    assert report.created == 0
    assert not PageLogEntry.objects.filter(action="kdcdt.procedures.import").exists()


@pytest.mark.parametrize(
    "data,expected",
    [
        (b"code,name\n1.001193,x\n", "missing"),
        (csv_bytes(*GOOD).decode().encode("utf-16"), "UTF-8"),
        (HEADER.encode(), "no procedures"),
        (b"", "missing"),
    ],
)
def test_unusable_files_are_refused(tree, data, expected):
    report = import_procedures(tree.editor_a, tree.commune_a, data)
    assert not report.ok
    assert any(expected in e for e in report.file_errors), report.file_errors
    assert Procedure.objects.count() == 0


def test_only_the_communes_editor_imports(tree):
    for user in (tree.editor_b, tree.helper_a, tree.leader_1, tree.resident):
        with pytest.raises(ActionForbidden):
            import_procedures(user, tree.commune_a, csv_bytes(*GOOD))
    assert Procedure.objects.count() == 0


def upload(data, name="thu-tuc.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_admin_import_view_reports_rejected_rows(client, tree):
    sign_in(client, tree.editor_a)
    url = reverse("procedures_import:index")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"area": tree.commune_a.pk, "file": upload(csv_bytes(GOOD[0], BAD_ROWS[0][0]))},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "1.00119" in html
    report = response.context["report"]
    assert not report.ok and [r.code for r in report.rejected] == ["1.00119"]
    assert Procedure.objects.count() == 0
    response = client.post(
        url, {"area": tree.commune_a.pk, "file": upload(csv_bytes(*GOOD))}
    )
    assert response.status_code == 200
    assert response.context["report"].created == 3
    assert Procedure.objects.filter(area=tree.commune_a).count() == 3


def test_admin_import_view_refuses_another_commune(client, tree):
    sign_in(client, tree.editor_b)
    response = client.post(
        reverse("procedures_import:index"),
        {"area": tree.commune_a.pk, "file": upload(csv_bytes(*GOOD))},
    )
    assert response.status_code == 400  # commune_a is not among the choices
    assert Procedure.objects.count() == 0
    sign_in(client, tree.helper_a)
    response = client.get(reverse("procedures_import:index"))
    assert_refused_by_admin(response)


def test_cells_are_cleaned_like_typed_text(tree):
    # "Đăng ký" typed as NFD, a NUL (PostgreSQL refuses it), a bidi override
    row = (
        "1.001193,\u0110a\u0306ng\x00 ky\u0301\u202e  khai sinh,civil_status,full,"
        f"UBND\x07 phường,,,Tờ khai\x00;  Giấy chứng sinh ,{PORTAL},\n"
    )
    report = import_procedures(tree.editor_a, tree.commune_a, csv_bytes(row))
    assert report.ok, report.rejected
    birth = Procedure.objects.get(code="1.001193")
    assert birth.name == "Đăng ký khai sinh"
    assert birth.authority == "UBND phường"
    assert birth.document_lines == ["Tờ khai", "Giấy chứng sinh"]
