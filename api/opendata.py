"""Open data: one ZIP a commune, of CSV files and a data dictionary, under
CC BY 4.0 (README, "Open data").

Written every night by the task ``tasks.build_open_data`` (which then enqueues
itself for the next night: see ``tasks.py``) or at once by
``manage.py opendata_export``; served from ``OPEN_DATA_DIR`` at
``/du-lieu-mo/<commune id>.zip`` and linked from the commune's page. Every file
reads the same public querysets as the API and the pages (``v1``'s docstring),
so nothing an anonymous visitor could not see is in it: no reporter, no voter,
no hidden report, no restricted or draft page.
"""

import io
import os
import zipfile
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Q
from django.http import FileResponse, Http404
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from civic.core.csv import writer as csv_writer
from civic.core.ids import parse_id
from civic.feedback.models import OPEN_STATUSES, Category, Status
from civic.feedback.permissions import public_reports
from civic.meetings.actions import published_minutes
from civic.meetings.models import Meeting
from civic.polls.results import public_polls, results_public
from civic.services.views import public_procedures
from civic.support.views import public_points
from content.models import COMMUNE_KINDS, AreaPage, NoticePage, listed

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

#: file name -> [(column, description)]: the data dictionary (README.csv / .md)
DICTIONARY = {
    "notices.csv": [
        ("id", "Notice id (also /api/v1/notices/{id})"),
        ("area_id", "Area (commune or group) the notice belongs to"),
        ("area", "Area name"),
        ("title", "Title"),
        ("category", "Category code"),
        ("posting_starts", "Posted from (YYYY-MM-DD)"),
        ("posting_ends", "Posted until (YYYY-MM-DD, empty: no end)"),
        ("is_urgent", "1 if urgent"),
        ("url", "Page address"),
    ],
    "poll_results.csv": [
        ("poll_id", "Poll id"),
        ("area_id", "Area of the poll"),
        ("question", "The question"),
        ("kind", "consultation or household"),
        ("opens_at", "Opening (ISO 8601)"),
        ("closes_at", "Closing (ISO 8601)"),
        ("final", "1 when the result is final, 0 for figures shown while open"),
        ("participants", "Ballots cast (households for a household decision)"),
        ("eligible", "Who could vote"),
        ("choice", "A choice"),
        ("votes", "Votes for the choice"),
    ],
    "meetings.csv": [
        ("id", "Meeting id"),
        ("area_id", "Area"),
        ("title", "Title"),
        ("kind", "Kind of meeting"),
        ("starts_at", "Start (ISO 8601)"),
        ("ends_at", "End (ISO 8601)"),
        ("place", "Place"),
        ("cancelled", "1 if cancelled"),
        ("minutes_published", "1 when minutes are published"),
        ("households_total", "Households of the area (published minutes)"),
        ("households_represented", "Households represented (published minutes)"),
    ],
    "feedback_statistics.csv": [
        ("category", "Category code of the reports"),
        ("received", "Public reports received"),
        ("open", "Still open (received, accepted, in progress)"),
        ("resolved", "Resolved"),
        ("closed_other", "Closed as duplicate or out of scope"),
        ("resolved_on_time", "Resolved, accepted and resolved within the deadlines"),
    ],
    "feedback_reports.csv": [
        ("id", "Report id (Open311 service_request_id)"),
        ("area_id", "Area"),
        ("category", "Category code (Open311 service_code)"),
        ("title", "Title"),
        ("address", "Where (as the resident wrote it)"),
        ("latitude", "Latitude (WGS 84), may be empty"),
        ("longitude", "Longitude (WGS 84), may be empty"),
        ("status", "Status code"),
        ("created_at", "Received (ISO 8601)"),
        ("resolved_at", "Resolved (ISO 8601), may be empty"),
    ],
    "procedures.csv": [
        ("id", "Procedure id"),
        ("code", "National procedure code"),
        ("name", "Name"),
        ("field", "Field code"),
        ("level", "Level code"),
        ("authority", "Handled by"),
        ("processing_time", "Processing time"),
        ("fee", "Fee"),
        ("portal_url", "Link to the public-service portal"),
    ],
    "support_points.csv": [
        ("id", "Support point id"),
        ("name", "Name"),
        ("address", "Address"),
        ("latitude", "Latitude (WGS 84)"),
        ("longitude", "Longitude (WGS 84)"),
        ("phone", "Phone"),
        ("is_open", "1 if open"),
        (
            "opening_hours",
            "Opening hours: weekday (0 = Monday) and HH:MM-HH:MM, ';'-separated",
        ),
    ],
}


def open_data_dir():
    return Path(getattr(settings, "OPEN_DATA_DIR", settings.VAR_DIR / "opendata"))


def zip_path(commune):
    return open_data_dir() / f"{commune.pk}.zip"


def _csv(header, rows):
    out = io.StringIO()
    writer = csv_writer(out)  # no cell runs as a formula (civic.core.csv)
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            ["" if v is None else int(v) if isinstance(v, bool) else v for v in row]
        )
    return "\ufeff" + out.getvalue()  # a BOM: spreadsheets read Vietnamese as UTF-8


def _iso(moment):
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else ""


def commune_files(commune):
    """{file name: CSV text} of the commune's public data."""
    sub = {"area__path__startswith": commune.path}
    files = {}
    notices = (
        NoticePage.objects.listed()
        .descendant_of(commune)
        .order_by("-posting_starts", "-pk")
    )
    titles = dict(
        listed(AreaPage.objects.descendant_of(commune, inclusive=True)).values_list(
            "path", "title"
        )
    )
    ids = dict(
        listed(AreaPage.objects.descendant_of(commune, inclusive=True)).values_list(
            "path", "pk"
        )
    )
    files["notices.csv"] = [
        (
            n.pk,
            ids.get(n.path[: -AreaPage.steplen]),
            titles.get(n.path[: -AreaPage.steplen], ""),
            n.title,
            n.category,
            n.posting_starts.isoformat(),
            n.posting_ends.isoformat() if n.posting_ends else "",
            n.is_urgent,
            n.get_full_url() or "",
        )
        for n in notices
    ]
    now = timezone.now()
    rows = []
    for poll in (
        public_polls()
        .filter(**sub)
        .select_related("result")
        .order_by("-opens_at", "-pk")
    ):
        if not results_public(poll, now):
            continue
        from .v1 import poll_results

        figures = poll_results(poll, now)
        for choice in figures["choices"]:
            rows.append(
                (
                    poll.pk,
                    poll.area_id,
                    poll.title,
                    poll.kind,
                    _iso(poll.opens_at),
                    _iso(poll.closes_at),
                    figures["final"],
                    figures["participants"],
                    figures["eligible"],
                    choice["label"],
                    choice["votes"],
                )
            )
    files["poll_results.csv"] = rows
    rows = []
    for m in Meeting.objects.public().filter(**sub).order_by("-starts_at", "-pk"):
        minutes = published_minutes(m)
        rows.append(
            (
                m.pk,
                m.area_id,
                m.title,
                m.kind,
                _iso(m.starts_at),
                _iso(m.ends_at),
                m.place,
                m.cancelled,
                minutes is not None,
                minutes.households_total if minutes else None,
                minutes.households_represented if minutes else None,
            )
        )
    files["meetings.csv"] = rows
    reports = public_reports().filter(**sub)
    from civic.feedback.stats import ON_TIME

    stats = {
        row["category"]: row
        for row in reports.values("category").annotate(
            received=Count("pk"),
            open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
            resolved=Count("pk", filter=Q(status=Status.RESOLVED)),
            closed_other=Count(
                "pk", filter=Q(status__in=(Status.DUPLICATE, Status.OUT_OF_SCOPE))
            ),
            on_time=Count("pk", filter=Q(status=Status.RESOLVED) & ON_TIME),
        )
    }
    files["feedback_statistics.csv"] = [
        (
            c.value,
            stats.get(c.value, {}).get("received", 0),
            stats.get(c.value, {}).get("open", 0),
            stats.get(c.value, {}).get("resolved", 0),
            stats.get(c.value, {}).get("closed_other", 0),
            stats.get(c.value, {}).get("on_time", 0),
        )
        for c in Category
    ]
    files["feedback_reports.csv"] = [
        (
            r.pk,
            r.area_id,
            r.category,
            r.title,
            r.address,
            r.latitude,
            r.longitude,
            r.status,
            _iso(r.created_at),
            _iso(r.resolved_at),
        )
        for r in reports.order_by("-created_at", "-pk")
    ]
    files["procedures.csv"] = [
        (
            p.pk,
            p.code,
            p.name,
            p.field,
            p.level,
            p.authority,
            p.processing_time,
            p.fee,
            p.portal_url,
        )
        for p in public_procedures().filter(**sub).order_by("code", "pk")
    ]
    files["support_points.csv"] = [
        (
            p.pk,
            p.name,
            p.address,
            p.latitude,
            p.longitude,
            p.phone,
            p.is_open,
            "; ".join(
                f"{h.weekday} {h.opens:%H:%M}-{h.closes:%H:%M}"
                for h in p.opening_hours.all()
            ),
        )
        for p in public_points().filter(**sub).order_by("name", "pk")
    ]
    return {
        name: _csv([column for column, _d in DICTIONARY[name]], rows)
        for name, rows in files.items()
    }


def readme(commune):
    lines = [
        f"# Open data: {commune.title}",
        "",
        f"Generated {_iso(timezone.now())}. Licence: {LICENCE} ({LICENCE_URL}).",
        f"Attribution: “{commune.title} — Khu dân cư điện tử”.",
        "",
        "Only what the public pages show: no reporter, no voter, no hidden report,",
        "no restricted or unpublished page. CSV in UTF-8 with a BOM, comma-separated;",
        "a cell starting with = + - @ is prefixed with an apostrophe.",
        "",
    ]
    for name, columns in DICTIONARY.items():
        lines += [f"## {name}", "", "| column | meaning |", "| --- | --- |"]
        lines += [f"| {c} | {d} |" for c, d in columns]
        lines.append("")
    return "\n".join(lines)


def readme_csv():
    return _csv(
        ["file", "column", "meaning"],
        [(name, c, d) for name, columns in DICTIONARY.items() for c, d in columns],
    )


def build_zip(commune):
    """Write the commune's ZIP (atomically: a reader never sees half a file)."""
    target = zip_path(commune)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".zip.tmp")
    with override("en"), zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in commune_files(commune).items():
            archive.writestr(name, text)
        archive.writestr("README.md", readme(commune))
        archive.writestr("README.csv", readme_csv())
    os.replace(tmp, target)
    return target


def communes():
    return listed(AreaPage.objects.filter(kind__in=COMMUNE_KINDS))


def build_all():
    return [str(build_zip(c)) for c in communes()]


def download(request, commune):
    pk = parse_id(commune)
    area = communes().filter(pk=pk).first() if pk is not None else None
    if area is None:
        raise Http404
    if not zip_path(area).exists():  # before the first nightly run
        build_zip(area)
    response = FileResponse(
        open(zip_path(area), "rb"),
        as_attachment=True,
        filename=f"du-lieu-mo-{area.slug}.zip",
        content_type="application/zip",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def open_data_section(context, page):
    """The commune page's link to its ZIP (nothing for a group)."""
    if not page.is_commune:
        return ""
    return render_to_string(
        "api/_open_data_link.html",
        {
            "url": f"/du-lieu-mo/{page.pk}.zip",
            "licence": LICENCE,
            "licence_url": LICENCE_URL,
            "label": _("Open data"),
        },
    )
