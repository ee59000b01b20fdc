"""State changes of people and roles. Views and admin screens call these."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.log_actions import log
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from civic.core.areas import GROUP_KINDS, area_model
from civic.core.errors import ActionForbidden, ActionRefused
from civic.core.text import clean_text

from . import inbox
from . import notifications as told
from .follows import follow_home
from .models import (
    ACTIVE_RESIDENCY,
    AreaCollection,
    AreaRoleGroup,
    ConsentRecord,
    Household,
    Notification,
    PrivacyNotice,
    Residency,
    ResidencyStatus,
    Role,
    RoleKind,
    User,
    address_key,
)
from .permissions import (
    ACTIONS,
    can,
    forget_cached_roles,
    page_permissions,
    users_who_can,
)

#: Collection permissions (images, documents), on the area's own collection
#: (:func:`area_collection`), which holds those of the areas below it, so a
#: leader chooses only the images and documents of their areas (and uploads
#: into their group's collection without being asked which). Who may fetch a
#: document is decided when it is served: content.documents.
COLLECTION_PERMISSIONS = {
    RoleKind.GROUP_LEADER: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ],
    RoleKind.COMMUNE_EDITOR: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
    RoleKind.HELPER: [],
}


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def area_collection(area):
    """The Wagtail collection of ``area`` (created with its ancestors' if missing).

    The documents of an area's records and pages go here; its leaders and
    editors may choose only from the collections of their areas.
    """
    link = AreaCollection.objects.filter(area=area).select_related("collection")
    if link:
        return link[0].collection
    # the parent is an area too unless ``area`` is a top one (under the portal)
    parent = type(area)._default_manager.filter(pk=area.get_parent().pk).first()
    if parent is not None:
        parent_collection = area_collection(parent)
    else:
        parent_collection = Collection.get_first_root_node()
    try:
        with transaction.atomic():
            collection = parent_collection.add_child(
                name=f"{area.title} [{area.pk}]"[:255]
            )
            AreaCollection.objects.create(area=area, collection=collection)
    except IntegrityError:  # created meanwhile by a concurrent request
        return AreaCollection.objects.get(area=area).collection
    return collection


@transaction.atomic
def move_area_collection(page, new_parent):
    """After ``page`` moved under ``new_parent``: if it is an area with a
    collection, put that collection (and the collections of the areas below,
    which are its descendants) under the collection of ``new_parent`` (the root
    collection when ``new_parent`` is not an area). Collections mirror the area
    tree, so the collection permissions of the new parent's roles reach it and
    those of the old parent's roles no longer do."""
    link = (
        AreaCollection.objects.filter(area_id=page.pk)
        .select_related("collection")
        .first()
    )
    if link is None:  # no collection yet: it is made in the right place on demand
        return
    parent_area = area_model().objects.filter(pk=new_parent.pk).first()
    if parent_area is not None:
        target = area_collection(parent_area)
    else:
        target = Collection.get_first_root_node()
    collection = Collection.objects.get(pk=link.collection_id)
    if collection.get_parent().pk == target.pk:
        return
    collection.move(target, pos="sorted-child")  # collections sort by name


def role_group(area, kind):
    """The Wagtail group for ``kind`` on ``area``, created with its permissions."""
    link = AreaRoleGroup.objects.filter(area=area, kind=kind).select_related("group")
    if link:
        return link[0].group
    label = RoleKind(kind).label
    group = Group.objects.create(name=f"{area.title} — {label} [{area.pk}]"[:150])
    # what the group may do comes from permissions.ACTIONS, like can()'s answer
    if kind in ACTIONS["access_admin"]:
        group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for codename in page_permissions(kind):
        GroupPagePermission.objects.create(
            group=group, page=area, permission=_permission("wagtailcore", codename)
        )
    collection = area_collection(area)
    for app_label, codename in COLLECTION_PERMISSIONS[kind]:
        GroupCollectionPermission.objects.create(
            group=group,
            collection=collection,
            permission=_permission(app_label, codename),
        )
    AreaRoleGroup.objects.create(area=area, kind=kind, group=group)
    return group


@transaction.atomic
def grant_role(actor, user, area, kind):
    """Give ``user`` the role ``kind`` on ``area`` and the matching Wagtail rights."""
    role = Role(user=user, area=area, kind=kind, granted_by=actor)
    role.full_clean()
    role.save()  # the post_save signal brings the Wagtail group in step
    log(role, "kdcdt.role.grant", user=actor)
    return role


@transaction.atomic
def revoke_role(actor, role):
    """Take a role away, and the Wagtail rights that came with it."""
    log(role, "kdcdt.role.revoke", user=actor)
    role.delete()  # the post_delete signal removes the Wagtail group membership


def sync_role_groups(role, granted):
    """Keep the user's Wagtail group membership equal to their roles."""
    group = role_group(role.area, role.kind)
    if granted:
        role.user.groups.add(group)
    else:
        role.user.groups.remove(group)
    forget_cached_roles(role.user)


def notify(recipient, kind, obj=None, *, actor=None, url="", **params):
    """Tell ``recipient`` of an event of ``kind`` (a ``notifications.Kind``) about
    ``obj``, done by ``actor``; ``params``: the language-neutral values of its
    text. Shown on their account page and in the header, in their language.

    ``kind`` may still be a plain text (older callers): it is then stored as
    written and shown as is."""
    from .tasks import enqueue_delivery

    if isinstance(kind, str):
        note = Notification.objects.create(user=recipient, message=kind[:500], url=url)
        enqueue_delivery([note.pk])
        inbox.changed([recipient.pk])
        return note
    from django.contrib.contenttypes.models import ContentType

    note = Notification(
        user=recipient,
        kind=kind.name,
        actor=actor,
        params=params,
        url=url,
    )
    if obj is not None:
        note.content_type = ContentType.objects.get_for_model(obj)
        note.object_id = str(obj.pk)
    with translation.override(settings.LANGUAGE_CODE):
        note.message = kind.render(obj, actor, params)[:500]
    note.save()
    # handed to the recipient's channels by the worker (civic.people.delivery),
    # a task written in this transaction: nothing is sent if it rolls back
    enqueue_delivery([note.pk])
    inbox.changed([note.user_id])  # the live badge, after commit
    return note


def notify_many(recipients, kind, obj=None, *, actor=None, url="", **params):
    """``notify`` for many recipients at once (one insert per 500); the text is
    rendered once, in the site's language, for the fallback. One delivery task
    per chunk of 500 notifications (civic.people.delivery)."""
    from django.contrib.contenttypes.models import ContentType

    from .tasks import enqueue_delivery

    content_type = ContentType.objects.get_for_model(obj) if obj is not None else None
    object_id = str(obj.pk) if obj is not None else ""
    with translation.override(settings.LANGUAGE_CODE):
        message = kind.render(obj, actor, params)[:500]
    notes = [
        Notification(
            user_id=getattr(recipient, "pk", recipient),
            kind=kind.name,
            content_type=content_type,
            object_id=object_id,
            actor=actor,
            params=params,
            message=message,
            url=url,
        )
        for recipient in recipients
    ]
    Notification.objects.bulk_create(notes, batch_size=500)
    enqueue_delivery([note.pk for note in notes])
    inbox.changed([note.user_id for note in notes])  # the live badges, after commit
    return len(notes)


def mark_notifications_read(user):
    from django.utils import timezone

    done = Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if done:
        inbox.changed([user.pk])
    return done


# --- residents join their group -------------------------------------------------


CONSENT_VERSION = "2025-1"


def _verifiers(area, applicant=None):
    """Who is told about a residency waiting in ``area``: its group leaders, or the
    commune's editors where the group has no leader. Nobody verifies their own
    residency, so the ``applicant`` is left out (a leader joining their own group
    is verified by another leader, or by the commune's editors)."""
    exclude = {"pk": applicant.pk} if applicant is not None else {}
    # users_who_can: active accounts only (a deactivated one is told nothing)
    for kinds in ({RoleKind.GROUP_LEADER}, {RoleKind.COMMUNE_EDITOR}):
        verifiers = list(
            users_who_can("verify_residents", area, kinds=kinds).exclude(**exclude)
        )
        if verifiers:
            return verifiers
    return []


def _require_verifier(actor, residency):
    if not can(actor, "verify_residents", residency.household.area):
        raise ActionForbidden(
            _("You can only act on the residents of the area you are responsible for.")
        )
    if residency.user_id == actor.pk:
        raise ActionRefused(OWN_RESIDENCY)


#: Nobody decides on their own residency (verify, reject, mark moved away).
OWN_RESIDENCY = _lazy(
    "You cannot decide on your own residency: another leader of your group or an "
    "editor of your commune does it."
)


def _locked_residency(residency):
    """The residency re-read under a row lock, so two decisions cannot both win."""
    pk = residency.pk if isinstance(residency, Residency) else residency
    try:
        return (
            Residency.objects.select_for_update(of=("self",))
            .select_related("household__area", "user")
            .get(pk=pk)
        )
    except (Residency.DoesNotExist, ValueError, TypeError):
        raise ActionRefused(_("This request no longer exists.")) from None


def _require_pending(residency):
    if residency.status != ResidencyStatus.PENDING:
        raise ActionRefused(
            _("This request has already been decided: %(status)s.")
            % {"status": residency.get_status_display()}
        )


#: ``clean_text`` rules of the reason of a decision on a residency.
REASON = {
    "multiline": True,
    "max_length": 500,
    "too_long": _lazy("Keep the reason under 500 characters."),
}
REQUIRED_REASON = {
    **REASON,
    "required": _lazy("Give a reason; the resident will see it."),
}


@transaction.atomic
def register_user(
    full_name, password, phone=None, email="", consent_text="", consent_version=None
):
    """Create a resident's account and record the consent they gave.

    A phone number or email already in use raises ``IntegrityError`` (the unique
    constraints on ``User``); the caller turns it into a message.
    """
    if not consent_text:
        raise ActionRefused(
            _("Consent to the processing of your personal data is needed.")
        )
    user = User(full_name=clean_text(full_name), phone=phone or None, email=email or "")
    user.set_password(password)
    user.save()
    # the privacy notice in force (/quyen-rieng-tu/) is the one the form linked
    notice = PrivacyNotice.current()
    ConsentRecord.objects.create(
        user=user,
        text=str(consent_text),
        version=consent_version or CONSENT_VERSION,
        notice=notice,
        given_at=timezone.now(),
    )
    log(user, "kdcdt.user.register", user=user)
    notify(user, told.WELCOME, user, url=reverse("people:join"))
    return user


@transaction.atomic
def request_residency(user, group, household=None, address=""):
    """Ask to live in ``group``: in an existing ``household`` or a new one at
    ``address`` (its declarer becomes its representative). Pending until verified.

    A second active residency raises ``IntegrityError`` (``people_residency_one_active``).
    """
    groups = area_model().objects.filter(live=True, kind__in=GROUP_KINDS)
    if not groups.filter(pk=getattr(group, "pk", None)).exists():
        raise ActionRefused(_("Choose a residential group from the list."))
    if Residency.objects.filter(user=user, status__in=ACTIVE_RESIDENCY).exists():
        raise ActionRefused(
            _("You already belong to a household or are waiting for verification.")
        )
    if household is not None:
        household = (
            Household.objects.select_for_update(of=("self",))
            .filter(pk=household.pk, area=group)
            .first()
        )
        if household is None:
            raise ActionRefused(_("Choose a household of this residential group."))
        representative = household.representative
        awaiting = bool(
            representative
            and representative.pk != user.pk
            and Residency.objects.filter(
                user=representative,
                household=household,
                status=ResidencyStatus.VERIFIED,
            ).exists()
        )
        residency = Residency.objects.create(
            user=user, household=household, awaiting_representative=awaiting
        )
        log(residency, "kdcdt.residency.request", user=user)
        if awaiting:
            notify(
                representative,
                told.HOUSEHOLD_JOIN_ASKED,
                residency,
                actor=user,
                url=reverse("people:account") + "#confirmations",
                name=user.display_name,
                address=household.address,
            )
            return residency
    else:
        address = clean_text(address)
        if not address:
            raise ActionRefused(_("Give the address of your household."))
        address = address[:255]
        already = ActionRefused(
            _(
                "A household at this address is already registered: choose it "
                "from the list, or ask your group leader."
            )
        )
        household = (
            Household.objects.select_for_update(of=("self",))
            .filter(area=group, address_key=address_key(address))
            .first()
        )
        if household is not None:
            if Residency.objects.filter(
                household=household, status__in=ACTIVE_RESIDENCY
            ).exists():
                raise already
            # A household declared before whose people were all refused or moved
            # away: it is declared again rather than duplicated.
            household.representative = user
            household.save(update_fields=["representative"])
        else:
            try:
                with transaction.atomic():
                    household = Household.objects.create(
                        area=group, address=address, representative=user
                    )
            except IntegrityError:
                # Declared by someone else a moment ago (people_household_one_address).
                raise already from None
        log(household, "kdcdt.household.declare", user=user)
        residency = Residency.objects.create(user=user, household=household)
        log(residency, "kdcdt.residency.request", user=user)
    _tell_verifiers(residency)
    return residency


def _tell_verifiers(residency):
    household = residency.household
    for verifier in _verifiers(household.area, residency.user):
        notify(
            verifier,
            told.VERIFICATION_WAITING,
            residency,
            actor=residency.user,
            url=reverse("people:verification"),
            name=residency.user.display_name,
            address=household.address,
            area=household.area.title,
        )


def _require_representative(actor, residency):
    household = residency.household
    if (
        household.representative_id != actor.pk
        or not Residency.objects.filter(
            user=actor, household=household, status=ResidencyStatus.VERIFIED
        ).exists()
    ):
        raise ActionForbidden(
            _("Only the representative of this household can answer this request.")
        )
    if not residency.awaiting_representative:
        raise ActionRefused(_("This request does not wait for your confirmation."))


@transaction.atomic
def confirm_membership(actor, residency):
    """The household representative confirms that ``residency``'s person lives there."""
    residency = _locked_residency(residency)
    _require_pending(residency)
    _require_representative(actor, residency)
    residency.awaiting_representative = False
    residency.save(update_fields=["awaiting_representative"])
    log(residency, "kdcdt.residency.confirm", user=actor)
    notify(
        residency.user,
        told.HOUSEHOLD_CONFIRMED,
        residency,
        actor=actor,
        url=reverse("people:account"),
    )
    _tell_verifiers(residency)
    return residency


@transaction.atomic
def decline_membership(actor, residency, reason):
    """The household representative says ``residency``'s person does not live there."""
    residency = _locked_residency(residency)
    _require_pending(residency)
    _require_representative(actor, residency)
    reason = clean_text(reason, **REQUIRED_REASON)
    residency.awaiting_representative = False
    residency.save(update_fields=["awaiting_representative"])
    _decide(residency, actor, ResidencyStatus.REJECTED, reason)
    log(residency, "kdcdt.residency.decline", user=actor)
    notify(
        residency.user,
        told.HOUSEHOLD_DECLINED,
        residency,
        actor=actor,
        url=reverse("people:account"),
        reason=reason,
    )
    return residency


def _decide(residency, actor, status, reason=""):
    residency.status = status
    residency.reason = reason
    residency.decided_by = actor
    residency.decided_at = timezone.now()
    residency.save(update_fields=["status", "reason", "decided_by", "decided_at"])


def can_verify_now(residency):
    """A joiner waits for the household representative, unless there is none."""
    return not residency.awaiting_representative or (
        residency.household.representative_id is None
    )


@transaction.atomic
def verify_residency(actor, residency):
    """The group leader (or a commune editor) verifies a pending residency."""
    residency = _locked_residency(residency)
    _require_verifier(actor, residency)
    _require_pending(residency)
    if not can_verify_now(residency):
        raise ActionRefused(
            _("The household's representative has not confirmed this person yet.")
        )
    _decide(residency, actor, ResidencyStatus.VERIFIED)
    if residency.awaiting_representative:
        residency.awaiting_representative = False
        residency.save(update_fields=["awaiting_representative"])
    log(residency, "kdcdt.residency.verify", user=actor)
    follow_home(residency.user, residency.household.area)
    notify(
        residency.user,
        told.RESIDENCY_VERIFIED,
        residency,
        actor=actor,
        url=reverse("people:account"),
        area=residency.household.area.title,
    )
    return residency


@transaction.atomic
def reject_residency(actor, residency, reason):
    """The group leader (or a commune editor) refuses a pending residency."""
    residency = _locked_residency(residency)
    _require_verifier(actor, residency)
    _require_pending(residency)
    reason = clean_text(reason, **REQUIRED_REASON)
    _decide(residency, actor, ResidencyStatus.REJECTED, reason)
    _drop_representative(residency)
    log(residency, "kdcdt.residency.reject", user=actor)
    notify(
        residency.user,
        told.RESIDENCY_REJECTED,
        residency,
        actor=actor,
        url=reverse("people:account"),
        area=residency.household.area.title,
        reason=reason,
    )
    return residency


def _drop_representative(residency):
    household = residency.household
    if household.representative_id == residency.user_id:
        household.representative = None
        household.save(update_fields=["representative"])
        log(household, "kdcdt.household.no_representative", user=residency.decided_by)


@transaction.atomic
def mark_moved(actor, residency, reason=""):
    """The leader records that a verified resident moved away: their rights in the
    group end at once; a representative who moves leaves the household without one
    until the leader picks another."""
    residency = _locked_residency(residency)
    _require_verifier(actor, residency)
    if residency.status != ResidencyStatus.VERIFIED:
        raise ActionRefused(_("Only a verified resident can be marked as moved away."))
    _decide(residency, actor, ResidencyStatus.MOVED, clean_text(reason, **REASON))
    _drop_representative(residency)
    log(residency, "kdcdt.residency.moved", user=actor)
    notify(
        residency.user,
        told.RESIDENCY_MOVED,
        residency,
        actor=actor,
        url=reverse("people:account"),
        area=residency.household.area.title,
    )
    return residency


@transaction.atomic
def set_representative(actor, household, user):
    """The leader makes ``user`` (a verified member) the household's representative."""
    try:
        household = (
            Household.objects.select_for_update(of=("self",))
            .select_related("area")
            .get(pk=getattr(household, "pk", household))
        )
    except (Household.DoesNotExist, ValueError, TypeError):
        raise ActionRefused(_("This household does not exist.")) from None
    if not can(actor, "manage_households", household.area):
        raise ActionForbidden(
            _("You can only act on the residents of the area you are responsible for.")
        )
    member = Residency.objects.filter(
        household=household,
        user_id=getattr(user, "pk", user),
        status=ResidencyStatus.VERIFIED,
    ).select_related("user")
    if not member:
        raise ActionRefused(
            _("The representative must be a verified member of this household.")
        )
    new = member[0].user
    if household.representative_id == new.pk:
        raise ActionRefused(
            _("%(name)s already represents this household.") % {"name": new}
        )
    household.representative = new
    household.save(update_fields=["representative"])
    log(household, "kdcdt.household.representative", user=actor)
    notify(
        new,
        told.REPRESENTATIVE_SET,
        household,
        actor=actor,
        url=reverse("people:account"),
        address=household.address,
    )
    return household
