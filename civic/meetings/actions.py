"""Every change of a meeting, its attendance and its minutes. Views call these.

Each action checks the permission with ``civic.people.permissions.can``, runs in a
transaction, locks the meeting row where two requests could race, writes Wagtail's
audit log and tells the people concerned (``civic.people.actions.notify``).
Refusals raise :class:`~civic.core.errors.ActionRefused` (bad input, a state that
does not allow it) or :class:`~civic.core.errors.ActionForbidden` (the user's roles
do not allow it here), carrying a message for the user; nothing is saved then.

The review of minutes is the review of notices, as a small state machine::

    draft --submit (leader or editor)--> submitted --approve (commune editor)--> published
      ^                                      |
      +------ reject, with a reason ---------+
    published --correct (new revision, with a note)--> draft (revision n+1)
    published (n) --approve revision n+1--> superseded (n)
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from civic.core.errors import ActionForbidden, ActionRefused
from civic.core.ids import require_id
from civic.core.text import clean_text
from civic.people.actions import notify
from civic.people.announce import enqueue_tell_followers
from civic.people.permissions import can, users_who_can
from civic.people.residents import households_in, is_verified_resident_in
from civic.polls.models import Poll, PollKind

from . import notifications as told
from . import rules
from .models import (
    OPEN_STATUSES,
    AgendaItem,
    AgendaRecord,
    AttendanceIntent,
    HouseholdAttendance,
    Meeting,
    Minutes,
    MinutesAttachment,
    MinutesStatus,
)

SCHEDULE = "schedule_meetings"
APPROVE = "approve_content"


def require(actor, action, area):
    """Raise :class:`ActionForbidden`, with a message naming the area, unless ``actor``
    may do ``action`` on ``area`` (``civic.people.permissions.can``)."""
    if not can(actor, action, area):
        if action == APPROVE:
            raise ActionForbidden(
                _("Only an editor of the commune can approve or send back minutes.")
            )
        raise ActionForbidden(
            _(
                "You can only manage the meetings of the area you are responsible "
                "for (%(area)s is not one of them)."
            )
            % {"area": area.title}
        )


def _locked_meeting(meeting):
    try:
        return (
            Meeting.objects.select_for_update(of=("self",))
            .select_related("area")
            .get(pk=getattr(meeting, "pk", meeting))
        )
    except (Meeting.DoesNotExist, ValueError, TypeError):
        raise ActionRefused(_("This meeting no longer exists.")) from None


def _clean_meeting(data):
    title = clean_text(data.get("title"))
    if not title:
        raise ActionRefused(_("Give the meeting a title."))
    starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
    if not starts_at or not ends_at:
        raise ActionRefused(_("Give the start and the end of the meeting."))
    if ends_at <= starts_at:
        raise ActionRefused(_("The meeting must end after it starts."))
    place = clean_text(data.get("place"))
    online_url = clean_text(data.get("online_url"))
    if not place and not online_url:
        raise ActionRefused(_("Give the place of the meeting or its online link."))
    return {
        "title": title[:255],
        "kind": data.get("kind") or "regular",
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place": place[:255],
        "online_url": online_url,
        "description": clean_text(data.get("description"), multiline=True),
    }


def _clean_agenda(agenda):
    items = []
    for entry in agenda or ():
        title = clean_text(entry.get("title"))
        if title:
            items.append({**entry, "title": title[:255]})
    return items


def _save_agenda(meeting, agenda):
    """Replace the agenda by ``agenda`` (dicts: ``title``, optional ``pk`` of an item
    to keep, optional ``document``). Items that minutes refer to are kept."""
    keep = []
    for order, entry in enumerate(agenda, start=1):
        item = None
        if entry.get("pk"):
            item = meeting.agenda_items.filter(pk=entry["pk"]).first()
        if item is None:
            item = AgendaItem(meeting=meeting)
        item.order = order
        item.title = entry["title"]
        if entry.get("document") is not None:
            item.document = entry["document"]
        item.save()
        keep.append(item.pk)
    dropped = meeting.agenda_items.exclude(pk__in=keep)
    if AgendaRecord.objects.filter(agenda_item__in=dropped).exists():
        raise ActionRefused(
            _("An agenda item that the minutes already record cannot be removed.")
        )
    dropped.delete()


@transaction.atomic
def schedule_meeting(actor, area, data, agenda=()):
    """A leader (own group) or an editor (commune) schedules a meeting of ``area``."""
    require(actor, SCHEDULE, area)
    fields = _clean_meeting(data)
    meeting = Meeting.objects.create(area=area, created_by=actor, **fields)
    _save_agenda(meeting, _clean_agenda(agenda))
    log(meeting, "kdcdt.meeting.schedule", user=actor)
    if meeting.ends_at > timezone.now():  # a past meeting recorded late is no news
        # the area's followers are told by the worker (enqueued in this transaction)
        enqueue_tell_followers(
            told.SCHEDULED,
            meeting,
            followed=[area],
            actor=actor,
            url=meeting.get_absolute_url(),
            params={
                "title": meeting.title,
                "area": area.title,
                "when": meeting.starts_at.isoformat(),
            },
        )
    return meeting


@transaction.atomic
def update_meeting(actor, meeting, data, agenda=None, area=None):
    """Change a meeting. The actor must manage its area (and the new one, if moved)."""
    meeting = _locked_meeting(meeting)
    require(actor, SCHEDULE, meeting.area)
    if area is not None and area.pk != meeting.area_id:
        require(actor, SCHEDULE, area)
        if meeting.minutes_revisions.exists():
            raise ActionRefused(
                _("A meeting that has minutes cannot move to another area.")
            )
        meeting.area = area
    for name, value in _clean_meeting(data).items():
        setattr(meeting, name, value)
    meeting.save()
    if agenda is not None:
        _save_agenda(meeting, _clean_agenda(agenda))
    log(meeting, "kdcdt.meeting.edit", user=actor)
    return meeting


@transaction.atomic
def cancel_meeting(actor, meeting):
    meeting = _locked_meeting(meeting)
    require(actor, SCHEDULE, meeting.area)
    if meeting.cancelled:
        raise ActionRefused(_("This meeting is already cancelled."))
    if meeting.minutes_revisions.exists():
        raise ActionRefused(_("A meeting that has minutes cannot be cancelled."))
    meeting.cancelled = True
    meeting.save(update_fields=["cancelled", "updated_at"])
    log(meeting, "kdcdt.meeting.cancel", user=actor)
    for intent in meeting.intents.select_related("user"):
        notify(
            intent.user,
            told.CANCELLED,
            meeting,
            actor=actor,
            url=meeting.get_absolute_url(),
            title=meeting.title,
        )
    return meeting


# --- residents ---------------------------------------------------------------------


@transaction.atomic
def set_attendance_intent(user, meeting, attending=True):
    """A verified resident of the meeting's area says they will (not) come."""
    if not is_verified_resident_in(user, meeting.area):
        raise ActionForbidden(
            _("Only verified residents of %(area)s can say they will attend.")
            % {"area": meeting.area.title}
        )
    if meeting.cancelled:
        raise ActionRefused(_("This meeting is cancelled."))
    if meeting.is_past():
        raise ActionRefused(_("This meeting is over."))
    if attending:
        created = AttendanceIntent.objects.get_or_create(meeting=meeting, user=user)[1]
        return created
    AttendanceIntent.objects.filter(meeting=meeting, user=user).delete()
    return False


# --- attendance ----------------------------------------------------------------------


def _int(value, message):
    if value in (None, ""):
        return 0
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise ActionRefused(message) from None
    if number < 0:
        raise ActionRefused(message)
    return number


@transaction.atomic
def record_attendance(actor, meeting, household_ids, guests_count=0, guests=""):
    """Record which households of the meeting's area were represented (the whole
    checklist at once), and the guests. A household of another area is refused."""
    meeting = _locked_meeting(meeting)
    require(actor, SCHEDULE, meeting.area)
    if meeting.cancelled:
        raise ActionRefused(_("This meeting is cancelled."))
    if not meeting.has_started(timezone.now() + timezone.timedelta(hours=1)):
        raise ActionRefused(_("Attendance is recorded once the meeting begins."))
    if meeting.minutes_revisions.filter(status=MinutesStatus.SUBMITTED).exists():
        raise ActionRefused(
            _("The minutes wait for review: attendance cannot change meanwhile.")
        )
    try:
        wanted = {require_id(pk) for pk in household_ids}
    except (TypeError, ValueError):
        raise ActionRefused(_("Tick households from the list.")) from None
    allowed = set(
        households_in(meeting.area).filter(pk__in=wanted).values_list("pk", flat=True)
    )
    if wanted - allowed:
        raise ActionRefused(
            _("Only the households of %(area)s can be recorded at this meeting.")
            % {"area": meeting.area.title}
        )
    guests_count = _int(guests_count, _("The number of guests must be 0 or more."))
    present = set(meeting.attendances.values_list("household_id", flat=True))
    meeting.attendances.filter(household_id__in=present - wanted).delete()
    HouseholdAttendance.objects.bulk_create(
        [
            HouseholdAttendance(meeting=meeting, household_id=pk, recorded_by=actor)
            for pk in sorted(wanted - present)
        ]
    )
    meeting.guests_count = guests_count
    meeting.guests = clean_text(guests, multiline=True)[:2000]
    meeting.save(update_fields=["guests_count", "guests", "updated_at"])
    log(meeting, "kdcdt.meeting.attendance", user=actor)
    return attendance_figures(meeting)


def attendance_figures(meeting):
    """Households represented / total of the area, and the quorum, right now."""
    households = households_in(meeting.area)
    total = households.count()
    represented = meeting.attendances.filter(household__in=households).count()
    return {
        "households_total": total,
        "households_represented": represented,
        "households_absent": total - represented,
        "percent": rules.percent(represented, total),
        "quorum": rules.has_quorum(represented, total),
        "needed": total // 2 + 1,
    }


# --- minutes -------------------------------------------------------------------------


def open_minutes(meeting):
    """The revision being written or reviewed, or None."""
    return meeting.minutes_revisions.filter(status__in=OPEN_STATUSES).first()


def published_minutes(meeting):
    return meeting.minutes_revisions.filter(status=MinutesStatus.PUBLISHED).first()


def _clean_records(meeting, minutes, records):
    """Validate the per-item records; returns {item_pk: fields}."""

    items = {item.pk: item for item in meeting.agenda_items.all()}
    polls = Poll.objects.concerning(meeting.area).filter(kind=PollKind.HOUSEHOLD)
    cleaned = {}
    for key, entry in (records or {}).items():
        try:
            item = items[require_id(key)]
        except (KeyError, TypeError, ValueError):
            raise ActionRefused(
                _("This agenda item is not on the meeting's agenda.")
            ) from None
        votes = [entry.get(name) for name in ("for", "against", "abstain")]
        given = [v for v in votes if v not in (None, "")]
        poll = None
        if entry.get("poll") not in (None, ""):
            try:
                poll = polls.get(pk=require_id(entry["poll"]))
            except (Poll.DoesNotExist, TypeError, ValueError):
                raise ActionRefused(
                    _("Choose a household decision poll of this area.")
                ) from None
        if given and poll is not None:
            raise ActionRefused(
                _(
                    "“%(item)s”: give either the hand-vote tallies or the poll that "
                    "decided it, not both."
                )
                % {"item": item.title}
            )
        message = _("“%(item)s”: the tallies must be whole numbers, 0 or more.") % {
            "item": item.title
        }
        counts = [_int(v, message) for v in votes] if given else [None] * 3
        if given and sum(counts) > minutes.households_represented:
            raise ActionRefused(
                _(
                    "“%(item)s”: %(votes)s households voted but only %(present)s were "
                    "represented."
                )
                % {
                    "item": item.title,
                    "votes": sum(counts),
                    "present": minutes.households_represented,
                }
            )
        cleaned[item.pk] = {
            "discussion": clean_text(entry.get("discussion"), multiline=True)[:10000],
            "decision": clean_text(entry.get("decision"), multiline=True)[:5000],
            "votes_for": counts[0],
            "votes_against": counts[1],
            "votes_abstain": counts[2],
            "poll": poll,
        }
    return cleaned


def _refresh_figures(minutes):
    figures = attendance_figures(minutes.meeting)
    minutes.households_total = figures["households_total"]
    minutes.households_represented = figures["households_represented"]
    minutes.guests_count = minutes.meeting.guests_count


@transaction.atomic
def save_minutes(
    actor,
    meeting,
    chair,
    secretary,
    records=None,
    summary="",
    attachment=None,
):
    """Write the draft minutes of ``meeting`` (created on first save). The
    attendance figures are taken from the attendance checklist."""
    meeting = _locked_meeting(meeting)
    require(actor, SCHEDULE, meeting.area)
    if meeting.cancelled:
        raise ActionRefused(_("This meeting is cancelled."))
    if not meeting.has_started():
        raise ActionRefused(_("Minutes are written once the meeting has begun."))
    chair = clean_text(chair)[:150]
    secretary = clean_text(secretary)[:150]
    if not chair or not secretary:
        raise ActionRefused(_("Give the names of the chair and of the secretary."))
    minutes = open_minutes(meeting)
    if minutes is None:
        if meeting.minutes_revisions.exists():
            raise ActionRefused(
                _("The minutes are published; to change them, write a correction.")
            )
        minutes = Minutes(meeting=meeting, revision=1, created_by=actor)
    elif minutes.status != MinutesStatus.DRAFT:
        raise ActionRefused(
            _("These minutes wait for review and cannot be changed now.")
        )
    minutes.meeting = meeting
    _refresh_figures(minutes)
    cleaned = _clean_records(meeting, minutes, records)
    minutes.chair, minutes.secretary = chair, secretary
    minutes.summary = clean_text(summary, multiline=True)[:10000]
    minutes.save()
    minutes.records.exclude(agenda_item_id__in=list(cleaned)).delete()
    for item_pk, fields in cleaned.items():
        AgendaRecord.objects.update_or_create(
            minutes=minutes, agenda_item_id=item_pk, defaults=fields
        )
    if attachment is not None:
        MinutesAttachment.objects.create(
            minutes=minutes, document=attachment, title=attachment.title
        )
    log(minutes, "kdcdt.minutes.save", user=actor)
    return minutes


def _locked_minutes(minutes):
    _locked_meeting(minutes.meeting_id)
    return Minutes.objects.select_related("meeting__area").get(pk=minutes.pk)


def commune_editors(area):
    """Who reviews the minutes of ``area``'s meetings: whoever may approve them."""
    return list(users_who_can(APPROVE, area))


@transaction.atomic
def submit_minutes(actor, minutes):
    """The leader sends the draft for review; the commune's editors are told."""
    minutes = _locked_minutes(minutes)
    meeting = minutes.meeting
    require(actor, SCHEDULE, meeting.area)
    if minutes.status != MinutesStatus.DRAFT:
        raise ActionRefused(_("Only draft minutes can be submitted."))
    if not minutes.records.exists():
        raise ActionRefused(_("Record at least one agenda item before submitting."))
    _refresh_figures(minutes)
    minutes.status = MinutesStatus.SUBMITTED
    minutes.submitted_by = actor
    minutes.submitted_at = timezone.now()
    minutes.rejection_reason = ""
    minutes.save()
    log(minutes, "kdcdt.minutes.submit", user=actor)
    for editor in commune_editors(meeting.area):
        if editor.pk != actor.pk:
            notify(
                editor,
                told.MINUTES_SUBMITTED,
                minutes,
                actor=actor,
                url=meeting.get_absolute_url() + "#minutes",
                title=meeting.title,
                area=meeting.area.title,
            )
    return minutes


@transaction.atomic
def approve_minutes(actor, minutes):
    """A commune editor publishes the minutes; a corrected revision replaces the
    published one, which stays readable as *superseded*."""
    minutes = _locked_minutes(minutes)
    meeting = minutes.meeting
    require(actor, APPROVE, meeting.area)
    if minutes.status == MinutesStatus.DRAFT and minutes.records.exists():
        _refresh_figures(minutes)  # an editor may publish directly, as with notices
    elif minutes.status != MinutesStatus.SUBMITTED:
        raise ActionRefused(_("These minutes are not waiting for review."))
    previous = published_minutes(meeting)
    if previous is not None:
        previous.status = MinutesStatus.SUPERSEDED
        previous.save(update_fields=["status"])
    minutes.status = MinutesStatus.PUBLISHED
    minutes.reviewed_by = actor
    minutes.published_at = timezone.now()
    minutes.save()
    log(minutes, "kdcdt.minutes.publish", user=actor)
    author = minutes.submitted_by or minutes.created_by
    if author is not None and author.pk != actor.pk:
        notify(
            author,
            told.MINUTES_PUBLISHED,
            minutes,
            actor=actor,
            url=meeting.get_absolute_url() + "#minutes",
            title=meeting.title,
        )
    # the followers of the meeting and of its area, by the worker (once per
    # revision: a corrected revision is announced again)
    enqueue_tell_followers(
        told.MINUTES_FOR_FOLLOWERS,
        minutes,
        followed=[meeting, meeting.area],
        actor=actor,
        exclude=[getattr(author, "pk", None)],
        url=meeting.get_absolute_url() + "#minutes",
        params={"title": meeting.title, "area": meeting.area.title},
    )
    return minutes


@transaction.atomic
def reject_minutes(actor, minutes, reason):
    """A commune editor sends the minutes back to draft, with a reason."""
    minutes = _locked_minutes(minutes)
    meeting = minutes.meeting
    require(actor, APPROVE, meeting.area)
    if minutes.status != MinutesStatus.SUBMITTED:
        raise ActionRefused(_("These minutes are not waiting for review."))
    reason = clean_text(reason, multiline=True)
    if not reason:
        raise ActionRefused(_("Give a reason; the leader will see it."))
    minutes.status = MinutesStatus.DRAFT
    minutes.rejection_reason = reason[:2000]
    minutes.reviewed_by = actor
    minutes.save()
    log(minutes, "kdcdt.minutes.reject", user=actor)
    author = minutes.submitted_by or minutes.created_by
    if author is not None:
        notify(
            author,
            told.MINUTES_SENT_BACK,
            minutes,
            actor=actor,
            url=reverse("meetings:minutes_edit", args=[meeting.pk]),
            title=meeting.title,
            reason=minutes.rejection_reason,
        )
    return minutes


@transaction.atomic
def start_correction(actor, meeting, note):
    """Copy the published minutes into a new draft revision carrying ``note``."""
    meeting = _locked_meeting(meeting)
    require(actor, SCHEDULE, meeting.area)
    note = clean_text(note, multiline=True)
    if not note:
        raise ActionRefused(_("Say what the correction changes; everyone will see it."))
    current = published_minutes(meeting)
    if current is None:
        raise ActionRefused(_("Only published minutes can be corrected."))
    if open_minutes(meeting) is not None:
        raise ActionRefused(
            _("A correction of these minutes is already being written.")
        )
    try:
        with transaction.atomic():
            draft = Minutes.objects.create(
                meeting=meeting,
                revision=current.revision + 1,
                chair=current.chair,
                secretary=current.secretary,
                summary=current.summary,
                households_total=current.households_total,
                households_represented=current.households_represented,
                guests_count=current.guests_count,
                correction_note=note[:2000],
                created_by=actor,
            )
    except IntegrityError:
        raise ActionRefused(
            _("A correction of these minutes is already being written.")
        ) from None
    AgendaRecord.objects.bulk_create(
        [
            AgendaRecord(
                minutes=draft,
                agenda_item_id=record.agenda_item_id,
                discussion=record.discussion,
                decision=record.decision,
                votes_for=record.votes_for,
                votes_against=record.votes_against,
                votes_abstain=record.votes_abstain,
                poll_id=record.poll_id,
            )
            for record in current.records.all()
        ]
    )
    MinutesAttachment.objects.bulk_create(
        [
            MinutesAttachment(minutes=draft, document_id=a.document_id, title=a.title)
            for a in current.attachments.all()
        ]
    )
    log(draft, "kdcdt.minutes.correct", user=actor)
    return draft
