"""Every change of the local directory: admin saves, proposals, decisions.

What the pages read is in ``queries``; what changes is here.

* Utilities (``UtilityLink``) belong to a commune or to a residential group; the
  commune's editors keep them (``manage_services``), in the admin scoped with
  ``civic.people.permissions.scoped``. A group's page shows its own entries and
  its commune's.
* Businesses (``Business``) are proposed by verified residents of a group and
  approved or rejected by its leader or a commune editor (``approve_businesses``).
  Muted residents cannot propose; proposals are rate-limited per resident.

Refusals raise ``ActionRefused`` (a ``ValidationError``) or ``ActionForbidden`` with a
message for the user; nothing is saved then.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from civic.comments.moderation import is_muted
from civic.core.errors import ActionForbidden, ActionRefused
from civic.core.text import clean_text
from civic.people.actions import notify
from civic.people.models import User
from civic.people.permissions import can
from civic.people.records import save_area_record

from . import notifications as told
from .models import Business, BusinessStatus
from .permissions import APPROVE, MANAGE
from .queries import approvers_of, submission_area

#: Proposals one resident may send in 24 hours, and may have waiting at once.
DEFAULTS = {"BUSINESS_SUBMISSIONS_PER_DAY": 3, "BUSINESS_PENDING_PER_RESIDENT": 5}


def setting(name):
    return int(getattr(settings, name, DEFAULTS[name]))


def save_local_record(user, form, action=MANAGE):
    """Save an admin form for a utility entry (or a business) of a commune or
    group, and log it: ``civic.people.records.save_area_record``, the one path of
    every admin save (the area is checked again, before and after the edit). A
    business belongs to a residential group."""
    if isinstance(form.instance, Business):
        area_ok = lambda area: area.is_group  # noqa: E731
    else:
        area_ok = lambda area: area.is_commune or area.is_group  # noqa: E731
    return save_area_record(
        user,
        form,
        action,
        area_ok=area_ok,
        wrong_area=_("Choose a commune or a residential group."),
    )


# --- businesses -------------------------------------------------------------------


def _field(label, limit, required=True):
    """``clean_text`` rules of a field the messages call ``label``."""
    return {
        "max_length": limit,
        "required": _("Fill in “%(field)s”.") % {"field": label} if required else None,
        "too_long": _("“%(field)s” is too long (at most %(n)d characters)."),
        "params": {"field": label, "n": limit},
    }


def submit_business(user, name, offers, phone, opening_hours="", address="", now=None):
    """A verified resident proposes a business of their own group.

    ``ActionForbidden`` when not signed in; ``ActionRefused`` when not verified,
    muted in the group, or past the limits (``BUSINESS_SUBMISSIONS_PER_DAY`` in 24
    hours, ``BUSINESS_PENDING_PER_RESIDENT`` waiting). The resident's row is locked so two concurrent proposals cannot both
    slip under a limit.
    """
    if not user or not user.is_authenticated:
        raise ActionForbidden(_("Sign in to propose a business."))
    now = now or timezone.now()
    values = {
        "name": clean_text(name, **_field(_("name"), 150)),
        "offers": clean_text(offers, **_field(_("what they sell or do"), 300)),
        "phone": clean_text(phone, **_field(_("contact phone"), 40)),
        "opening_hours": clean_text(
            opening_hours, **_field(_("opening hours"), 150, False)
        ),
        "address": clean_text(address, **_field(_("address"), 255, False)),
    }
    with transaction.atomic():
        User.objects.locked(user)
        area = submission_area(user)
        # the form says both: refusals, not a 403
        if area is None:
            raise ActionRefused(
                _(
                    "Only residents verified by their group leader can propose a "
                    "business of their group."
                )
            )
        if is_muted(user, area):
            raise ActionRefused(
                _("A moderator has muted you here; you cannot propose a business now.")
            )
        mine = Business.objects.filter(submitted_by=user)
        per_day = setting("BUSINESS_SUBMISSIONS_PER_DAY")
        if mine.filter(created_at__gte=now - timedelta(days=1)).count() >= per_day:
            raise ActionRefused(
                _(
                    "You have proposed %(n)d businesses in the last 24 hours; "
                    "try again tomorrow."
                )
                % {"n": per_day}
            )
        pending = setting("BUSINESS_PENDING_PER_RESIDENT")
        if mine.filter(status=BusinessStatus.PENDING).count() >= pending:
            raise ActionRefused(
                _(
                    "%(n)d of your proposals are still waiting for the group leader; "
                    "wait for a decision first."
                )
                % {"n": pending}
            )
        business = Business.objects.create(area=area, submitted_by=user, **values)
        log(business, "kdcdt.business.submit", user=user)
        for approver in approvers_of(area):
            if approver.pk != user.pk:
                notify(
                    approver,
                    told.BUSINESS_PROPOSED,
                    business,
                    actor=user,
                    url=reverse("directory:business_queue"),
                    name=user.display_name,
                    business=business.name,
                )
    return business


def _locked_business(user, business):
    pk = getattr(business, "pk", business)
    try:
        business = (
            Business.objects.select_for_update(of=("self",))
            .select_related("area", "submitted_by")
            .get(pk=pk)
        )
    except (Business.DoesNotExist, ValueError, TypeError):
        raise ActionRefused(_("This business does not exist.")) from None
    if not can(user, APPROVE, business.area):
        raise ActionForbidden(
            _("Only the leader of this group or a commune editor decides on it.")
        )
    return business


def _tell_submitter(business, kind, actor, **params):
    if business.submitted_by_id and business.submitted_by.is_active:
        notify(
            business.submitted_by,
            kind,
            business,
            actor=actor,
            url=reverse("directory:business_new"),
            business=business.name,
            **params,
        )


@transaction.atomic
def approve_business(user, business):
    business = _locked_business(user, business)
    if business.status != BusinessStatus.PENDING:
        raise ActionRefused(
            _("This proposal is already %(status)s.")
            % {"status": business.get_status_display()}
        )
    business.status = BusinessStatus.APPROVED
    business.rejection_reason = ""
    business.decided_by = user
    business.decided_at = timezone.now()
    business.save()
    log(business, "kdcdt.business.approve", user=user)
    _tell_submitter(business, told.BUSINESS_APPROVED, user)
    return business


@transaction.atomic
def reject_business(user, business, reason):
    """Reject a waiting proposal, or withdraw an approved entry, with a reason."""
    from modelsearch.index import remove_object

    business = _locked_business(user, business)
    reason = clean_text(reason, **_field(_("reason for the rejection"), 500))
    if business.status == BusinessStatus.REJECTED:
        raise ActionRefused(_("This proposal is already rejected."))
    business.status = BusinessStatus.REJECTED
    business.rejection_reason = reason
    business.decided_by = user
    business.decided_at = timezone.now()
    business.save()
    transaction.on_commit(lambda: remove_object(business))
    log(business, "kdcdt.business.reject", user=user, data={"reason": reason})
    _tell_submitter(business, told.BUSINESS_REJECTED, user, reason=reason)
    return business
