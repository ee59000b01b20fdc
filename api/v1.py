"""The read API ``/api/v1/`` (django-ninja): OpenAPI 3 at ``/api/v1/openapi.json``,
interactive docs at ``/api/v1/docs``.

Every list reads the same queryset helper as the site's pages, so the API shows
exactly what an anonymous visitor sees:

- areas, news, notices: ``content.models.listed`` (live, no view restriction on
  the page or above it, a notice's posting started);
- polls: ``civic.polls.results.public_polls``; figures only where
  ``results_public`` (closed, or shown at all times; a secret poll still open
  shows its published batches only), never who voted or what;
- meetings: ``Meeting.objects.public()``, minutes only when published;
- procedures, support points, utilities: ``public_procedures``,
  ``public_points``, ``public_utilities``;
- feedback reports: ``civic.feedback.permissions.public_reports`` (hidden
  reports never), never the reporter.

Lists are newest first (areas: in tree order), ``limit`` items (1-100) a page,
with ``next``: an opaque signed cursor (``cursors``) for the following page.
Writes need an API key (``X-Api-Key``): a feedback report on a resident's
behalf, a support appointment; both through the apps' own actions.
"""

from datetime import date, datetime, time

from django.db import IntegrityError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja import Status as Answer
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import APIKeyHeader

from civic.core.errors import ActionRefused, messages_of
from civic.directory.queries import public_utilities
from civic.feedback.models import Category, Status
from civic.feedback.permissions import public_reports
from civic.meetings.actions import published_minutes
from civic.meetings.models import Meeting
from civic.polls.live import shown_tally
from civic.polls.results import public_polls, results_public
from civic.services.views import public_procedures
from civic.support.views import free_slots, public_points
from content.models import AreaPage, NewsPage, NoticeCategory, NoticePage, listed

from . import cursors, writes
from .http import error_response
from .keys import KeyRefused, authenticate

MAX_LIMIT = 100


class ApiError(Exception):
    def __init__(self, status, code, message, errors=None):
        super().__init__(str(message))
        self.status, self.code, self.message, self.errors = (
            status,
            code,
            message,
            errors,
        )


class KeyAuth(APIKeyHeader):
    param_name = "X-Api-Key"

    def authenticate(self, request, key):
        if not key:
            return None
        try:
            return authenticate(key)
        except KeyRefused as e:
            raise ApiError(e.status, "invalid_key", e.message) from None


api = NinjaAPI(
    title="Khu dân cư điện tử — Open API",
    version="1",
    description=(
        "Public data of the communes and residential groups: the area tree, news, "
        "notices, polls, meetings, procedures, support points, utilities and "
        "residents' feedback. Anonymous reads, rate-limited per client; writes "
        "with an organisation's API key (header `X-Api-Key`). Data under CC BY 4.0."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


# --- errors: JSON, in the client's language --------------------------------------------


@api.exception_handler(ApiError)
def _api_error(request, exc):
    return error_response(exc.status, exc.code, exc.message, exc.errors)


@api.exception_handler(ValidationError)
def _validation_error(request, exc):
    errors = [
        {
            "location": [str(part) for part in e.get("loc", ())],
            "type": e.get("type", ""),
        }
        for e in exc.errors
    ]
    return error_response(
        400, "invalid", _("Some parameters are missing or not valid."), errors
    )


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return error_response(401, "key_required", _("This needs an API key (X-Api-Key)."))


@api.exception_handler(HttpError)
def _http_error(request, exc):
    if exc.status_code == 400:
        return error_response(
            400, "malformed", _("The request body is not valid JSON.")
        )
    return error_response(exc.status_code, "error", _("The request was refused."))


@api.exception_handler(Http404)
def _not_found(request, exc):
    return error_response(404, "not_found", _("Not found."))


# --- schemas -----------------------------------------------------------------------------


class ErrorDetail(Schema):
    code: str
    message: str


class ErrorOut(Schema):
    error: ErrorDetail
    errors: list[dict] | None = None


ERRORS = {400: ErrorOut, 404: ErrorOut, 429: ErrorOut}


class AreaOut(Schema):
    id: int
    title: str
    kind: str
    official_code: str
    parent_id: int | None
    depth: int
    url: str


class AreaList(Schema):
    items: list[AreaOut]
    next: str | None


class NoticeOut(Schema):
    id: int
    title: str
    area_id: int | None
    category: str
    intro: str
    posting_starts: date
    posting_ends: date | None
    is_urgent: bool
    url: str


class NoticeList(Schema):
    items: list[NoticeOut]
    next: str | None


class NewsOut(Schema):
    id: int
    title: str
    area_id: int | None
    date: date
    intro: str
    url: str


class NewsList(Schema):
    items: list[NewsOut]
    next: str | None


class ChoiceResult(Schema):
    label: str
    votes: int


class PollResults(Schema):
    final: bool
    participants: int
    eligible: int
    choices: list[ChoiceResult]
    outcome: str | None = None


class PollOut(Schema):
    id: int
    title: str
    description: str
    area_id: int
    kind: str
    secret: bool
    opens_at: datetime
    closes_at: datetime
    status: str
    results_public: bool
    url: str


class PollDetail(PollOut):
    choices: list[str]
    results: PollResults | None


class PollList(Schema):
    items: list[PollOut]
    next: str | None


class MeetingOut(Schema):
    id: int
    title: str
    kind: str
    area_id: int
    starts_at: datetime
    ends_at: datetime
    place: str
    cancelled: bool
    url: str


class MinutesOut(Schema):
    revision: int
    chair: str
    secretary: str
    summary: str
    households_total: int
    households_represented: int
    guests_count: int
    correction_note: str


class MeetingDetail(MeetingOut):
    description: str
    agenda: list[str]
    minutes: MinutesOut | None


class MeetingList(Schema):
    items: list[MeetingOut]
    next: str | None


class ProcedureOut(Schema):
    id: int
    area_id: int
    code: str
    name: str
    field: str
    level: str
    authority: str
    processing_time: str
    fee: str
    documents: list[str]
    portal_url: str


class ProcedureList(Schema):
    items: list[ProcedureOut]
    next: str | None


class HoursOut(Schema):
    weekday: int = Field(description="0 = Monday … 6 = Sunday")
    opens: str
    closes: str


class PointOut(Schema):
    id: int
    area_id: int
    name: str
    address: str
    latitude: float
    longitude: float
    phone: str
    services: list[str]
    is_open: bool
    slot_minutes: int
    opening_hours: list[HoursOut]


class DaySlots(Schema):
    date: date
    times: list[str]


class PointDetail(PointOut):
    free_slots: list[DaySlots]


class PointList(Schema):
    items: list[PointOut]
    next: str | None


class UtilityOut(Schema):
    id: int
    area_id: int
    kind: str
    name: str
    phone: str
    address: str
    website: str
    notes: str
    collection_days: list[int]


class UtilityList(Schema):
    items: list[UtilityOut]
    next: str | None


class ReportOut(Schema):
    id: int
    area_id: int
    commune_id: int
    category: str
    title: str
    description: str
    address: str
    latitude: float | None
    longitude: float | None
    urgent: bool
    status: str
    created_at: datetime
    accept_due: datetime
    resolve_due: datetime | None
    resolved_at: datetime | None
    answer: str
    url: str


class ReportList(Schema):
    items: list[ReportOut]
    next: str | None


class ReportIn(Schema):
    area_id: int = Field(ge=1, le=2**31 - 1)
    category: str = Field(max_length=20)
    title: str = Field(max_length=150)
    description: str = Field(max_length=3000)
    address: str = Field(max_length=255)
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    urgent: bool = False
    consent: bool = Field(
        description="The resident agreed, in the calling application, that the "
        "report is filed here on their behalf. Required (true)."
    )


class AppointmentIn(Schema):
    date: date
    time: time
    need: str = Field(max_length=500)
    consent: bool


class AppointmentOut(Schema):
    id: int
    point_id: int
    date: date
    time: str
    status: str


# --- helpers ------------------------------------------------------------------------------


def only(request, *names):
    """400 for a query parameter the operation does not know (a typo would
    otherwise silently return everything)."""
    unknown = sorted(set(request.GET) - {"limit", "cursor", *names})
    if unknown:
        raise ApiError(
            400,
            "unknown_parameter",
            _("Unknown parameter: %(names)s.") % {"names": ", ".join(unknown)},
            [{"location": ["query", name], "type": "unknown"} for name in unknown],
        )


def public_areas():
    return listed(AreaPage.objects.all())


def subtree_area(area_id):
    if area_id is None:
        return None
    area = public_areas().filter(pk=area_id).only("id", "path", "depth").first()
    if area is None:
        raise ApiError(400, "unknown_area", _("There is no such area."))
    return area


def page(kind, queryset, cursor, limit, *, ascending=False, key="pk"):
    """One page of ``queryset`` (keyset on ``key``) and the next cursor."""
    try:
        last = cursors.read(kind, cursor)
    except cursors.BadCursor:
        raise ApiError(400, "bad_cursor", _("This cursor is not valid.")) from None
    order = key if ascending else f"-{key}"
    if last is not None:
        queryset = queryset.filter(**{f"{key}__{'gt' if ascending else 'lt'}": last})
    rows = list(queryset.order_by(order)[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = cursors.make(kind, getattr(rows[-1], key)) if more else None
    return rows, next_cursor


def absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


def page_url(request, page):
    try:
        return absolute(request, page.get_url(request))
    except Exception:  # a page outside any site has no address
        return ""


def parent_id_of(page, ids_by_path):
    return ids_by_path.get(page.path[: -AreaPage.steplen])


def dates(qs, field, since, until):
    if since and until and since > until:
        raise ApiError(400, "invalid", _("“since” is after “until”."))
    if since:
        qs = qs.filter(**{f"{field}__gte": since})
    if until:
        qs = qs.filter(**{f"{field}__lte": until})
    return qs


LIMIT = Query(20, ge=1, le=MAX_LIMIT, description="Items a page (1-100).")
CURSOR = Query(None, max_length=500, description="`next` of the previous page.")
AREA = Query(None, ge=1, le=2**31 - 1, description="Only this area and its groups.")
ID = Path(..., ge=1, le=2**31 - 1)
SINCE = Query(None, description="From this date (YYYY-MM-DD).")
UNTIL = Query(None, description="Up to this date (YYYY-MM-DD).")
OPENS_SINCE = Query(None, description="Opening from this date.")
OPENS_UNTIL = Query(None, description="Opening up to this date.")
STARTS_SINCE = Query(None, description="Starting from this date.")
STARTS_UNTIL = Query(None, description="Starting up to this date.")
RECEIVED_SINCE = Query(None, description="Received from this date.")
RECEIVED_UNTIL = Query(None, description="Received up to this date.")
CURRENT = Query(False, description="Only notices posted today.")


# --- areas ----------------------------------------------------------------------------------


def area_row(request, area, ids_by_path):
    return {
        "id": area.pk,
        "title": area.title,
        "kind": area.kind,
        "official_code": area.official_code,
        "parent_id": parent_id_of(area, ids_by_path),
        "depth": area.depth,
        "url": page_url(request, area),
    }


@api.get("/areas", response={200: AreaList, **ERRORS}, tags=["areas"])
def list_areas(
    request, area: int | None = AREA, limit: int = LIMIT, cursor: str | None = CURSOR
):
    """The area tree: communes (wards, special zones) and their residential
    groups, in tree order; `parent_id` links a group to its commune."""
    only(request, "area")
    qs = public_areas()
    top = subtree_area(area)
    if top is not None:
        qs = qs.filter(path__startswith=top.path)
    rows, nxt = page("areas", qs, cursor, limit, ascending=True, key="path")
    parents = {r.path[: -AreaPage.steplen] for r in rows}
    ids_by_path = dict(
        AreaPage.objects.filter(path__in=parents).values_list("path", "pk")
    )
    return {"items": [area_row(request, a, ids_by_path) for a in rows], "next": nxt}


@api.get("/areas/{area_id}", response={200: AreaOut, **ERRORS}, tags=["areas"])
def get_area(request, area_id: int = ID):
    only(request)
    area = public_areas().filter(pk=area_id).first()
    if area is None:
        raise Http404
    ids_by_path = dict(
        AreaPage.objects.filter(path=area.path[: -AreaPage.steplen]).values_list(
            "path", "pk"
        )
    )
    return area_row(request, area, ids_by_path)


# --- news and notices -------------------------------------------------------------------------


def notice_row(request, notice, ids_by_path):
    return {
        "id": notice.pk,
        "title": notice.title,
        "area_id": parent_id_of(notice, ids_by_path),
        "category": notice.category,
        "intro": notice.intro,
        "posting_starts": notice.posting_starts,
        "posting_ends": notice.posting_ends,
        "is_urgent": notice.is_urgent,
        "url": page_url(request, notice),
    }


def _parents(rows):
    paths = {r.path[: -AreaPage.steplen] for r in rows}
    return dict(AreaPage.objects.filter(path__in=paths).values_list("path", "pk"))


@api.get("/notices", response={200: NoticeList, **ERRORS}, tags=["news and notices"])
def list_notices(
    request,
    area: int | None = AREA,
    since: date | None = SINCE,
    until: date | None = UNTIL,
    category: NoticeCategory | None = None,
    current: bool = CURRENT,
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
):
    """Notices whose posting has started (dates filter `posting_starts`)."""
    only(request, "area", "since", "until", "category", "current")
    qs = NoticePage.objects.current() if current else NoticePage.objects.listed()
    top = subtree_area(area)
    if top is not None:
        qs = qs.descendant_of(top)
    if category:
        qs = qs.filter(category=category)
    qs = dates(qs, "posting_starts", since, until)
    rows, nxt = page("notices", qs, cursor, limit)
    ids = _parents(rows)
    return {"items": [notice_row(request, n, ids) for n in rows], "next": nxt}


@api.get(
    "/notices/{notice_id}",
    response={200: NoticeOut, **ERRORS},
    tags=["news and notices"],
)
def get_notice(request, notice_id: int = ID):
    only(request)
    notice = NoticePage.objects.listed().filter(pk=notice_id).first()
    if notice is None:
        raise Http404
    return notice_row(request, notice, _parents([notice]))


def news_row(request, item, ids_by_path):
    return {
        "id": item.pk,
        "title": item.title,
        "area_id": parent_id_of(item, ids_by_path),
        "date": item.date,
        "intro": item.intro,
        "url": page_url(request, item),
    }


@api.get("/news", response={200: NewsList, **ERRORS}, tags=["news and notices"])
def list_news(
    request,
    area: int | None = AREA,
    since: date | None = SINCE,
    until: date | None = UNTIL,
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
):
    only(request, "area", "since", "until")
    qs = NewsPage.objects.listing()
    top = subtree_area(area)
    if top is not None:
        qs = qs.descendant_of(top)
    qs = dates(qs, "date", since, until)
    rows, nxt = page("news", qs, cursor, limit)
    ids = _parents(rows)
    return {"items": [news_row(request, n, ids) for n in rows], "next": nxt}


@api.get(
    "/news/{news_id}", response={200: NewsOut, **ERRORS}, tags=["news and notices"]
)
def get_news(request, news_id: int = ID):
    only(request)
    item = NewsPage.objects.listing().filter(pk=news_id).first()
    if item is None:
        raise Http404
    return news_row(request, item, _parents([item]))


# --- polls ------------------------------------------------------------------------------------


def poll_status(poll, now):
    if poll.is_closed(now):
        return "closed"
    return "open" if poll.has_opened(now) else "upcoming"


def poll_row(request, poll, now):
    return {
        "id": poll.pk,
        "title": poll.title,
        "description": poll.description,
        "area_id": poll.area_id,
        "kind": poll.kind,
        "secret": poll.secret,
        "opens_at": poll.opens_at,
        "closes_at": poll.closes_at,
        "status": poll_status(poll, now),
        "results_public": results_public(poll, now),
        "url": absolute(request, poll.get_absolute_url()),
    }


def poll_results(poll, now):
    """The figures anyone may see, or None: totals per choice, never ballots."""
    if not results_public(poll, now):
        return None
    result = poll.result_or_none()
    if result is not None:
        return {
            "final": True,
            "participants": result.participants,
            "eligible": result.eligible_total,
            "choices": [
                {"label": t["label"], "votes": t["votes"]} for t in result.tallies
            ],
            "outcome": result.outcome or None,
        }
    live = shown_tally(poll)
    return {
        "final": False,
        "participants": live["participants"],
        "eligible": live["eligible"],
        "choices": [{"label": c.label, "votes": c.votes} for c in live["choices"]],
        "outcome": None,
    }


@api.get("/polls", response={200: PollList, **ERRORS}, tags=["polls"])
def list_polls(
    request,
    area: int | None = AREA,
    since: date | None = OPENS_SINCE,
    until: date | None = OPENS_UNTIL,
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
):
    """Polls of published areas. `results_public` says whether the figures are
    shown to anyone (GET /polls/{id})."""
    only(request, "area", "since", "until")
    qs = public_polls().select_related("result")
    top = subtree_area(area)
    if top is not None:
        qs = qs.in_subtree(top)
    qs = dates(qs, "opens_at__date", since, until)
    rows, nxt = page("polls", qs, cursor, limit)
    now = timezone.now()
    return {"items": [poll_row(request, p, now) for p in rows], "next": nxt}


@api.get("/polls/{poll_id}", response={200: PollDetail, **ERRORS}, tags=["polls"])
def get_poll(request, poll_id: int = ID):
    only(request)
    poll = public_polls().select_related("result").filter(pk=poll_id).first()
    if poll is None:
        raise Http404
    now = timezone.now()
    return {
        **poll_row(request, poll, now),
        "choices": [c.label for c in poll.choices.all()],
        "results": poll_results(poll, now),
    }


# --- meetings ---------------------------------------------------------------------------------


def meeting_row(request, meeting):
    return {
        "id": meeting.pk,
        "title": meeting.title,
        "kind": meeting.kind,
        "area_id": meeting.area_id,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        "cancelled": meeting.cancelled,
        "url": absolute(request, meeting.get_absolute_url()),
    }


@api.get("/meetings", response={200: MeetingList, **ERRORS}, tags=["meetings"])
def list_meetings(
    request,
    area: int | None = AREA,
    since: date | None = STARTS_SINCE,
    until: date | None = STARTS_UNTIL,
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
):
    only(request, "area", "since", "until")
    qs = Meeting.objects.public()
    top = subtree_area(area)
    if top is not None:
        qs = qs.filter(area__path__startswith=top.path)
    qs = dates(qs, "starts_at__date", since, until)
    rows, nxt = page("meetings", qs, cursor, limit)
    return {"items": [meeting_row(request, m) for m in rows], "next": nxt}


@api.get(
    "/meetings/{meeting_id}", response={200: MeetingDetail, **ERRORS}, tags=["meetings"]
)
def get_meeting(request, meeting_id: int = ID):
    """A meeting, its agenda and its published minutes (none while a draft)."""
    only(request)
    meeting = Meeting.objects.public().filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    minutes = published_minutes(meeting)
    return {
        **meeting_row(request, meeting),
        "description": meeting.description,
        "agenda": [item.title for item in meeting.agenda_items.all()],
        "minutes": None
        if minutes is None
        else {
            "revision": minutes.revision,
            "chair": minutes.chair,
            "secretary": minutes.secretary,
            "summary": minutes.summary,
            "households_total": minutes.households_total,
            "households_represented": minutes.households_represented,
            "guests_count": minutes.guests_count,
            "correction_note": minutes.correction_note,
        },
    }


# --- procedures, support points, utilities -----------------------------------------------------


def procedure_row(p):
    return {
        "id": p.pk,
        "area_id": p.area_id,
        "code": p.code,
        "name": p.name,
        "field": p.field,
        "level": p.level,
        "authority": p.authority,
        "processing_time": p.processing_time,
        "fee": p.fee,
        "documents": p.document_lines,
        "portal_url": p.portal_url,
    }


@api.get("/procedures", response={200: ProcedureList, **ERRORS}, tags=["services"])
def list_procedures(
    request, area: int | None = AREA, limit: int = LIMIT, cursor: str | None = CURSOR
):
    only(request, "area")
    qs = public_procedures()
    top = subtree_area(area)
    if top is not None:
        qs = qs.filter(area__path__startswith=top.path)
    rows, nxt = page("procedures", qs, cursor, limit)
    return {"items": [procedure_row(p) for p in rows], "next": nxt}


def point_row(point):
    return {
        "id": point.pk,
        "area_id": point.area_id,
        "name": point.name,
        "address": point.address,
        "latitude": float(point.latitude),
        "longitude": float(point.longitude),
        "phone": point.phone,
        "services": point.service_lines,
        "is_open": point.is_open,
        "slot_minutes": point.slot_minutes,
        "opening_hours": [
            {
                "weekday": h.weekday,
                "opens": h.opens.strftime("%H:%M"),
                "closes": h.closes.strftime("%H:%M"),
            }
            for h in point.opening_hours.all()
        ],
    }


@api.get("/support-points", response={200: PointList, **ERRORS}, tags=["services"])
def list_points(
    request, area: int | None = AREA, limit: int = LIMIT, cursor: str | None = CURSOR
):
    """Support points (help with online procedures) and their opening hours."""
    only(request, "area")
    qs = public_points()
    top = subtree_area(area)
    if top is not None:
        qs = qs.filter(area__path__startswith=top.path)
    rows, nxt = page("points", qs, cursor, limit)
    return {"items": [point_row(p) for p in rows], "next": nxt}


@api.get(
    "/support-points/{point_id}",
    response={200: PointDetail, **ERRORS},
    tags=["services"],
)
def get_point(request, point_id: int = ID):
    """A support point with its free appointment slots of the coming two weeks."""
    only(request)
    point = public_points().filter(pk=point_id).first()
    if point is None:
        raise Http404
    now = timezone.localtime().replace(tzinfo=None)
    free = free_slots(point, now) if point.is_open else []
    return {
        **point_row(point),
        "free_slots": [
            {"date": day, "times": [s.strftime("%H:%M") for s in slots]}
            for day, slots in free
        ],
    }


@api.get("/utilities", response={200: UtilityList, **ERRORS}, tags=["services"])
def list_utilities(
    request, area: int | None = AREA, limit: int = LIMIT, cursor: str | None = CURSOR
):
    """Public utilities and services (water, power, waste collection days…)."""
    only(request, "area")
    qs = public_utilities()
    top = subtree_area(area)
    if top is not None:
        qs = qs.filter(area__path__startswith=top.path)
    rows, nxt = page("utilities", qs, cursor, limit)
    return {
        "items": [
            {
                "id": u.pk,
                "area_id": u.area_id,
                "kind": u.kind,
                "name": u.name,
                "phone": u.phone,
                "address": u.address,
                "website": u.website,
                "notes": u.notes,
                "collection_days": sorted(u.weekdays),
            }
            for u in rows
        ],
        "next": nxt,
    }


# --- feedback ------------------------------------------------------------------------------------


def report_row(request, r):
    return {
        "id": r.pk,
        "area_id": r.area_id,
        "commune_id": r.commune_id,
        "category": r.category,
        "title": r.title,
        "description": r.description,
        "address": r.address,
        "latitude": None if r.latitude is None else float(r.latitude),
        "longitude": None if r.longitude is None else float(r.longitude),
        "urgent": r.urgent,
        "status": r.status,
        "created_at": r.created_at,
        "accept_due": r.accept_due,
        "resolve_due": r.resolve_due,
        "resolved_at": r.resolved_at,
        "answer": r.answer if r.status == Status.RESOLVED else "",
        "url": absolute(request, r.get_absolute_url()),
    }


@api.get("/reports", response={200: ReportList, **ERRORS}, tags=["feedback"])
def list_reports(
    request,
    area: int | None = AREA,
    since: date | None = RECEIVED_SINCE,
    until: date | None = RECEIVED_UNTIL,
    status: Status | None = None,
    category: Category | None = None,
    limit: int = LIMIT,
    cursor: str | None = CURSOR,
):
    """Residents' feedback shown to the public; never who reported it."""
    only(request, "area", "since", "until", "status", "category")
    qs = public_reports()
    top = subtree_area(area)
    if top is not None:
        qs = qs.filter(area__path__startswith=top.path)
    if status:
        qs = qs.filter(status=status)
    if category:
        qs = qs.filter(category=category)
    qs = dates(qs, "created_at__date", since, until)
    rows, nxt = page("reports", qs, cursor, limit)
    return {"items": [report_row(request, r) for r in rows], "next": nxt}


@api.get("/reports/{report_id}", response={200: ReportOut, **ERRORS}, tags=["feedback"])
def get_report(request, report_id: int = ID):
    only(request)
    report = public_reports().filter(pk=report_id).first()
    if report is None:
        raise Http404
    return report_row(request, report)


WRITE_ERRORS = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 429: ErrorOut}


def refused(exc):
    return ApiError(400, "refused", " ".join(messages_of(exc)))


@api.post(
    "/reports",
    response={201: ReportOut, **WRITE_ERRORS},
    auth=KeyAuth(),
    tags=["feedback"],
)
def create_report(request, data: ReportIn):
    """File a report on behalf of a resident who consented in the calling
    application (`consent` must be true). Checked and limited as a report made
    on the site (per key's service account)."""
    only(request)
    try:
        report = writes.file_report(request.auth, **data.dict())
    except ActionRefused as e:
        raise refused(e) from None
    except writes.NoConsent:
        raise ApiError(
            400, "consent_required", _("The resident's consent is required.")
        ) from None
    return Answer(201, report_row(request, report))


@api.post(
    "/support-points/{point_id}/appointments",
    response={201: AppointmentOut, **WRITE_ERRORS},
    auth=KeyAuth(),
    tags=["services"],
)
def book_slot(request, data: AppointmentIn, point_id: int = ID):
    """Ask for a free slot (see GET /support-points/{id}) on a resident's behalf."""
    only(request)
    point = public_points().filter(pk=point_id).first()
    if point is None:
        raise Http404
    try:
        appointment = writes.book(request.auth, point, **data.dict())
    except (ActionRefused, IntegrityError) as e:
        raise refused(e) from None
    except writes.NoConsent:
        raise ApiError(
            400, "consent_required", _("The resident's consent is required.")
        ) from None
    return Answer(
        201,
        {
            "id": appointment.pk,
            "point_id": point.pk,
            "date": appointment.date,
            "time": appointment.slot.strftime("%H:%M"),
            "status": appointment.status,
        },
    )
