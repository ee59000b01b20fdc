"""Meetings of a residential group (or a commune), who came, and their minutes.

* ``Meeting`` — scheduled by a leader (own group) or an editor (commune): kind,
  start and end (the end after the start: a database CHECK), a place or an online
  link (at least one: a CHECK), agenda items (``AgendaItem``, each with an optional
  Wagtail document).
* ``AttendanceIntent`` — a resident says they will come (one per user and meeting).
* ``HouseholdAttendance`` — the leader's checklist: which households of the
  meeting's area were represented (one row per household and meeting). Guests are
  counted on the meeting.
* ``Minutes`` (biên bản) — one row per *revision*. Draft → submitted → published
  (the review of notices: leader submits, the commune's editor approves or sends it
  back with a reason). Published minutes are read-only; a correction is a new
  revision carrying a note of what changed, and once published it supersedes the
  earlier one (which stays readable). ``AgendaRecord`` holds, per agenda item, the
  discussion, the decision and either the tallies (for / against / abstain, in
  households) or the poll that decided it. ``MinutesAttachment`` links documents.

Every change goes through ``civic.meetings.actions``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from civic.people.permissions import ancestor_paths
from civic.people.residents import households_in

from . import rules


class MeetingKind(models.TextChoices):
    REGULAR = "regular", _("regular group meeting")
    EXTRAORDINARY = "extraordinary", _("extraordinary meeting")
    DIALOGUE = "dialogue", _("dialogue with the commune government")


class MeetingQuerySet(models.QuerySet):
    def concerning(self, area):
        """Meetings whose residents include those of ``area``: meetings of ``area``,
        of the areas under it, and of the areas above it (a commune's dialogue
        concerns every group of the commune)."""

        return self.filter(
            Q(area__path__startswith=area.path) | Q(area__path__in=ancestor_paths(area))
        )

    def public(self):
        """Meetings anyone may see (their pages, the open API, the open data):
        those of a published area."""
        return self.filter(area__live=True)

    def upcoming(self, now=None):
        return self.filter(ends_at__gt=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now())


class Meeting(index.Indexed, models.Model):
    area = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("area"),
        help_text=_("The residential group (or commune) whose meeting this is."),
    )
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(
        _("kind of meeting"),
        max_length=20,
        choices=MeetingKind.choices,
        default=MeetingKind.REGULAR,
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(
        _("place"),
        max_length=255,
        blank=True,
        help_text=_("The address, e.g. Nhà văn hóa tổ dân phố 3, 12 Hà Ra."),
    )
    online_url = models.URLField(
        _("online meeting link"),
        blank=True,
        help_text=_("For an online meeting: the link residents open to join."),
    )
    description = models.TextField(_("description"), blank=True)
    guests_count = models.PositiveIntegerField(_("number of guests"), default=0)
    guests = models.TextField(
        _("guests"),
        blank=True,
        help_text=_("Invited guests who are not household representatives."),
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.SearchField("place"),
        index.AutocompleteField("title"),
        index.FilterField("area"),
        index.FilterField("kind"),
        index.FilterField("starts_at"),
        index.FilterField("cancelled"),
    ]

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["area", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="meetings_meeting_ends_after_start",
                violation_error_message=_("The meeting must end after it starts."),
            ),
            models.CheckConstraint(
                condition=~Q(place="") | ~Q(online_url=""),
                name="meetings_meeting_place_or_link",
                violation_error_message=_(
                    "Give the place of the meeting or its online link."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.pk])

    def get_url(self, request=None):
        return self.get_absolute_url()

    @property
    def live(self):
        """Public while its area is (the comments app asks this)."""
        return bool(self.area.live)

    @property
    def location(self):
        return self.place or self.online_url

    def has_started(self, now=None):
        return self.starts_at <= (now or timezone.now())

    def is_past(self, now=None):
        return self.ends_at <= (now or timezone.now())

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError(
                {"ends_at": _("The meeting must end after it starts.")}
            )
        if not (self.place or "").strip() and not (self.online_url or "").strip():
            raise ValidationError(
                {"place": _("Give the place of the meeting or its online link.")}
            )


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("agenda item"), max_length=255)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("document"),
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class AttendanceIntent(models.Model):
    """A resident says they will attend."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="intents"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"], name="meetings_intent_one_per_user"
            )
        ]


class HouseholdAttendance(models.Model):
    """A household of the meeting's area was represented at the meeting."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendances"
    )
    household = models.ForeignKey(
        "people.Household", on_delete=models.CASCADE, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "household"],
                name="meetings_attendance_one_per_household",
            )
        ]

    def clean(self):
        if not households_in(self.meeting.area).filter(pk=self.household_id).exists():
            raise ValidationError(
                _("Only the households of the meeting's area can be recorded.")
            )


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("waiting for review")
    PUBLISHED = "published", _("published")
    SUPERSEDED = "superseded", _("replaced by a correction")


#: Minutes in these states are never changed again.
LOCKED_STATUSES = (MinutesStatus.PUBLISHED, MinutesStatus.SUPERSEDED)
#: The states of a revision still being written or reviewed (one per meeting).
OPEN_STATUSES = (MinutesStatus.DRAFT, MinutesStatus.SUBMITTED)


class MinutesLocked(ValidationError):
    """Raised when published minutes would be changed."""


class Minutes(index.Indexed, models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="minutes_revisions"
    )
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=MinutesStatus.choices,
        default=MinutesStatus.DRAFT,
    )
    chair = models.CharField(_("chair"), max_length=150)
    secretary = models.CharField(_("secretary"), max_length=150)
    summary = models.TextField(
        _("other remarks"),
        blank=True,
        help_text=_("Anything else the meeting noted, in a few lines."),
    )
    households_total = models.PositiveIntegerField(_("households of the area"))
    households_represented = models.PositiveIntegerField(_("households represented"))
    guests_count = models.PositiveIntegerField(_("guests"), default=0)
    correction_note = models.TextField(
        _("what this correction changes"),
        blank=True,
        help_text=_("Required for a correction; shown to everyone with the minutes."),
    )
    rejection_reason = models.TextField(_("reason it was sent back"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    search_fields = [
        index.SearchField("chair"),
        index.SearchField("secretary"),
        index.SearchField("summary"),
        index.SearchField("records_text"),
        index.RelatedFields("meeting", [index.SearchField("title")]),
        index.FilterField("status"),
        index.FilterField("meeting"),
        index.FilterField("published_at"),
    ]

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        ordering = ["meeting", "revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "revision"], name="meetings_minutes_revision_unique"
            ),
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(status="published"),
                name="meetings_minutes_one_published",
            ),
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(status__in=["draft", "submitted"]),
                name="meetings_minutes_one_open",
                violation_error_message=_(
                    "These minutes already have a revision being written."
                ),
            ),
            models.CheckConstraint(
                condition=Q(revision__gte=1),
                name="meetings_minutes_revision_positive",
            ),
            models.CheckConstraint(
                condition=Q(revision=1) | ~Q(correction_note=""),
                name="meetings_minutes_correction_has_note",
            ),
            models.CheckConstraint(
                condition=Q(published_at__isnull=True)
                | Q(status__in=["published", "superseded"]),
                name="meetings_minutes_published_at_only_when_published",
            ),
        ]

    def __str__(self):
        return f"{self.meeting} · {self.revision}"

    @property
    def is_locked(self):
        return self.status in LOCKED_STATUSES

    @property
    def has_quorum(self):
        return rules.has_quorum(self.households_represented, self.households_total)

    @property
    def represented_percent(self):
        return rules.percent(self.households_represented, self.households_total)

    @property
    def households_absent(self):
        return max(self.households_total - self.households_represented, 0)

    def records_text(self):
        return "\n".join(
            f"{r.agenda_item.title}\n{r.discussion}\n{r.decision}"
            for r in self.records.select_related("agenda_item")
        )

    def save(self, *args, **kwargs):
        """Published minutes are read-only: only their move to *superseded* is saved."""
        if self.pk:
            stored = (
                Minutes.objects.filter(pk=self.pk)
                .values_list("status", flat=True)
                .first()
            )
            if stored in LOCKED_STATUSES:
                fields = set(kwargs.get("update_fields") or ())
                allowed = stored == MinutesStatus.PUBLISHED and fields == {"status"}
                if not (allowed and self.status == MinutesStatus.SUPERSEDED):
                    raise MinutesLocked(
                        _("Published minutes cannot be changed; write a correction.")
                    )
        super().save(*args, **kwargs)


class AgendaRecord(models.Model):
    """What the meeting said and decided on one agenda item."""

    minutes = models.ForeignKey(
        Minutes, on_delete=models.CASCADE, related_name="records"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.RESTRICT, related_name="records"
    )
    discussion = models.TextField(_("discussion"), blank=True)
    decision = models.TextField(_("decision"), blank=True)
    votes_for = models.IntegerField(_("households for"), null=True, blank=True)
    votes_against = models.IntegerField(_("households against"), null=True, blank=True)
    votes_abstain = models.IntegerField(
        _("households abstaining"), null=True, blank=True
    )
    poll = models.ForeignKey(
        "polls.Poll",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by the poll"),
    )

    class Meta:
        ordering = ["agenda_item__order", "agenda_item__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["minutes", "agenda_item"], name="meetings_record_one_per_item"
            ),
            models.CheckConstraint(
                condition=(Q(votes_for__gte=0) | Q(votes_for__isnull=True))
                & (Q(votes_against__gte=0) | Q(votes_against__isnull=True))
                & (Q(votes_abstain__gte=0) | Q(votes_abstain__isnull=True)),
                name="meetings_record_votes_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(
                    votes_for__isnull=True,
                    votes_against__isnull=True,
                    votes_abstain__isnull=True,
                )
                | Q(
                    votes_for__isnull=False,
                    votes_against__isnull=False,
                    votes_abstain__isnull=False,
                ),
                name="meetings_record_votes_all_or_none",
            ),
            models.CheckConstraint(
                condition=Q(poll__isnull=True) | Q(votes_for__isnull=True),
                name="meetings_record_votes_or_poll",
            ),
        ]

    @property
    def has_tallies(self):
        return self.votes_for is not None

    @property
    def outcome(self):
        """True (passed), False (not passed) or None (nothing was put to a vote).

        Tallies: the households for, against all the households of the area as the
        minutes counted them. A poll: its recorded result, judged again by the same
        function. Both through :func:`civic.meetings.rules.decision_passed`, which is
        :func:`civic.polls.rules.is_household_majority`.
        """
        if self.has_tallies:
            return rules.decision_passed(self.votes_for, self.minutes.households_total)
        if self.poll_id:
            result = self.poll.result_or_none()
            if result is None or result.households_total is None:
                return None
            return rules.decision_passed(result.approvals, result.households_total)
        return None

    def save(self, *args, **kwargs):
        if self.minutes.is_locked:
            raise MinutesLocked(
                _("Published minutes cannot be changed; write a correction.")
            )
        super().save(*args, **kwargs)


class MinutesAttachment(models.Model):
    minutes = models.ForeignKey(
        Minutes, on_delete=models.CASCADE, related_name="attachments"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=255)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.title
