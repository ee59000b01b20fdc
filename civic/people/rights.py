"""A person's rights over their data (Personal Data Protection Law 91/2025/QH15).

- :func:`request_export` / :func:`build_export`: the ZIP of everything the
  registry (``civic.people.personal_data``) holds about a person, built by the
  worker into the private storage (never served as a file), offered by a signed
  link that expires (:func:`export_token`), the person told by a notification.
- :func:`erase_account`: withdraw consent / delete the account: every section's
  ``erase``, then the account row anonymised (it stays, for what must stay
  counted), the names copied into others' rows rewritten (:func:`scrub_names`).
- :func:`file_request` / :func:`answer_request`: the requests a person of the
  commune answers, with deadlines from ``DATA_REQUEST_DEADLINES``.
- :func:`apply_retention` and :func:`data_care`: the daily task (retention of
  unverified accounts, sign-ins and audit logs; reminders before deadlines).

Every export, deletion, request and answer is logged with Wagtail's audit log
(``wagtail.log_actions.log``), seen by administrators under Reports → Site history.
"""

import io
import json
import secrets
import zipfile
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.log_actions import log

from civic.core.csv import writer as csv_writer
from civic.core.errors import ActionForbidden, ActionRefused

from . import notifications as told
from . import personal_data
from .models import (
    FORMER_RESIDENT,
    ConsentRecord,
    DataExport,
    DataProtectionContact,
    DataRequest,
    ExportStatus,
    Notification,
    RequestKind,
    RequestStatus,
    Residency,
    ResidencyStatus,
    RoleKind,
    SignIn,
    User,
)
from .private_files import delete_exports, private_storage
from .tasks import retrying_task

# --- settings and their defaults ----------------------------------------------------

#: days to answer each kind of request (README, "Personal data": where each comes from)
DEFAULT_DATA_REQUEST_DEADLINES = {
    RequestKind.CORRECTION: 10,
    RequestKind.OBJECTION: 15,
    RequestKind.RESTRICTION: 15,
    RequestKind.COMPLAINT: 30,
    RequestKind.OTHER: 15,
}
DEFAULTS = {
    "DATA_EXPORT_LINK_DAYS": 7,
    "ACCOUNT_RETENTION_MONTHS": 12,
    #: an unverified account is warned this many days before it is anonymised
    "ACCOUNT_RETENTION_WARNING_DAYS": 30,
    "SIGN_IN_RETENTION_DAYS": 90,
    #: Wagtail's audit log of models (not pages' history): 3 years
    "AUDIT_LOG_RETENTION_DAYS": 3 * 365,
    #: residents and the commune's answerers are reminded this many days before
    "DATA_REQUEST_REMINDER_DAYS": 2,
}

#: what a person types to delete their account (or their password)
CONFIRM_PHRASE = _lazy("delete my account")


def setting(name):
    return getattr(settings, name, DEFAULTS[name])


def deadlines():
    return {
        **DEFAULT_DATA_REQUEST_DEADLINES,
        **getattr(settings, "DATA_REQUEST_DEADLINES", {}),
    }


def _audit(instance, action, actor, title, **data):
    log(instance, action, user=actor, title=title[:255], data=data)


# --- see and download -----------------------------------------------------------------


def overview(user, first=3):
    """Per section: its label, how many rows, the first ``first`` rows."""
    out = []
    for section in personal_data.sections():
        data = section.export(user)
        out.append(
            {
                "name": section.name,
                "label": section.label,
                "count": len(data),
                "rows": data[:first],
                "columns": list(data[0].keys()) if data else [],
            }
        )
    return out


README_TEXT = _lazy(
    "This archive holds what the residential-area platform held about you on "
    "%(date)s, one JSON and one CSV file per section:\n\n%(sections)s\n\n"
    "Secret ballots are counted without their voter: the files say that you "
    "voted, never what you chose. To correct, restrict or object to a processing, "
    "or to complain, file a request at %(url)s."
)


def build_zip(user):
    """The ZIP's bytes: README.txt, then ``<section>.json`` and ``.csv`` each."""
    buffer = io.BytesIO()
    listed = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for section in personal_data.sections():
            data = section.export(user)
            listed.append(f"- {section.name}: {section.label} ({len(data)})")
            archive.writestr(
                f"{section.name}.json",
                json.dumps(data, ensure_ascii=False, indent=2),
            )
            text = io.StringIO()
            columns = []
            for row in data:
                columns += [k for k in row if k not in columns]
            writer = csv_writer(text)  # no cell runs as a formula (civic.core.csv)
            writer.writerow(columns or ["-"])
            for row in data:
                writer.writerow([_csv_value(row.get(column)) for column in columns])
            archive.writestr(f"{section.name}.csv", "\ufeff" + text.getvalue())
        base = getattr(settings, "BASE_URL", "").rstrip("/")
        archive.writestr(
            "README.txt",
            str(README_TEXT)
            % {
                "date": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
                "sections": "\n".join(listed),
                "url": base + reverse("people:data"),
            },
        )
    return buffer.getvalue()


def _csv_value(value):
    """A cell's text: empty for None, JSON for a list or a mapping."""
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def request_export(user):
    """Queue a new download of ``user``'s data (one waiting at a time)."""
    waiting = DataExport.objects.filter(user=user, status=ExportStatus.PENDING)
    if waiting.exists():
        raise ActionRefused(_("Your data is already being prepared."))
    export = DataExport.objects.create(user=user)
    _audit(export, "kdcdt.data.export_request", user, f"data export #{export.pk}")
    transaction.on_commit(lambda: prepare_export.enqueue(export.pk))
    return export


@retrying_task
def prepare_export(export_id):
    """Build the ZIP of an export, store it privately, tell its owner."""
    export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None or export.status != ExportStatus.PENDING:
        return "nothing to do"
    user = export.user
    with translation.override(user.language or settings.LANGUAGE_CODE):
        content = build_zip(user)
    storage = private_storage()
    name = storage.save(
        f"exports/{user.pk}/{secrets.token_hex(16)}.zip", ContentFile(content)
    )
    now = timezone.now()
    export.file = name
    export.size = len(content)
    export.status = ExportStatus.READY
    export.ready_at = now
    export.expires_at = now + timedelta(days=setting("DATA_EXPORT_LINK_DAYS"))
    export.save()
    _audit(
        export,
        "kdcdt.data.export",
        None,
        f"data export #{export.pk}",
        size=len(content),
    )
    from .actions import notify

    notify(
        user,
        told.DATA_EXPORT_READY,
        export,
        url=reverse("people:data"),
        date=timezone.localtime(export.expires_at).strftime("%d/%m/%Y"),
    )
    return "ready"


SALT = "kdcdt.data-export"


def export_token(export):
    return signing.dumps({"e": export.pk, "u": export.user_id}, salt=SALT)


def export_for_token(token, user):
    """The ready export a signed link names, if it is ``user``'s and not expired."""
    max_age = timedelta(days=setting("DATA_EXPORT_LINK_DAYS"))
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is one
        return None
    if not isinstance(data, dict) or data.get("u") != user.pk:
        return None
    export = DataExport.objects.filter(
        pk=data.get("e"), user=user, status=ExportStatus.READY
    ).first()
    if (
        export is None
        or export.expires_at is None
        or export.expires_at < timezone.now()
    ):
        return None
    return export


# --- withdraw consent, delete the account ------------------------------------------------


def check_confirmation(user, password="", phrase=""):
    """The account's password, or the confirm phrase typed exactly (any case)."""
    if password and user.has_usable_password() and user.check_password(password):
        return True
    typed = " ".join((phrase or "").split()).casefold()
    return bool(typed) and typed in {
        str(CONFIRM_PHRASE).casefold(),
        "delete my account",
    }


def identifiers(user):
    """The strings that name ``user`` (what :func:`scrub_names` replaces)."""
    from .phone import display_phone

    values = {
        user.full_name,
        user.phone or "",
        display_phone(user.phone) if user.phone else "",
        user.email,
        user.username,
        f"{user.first_name} {user.last_name}".strip(),
    }
    # a short name could be part of unrelated words: not replaced
    return sorted((v for v in values if v and len(v) >= 4), key=len, reverse=True)


def _replace(text, names, by):
    for name in names:
        text = text.replace(name, by)
    return text


def scrub_names(user, names, by):
    """Rewrite the places where the platform copied ``user``'s name, phone or
    email into rows that stay: audit-log titles and data, what others were told
    (notification texts and values), helpers' session records, page revisions'
    titles."""
    from django.db.models import TextField
    from django.db.models.functions import Cast
    from wagtail.models import ModelLogEntry, PageLogEntry, Revision

    if not names:
        return
    # a JSON column may hold "ầ" as "\u1ea7" (SQLite) or as itself (PostgreSQL)
    in_json = {*names, *(json.dumps(name)[1:-1] for name in names)}
    match = Q()
    for name in names:
        match |= Q(label__contains=name)
    for name in in_json:
        match |= Q(data_text__contains=name)
    for model in (ModelLogEntry, PageLogEntry):
        entries = model.objects.annotate(data_text=Cast("data", TextField())).filter(
            match
        )
        for entry in entries:
            entry.label = _replace(entry.label, names, by)[:255]
            entry.data = json.loads(
                _replace(json.dumps(entry.data, ensure_ascii=False), names, by)
            )
            entry.save(update_fields=["label", "data"])
    match = Q()
    for name in names:
        match |= Q(message__contains=name)
    for name in in_json:
        match |= Q(params_text__contains=name)
    for note in Notification.objects.annotate(
        params_text=Cast("params", TextField())
    ).filter(match):
        note.message = _replace(note.message, names, by)[:500]
        note.params = json.loads(
            _replace(json.dumps(note.params, ensure_ascii=False), names, by)
        )
        note.save(update_fields=["message", "params"])
    match = Q()
    for name in names:
        match |= Q(object_str__contains=name)
    for revision in Revision.objects.filter(match):
        revision.object_str = _replace(revision.object_str, names, by)
        revision.save(update_fields=["object_str"])


def _shown_as(user):
    """What an erased account is shown as: a leader's or editor's last role
    (their pages and records keep an author), else "a former resident" (empty)."""
    priority = [RoleKind.COMMUNE_EDITOR, RoleKind.GROUP_LEADER, RoleKind.HELPER]
    roles = sorted(
        user.area_roles.select_related("area"),
        key=lambda r: priority.index(r.kind) if r.kind in priority else 9,
    )
    role = roles[0] if roles else None
    if role is None:
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        return f"{RoleKind(role.kind).label} · {role.area.title}"[:150]


@transaction.atomic
def erase_account(user, *, actor=None, reason="self"):
    """Withdraw consent and delete the account of ``user``.

    What others need stays, pointing to the anonymised account (shown as "a
    former resident", or as the role a leader or editor held); everything else
    goes, through each registry section's ``erase``. The account can no longer
    sign in; its phone and email are free to register again.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.erased_at is not None:
        raise ActionRefused(_("This account has already been deleted."))
    names = identifiers(user)
    shown_as = _shown_as(user)
    for section in personal_data.sections():
        section.erase(user)
    with translation.override(settings.LANGUAGE_CODE):
        by = shown_as or str(FORMER_RESIDENT)
    user.full_name = shown_as
    user.first_name = user.last_name = ""
    user.phone = None
    user.email = ""
    user.username = f"deleted-{user.pk}-{secrets.token_hex(4)}"
    user.set_unusable_password()  # and every session of the account ends
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.retention_warned_at = None
    user.erased_at = timezone.now()
    user.save()
    scrub_names(user, names, by)
    _audit(
        user,
        "kdcdt.data.erase",
        actor if actor is not None and actor.pk != user.pk else user,
        f"account #{user.pk}",
        reason=reason,
    )
    return user


# --- requests the commune answers -----------------------------------------------------


def commune_of(user):
    """The commune of ``user``'s latest residency (None without one)."""
    residency = (
        Residency.objects.filter(user=user)
        .exclude(status=ResidencyStatus.REJECTED)
        .select_related("household__area")
        .order_by("-created_at")
        .first()
    )
    if residency is None:
        return None
    area = residency.household.area
    return area.commune


def answerers(commune):
    """Who answers a commune's requests: its data-protection contact, else its
    commune editors."""
    from .permissions import users_who_can

    contact = DataProtectionContact.objects.filter(
        commune=commune, user__is_active=True
    ).select_related("user")
    if contact:
        return [contact[0].user]
    return list(
        users_who_can("publish_content", commune, kinds={RoleKind.COMMUNE_EDITOR})
    )


def may_answer(user, commune):
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(u.pk == user.pk for u in answerers(commune))


@transaction.atomic
def file_request(user, commune, kind, text):
    from civic.core.text import clean_text

    if kind not in RequestKind.values:
        raise ActionRefused(_("Choose the type of your request."))
    if commune is None:
        raise ActionRefused(
            _("Join your residential group first: your commune answers requests.")
        )
    text = clean_text(text or "", multiline=True, max_length=3000) if text else ""
    if not text:
        raise ActionRefused(_("Say what you ask."))
    now = timezone.now()
    request = DataRequest.objects.create(
        user=user,
        commune=commune,
        kind=kind,
        text=text,
        created_at=now,
        due_at=now + timedelta(days=deadlines()[kind]),
    )
    _audit(
        request, "kdcdt.data.request", user, f"data request #{request.pk}", kind=kind
    )
    from .actions import notify_many

    notify_many(
        answerers(commune),
        told.DATA_REQUEST_FILED,
        request,
        url=reverse("people:data_requests"),
        request_kind=kind,
        date=timezone.localtime(request.due_at).strftime("%d/%m/%Y"),
    )
    return request


@transaction.atomic
def answer_request(actor, request_id, answer, *, refuse=False):
    from civic.core.text import clean_text

    request = (
        DataRequest.objects.select_for_update(of=("self",))
        .select_related("commune", "user")
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        raise ActionRefused(_("This request no longer exists."))
    if not may_answer(actor, request.commune):
        raise ActionForbidden(_("You do not answer this commune's requests."))
    if request.status != RequestStatus.OPEN:
        raise ActionRefused(_("This request has already been answered."))
    answer = clean_text(answer or "", multiline=True, max_length=3000) if answer else ""
    if not answer:
        raise ActionRefused(_("Write the answer the resident will read."))
    request.answer = answer
    request.status = RequestStatus.REFUSED if refuse else RequestStatus.ANSWERED
    request.answered_at = timezone.now()
    request.answered_by = actor
    request.save()
    _audit(
        request,
        "kdcdt.data.answer",
        actor,
        f"data request #{request.pk}",
        status=request.status,
        late=request.answered_at > request.due_at,
    )
    from .actions import notify

    notify(
        request.user,
        told.DATA_REQUEST_ANSWERED,
        request,
        actor=None,
        url=reverse("people:data"),
        request_kind=request.kind,
    )
    return request


def remind_requests(now=None):
    """Remind the answerers of open requests due within the reminder window
    (once per request)."""
    from .actions import notify_many

    now = now or timezone.now()
    window = now + timedelta(days=setting("DATA_REQUEST_REMINDER_DAYS"))
    count = 0
    for request in DataRequest.objects.filter(
        status=RequestStatus.OPEN, due_at__lte=window, reminded_at__isnull=True
    ).select_related("commune"):
        notify_many(
            answerers(request.commune),
            told.DATA_REQUEST_DUE,
            request,
            url=reverse("people:data_requests"),
            request_kind=request.kind,
            date=timezone.localtime(request.due_at).strftime("%d/%m/%Y"),
        )
        DataRequest.objects.filter(pk=request.pk).update(reminded_at=now)
        count += 1
    return count


# --- retention -------------------------------------------------------------------------


def _months_ago(now, months):
    return now - timedelta(days=round(months * 30.44))


def inactive_unverified(now=None):
    """Accounts never verified, without roles, not signed in (nor registered)
    for ``ACCOUNT_RETENTION_MONTHS``."""
    now = now or timezone.now()
    cutoff = _months_ago(now, setting("ACCOUNT_RETENTION_MONTHS"))
    return (
        User.objects.filter(erased_at__isnull=True, is_superuser=False, is_staff=False)
        .filter(date_joined__lt=cutoff)
        .filter(Q(last_login__isnull=True) | Q(last_login__lt=cutoff))
        # verified once (moved away since included): not an unverified account
        .exclude(
            residencies__status__in=[ResidencyStatus.VERIFIED, ResidencyStatus.MOVED]
        )
        .exclude(area_roles__isnull=False)
    )


def apply_retention(now=None):
    """Warn the unverified, inactive accounts; anonymise those warned at least
    ``ACCOUNT_RETENTION_WARNING_DAYS`` ago and still inactive; delete sign-ins,
    audit-log entries and downloads past their time. Returns the counts."""
    from wagtail.models import ModelLogEntry

    from .actions import notify

    now = now or timezone.now()
    warning = timedelta(days=setting("ACCOUNT_RETENTION_WARNING_DAYS"))
    counts = {"warned": 0, "erased": 0}
    candidates = inactive_unverified(now).distinct()
    for user in candidates.filter(retention_warned_at__isnull=True):
        User.objects.filter(pk=user.pk).update(retention_warned_at=now)
        notify(
            user,
            told.ACCOUNT_RETENTION_WARNING,
            user,
            url=reverse("people:login"),
            date=timezone.localtime(now + warning).strftime("%d/%m/%Y"),
        )
        if user.email:
            from .tasks import send_email

            with translation.override(user.language or settings.LANGUAGE_CODE):
                text = told.ACCOUNT_RETENTION_WARNING.render(
                    user,
                    None,
                    {"date": timezone.localtime(now + warning).strftime("%d/%m/%Y")},
                )
            transaction.on_commit(
                lambda t=text, e=user.email: send_email.enqueue(t[:150], t, [e])
            )
        counts["warned"] += 1
    for user in candidates.filter(retention_warned_at__lte=now - warning):
        erase_account(user, reason="retention")
        counts["erased"] += 1
    # a sign-in after the warning clears it (signals.record_sign_in)
    counts["sign_ins"] = SignIn.objects.filter(
        at__lt=now - timedelta(days=setting("SIGN_IN_RETENTION_DAYS"))
    ).delete()[0]
    counts["audit_log"] = ModelLogEntry.objects.filter(
        timestamp__lt=now - timedelta(days=setting("AUDIT_LOG_RETENTION_DAYS"))
    ).delete()[0]
    counts["exports"] = delete_exports(expired_only=True)
    return counts


def next_run(now=None):
    """03:00 local time, tomorrow (or today if it is before three)."""
    local = timezone.localtime(now or timezone.now())
    run = local.replace(hour=3, minute=0, second=0, microsecond=0)
    if run <= local:
        run += timedelta(days=1)
    return run


@retrying_task
def data_care(reschedule=True):
    """The daily personal-data care: retention and reminders; when
    ``reschedule``, it enqueues itself for the next night (started once by
    ``manage.py personal_data_care --schedule``, which ``make run`` calls)."""
    counts = apply_retention()
    counts["reminded"] = remind_requests()
    if reschedule:
        transaction.on_commit(
            lambda: data_care.using(run_after=next_run()).enqueue(reschedule=True)
        )
    return counts


def schedule_data_care():
    """Enqueue the daily task unless one is already waiting; True if enqueued."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=f"{data_care.func.__module__}.{data_care.func.__qualname__}",
        status="READY",
    )
    if waiting.exists():
        return False
    data_care.using(run_after=next_run()).enqueue(reschedule=True)
    return True


def consent_given(user, notice=None):
    """The consent record of a registration (kept apart for the tests)."""
    return ConsentRecord.objects.filter(user=user, notice=notice)
