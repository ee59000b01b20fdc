"""Every change of the support points: admin saves, appointments, assisted sessions.

Each action checks ``can(user, action, area)``, runs in a transaction, writes the
audit record (Wagtail's ``ModelLogEntry`` through ``wagtail.log_actions.log``) and
tells the people concerned with ``civic.people.actions.notify``. Views and admin
screens call these and stay thin. Refusals raise ``ActionRefused`` (a ``ValidationError``)
whose message is for the user.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.log_actions import log

from civic.core.errors import ActionForbidden, ActionRefused
from civic.core.text import clean_text
from civic.people.actions import notify
from civic.people.models import RoleKind
from civic.people.permissions import can, users_who_can
from civic.people.records import save_area_record

from . import notifications as told
from .models import (
    ACTIVE_APPOINTMENT,
    Appointment,
    AppointmentStatus,
    AssistedSession,
    SupportPoint,
)

#: Support points are kept by the commune's editors.
MANAGE = "manage_services"

#: How far ahead a resident may book.
BOOKING_HORIZON_DAYS = 60
MAX_ACTIVE_APPOINTMENTS = 3
#: Read to the resident before a helper records a session for them.
SESSION_CONSENT_TEXT = gettext_noop(
    "I agree that the helper records what was done for me today, with my name, "
    "and that I and the commune can read this record."
)


class SlotTaken(ActionRefused):
    """The slot was booked by someone else (the unique constraint said so)."""


def _require(user, action, area):
    if not can(user, action, area):
        raise ActionForbidden(_("You are not responsible for this commune."))


def _when(day, slot):
    return f"{time_format(slot, 'H:i')} {date_format(day, 'SHORT_DATE_FORMAT')}"


# --- the support points (admin) ----------------------------------------------------


def save_record(user, form):
    """Save an admin form for a support point of a commune, and log
    ``wagtail.create`` / ``wagtail.edit`` (``civic.people.records.save_area_record``:
    the commune is checked again, before and after the edit)."""
    return save_area_record(
        user,
        form,
        MANAGE,
        area_ok=lambda area: area.is_commune,
        wrong_area=_("Choose a commune, ward or special zone."),
        forbidden=_("You are not responsible for this commune."),
    )


# --- appointments -----------------------------------------------------------------


def _point(point):
    pk = getattr(point, "pk", point)
    try:
        return SupportPoint.objects.select_related("area").get(pk=pk, area__live=True)
    except (SupportPoint.DoesNotExist, ValueError, TypeError):
        raise ActionRefused(_("This support point does not exist.")) from None


def check_slot(point, day, slot, now=None):
    """Refuse a day or time the point does not offer (past, too far, closed)."""
    now = timezone.localtime(now or timezone.now())
    if day is None or slot is None:
        raise ActionRefused(_("Choose a date and a time."))
    if not point.is_open:
        raise ActionRefused(_("This support point is closed for now."))
    if day < now.date():
        raise ActionRefused(_("This date has passed; choose a later one."))
    if day > now.date() + timedelta(days=BOOKING_HORIZON_DAYS):
        raise ActionRefused(
            _("Appointments can be made up to %(n)d days ahead.")
            % {"n": BOOKING_HORIZON_DAYS}
        )
    if slot not in point.slots_on(day):
        raise ActionRefused(
            _("The point offers no appointment at %(when)s; choose a listed time.")
            % {"when": _when(day, slot)}
        )
    if day == now.date() and slot <= now.time():
        raise ActionRefused(_("This time has passed; choose a later one."))


def _take_slot(appointment, update_fields=None):
    """Save ``appointment`` in a savepoint; a taken slot raises ``SlotTaken``."""
    try:
        with transaction.atomic():
            if update_fields:
                appointment.save(update_fields=update_fields)
            else:
                appointment.save()
    except IntegrityError:
        raise SlotTaken(
            _("Someone has just booked %(when)s. Choose another time.")
            % {"when": _when(appointment.date, appointment.slot)}
        ) from None


def helpers_of(point):
    """The helpers on duty at ``point``, or else every helper of its commune."""
    on_duty = list(point.helpers.filter(is_active=True))
    if on_duty:
        return on_duty
    return list(users_who_can("help_residents", point.area, kinds={RoleKind.HELPER}))


@transaction.atomic
def request_appointment(resident, point, day, slot, need, now=None):
    if not resident or not resident.is_authenticated:
        raise ActionForbidden(_("Sign in to request an appointment."))
    point = _point(point)
    need = clean_text(need)
    if not need:
        raise ActionRefused(_("Say what you need help with."))
    if len(need) > 500:
        raise ActionRefused(_("Keep the description under 500 characters."))
    check_slot(point, day, slot, now)
    active = Appointment.objects.filter(
        resident=resident,
        status__in=ACTIVE_APPOINTMENT,
        date__gte=timezone.localdate(),
    )
    if active.count() >= MAX_ACTIVE_APPOINTMENTS:
        raise ActionRefused(
            _("You already have %(n)d appointments waiting; cancel one first.")
            % {"n": MAX_ACTIVE_APPOINTMENTS}
        )
    appointment = Appointment(
        point=point, resident=resident, date=day, slot=slot, need=need
    )
    _take_slot(appointment)
    log(appointment, "kdcdt.appointment.request", user=resident)
    for helper in helpers_of(point):
        notify(
            helper,
            told.REQUESTED,
            appointment,
            actor=resident,
            url=reverse("support:helper_desk"),
            name=resident.display_name,
            point=point.name,
            when=told.when_param(day, slot),
            need=need,
        )
    return appointment


def _locked(appointment):
    pk = getattr(appointment, "pk", appointment)
    try:
        return (
            Appointment.objects.select_for_update(of=("self",))
            .select_related("point__area", "resident")
            .get(pk=pk)
        )
    except (Appointment.DoesNotExist, ValueError, TypeError):
        raise ActionRefused(_("This appointment does not exist.")) from None


@transaction.atomic
def confirm_appointment(helper, appointment):
    appointment = _locked(appointment)
    _require(helper, "help_residents", appointment.point.area)
    if appointment.status != AppointmentStatus.REQUESTED:
        raise ActionRefused(
            _("This appointment is already %(status)s.")
            % {"status": appointment.get_status_display()}
        )
    if appointment.starts < timezone.localtime().replace(tzinfo=None):
        raise ActionRefused(
            _("This appointment's time has passed; propose another slot.")
        )
    appointment.status = AppointmentStatus.CONFIRMED
    appointment.helper = helper
    appointment.save(update_fields=["status", "helper", "updated_at"])
    log(appointment, "kdcdt.appointment.confirm", user=helper)
    when = told.when_param(appointment.date, appointment.slot)
    notify(
        appointment.resident,
        told.CONFIRMED,
        appointment,
        actor=helper,
        url=reverse("support:my_appointments"),
        point=appointment.point.name,
        when=when,
        helper=helper.display_name,
    )
    notify(
        helper,
        told.YOU_CONFIRMED,
        appointment,
        actor=helper,
        url=reverse("support:helper_desk"),
        name=appointment.resident.display_name,
        point=appointment.point.name,
        when=when,
    )
    return appointment


@transaction.atomic
def propose_slot(helper, appointment, day, slot, note="", now=None):
    """The helper offers another slot; it is held for the resident at once."""
    appointment = _locked(appointment)
    _require(helper, "help_residents", appointment.point.area)
    if appointment.status not in (
        AppointmentStatus.REQUESTED,
        AppointmentStatus.PROPOSED,
        AppointmentStatus.CONFIRMED,
    ):
        raise ActionRefused(
            _("This appointment is already %(status)s.")
            % {"status": appointment.get_status_display()}
        )
    if (day, slot) == (appointment.date, appointment.slot):
        raise ActionRefused(_("Propose a different time from the one requested."))
    check_slot(appointment.point, day, slot, now)
    note = clean_text(note)[:500]
    appointment.date, appointment.slot = day, slot
    appointment.status = AppointmentStatus.PROPOSED
    appointment.helper = helper
    appointment.note = note
    _take_slot(appointment, ["date", "slot", "status", "helper", "note", "updated_at"])
    log(appointment, "kdcdt.appointment.propose", user=helper)
    when = told.when_param(day, slot)
    notify(
        appointment.resident,
        told.PROPOSED,
        appointment,
        actor=helper,
        url=reverse("support:my_appointments"),
        helper=helper.display_name,
        when=when,
        point=appointment.point.name,
        note=note,
    )
    notify(
        helper,
        told.YOU_PROPOSED,
        appointment,
        actor=helper,
        url=reverse("support:helper_desk"),
        when=when,
        name=appointment.resident.display_name,
    )
    return appointment


@transaction.atomic
def accept_proposal(resident, appointment):
    appointment = _locked(appointment)
    if appointment.resident_id != getattr(resident, "pk", None):
        raise ActionForbidden(_("This is not your appointment."))
    if appointment.status != AppointmentStatus.PROPOSED:
        raise ActionRefused(_("There is no proposed time to accept."))
    appointment.status = AppointmentStatus.CONFIRMED
    appointment.save(update_fields=["status", "updated_at"])
    log(appointment, "kdcdt.appointment.accept", user=resident)
    when = told.when_param(appointment.date, appointment.slot)
    notify(
        resident,
        told.ACCEPTED,
        appointment,
        actor=resident,
        url=reverse("support:my_appointments"),
        point=appointment.point.name,
        when=when,
    )
    if appointment.helper:
        notify(
            appointment.helper,
            told.RESIDENT_ACCEPTED,
            appointment,
            actor=resident,
            url=reverse("support:helper_desk"),
            name=resident.display_name,
            when=when,
            point=appointment.point.name,
        )
    return appointment


@transaction.atomic
def cancel_appointment(user, appointment, reason=""):
    """The resident, or a helper of the commune, cancels; the slot is free again."""
    appointment = _locked(appointment)
    is_resident = appointment.resident_id == getattr(user, "pk", None)
    if not is_resident:
        _require(user, "help_residents", appointment.point.area)
    if not appointment.is_active:
        raise ActionRefused(
            _("This appointment is already %(status)s.")
            % {"status": appointment.get_status_display()}
        )
    reason = clean_text(reason)[:500]
    if not is_resident and not reason:
        raise ActionRefused(_("Give a reason; the resident will see it."))
    appointment.status = AppointmentStatus.CANCELLED
    if reason:
        appointment.note = reason
    appointment.save(update_fields=["status", "note", "updated_at"])
    log(appointment, "kdcdt.appointment.cancel", user=user)
    when = told.when_param(appointment.date, appointment.slot)
    if is_resident:
        for helper in (
            [appointment.helper]
            if appointment.helper
            else helpers_of(appointment.point)
        ):
            notify(
                helper,
                told.RESIDENT_CANCELLED,
                appointment,
                actor=user,
                url=reverse("support:helper_desk"),
                name=user.display_name,
                when=when,
                point=appointment.point.name,
            )
    else:
        notify(
            appointment.resident,
            told.CANCELLED,
            appointment,
            actor=user,
            url=reverse("support:my_appointments"),
            point=appointment.point.name,
            when=when,
            reason=reason,
        )
    return appointment


# --- assisted sessions ------------------------------------------------------------


@transaction.atomic
def record_session(
    helper,
    point,
    done,
    consent,
    resident=None,
    resident_name="",
    appointment=None,
    procedure=None,
    happened_at=None,
):
    """A helper records what was done for a resident, who consented to the record."""
    point = _point(point)
    _require(helper, "help_residents", point.area)
    if not consent:
        raise ActionRefused(
            _("Read the consent text to the resident; record only if they agree.")
        )
    done = clean_text(done, multiline=True)
    if not done:
        raise ActionRefused(_("Say what was done."))
    if len(done) > 2000:
        raise ActionRefused(_("Keep the description under 2,000 characters."))
    now = timezone.now()
    happened_at = happened_at or now
    if happened_at > now + timedelta(minutes=5):
        raise ActionRefused(_("A session is recorded after it happened, not before."))
    if appointment is not None:
        appointment = _locked(appointment)
        if appointment.point_id != point.pk:
            raise ActionRefused(_("This appointment is at another support point."))
        if appointment.status not in (
            AppointmentStatus.CONFIRMED,
            AppointmentStatus.REQUESTED,
        ):
            raise ActionRefused(
                _("This appointment is already %(status)s.")
                % {"status": appointment.get_status_display()}
            )
        if AssistedSession.objects.filter(appointment=appointment).exists():
            raise ActionRefused(
                _("A session is already recorded for this appointment.")
            )
        resident = appointment.resident
    if procedure is not None and procedure.area_id != point.area_id:
        raise ActionRefused(_("Choose a procedure of this commune."))
    resident_name = clean_text(resident_name)[:150]
    if resident is not None:
        resident_name = resident_name or resident.display_name
    if not resident_name:
        raise ActionRefused(_("Give the resident's name."))
    session = AssistedSession.objects.create(
        point=point,
        helper=helper,
        resident=resident,
        resident_name=resident_name,
        appointment=appointment,
        procedure=procedure,
        done=done,
        consent_text=_(SESSION_CONSENT_TEXT),
        consent_given_at=now,
        happened_at=happened_at,
    )
    if appointment is not None:
        appointment.status = AppointmentStatus.DONE
        appointment.save(update_fields=["status", "updated_at"])
        log(appointment, "kdcdt.appointment.done", user=helper)
    log(session, "kdcdt.session.record", user=helper)
    if resident is not None:
        notify(
            resident,
            told.SESSION_RECORDED,
            session,
            actor=helper,
            url=reverse("support:my_appointments"),
            helper=helper.display_name,
            point=point.name,
        )
    return session


def local_naive(moment):
    """``moment`` in Asia/Ho_Chi_Minh without its zone, for opening-hours sums."""
    return timezone.localtime(moment).replace(tzinfo=None)
