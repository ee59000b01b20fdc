"""People of the ward: users, households, residencies and area roles."""

import unicodedata

from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .phone import display_phone, normalise_phone
from .request_kinds import RequestKind

#: what a deleted account is shown as (its comments, its reports' history)
FORMER_RESIDENT = _("a former resident")


class PeopleUserManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(**{self.model.USERNAME_FIELD: username})

    def locked(self, user):
        """``user`` re-read under a row lock, inside the caller's transaction: what
        one person sends (comments, reports, messages, proposals) is then checked
        and counted one request at a time, so parallel requests cannot all slip
        under a limit, and roles and mutes are read as they are now."""
        return self.select_for_update().get(pk=user.pk)


class User(AbstractUser):
    """A person who signs in with a Vietnamese phone number or an email address.

    ``username`` stays Django's technical identifier (Wagtail's admin needs one); it
    is set from the phone number or the email when empty.
    """

    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    phone = models.CharField(
        _("phone number"),
        max_length=16,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stored as +84…; type it as you like, e.g. 0905 123 456."),
    )

    #: the language notifications are written in outside a page (email, push);
    #: set when the user switches the site's language (civic.core.i18n)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    #: the account was deleted (civic.people.rights.erase_account): the row stays
    #: so that what must stay counted (ballots cast, reports, comments) still
    #: points somewhere, but it holds nothing personal and cannot sign in
    erased_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    #: an unverified, inactive account was warned it will be anonymised
    #: (civic.people.rights.apply_retention)
    retention_warned_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PeopleUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="people_user_email_unique_ci",
                violation_error_message=_("An account with this email already exists."),
            ),
        ]

    def clean(self):
        super().clean()
        if self.phone:
            self.phone = normalise_phone(self.phone)
        else:
            self.phone = None
        self.email = (self.email or "").strip().lower()
        if not self.phone and not self.email:
            raise ValidationError(_("Give a phone number or an email address."))

    def save(self, *args, **kwargs):
        if self.phone:
            self.phone = normalise_phone(self.phone)
        else:
            self.phone = None
        self.email = (self.email or "").strip().lower()
        if not self.username:
            self.username = self.phone or self.email
        super().save(*args, **kwargs)

    def get_full_name(self):
        if self.erased_at is not None:
            # a leader's or editor's former role (kept in full_name), else this
            return self.full_name or str(FORMER_RESIDENT)
        return self.full_name or super().get_full_name() or self.username

    def get_short_name(self):
        return self.get_full_name()

    @property
    def display_name(self):
        return self.get_full_name()

    @property
    def phone_display(self):
        return display_phone(self.phone)

    def __str__(self):
        return self.get_full_name()


class RoleKind(models.TextChoices):
    GROUP_LEADER = "group_leader", _("group leader")
    COMMUNE_EDITOR = "commune_editor", _("commune editor")
    HELPER = "helper", _("helper")


class Role(models.Model):
    """A user's role on one area; it reaches every area below it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="area_roles",
        verbose_name=_("user"),
    )
    area = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.CASCADE,
        related_name="roles",
        verbose_name=_("area"),
    )
    kind = models.CharField(_("role"), max_length=20, choices=RoleKind.choices)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    created_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "area", "kind"],
                name="people_role_unique",
                violation_error_message=_("This user already has this role here."),
            ),
        ]

    def clean(self):
        area = getattr(self, "area", None)
        if area is None:
            return
        if self.kind == RoleKind.GROUP_LEADER and not area.is_group:
            raise ValidationError(
                {"area": _("A group leader's role is given on a residential group.")}
            )
        if self.kind in (RoleKind.COMMUNE_EDITOR, RoleKind.HELPER) and not (
            area.is_commune
        ):
            raise ValidationError(
                {"area": _("This role is given on a commune, ward or special zone.")}
            )

    def __str__(self):
        return f"{self.user} · {self.get_kind_display()} · {self.area}"


class AreaRoleGroup(models.Model):
    """The Wagtail group that carries one role kind's page permissions on one area.

    Kept in step with ``Role`` by ``civic.people.actions``; never edited by hand.
    """

    area = models.ForeignKey(
        "content.AreaPage", on_delete=models.CASCADE, related_name="role_groups"
    )
    kind = models.CharField(max_length=20, choices=RoleKind.choices)
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["area", "kind"], name="people_arearolegroup_unique"
            )
        ]


class AreaCollection(models.Model):
    """The Wagtail collection that holds one area's images and documents.

    Collections mirror the area tree (a group's under its commune's), so the
    collection permissions given to an area's role groups reach the areas below
    it, as roles do. Created on demand by ``civic.people.actions.area_collection``.
    """

    area = models.OneToOneField(
        "content.AreaPage", on_delete=models.CASCADE, related_name="+"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.PROTECT, related_name="+"
    )


def address_key(address):
    """How two spellings of one address compare: NFC, case-folded (Vietnamese
    letters included, which SQLite's ``iexact`` ignores), spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", address or "").casefold().split())


class Household(models.Model):
    """A household (hộ gia đình) living in one residential group."""

    area = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.PROTECT,
        related_name="households",
        verbose_name=_("residential group"),
    )
    address = models.CharField(_("address"), max_length=255)
    # ``address_key(address)``, kept by save(): one household per address and group
    # is a database constraint, so two people declaring the same new address at
    # the same moment cannot make two households.
    address_key = models.CharField(max_length=255, editable=False)
    representative = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="represented_households",
        verbose_name=_("household representative"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["address"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "address_key"], name="people_household_one_address"
            )
        ]

    def __str__(self):
        return self.address

    def save(self, *args, **kwargs):
        self.address_key = address_key(self.address)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "address" in update_fields:
            kwargs["update_fields"] = {*update_fields, "address_key"}
        super().save(*args, **kwargs)


class ResidencyStatus(models.TextChoices):
    PENDING = "pending", _("waiting for verification")
    VERIFIED = "verified", _("verified")
    REJECTED = "rejected", _("rejected")
    MOVED = "moved", _("moved away")


ACTIVE_RESIDENCY = [ResidencyStatus.PENDING, ResidencyStatus.VERIFIED]


class Residency(models.Model):
    """A user's membership of a household, verified by the group leader."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="residencies",
        verbose_name=_("resident"),
    )
    household = models.ForeignKey(
        Household,
        on_delete=models.CASCADE,
        related_name="residencies",
        verbose_name=_("household"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ResidencyStatus.choices,
        default=ResidencyStatus.PENDING,
    )
    awaiting_representative = models.BooleanField(
        _("waiting for the household representative"),
        default=False,
        help_text=_(
            "Someone joining an existing household is first confirmed by its "
            "representative, then verified by the group leader."
        ),
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("residency")
        verbose_name_plural = _("residencies")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status__in=ACTIVE_RESIDENCY),
                name="people_residency_one_active",
                violation_error_message=_(
                    "You already belong to a household or are waiting for verification."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.household} · {self.get_status_display()}"


class ConsentRecord(models.Model):
    """The consent a person gave to the processing of their personal data.

    The exact text they were shown and its version are kept, with the time, as the
    Personal Data Protection Law (2025) asks of whoever processes personal data.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("user"),
    )
    text = models.TextField(_("text shown"))
    version = models.CharField(_("version"), max_length=20)
    given_at = models.DateTimeField(_("given at"))
    #: the privacy notice in force when consent was given (/quyen-rieng-tu/)
    notice = models.ForeignKey(
        "people.PrivacyNotice",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents",
        verbose_name=_("privacy notice shown"),
    )
    #: withdrawn by the person (/tai-khoan/du-lieu/xoa/); the record stays as proof
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_at"]

    def __str__(self):
        return f"{self.user} · {self.version} · {self.given_at:%Y-%m-%d %H:%M}"


class Notification(models.Model):
    """Something a user must be told (a review outcome, a verification…): an
    event ``kind`` (civic.people.notifications), the object it is about, the
    actor, and the language-neutral values of its text (``params``); the text
    is rendered in the reader's language when shown or sent (``text()``).

    ``message`` is the fallback: the text of rows made before kinds existed, in
    the language it was written in, and for newer rows the text in the site's
    language, shown if the kind is no longer known."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(max_length=64, blank=True)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", null=True, blank=True, on_delete=models.SET_NULL
    )
    object_id = models.CharField(max_length=64, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    params = models.JSONField(default=dict, blank=True)
    message = models.CharField(max_length=500, blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return self.text()

    @property
    def object(self):
        if self.content_type_id is None or not self.object_id:
            return None
        model = self.content_type.model_class()
        if model is None:
            return None
        return model._default_manager.filter(pk=self.object_id).first()

    def text(self, language=None):
        """The text in ``language`` (default: the recipient's language)."""
        from .notifications import render

        return render(self, language)


class ThrottleEvent(models.Model):
    """One counted attempt: a failed sign-in, an account created; or a
    successful sign-in, which makes its address known to the account.

    The login and registration throttles (``civic.people.throttle``) count these
    rows. They live in the database, not in Django's cache, so that a count is
    exact across daphne processes and no cache eviction (the local-memory cache
    drops keys past 300 entries) can reset a limit. Rows older than their
    window are deleted as new ones are written.
    """

    LOGIN_FAILURE = "login-failure"
    #: the account signed in from this address (kept 30 days: a known address)
    LOGIN_SUCCESS = "login-success"
    REGISTRATION = "registration"

    kind = models.CharField(max_length=20)
    #: a SHA-256 of the account (user id, or the identifier as typed when no
    #: account matches); empty for registrations
    account = models.CharField(max_length=64, blank=True)
    #: the client address (an IPv6 address counts as its /64 network)
    address = models.CharField(max_length=64, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["kind", "account", "at"]),
            models.Index(fields=["kind", "address", "at"]),
        ]

    def __str__(self):
        return f"{self.kind} · {self.address} · {self.at:%Y-%m-%d %H:%M:%S}"


class Follow(models.Model):
    """``user`` follows an object (an area, a poll, a meeting, a channel, a notice
    thread) and is told of its events (civic.people.follows). Reports keep their
    own followers (civic.feedback.models.Follow), the reporter among them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE
    )
    object_id = models.CharField(max_length=64)
    #: made by the site (the group and commune of a verified resident), not asked
    automatic = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"],
                name="people_follow_once",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]


# --- delivery of notifications (civic/people/delivery.py) -------------------------


class Frequency(models.TextChoices):
    """How a resident wants to be told of a kind of notification outside the site."""

    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("In a daily digest")
    WEEKLY = "weekly", _("In a weekly digest")
    OFF = "off", _("Only on the site")


class NotificationPreference(models.Model):
    """A resident's choice for one kind (``notifications.Kind.name``); without a
    row, the kind's ``default`` applies. Urgent kinds ignore it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(max_length=64)
    frequency = models.CharField(max_length=16, choices=Frequency.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"], name="people_preference_once"
            )
        ]


class DigestRun(models.Model):
    """One digest of one person for one period (``period_key``: the local date of
    the boundary that closed it). Unique, so a digest task run twice, or by two
    workers, sends one digest."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    period = models.CharField(max_length=8)  # "daily" | "weekly"
    period_key = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "period", "period_key"], name="people_digest_once"
            )
        ]


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")
    SKIPPED = "skipped", _("skipped")


class Delivery(models.Model):
    """A notification handed (or to be handed) to one channel of its recipient.

    One row per notification and channel (a constraint): a retried or repeated
    dispatch never makes a second one, and a row is sent only by whoever moved
    it from *queued* to *sending* (``claim``)."""

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="deliveries"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(max_length=32)
    status = models.CharField(
        max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    #: "" (sent on its own), "daily" or "weekly" (waits for the digest)
    digest = models.CharField(max_length=8, blank=True)
    #: not before (the end of the quiet hours); None while it waits for a digest
    due_at = models.DateTimeField(null=True, blank=True)
    digest_run = models.ForeignKey(
        DigestRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)
    claim = models.CharField(max_length=32, blank=True)
    #: when it was claimed: a row still *sending* long after (its worker was
    #: killed mid-send) is queued again (civic.people.tasks.release_stale_deliveries)
    claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "channel"], name="people_delivery_once"
            )
        ]
        indexes = [
            models.Index(fields=["status", "digest", "created_at"]),
            models.Index(fields=["claim"]),
            models.Index(fields=["user", "status"]),
        ]

    def __str__(self):
        return f"{self.channel} · {self.notification_id} · {self.status}"


class PushSubscription(models.Model):
    """One device (a browser on a phone or a computer) that receives Web Push
    notifications for ``user`` (civic.people.push). The push service's
    ``endpoint`` names the device: subscribing again from it, even as another
    person after a sign-out, moves it to the new user. A 404 or 410 from the
    push service deletes the row (the browser dropped the subscription)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="push_subscriptions",
    )
    endpoint = models.URLField(max_length=1000, unique=True)
    #: the browser's public key (P-256, base64url) and auth secret
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    #: what the resident sees in the list of devices ("Chrome · Android")
    label = models.CharField(_("device"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    #: failed sends in a row (reset by a success)
    failures = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("push subscription")
        verbose_name_plural = _("push subscriptions")

    def __str__(self):
        return self.label or self.endpoint[:60]

    def subscription_info(self):
        """The shape pywebpush expects."""
        return {
            "endpoint": self.endpoint,
            "keys": {"p256dh": self.p256dh, "auth": self.auth},
        }


# --- personal-data rights (Personal Data Protection Law 91/2025/QH15) -----------


class SignIn(models.Model):
    """One successful sign-in: shown to its owner on /tai-khoan/du-lieu/ and in the
    download; deleted after ``SIGN_IN_RETENTION_DAYS`` (civic.people.rights)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_ins"
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    address = models.CharField(max_length=64, blank=True)
    user_agent = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["user", "at"])]


class PrivacyNotice(models.Model):
    """One version of the privacy notice (/quyen-rieng-tu/): a published version is
    never edited (a change is a new version); consent records point to the one
    that was in force when they were given."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"), help_text=_("Plain text; a blank line starts a new paragraph.")
    )
    published_at = models.DateTimeField(_("in force from"), default=timezone.now)

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.version})"

    def clean(self):
        super().clean()
        before = type(self).objects.filter(pk=self.pk).first() if self.pk else None
        changed = before is not None and (
            (before.body, before.title, before.version)
            != (self.body, self.title, self.version)
        )
        if changed and before.consents.exists():
            raise ValidationError(
                _(
                    "Consent was given under this version: it cannot change. "
                    "Add a new version instead."
                )
            )

    @classmethod
    def current(cls):
        return cls.objects.filter(published_at__lte=timezone.now()).first()

    def paragraphs(self):
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("being prepared")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")


class DataExport(models.Model):
    """A ZIP of everything the platform holds about ``user`` (civic.people.rights),
    built by a background task into the private storage (never served as a
    file) and offered by a signed link until ``expires_at``."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    status = models.CharField(
        max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    file = models.CharField(max_length=200, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class RequestStatus(models.TextChoices):
    OPEN = "open", _("waiting for an answer")
    ANSWERED = "answered", _("answered")
    REFUSED = "refused", _("refused, with reasons")


class DataRequest(models.Model):
    """A request about one's personal data that a person of the commune answers
    (its editors, or its named data-protection contact), by ``due_at``
    (``DATA_REQUEST_DEADLINES``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="data_requests",
        verbose_name=_("resident"),
    )
    commune = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.PROTECT,
        related_name="data_requests",
        verbose_name=_("commune"),
    )
    kind = models.CharField(
        _("type of request"), max_length=20, choices=RequestKind.choices
    )
    text = models.TextField(_("your request"), max_length=3000)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RequestStatus.choices,
        default=RequestStatus.OPEN,
    )
    created_at = models.DateTimeField(_("received at"), default=timezone.now)
    due_at = models.DateTimeField(_("answer by"))
    answer = models.TextField(_("answer"), max_length=3000, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("personal-data request")
        verbose_name_plural = _("personal-data requests")
        ordering = ["due_at", "pk"]
        indexes = [models.Index(fields=["commune", "status", "due_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=RequestKind.values),
                name="people_datarequest_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(status=RequestStatus.OPEN) | ~Q(answer=""),
                name="people_datarequest_answered_with_text",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.created_at:%Y-%m-%d}"

    @property
    def is_late(self):
        return self.status == RequestStatus.OPEN and timezone.now() > self.due_at


class DataProtectionContact(models.Model):
    """The person of a commune who answers its personal-data requests; without
    one, its commune editors do."""

    commune = models.OneToOneField(
        "content.AreaPage",
        on_delete=models.CASCADE,
        related_name="data_protection_contact",
        verbose_name=_("commune"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("data-protection contact"),
    )

    class Meta:
        verbose_name = _("data-protection contact")
        verbose_name_plural = _("data-protection contacts")

    def __str__(self):
        return f"{self.commune} · {self.user}"
