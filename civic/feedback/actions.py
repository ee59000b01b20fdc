"""Every change of a report: a transaction, the permission check, a row of the log
(``Update``) and a word to the reporter. Views and admin screens call these.

Handlers are the users who may ``handle_feedback`` on the report's commune
(``civic.people.permissions.can``): its commune editors (and administrators).
"""

import math
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civic.comments.moderation import active_mute, can_read
from civic.core.errors import ActionForbidden, ActionRefused
from civic.core.text import clean_text
from civic.people.actions import notify
from civic.people.models import User
from civic.people.permissions import can, users_who_can
from content.models import AreaPage

from . import deadlines
from . import notifications as told
from .models import (
    OPEN_STATUSES,
    Category,
    Follow,
    Photo,
    Report,
    Status,
    Update,
    UpdateKind,
    settings_value,
)
from .photos import check_photos, decode_photos
from .tasks import tell_report_followers

HANDLE = "handle_feedback"


#: status → the statuses a handler may move it to.
TRANSITIONS = {
    Status.RECEIVED: {Status.ACCEPTED, Status.DUPLICATE, Status.OUT_OF_SCOPE},
    Status.ACCEPTED: {Status.IN_PROGRESS},
    Status.IN_PROGRESS: {Status.IN_PROGRESS, Status.RESOLVED},
    # only the reporter, once, within the reopen window (see reopen_report)
    Status.RESOLVED: {Status.IN_PROGRESS},
}
MAX_REASON = 500
MAX_TEXT = 3000


def commune_of(area):
    return area if area.is_commune else area.commune


def handlers_of(commune):
    """The users who handle the feedback of ``commune``."""
    return users_who_can(HANDLE, commune)


def can_handle(user, report):
    return can(user, HANDLE, report.commune)


def mute_message(mute):
    if mute.until:
        when = timezone.localtime(mute.until).strftime("%H:%M %d/%m/%Y")
        return _(
            "You cannot send feedback in this commune until %(until)s: %(reason)s"
        ) % {"until": when, "reason": mute.reason}
    return _("You cannot send feedback in this commune: %(reason)s") % {
        "reason": mute.reason
    }


def _field(label, limit, multiline=True):
    """``clean_text`` rules of a required field the messages call ``label``."""
    return {
        "multiline": multiline,
        "max_length": limit,
        "required": _("Please write %(what)s.") % {"what": label},
        "too_long": _("%(what)s is too long: at most %(n)s characters."),
        "params": {"what": label[:1].upper() + label[1:], "n": limit},
    }


def _tell(report, kind, actor, *, followers=True, **params):
    """In-app notification to the reporter (and followers); ``notify`` hands it
    to their channels (email…) through the worker, a task enqueued in the same
    transaction (so a change that rolls back sends nothing)."""
    url = report.get_absolute_url()
    params = {"title": report.title, **params}
    reached = set()
    reporter = report.reporter
    if reporter != actor:
        notify(reporter, kind, report, actor=actor, url=url, **params)
        reached.add(reporter.pk)
    if followers:
        # the followers are told by the worker (the same transaction enqueues it)
        # in their own words: it is not their report (its status, in their language)
        tell_report_followers.enqueue(
            report.pk,
            told.FOLLOWED_UPDATE.name,
            getattr(actor, "pk", None),
            {"title": report.title, "status": report.status},
            sorted(reached),
        )


def _log(report, actor, kind, old_status="", message="", public=True):
    return Update.objects.create(
        report=report,
        actor=actor,
        kind=kind,
        from_status=old_status,
        to_status=report.status,
        message=message,
        is_public=public,
    )


def _locked(report):
    return (
        Report.objects.select_for_update()
        .select_related("commune", "area", "reporter")
        .get(pk=report.pk)
    )


def _require_handler(actor, report):
    if not can_handle(actor, report):
        raise ActionForbidden(_("Only the commune's handlers can do this."))


def _require_transition(report, new_status):
    if new_status not in TRANSITIONS.get(report.status, ()):
        raise ActionRefused(
            _("A report that is “%(status)s” cannot become “%(new)s”.")
            % {
                "status": Status(report.status).label,
                "new": Status(new_status).label,
            }
        )


def _check_photos(uploads, already=0):
    """The headers of ``uploads`` checked (``civic.core.photos``), no pixel decoded."""
    return check_photos(uploads, already)


def _decode_photos(headers):
    """The photos re-encoded for storage: the one costly step, so callers run it
    only after every other check of the request (rights, state, rate limit)."""
    return decode_photos(headers)


def _save_photos(report, cleaned, update=None):
    for content in cleaned:
        photo = Photo(
            report=report, update=update, width=content.width, height=content.height
        )
        photo.image.save(content.name, content, save=False)
        photo.save()


# --- residents ----------------------------------------------------------------------


def check_can_report(user, area):
    """ActionRefused (with the reason) when ``user`` may not report in ``area`` now."""
    if not user or not user.is_authenticated or not user.is_active:
        raise ActionForbidden(_("Sign in to send feedback."))
    mute = active_mute(user, area)
    if mute is not None:
        raise ActionRefused(mute_message(mute))


def _check_rate(user, now):
    per_day = settings_value("FEEDBACK_REPORTS_PER_DAY")
    interval = settings_value("FEEDBACK_REPORT_INTERVAL")
    recent = Report.objects.filter(
        reporter=user, created_at__gt=now - timedelta(days=1)
    )
    if recent.filter(created_at__gt=now - interval).exists():
        raise ActionRefused(
            _("You sent a report a moment ago; please wait a minute before the next.")
        )
    if recent.count() >= per_day:
        raise ActionRefused(
            _("You have sent %(n)s reports in the last 24 hours, the most allowed.")
            % {"n": per_day}
        )


def submit_report(
    user,
    area,
    *,
    category,
    title,
    description,
    address,
    latitude=None,
    longitude=None,
    urgent=False,
    photos=(),
):
    """Create a report in ``area`` (a group or a commune) for its commune's handlers."""

    if not isinstance(area, AreaPage) or not area.live:
        raise ActionRefused(_("Choose the area where the problem is."))
    check_can_report(user, area)
    if category not in Category.values:
        raise ActionRefused(_("Choose a category."))
    title = clean_text(title, **_field(_("a title"), 150, multiline=False))
    description = clean_text(description, **_field(_("a description"), MAX_TEXT))
    address = clean_text(address, **_field(_("where it is"), 255, multiline=False))
    if (latitude is None) != (longitude is None):
        raise ActionRefused(_("Give both the latitude and the longitude, or neither."))
    if latitude is not None and not (
        -90 <= latitude <= 90 and -180 <= longitude <= 180
    ):
        raise ActionRefused(_("This point is not on the map."))
    headers = _check_photos(photos)
    commune = commune_of(area)
    if commune is None:
        raise ActionRefused(_("Choose the area where the problem is."))
    # The rate limit is counted before any photo is decoded (and again under the
    # lock below, which is what decides between two concurrent requests).
    _check_rate(user, timezone.now())
    cleaned = _decode_photos(headers)
    with transaction.atomic():
        User.objects.locked(user)
        now = timezone.now()
        _check_rate(user, now)
        report = Report.objects.create(
            area=area,
            commune=commune,
            reporter=user,
            category=category,
            title=title,
            description=description,
            address=address,
            latitude=latitude,
            longitude=longitude,
            urgent=bool(urgent),
            created_at=now,
            accept_due=deadlines.accept_due(commune, now),
        )
        _save_photos(report, cleaned)
        _log(report, user, UpdateKind.RECEIVED)
        Follow.objects.create(report=report, user=user)
        for handler in handlers_of(commune):
            if handler != user:
                notify(
                    handler,
                    told.NEW_REPORT,
                    report,
                    actor=user,
                    url=report.get_absolute_url(),
                    area=area.title,
                    title=title,
                )
    return report


def follow_report(user, report):
    """Follow ``report`` (told of its changes) instead of sending the same one."""
    if not user or not user.is_authenticated:
        raise ActionForbidden(_("Sign in to follow a report."))
    report = Report.objects.get(pk=report.pk)
    if not report.is_public or report.status not in OPEN_STATUSES:
        raise ActionRefused(_("Only open reports can be followed."))
    follow, created = Follow.objects.get_or_create(report=report, user=user)
    return created


def unfollow_report(user, report):
    if report.reporter_id == user.pk:
        raise ActionRefused(_("You follow your own report until it is closed."))
    return Follow.objects.filter(report=report, user=user).delete()[0] > 0


def check_followable(user, report):
    """The shared follow button (civic.people.follows): a report that is not
    public or no longer open cannot be followed (its reporter follows it anyway)."""
    if report.reporter_id == user.pk:
        return
    if not report.is_public or report.status not in OPEN_STATUSES:
        raise ActionRefused(_("Only open reports can be followed."))


class ReportFollows:
    """Where the followers of reports are kept (``Follow`` of this app), for the
    shared follow mechanism (civic.people.follows.register)."""

    def follow(self, user, report):
        return Follow.objects.get_or_create(report=report, user=user)[1]

    def unfollow(self, user, report):
        return unfollow_report(user, report)

    def is_following(self, user, report):
        return Follow.objects.filter(report=report, user=user).exists()

    def followers(self, report):
        return Follow.objects.filter(report=report).values("user_id")


def rate_report(user, report, rating):
    """The reporter rates the answer of a resolved report, once per answer."""
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        raise ActionRefused(_("Choose a rating from 1 to 5 stars."))
    with transaction.atomic():
        report = _locked(report)
        if report.reporter_id != getattr(user, "pk", None):
            raise ActionForbidden(_("Only the reporter can rate the answer."))
        if report.status != Status.RESOLVED:
            raise ActionRefused(_("Only a resolved report can be rated."))
        if report.rating is not None:
            raise ActionRefused(_("You have already rated this answer."))
        report.rating = rating
        report.rated_at = timezone.now()
        report.save(update_fields=["rating", "rated_at", "updated_at"])
        _log(report, user, UpdateKind.RATED, report.status, str(rating))
        for handler in handlers_of(report.commune):
            notify(
                handler,
                told.RATED,
                report,
                actor=user,
                url=report.get_absolute_url(),
                title=report.title,
                n=rating,
            )
    return report


def can_reopen(user, report, now=None):
    now = now or timezone.now()
    return (
        user.is_authenticated
        and report.reporter_id == user.pk
        and report.status == Status.RESOLVED
        and not report.reopened
        and report.resolved_at is not None
        and now <= report.resolved_at + settings_value("FEEDBACK_REOPEN_WINDOW")
    )


def reopen_report(user, report, reason):
    """The reporter says the problem is not solved: back to in progress, once,
    within the reopen window (7 days) of the answer."""
    reason = clean_text(reason, **_field(_("why it is not solved"), MAX_REASON))
    with transaction.atomic():
        report = _locked(report)
        if report.reporter_id != getattr(user, "pk", None):
            raise ActionForbidden(_("Only the reporter can reopen the report."))
        if report.status != Status.RESOLVED:
            raise ActionRefused(_("Only a resolved report can be reopened."))
        if report.reopened:
            raise ActionRefused(_("A report can be reopened only once."))
        if not can_reopen(user, report):
            raise ActionRefused(
                _("A report can be reopened only within 7 days of the answer.")
            )
        old = report.status
        now = timezone.now()
        report.status = Status.IN_PROGRESS
        report.reopened = True
        report.resolved_at = None
        report.rating = None
        report.rated_at = None
        report.resolve_due = deadlines.resolve_due(report.commune, now, report.urgent)
        report.save()
        _log(report, user, UpdateKind.REOPENED, old, reason)
        for handler in handlers_of(report.commune):
            notify(
                handler,
                told.REOPENED,
                report,
                actor=user,
                url=report.get_absolute_url(),
                title=report.title,
            )
    return report


# --- handlers -----------------------------------------------------------------------


def accept_report(actor, report):
    with transaction.atomic():
        report = _locked(report)
        _require_handler(actor, report)
        _require_transition(report, Status.ACCEPTED)
        old = report.status
        now = timezone.now()
        report.status = Status.ACCEPTED
        report.accepted_at = now
        report.resolve_due = deadlines.resolve_due(report.commune, now, report.urgent)
        report.save()
        _log(report, actor, UpdateKind.ACCEPTED, old)
        due = timezone.localtime(report.resolve_due).strftime("%H:%M %d/%m/%Y")
        _tell(report, told.ACCEPTED, actor, due=due)
    return report


def _close_with_reason(actor, report, status, kind, reason, message, original=None):
    reason = clean_text(reason, **_field(_("the reason"), MAX_REASON))
    with transaction.atomic():
        report = _locked(report)
        _require_handler(actor, report)
        _require_transition(report, status)
        if original is not None:
            if original.pk == report.pk or original.commune_id != report.commune_id:
                raise ActionRefused(_("Choose another report of the same commune."))
            if original.status in (Status.DUPLICATE, Status.OUT_OF_SCOPE):
                raise ActionRefused(_("Choose a report that is not itself closed."))
            report.duplicate_of = original
            if can_read(report.reporter, original):
                # the reporter follows the original only if they may read it
                Follow.objects.get_or_create(report=original, user=report.reporter)
        old = report.status
        report.status = status
        report.reason = reason
        report.save()
        _log(report, actor, kind, old, reason)
        _tell(report, message, actor, reason=reason)
    return report


def mark_duplicate(actor, report, reason, original=None):
    return _close_with_reason(
        actor,
        report,
        Status.DUPLICATE,
        UpdateKind.DUPLICATE,
        reason,
        told.DUPLICATE,
        original,
    )


def mark_out_of_scope(actor, report, reason):
    return _close_with_reason(
        actor,
        report,
        Status.OUT_OF_SCOPE,
        UpdateKind.OUT_OF_SCOPE,
        reason,
        told.OUT_OF_SCOPE,
    )


def assign_unit(actor, report, unit):
    with transaction.atomic():
        report = _locked(report)
        _require_handler(actor, report)
        if report.status not in OPEN_STATUSES:
            raise ActionRefused(
                _("Only an open report can be given to a handling unit.")
            )
        if unit is not None and (
            unit.area_id != report.commune_id or not unit.is_active
        ):
            raise ActionRefused(_("Choose one of the commune's handling units."))
        if unit is not None and unit.pk == report.unit_id:
            return report
        report.unit = unit
        report.save(update_fields=["unit", "updated_at"])
        name = unit.name if unit else _("no unit")
        _log(report, actor, UpdateKind.ASSIGNED, report.status, name)
        _tell(report, told.ASSIGNED, actor, unit=name)
    return report


def post_progress(actor, report, message, photos=()):
    message = clean_text(message, **_field(_("the progress update"), MAX_TEXT))
    headers = _check_photos(photos)
    if headers:
        # Rights and state first (again under the lock below), then the decode.
        current = Report.objects.get(pk=report.pk)
        _require_handler(actor, current)
        _require_transition(current, Status.IN_PROGRESS)
    cleaned = _decode_photos(headers)
    with transaction.atomic():
        report = _locked(report)
        _require_handler(actor, report)
        _require_transition(report, Status.IN_PROGRESS)
        old = report.status
        report.status = Status.IN_PROGRESS
        report.save(update_fields=["status", "updated_at"])
        update = _log(report, actor, UpdateKind.PROGRESS, old, message)
        _save_photos(report, cleaned, update)
        _tell(report, told.PROGRESS, actor, message=message[:300])
    return report


def resolve_report(actor, report, answer, photos=()):
    answer = clean_text(answer, **_field(_("the answer"), MAX_TEXT))
    headers = _check_photos(photos)
    if headers:
        # Rights and state first (again under the lock below), then the decode.
        current = Report.objects.get(pk=report.pk)
        _require_handler(actor, current)
        _require_transition(current, Status.RESOLVED)
    cleaned = _decode_photos(headers)
    with transaction.atomic():
        report = _locked(report)
        _require_handler(actor, report)
        _require_transition(report, Status.RESOLVED)
        old = report.status
        report.status = Status.RESOLVED
        report.answer = answer
        report.resolved_at = timezone.now()
        report.save()
        update = _log(report, actor, UpdateKind.RESOLVED, old, answer)
        _save_photos(report, cleaned, update)
        _tell(report, told.RESOLVED, actor)
    return report


def set_public(actor, report, public, reason):
    """Hide a report from the public (e.g. it names a person) or show it again."""
    reason = clean_text(reason, **_field(_("the reason"), MAX_REASON))
    with transaction.atomic():
        report = _locked(report)
        _require_handler(actor, report)
        if report.is_public == bool(public):
            return report
        report.is_public = bool(public)
        report.save(update_fields=["is_public", "updated_at"])
        kind = UpdateKind.SHOWN if public else UpdateKind.HIDDEN
        _log(report, actor, kind, report.status, reason, public=False)
        _tell(
            report,
            told.SHOWN if public else told.HIDDEN,
            actor,
            followers=False,
            reason=reason,
        )
    return report


# --- duplicates ---------------------------------------------------------------------


def distance_m(lat1, lng1, lat2, lng2):
    """Great-circle distance in metres (haversine)."""
    lat1, lng1, lat2, lng2 = map(math.radians, map(float, (lat1, lng1, lat2, lng2)))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 2 * 6_371_000 * math.asin(math.sqrt(a))


def similar_open_reports(area, category, latitude=None, longitude=None, limit=5):
    """Open public reports of the same category in the same group (or commune when
    the report is for the commune itself) or within ``FEEDBACK_NEARBY_METRES``."""
    from django.db.models import Q

    commune = commune_of(area)
    if commune is None:
        return []
    metres = settings_value("FEEDBACK_NEARBY_METRES")
    same_place = Q(area=area)
    if latitude is not None and longitude is not None:
        dlat = metres / 111_000
        dlng = metres / (111_000 * max(math.cos(math.radians(float(latitude))), 0.01))
        same_place |= Q(
            latitude__range=(float(latitude) - dlat, float(latitude) + dlat),
            longitude__range=(float(longitude) - dlng, float(longitude) + dlng),
        )
    candidates = (
        Report.objects.filter(
            commune=commune,
            category=category,
            status__in=OPEN_STATUSES,
            is_public=True,
            area__live=True,  # what a visitor may read (permissions.can_read)
        )
        .filter(same_place)
        .select_related("area")
        .order_by("-created_at")[:50]
    )
    out = []
    for report in candidates:
        report.distance = None
        if latitude is not None and report.latitude is not None:
            report.distance = distance_m(
                latitude, longitude, report.latitude, report.longitude
            )
            if report.area_id != area.pk and report.distance > metres:
                continue
        out.append(report)
    out.sort(key=lambda r: (r.distance is None, r.distance or 0))
    return out[:limit]
