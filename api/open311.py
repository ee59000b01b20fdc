"""Open311 GeoReport v2 for residents' feedback (http://wiki.open311.org/GeoReport_v2/).

- ``services.{json,xml}``: one service per feedback category (``Category``);
  each has ``metadata: true`` because filing needs one attribute, ``consent``.
- ``services/<code>.{json,xml}``: the service definition (that attribute).
- ``requests.{json,xml}`` GET: public reports (``public_reports``: hidden ones
  never), filters ``service_request_id``, ``service_code``, ``status``
  (open/closed), ``start_date``, ``end_date`` (W3C datetimes; 90 days by default),
  ``jurisdiction_id`` (an area id or official code: that area and its groups);
  at most 1000, newest first.
- ``requests.{json,xml}`` POST with ``api_key``: a report through
  ``civic.feedback.actions.submit_report``; ``jurisdiction_id`` names the area,
  ``attribute[consent]=yes`` is required; the contact fields (email, names,
  phone, device and account ids) are not stored.
- ``requests/<id>`` and ``tokens/<id>``: a request is created at once, so its
  token is its id.

Statuses: received / accepted / in progress are ``open``; resolved, duplicate
and out of scope ``closed``, with ``status_notes`` the answer or the reason.
Never the reporter. Errors: the spec's list ``[{"code", "description"}]`` with
the same HTTP status, the description in the client's language.
"""

import json
from datetime import timedelta
from xml.etree import ElementTree as ET

from django.http import HttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from civic.core.errors import ActionRefused, messages_of
from civic.core.ids import parse_id
from civic.feedback.models import OPEN_STATUSES, Category, Status
from civic.feedback.permissions import public_reports
from content.models import AreaPage, listed

from . import writes
from .http import public_endpoint
from .keys import KeyRefused, authenticate, key_from_request

MAX_REQUESTS = 1000
DEFAULT_DAYS = 90
MAX_IDS = 100


class Open311Error(Exception):
    def __init__(self, status, description):
        super().__init__(str(description))
        self.status = status
        self.description = description


# --- rendering ------------------------------------------------------------------------


def _xml_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _xml(root, item_tag, items):
    element = ET.Element(root)
    for item in items:
        child = ET.SubElement(element, item_tag)
        _fill(child, item)
    return element


def _fill(element, item):
    for name, value in item.items():
        sub = ET.SubElement(element, name)
        if isinstance(value, list):
            singular = {"attributes": "attribute", "values": "value"}.get(name, name)
            for entry in value:
                _fill(ET.SubElement(sub, singular), entry)
        elif isinstance(value, dict):
            _fill(sub, value)
        else:
            sub.text = _xml_value(value)


def render(fmt, data, *, root, item_tag, status=200):
    if fmt == "xml":
        if isinstance(data, dict):  # a service definition: one element
            element = ET.Element(root)
            _fill(element, data)
        else:
            element = _xml(root, item_tag, data)
        body = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(
            element, encoding="utf-8"
        )
        return HttpResponse(body, status=status, content_type="text/xml; charset=utf-8")
    return HttpResponse(
        json.dumps(data, ensure_ascii=False),
        status=status,
        content_type="application/json; charset=utf-8",
    )


def errors(fmt, status, description):
    return render(
        fmt,
        [{"code": status, "description": str(description)}],
        root="errors",
        item_tag="error",
        status=status,
    )


def endpoint(view):
    """An Open311 view: JSON or XML, errors as the spec's list, the API's
    rate limit and CORS (``http.public_endpoint``)."""

    def wrapped(request, fmt, **kwargs):
        try:
            return view(request, fmt, **kwargs)
        except Open311Error as e:
            return errors(fmt, e.status, e.description)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return public_endpoint(wrapped)


# --- services ----------------------------------------------------------------------------


def service(category):
    return {
        "service_code": category.value,
        "service_name": str(category.label),
        "description": str(category.label),
        "metadata": True,
        "type": "realtime",
        "keywords": "",
        "group": _("Residents' feedback"),
    }


def consent_attribute():
    return {
        "variable": True,
        "code": "consent",
        "datatype": "singlevaluelist",
        "required": True,
        "datatype_description": _("“yes”: the resident agreed to file this report."),
        "order": 1,
        "description": _(
            "The resident agreed that this report is filed on their behalf and "
            "shown to the public (without their name)."
        ),
        "values": [{"key": "yes", "name": _("yes")}],
    }


@require_http_methods(["GET", "HEAD"])
def _services(request, fmt):
    return render(
        fmt, [service(c) for c in Category], root="services", item_tag="service"
    )


@require_http_methods(["GET", "HEAD"])
def _service_definition(request, fmt, code):
    if code not in Category.values:
        raise Open311Error(404, _("There is no service with this code."))
    return render(
        fmt,
        {"service_code": code, "attributes": [consent_attribute()]},
        root="service_definition",
        item_tag="",
    )


services = endpoint(_services)
service_definition = endpoint(_service_definition)


# --- requests -----------------------------------------------------------------------------


def w3c(moment):
    if moment is None:
        return None
    return timezone.localtime(moment).isoformat(timespec="seconds")


def status_notes(report):
    if report.status == Status.RESOLVED:
        return report.answer
    if report.status in (Status.DUPLICATE, Status.OUT_OF_SCOPE):
        return report.reason
    return str(Status(report.status).label)


def request_row(report):
    return {
        "service_request_id": str(report.pk),
        "status": "open" if report.status in OPEN_STATUSES else "closed",
        "status_notes": status_notes(report),
        "service_name": str(Category(report.category).label),
        "service_code": report.category,
        "description": report.description,
        "agency_responsible": report.unit.name if report.unit else report.commune.title,
        "service_notice": "",
        "requested_datetime": w3c(report.created_at),
        "updated_datetime": w3c(report.updated_at),
        "expected_datetime": w3c(
            report.resolve_due if report.resolve_due else report.accept_due
        ),
        "address": report.address,
        "address_id": "",
        "zipcode": "",
        "lat": None if report.latitude is None else float(report.latitude),
        "long": None if report.longitude is None else float(report.longitude),
        "media_url": "",
    }


def _moment(value, name):
    moment = parse_datetime(value) if value else None
    if value and moment is None:
        day = parse_date(value) if len(value) == 10 else None
        if day is None:
            raise Open311Error(
                400, _("%(name)s is not a date and time.") % {"name": name}
            )
        moment = timezone.make_aware(
            timezone.datetime.combine(day, timezone.datetime.min.time())
        )
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _jurisdiction(value):
    """The area an Open311 ``jurisdiction_id`` names: its id or official code."""
    if not value:
        return None
    areas = listed(AreaPage.objects.all())
    area = None
    pk = parse_id(value)
    if pk is not None:
        area = areas.filter(pk=pk).first()
    if area is None and len(value) <= 20:
        area = areas.filter(official_code=value).exclude(official_code="").first()
    if area is None:
        raise Open311Error(404, _("There is no such jurisdiction."))
    return area


KNOWN_GET = {
    "service_request_id",
    "service_code",
    "status",
    "start_date",
    "end_date",
    "jurisdiction_id",
    "api_key",
}


def _list_requests(request, fmt):
    unknown = sorted(set(request.GET) - KNOWN_GET)
    if unknown:
        raise Open311Error(
            400, _("Unknown parameter: %(names)s.") % {"names": ", ".join(unknown)}
        )
    reports = public_reports().select_related("commune", "unit")
    area = _jurisdiction(request.GET.get("jurisdiction_id", ""))
    if area is not None:
        reports = reports.filter(area__path__startswith=area.path)
    ids = [i for i in request.GET.get("service_request_id", "").split(",") if i]
    if ids:
        pks = [parse_id(i) for i in ids]
        if len(ids) > MAX_IDS or None in pks:
            raise Open311Error(400, _("service_request_id is not a list of ids."))
        reports = reports.filter(pk__in=pks)
    else:
        codes = [c for c in request.GET.get("service_code", "").split(",") if c]
        if any(c not in Category.values for c in codes):
            raise Open311Error(400, _("There is no service with this code."))
        if codes:
            reports = reports.filter(category__in=codes)
        statuses = [s for s in request.GET.get("status", "").split(",") if s]
        if any(s not in ("open", "closed") for s in statuses):
            raise Open311Error(400, _("status is “open” or “closed”."))
        if statuses == ["open"]:
            reports = reports.filter(status__in=OPEN_STATUSES)
        elif statuses == ["closed"]:
            reports = reports.exclude(status__in=OPEN_STATUSES)
        start = _moment(request.GET.get("start_date", ""), "start_date")
        end = _moment(request.GET.get("end_date", ""), "end_date")
        if start is None and end is None:
            start = timezone.now() - timedelta(days=DEFAULT_DAYS)
        if start is not None and end is not None and start > end:
            raise Open311Error(400, _("start_date is after end_date."))
        if start is not None:
            reports = reports.filter(created_at__gte=start)
        if end is not None:
            reports = reports.filter(created_at__lte=end)
    rows = [
        request_row(r) for r in reports.order_by("-created_at", "-pk")[:MAX_REQUESTS]
    ]
    return render(fmt, rows, root="service_requests", item_tag="request")


def _create_request(request, fmt):
    try:
        key = authenticate(key_from_request(request))
    except KeyRefused as e:
        raise Open311Error(
            403 if key_from_request(request) else 400, e.message
        ) from None
    data = request.POST
    code = data.get("service_code", "")
    if code not in Category.values:
        raise Open311Error(400, _("There is no service with this code."))
    if data.get("attribute[consent]", "").lower() not in ("yes", "true", "1"):
        raise Open311Error(400, _("The resident's consent is required."))
    area = _jurisdiction(data.get("jurisdiction_id", ""))
    if area is None:
        raise Open311Error(400, _("jurisdiction_id (the area) is required."))
    lat, lng = data.get("lat", ""), data.get("long", "")
    latitude = longitude = None
    if lat or lng:
        try:
            latitude, longitude = float(lat), float(lng)
        except ValueError:
            raise Open311Error(400, _("lat and long are numbers.")) from None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise Open311Error(400, _("This point is not on the map."))
    address = data.get("address_string", "").strip()
    if not address and latitude is None:
        raise Open311Error(
            400, _("A location is required: lat and long, or address_string.")
        )
    if not address:
        address = f"{latitude:.6f}, {longitude:.6f}"
    description = data.get("description", "").strip()
    if not description:
        raise Open311Error(400, _("A description is required."))
    title = description.splitlines()[0][:150]
    try:
        report = writes.file_report(
            key,
            area_id=area.pk,
            consent=True,
            category=code,
            title=title,
            description=description[:3000],
            address=address[:255],
            latitude=latitude,
            longitude=longitude,
        )
    except ActionRefused as e:
        raise Open311Error(400, " ".join(messages_of(e))) from None
    return render(
        fmt,
        [
            {
                "service_request_id": str(report.pk),
                "service_notice": "",
                "account_id": "",
            }
        ],
        root="service_requests",
        item_tag="request",
        status=201,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def _requests(request, fmt):
    if request.method == "POST":
        return _create_request(request, fmt)
    return _list_requests(request, fmt)


def _report(value):
    pk = parse_id(value)
    if pk is None:
        raise Open311Error(404, _("There is no request with this id."))
    report = public_reports().select_related("commune", "unit").filter(pk=pk).first()
    if report is None:
        raise Open311Error(404, _("There is no request with this id."))
    return report


@require_http_methods(["GET", "HEAD"])
def _one_request(request, fmt, request_id):
    report = _report(request_id)
    return render(
        fmt, [request_row(report)], root="service_requests", item_tag="request"
    )


@require_http_methods(["GET", "HEAD"])
def _token(request, fmt, token):
    report = _report(token)
    return render(
        fmt,
        [{"service_request_id": str(report.pk), "token": str(report.pk)}],
        root="service_requests",
        item_tag="request",
    )


service_requests = endpoint(_requests)
one_request = endpoint(_one_request)
token = endpoint(_token)
