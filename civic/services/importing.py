"""Reading a CSV file of procedures: every row validated, every problem reported.

The file is read whole and each row checked with the model's own validation before
anything is written; :func:`civic.services.actions.import_procedures` writes only a
file without a single rejected row, in one transaction.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from civic.core.text import clean_text

from .models import LifeEvent, Procedure, ProcedureField, ProcedureLevel

COLUMNS = [
    "code",
    "name",
    "field",
    "level",
    "authority",
    "processing_time",
    "fee",
    "documents",
    "portal_url",
    "life_events",
]
REQUIRED_COLUMNS = {"code", "name", "field", "level", "authority", "portal_url"}
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
#: Words residents and the portals use for the level, besides our own keys.
LEVEL_ALIASES = {
    "toàn trình": ProcedureLevel.FULL,
    "toan trinh": ProcedureLevel.FULL,
    "fully online": ProcedureLevel.FULL,
    "một phần": ProcedureLevel.PARTIAL,
    "mot phan": ProcedureLevel.PARTIAL,
    "partly online": ProcedureLevel.PARTIAL,
}
LIST_SEPARATOR = ";"


@dataclass
class ParsedRow:
    line: int
    values: dict
    life_events: list = field(default_factory=list)


@dataclass
class RejectedRow:
    line: int
    code: str
    errors: list


@dataclass
class ImportReport:
    rows: list = field(default_factory=list)
    rejected: list = field(default_factory=list)
    file_errors: list = field(default_factory=list)
    created: int = 0
    updated: int = 0

    @property
    def ok(self):
        return not self.rejected and not self.file_errors


def _split(value):
    return [
        part.strip() for part in (value or "").split(LIST_SEPARATOR) if part.strip()
    ]


def _choice(value, choices, aliases=None):
    key = (value or "").strip().lower()
    if key in choices.values:
        return key
    if aliases and key in aliases:
        return aliases[key]
    for choice in choices:
        if key == str(choice.label).lower():
            return choice.value
    return None


def read_rows(data, area):
    """Parse and validate ``data`` (bytes) for ``area``; return an ImportReport."""
    report = ImportReport()
    if len(data) > MAX_BYTES:
        report.file_errors.append(_("The file is larger than 2 MB."))
        return report
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.file_errors.append(
            _("The file is not UTF-8 text; save it as “CSV UTF-8” and try again.")
        )
        return report
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    missing = REQUIRED_COLUMNS - set(header)
    if missing:
        report.file_errors.append(
            _("Columns missing from the first line: %(columns)s.")
            % {"columns": ", ".join(c for c in COLUMNS if c in missing)}
        )
        return report
    reader.fieldnames = header
    events = {e.slug: e for e in LifeEvent.objects.all()}
    seen = {}
    try:
        for row in reader:
            line = reader.line_num
            if len(report.rows) + len(report.rejected) >= MAX_ROWS:
                report.file_errors.append(
                    _("The file has more than %(n)d rows; split it.") % {"n": MAX_ROWS}
                )
                return report
            if not any((v or "").strip() for k, v in row.items() if k):
                continue
            _check_row(row, line, area, events, seen, report)
    except csv.Error as exc:
        report.file_errors.append(
            _("The file is not valid CSV near line %(line)d: %(error)s")
            % {"line": reader.line_num, "error": exc}
        )
    if not report.rows and not report.rejected and not report.file_errors:
        report.file_errors.append(_("The file has no procedures."))
    return report


def _check_row(row, line, area, events, seen, report):
    errors = []
    if None in row:
        errors.append(_("This row has more cells than the header."))
    # cells are text people typed: cleaned like any (NUL, controls, NFC, one line)
    get = {k: clean_text(row.get(k)) for k in COLUMNS}
    values = {
        "code": get["code"],
        "name": get["name"],
        "authority": get["authority"],
        "processing_time": get["processing_time"],
        "fee": get["fee"],
        "documents": "\n".join(_split(get["documents"])),
        "portal_url": get["portal_url"],
    }
    field_value = _choice(get["field"], ProcedureField)
    if field_value is None:
        errors.append(
            _("Unknown field “%(value)s”; use one of: %(choices)s.")
            % {"value": get["field"], "choices": ", ".join(ProcedureField.values)}
        )
    values["field"] = field_value or ""
    level_value = _choice(get["level"], ProcedureLevel, LEVEL_ALIASES)
    if level_value is None:
        errors.append(
            _("Unknown level “%(value)s”; use “full” or “partial”.")
            % {"value": get["level"]}
        )
    values["level"] = level_value or ""
    chosen = []
    for slug in _split(get["life_events"]):
        if slug in events:
            chosen.append(events[slug])
        else:
            errors.append(_("Unknown life event “%(slug)s”.") % {"slug": slug})
    already_reported = {
        name
        for name, value in (("field", field_value), ("level", level_value))
        if value is None
    }
    candidate = Procedure(area=area, **values)
    try:
        candidate.full_clean(exclude=["area"], validate_unique=False)
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            label = (
                str(Procedure._meta.get_field(name).verbose_name)
                if name in {f.name for f in Procedure._meta.fields}
                else ""
            )
            if name in already_reported:
                continue
            for message in messages:
                errors.append(f"{label}: {message}" if label else message)
    code = values["code"]
    if code and code in seen:
        errors.append(
            _("The code %(code)s is already on line %(line)d.")
            % {"code": code, "line": seen[code]}
        )
    elif code:
        seen[code] = line
    if errors:
        report.rejected.append(RejectedRow(line, code, errors))
    else:
        report.rows.append(ParsedRow(line, values, chosen))
