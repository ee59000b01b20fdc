"""What the platform holds about a person: the registry of personal-data sections.

Every app that keeps personal data declares, in its ``personal_data.py`` (found by
:func:`autodiscover`, like ``notifications.py``), one :class:`Section` per kind of
data::

    from civic.people.personal_data import Section

    Section(
        "market.listings",                 # unique; the file name in the ZIP
        gettext_lazy("Market listings"),   # shown on /tai-khoan/du-lieu/
        export=lambda user: [...],         # JSON-serialisable dicts (one CSV row each)
        erase=lambda user: None,           # on deletion: anonymise what must stay,
    )                                      # delete the rest

``export`` lists what a person sees on ``/tai-khoan/du-lieu/`` and downloads
(civic.people.rights builds the ZIP); ``erase`` runs when they withdraw their
consent or delete their account, inside one transaction, before the account row
itself is anonymised (``rights.erase_account``). An erase must leave nothing
personal behind: rows that others need (a comment in a thread, a report's public
history, a ballot counted in a decision) stay, pointing to the anonymised
account, which is shown as "a former resident"; the rest is deleted (files
included). ``tests/people/test_personal_data_rights.py`` walks every model with
a foreign key to the user and every text field after an erase.

The registry lives in the core layer (civic.people) so that every app above it can
contribute without importing another feature app. This app's own sections are
at the end of this file.
"""

import datetime
import decimal
import uuid

from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _lazy

REGISTRY = {}
_discovered = False


class Section:
    def __init__(self, name, label, *, export, erase):
        if name in REGISTRY and REGISTRY[name].label != label:
            raise ValueError(f"personal-data section {name!r} declared twice")
        self.name, self.label, self.export, self.erase = name, label, export, erase
        REGISTRY[name] = self

    def __repr__(self):
        return f"<Section {self.name}>"


def autodiscover():
    """Import every app's ``personal_data`` module (once)."""
    global _discovered
    if not _discovered:
        autodiscover_modules("personal_data")
        _discovered = True


def sections():
    """Every declared section, this app's first, then by name."""
    autodiscover()
    return sorted(
        REGISTRY.values(), key=lambda s: (not s.name.startswith("people."), s.name)
    )


def plain(value):
    """``value`` as JSON can hold it (dates in ISO 8601, decimals and ids as text)."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def rows(queryset, *fields, **computed):
    """One dict per row: the ``fields`` (``__`` paths allowed) and ``computed``
    values (name → function of the row), JSON-serialisable."""
    out = []
    for obj in queryset:
        row = {}
        for field in fields:
            value = obj
            for part in field.split("__"):
                value = getattr(value, part, None) if value is not None else None
            row[field] = plain(value)
        for name, function in computed.items():
            row[name] = plain(function(obj))
        out.append(row)
    return out


def nothing(user):
    """An ``erase`` for data erased elsewhere (said where, in the section)."""


# --- the sections of civic.people ----------------------------------------------------


def _account(user):
    return [
        {
            "full_name": user.full_name,
            "phone": user.phone or "",
            "email": user.email,
            "username": user.username,
            "language": user.language,
            "date_joined": plain(user.date_joined),
            "last_login": plain(user.last_login),
            "is_active": user.is_active,
        }
    ]


def _consents(user):
    from .models import ConsentRecord

    return rows(
        ConsentRecord.objects.filter(user=user).select_related("notice"),
        "version",
        "given_at",
        "withdrawn_at",
        "text",
        notice=lambda c: c.notice.version if c.notice else "",
    )


def _withdraw_consents(user):
    from django.utils import timezone

    from .models import ConsentRecord

    # the proof that consent was given (and when it was withdrawn) stays, on the
    # anonymised account; it names nobody
    ConsentRecord.objects.filter(user=user, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )


def _residencies(user):
    from .models import Residency

    return rows(
        Residency.objects.filter(user=user).select_related("household__area"),
        "household__address",
        "household__area__title",
        "status",
        "reason",
        "created_at",
        "decided_at",
        representative=lambda r: r.household.representative_id == user.pk,
    )


def _end_residencies(user):
    from .models import Household, Residency

    # household membership ends: the household (and what it decided, its
    # ballots and meeting attendance) stays, without this person
    Household.objects.filter(representative=user).update(representative=None)
    Residency.objects.filter(user=user).delete()


def _roles(user):
    from .models import Role

    return rows(
        Role.objects.filter(user=user).select_related("area"),
        "kind",
        "area__title",
        "created_at",
    )


def _end_roles(user):
    from .models import DataProtectionContact, Role

    for role in Role.objects.filter(user=user).select_related("area", "user"):
        role.delete()  # post_delete takes the Wagtail group membership away
    # a commune whose contact leaves is answered by its editors again
    DataProtectionContact.objects.filter(user=user).delete()
    user.groups.clear()
    user.user_permissions.clear()


def _notifications(user):
    from .models import Notification

    return rows(
        Notification.objects.filter(user=user).select_related("user", "actor"),
        "kind",
        "url",
        "created_at",
        "read_at",
        text=lambda n: n.text(),
    )


def _erase_notifications(user):
    from .models import Notification

    Notification.objects.filter(user=user).delete()
    # what others were told about this person keeps its event, not the name
    # (rights.scrub_names rewrites the texts and values that named them)
    Notification.objects.filter(actor=user).update(actor=None)


def _notification_settings(user):
    from .models import Delivery, NotificationPreference

    out = rows(
        NotificationPreference.objects.filter(user=user).order_by("kind"),
        "kind",
        "frequency",
        "updated_at",
    )
    out += rows(
        Delivery.objects.filter(user=user).order_by("created_at"),
        "channel",
        "status",
        "digest",
        "created_at",
        "sent_at",
        "error",
    )
    return out


def _erase_notification_settings(user):
    from .models import Delivery, DigestRun, NotificationPreference

    NotificationPreference.objects.filter(user=user).delete()
    Delivery.objects.filter(user=user).delete()
    DigestRun.objects.filter(user=user).delete()


def _devices(user):
    from .models import PushSubscription

    return rows(
        PushSubscription.objects.filter(user=user).order_by("created_at"),
        "label",
        "created_at",
        "last_success_at",
    )


def _erase_devices(user):
    from .models import PushSubscription

    PushSubscription.objects.filter(user=user).delete()


def _follows(user):
    from .models import Follow

    return rows(
        Follow.objects.filter(user=user).select_related("content_type"),
        "content_type__model",
        "object_id",
        "automatic",
        "created_at",
    )


def _erase_follows(user):
    from .models import Follow

    Follow.objects.filter(user=user).delete()


def _sign_ins(user):
    from .models import SignIn

    return rows(SignIn.objects.filter(user=user), "at", "address", "user_agent")


def _erase_sign_ins(user):
    from .models import SignIn

    SignIn.objects.filter(user=user).delete()


def _requests(user):
    from .models import DataRequest

    return rows(
        DataRequest.objects.filter(user=user).select_related("commune"),
        "kind",
        "commune__title",
        "text",
        "status",
        "created_at",
        "due_at",
        "answer",
        "answered_at",
    )


def _erase_requests(user):
    from .models import DataRequest

    # who answered what, and when, stays in the audit log (no text)
    DataRequest.objects.filter(user=user).delete()


def _exports(user):
    from .models import DataExport

    return rows(
        DataExport.objects.filter(user=user), "status", "created_at", "expires_at"
    )


def _erase_exports(user):
    from .private_files import delete_exports

    delete_exports(user)


def _wagtail(user):
    """What Wagtail's admin keeps of an editor: profile, page subscriptions."""
    from wagtail.models import PageSubscription
    from wagtail.users.models import UserProfile

    profile = UserProfile.objects.filter(user=user).first()
    out = []
    if profile is not None:
        out.append(
            {
                "what": "profile",
                "preferred_language": profile.preferred_language,
                "current_time_zone": profile.current_time_zone,
                "avatar": bool(profile.avatar),
            }
        )
    for sub in PageSubscription.objects.filter(user=user).select_related("page"):
        out.append({"what": "page subscription", "page": sub.page.title})
    return out


def _erase_wagtail(user):
    from wagtail.admin.models import EditingSession
    from wagtail.models import PageSubscription
    from wagtail.users.models import UserProfile

    for profile in UserProfile.objects.filter(user=user):
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()
    PageSubscription.objects.filter(user=user).delete()
    EditingSession.objects.filter(user=user).delete()
    try:
        from wagtail.admin.models import FormState
    except ImportError:  # pragma: no cover - older Wagtail
        FormState = None
    if FormState is not None:
        FormState.objects.filter(user=user).delete()
    from wagtail.models import APIToken

    APIToken.objects.filter(user=user).delete()


Section(
    "people.account",
    _lazy("Account"),
    export=_account,
    # the account row itself is anonymised last, by rights.erase_account
    erase=nothing,
)
Section(
    "people.consents", _lazy("Consents"), export=_consents, erase=_withdraw_consents
)
Section(
    "people.residency",
    _lazy("Residency and household"),
    export=_residencies,
    erase=_end_residencies,
)
Section("people.roles", _lazy("Roles"), export=_roles, erase=_end_roles)
Section(
    "people.notifications",
    _lazy("Notifications"),
    export=_notifications,
    erase=_erase_notifications,
)
Section("people.follows", _lazy("Follows"), export=_follows, erase=_erase_follows)
Section(
    "people.notification_settings",
    _lazy("Notification settings and deliveries"),
    export=_notification_settings,
    erase=_erase_notification_settings,
)
Section(
    "people.devices",
    _lazy("Devices that receive notifications"),
    export=_devices,
    erase=_erase_devices,
)
Section(
    "people.sign_ins", _lazy("Sign-in history"), export=_sign_ins, erase=_erase_sign_ins
)
Section(
    "people.data_requests",
    _lazy("Requests about my data"),
    export=_requests,
    erase=_erase_requests,
)
Section(
    "people.data_exports",
    _lazy("Downloads of my data"),
    export=_exports,
    erase=_erase_exports,
)
Section(
    "people.admin",
    _lazy("Administration settings"),
    export=_wagtail,
    erase=_erase_wagtail,
)
