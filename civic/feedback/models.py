"""Resident feedback (phản ánh, kiến nghị): a resident reports a problem of the
neighbourhood, the commune's editors handle it within a deadline and answer in
public, the resident rates the answer.

* ``Report`` — the problem; ``area`` is the group (or the commune) where it is,
  ``commune`` the commune whose editors handle it. Deadlines are stored
  (``accept_due``, ``resolve_due``), computed by ``deadlines`` from the commune's
  ``DeadlinePolicy`` and ``Holiday`` list.
* ``Photo`` — up to 5 pictures of a report, and pictures of an answer; always
  re-encoded by ``photos.clean_photo`` (EXIF and GPS gone).
* ``Update`` — the log: every change of a report is one row (who, what, when).
* ``Follow`` — a resident following a report (also the reporter's own).
* ``HandlingUnit`` — who does the work (ward police, urban management, electricity,
  water company…), a list the commune's editors keep.
"""

import os
import uuid
from datetime import time, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from . import workingtime


class Category(models.TextChoices):
    ENVIRONMENT = "environment", _("environment and sanitation")
    TRAFFIC = "traffic", _("traffic and roads")
    LIGHTING = "lighting", _("lighting and electricity")
    WATER = "water", _("water supply and drainage")
    SECURITY = "security", _("security and order")
    CONSTRUCTION = "construction", _("construction and land")
    PROCEDURES = "procedures", _("administrative procedures")
    OTHER = "other", _("other")


class Status(models.TextChoices):
    RECEIVED = "received", _("received")
    ACCEPTED = "accepted", _("accepted")
    IN_PROGRESS = "in_progress", _("in progress")
    RESOLVED = "resolved", _("resolved")
    DUPLICATE = "duplicate", _("duplicate")
    OUT_OF_SCOPE = "out_of_scope", _("out of scope")


OPEN_STATUSES = (Status.RECEIVED, Status.ACCEPTED, Status.IN_PROGRESS)
CLOSED_WITH_REASON = (Status.DUPLICATE, Status.OUT_OF_SCOPE)
ACCEPTED_STATUSES = (Status.ACCEPTED, Status.IN_PROGRESS, Status.RESOLVED)


class HandlingUnit(models.Model):
    area = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.CASCADE,
        related_name="handling_units",
        verbose_name=pgettext_lazy("feedback", "commune"),
    )
    name = models.CharField(_("name"), max_length=150)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("area"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("is_active")]),
    ]

    class Meta:
        verbose_name = _("handling unit")
        verbose_name_plural = _("handling units")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "name"],
                name="feedback_unit_unique_name",
                violation_error_message=_("This commune already has a unit named so."),
            )
        ]

    def __str__(self):
        return self.name


class DeadlinePolicy(models.Model):
    """A commune's deadlines and office hours; communes without one use the
    defaults (accept within 8 working hours; urgent resolved within 4 working
    hours of acceptance, normal within 5 working days; Monday–Friday 07:30–11:30
    and 13:30–17:00)."""

    area = models.OneToOneField(
        "content.AreaPage",
        on_delete=models.CASCADE,
        related_name="feedback_policy",
        verbose_name=pgettext_lazy("feedback", "commune"),
    )
    accept_hours = models.PositiveSmallIntegerField(
        _("accept within (working hours)"),
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
    )
    urgent_resolve_hours = models.PositiveSmallIntegerField(
        _("urgent: resolve within (working hours after acceptance)"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
    )
    normal_resolve_days = models.PositiveSmallIntegerField(
        _("normal: resolve within (working days after acceptance)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    morning_start = models.TimeField(_("morning from"), default=time(7, 30))
    morning_end = models.TimeField(_("morning until"), default=time(11, 30))
    afternoon_start = models.TimeField(_("afternoon from"), default=time(13, 30))
    afternoon_end = models.TimeField(_("afternoon until"), default=time(17, 0))

    panels = [
        FieldPanel("area"),
        MultiFieldPanel(
            [
                FieldPanel("accept_hours"),
                FieldPanel("urgent_resolve_hours"),
                FieldPanel("normal_resolve_days"),
            ],
            heading=_("Deadlines"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("morning_start"), FieldPanel("morning_end")]),
                FieldRowPanel(
                    [FieldPanel("afternoon_start"), FieldPanel("afternoon_end")]
                ),
            ],
            heading=_("Office hours (Monday to Friday)"),
        ),
    ]

    class Meta:
        verbose_name = _("deadline policy")
        verbose_name_plural = _("deadline policies")
        constraints = [
            models.CheckConstraint(
                condition=Q(accept_hours__gte=1)
                & Q(urgent_resolve_hours__gte=1)
                & Q(normal_resolve_days__gte=1),
                name="feedback_policy_positive",
                violation_error_message=_("Deadlines must be at least 1."),
            ),
            models.CheckConstraint(
                condition=Q(morning_start__lt=F("morning_end"))
                & Q(morning_end__lte=F("afternoon_start"))
                & Q(afternoon_start__lt=F("afternoon_end")),
                name="feedback_policy_hours_ordered",
                violation_error_message=_(
                    "Office hours must run morning then afternoon, each ending "
                    "after it starts."
                ),
            ),
        ]

    def __str__(self):
        return str(self.area)

    @property
    def periods(self):
        return (
            (self.morning_start, self.morning_end),
            (self.afternoon_start, self.afternoon_end),
        )


class Holiday(models.Model):
    """A day off: for every commune (no commune, kept by the administrator) or for
    one commune."""

    area = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.CASCADE,
        related_name="feedback_holidays",
        null=True,
        blank=True,
        verbose_name=pgettext_lazy("feedback", "commune"),
        help_text=_("Empty: a public holiday for every commune."),
    )
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=100)

    panels = [FieldPanel("date"), FieldPanel("name"), FieldPanel("area")]

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "date"],
                name="feedback_holiday_unique_day",
                violation_error_message=_("This day is already in the list."),
            ),
            models.UniqueConstraint(
                fields=["date"],
                condition=Q(area__isnull=True),
                name="feedback_holiday_unique_national_day",
                violation_error_message=_("This day is already in the list."),
            ),
        ]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} · {self.name}"


class Report(index.Indexed, models.Model):
    area = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.PROTECT,
        related_name="feedback_reports",
        verbose_name=pgettext_lazy("feedback", "area"),
    )
    commune = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=pgettext_lazy("feedback", "commune"),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="feedback_reports",
        verbose_name=_("reporter"),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(
        pgettext_lazy("feedback", "description"), max_length=3000
    )
    address = models.CharField(_("address"), max_length=255)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    urgent = models.BooleanField(pgettext_lazy("feedback", "urgent"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("duplicate of"),
    )
    unit = models.ForeignKey(
        HandlingUnit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("handling unit"),
    )
    answer = models.TextField(_("answer"), max_length=3000, blank=True)
    is_public = models.BooleanField(_("shown to the public"), default=True)
    created_at = models.DateTimeField(_("received at"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    accept_due = models.DateTimeField(_("accept by"))
    resolve_due = models.DateTimeField(_("resolve by"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)
    reopened = models.BooleanField(_("reopened once"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    # Never the reporter: search snippets are public.
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("description"),
        index.SearchField("address"),
        index.FilterField("area"),
        index.FilterField("commune"),
        index.FilterField("category"),
        index.FilterField("status"),
        index.FilterField("is_public"),
        index.FilterField("created_at"),
    ]

    class Meta:
        verbose_name = pgettext_lazy("feedback", "report")
        verbose_name_plural = pgettext_lazy("feedback", "reports")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["commune", "status"]),
            models.Index(fields=["area", "created_at"]),
            models.Index(fields=["category", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="feedback_report_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(category__in=Category.values),
                name="feedback_report_category_valid",
            ),
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (
                    Q(latitude__isnull=False)
                    & Q(longitude__isnull=False)
                    & Q(latitude__gte=-90)
                    & Q(latitude__lte=90)
                    & Q(longitude__gte=-180)
                    & Q(longitude__lte=180)
                ),
                name="feedback_report_point_valid",
                violation_error_message=_(
                    "A point needs both a latitude (−90 to 90) and a longitude "
                    "(−180 to 180)."
                ),
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True)
                | (Q(rating__gte=1) & Q(rating__lte=5) & Q(status=Status.RESOLVED)),
                name="feedback_report_rating_valid",
                violation_error_message=_("A rating is 1 to 5, on a resolved report."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=CLOSED_WITH_REASON) | ~Q(reason=""),
                name="feedback_report_closed_with_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=ACCEPTED_STATUSES)
                | (Q(accepted_at__isnull=False) & Q(resolve_due__isnull=False)),
                name="feedback_report_accepted_has_deadline",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.RESOLVED) | Q(resolved_at__isnull=False),
                name="feedback_report_resolved_has_time",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("feedback:report", args=[self.pk])

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def due(self):
        """The deadline that runs now (or ran last)."""
        if self.status == Status.RECEIVED:
            return self.accept_due
        if self.status in ACCEPTED_STATUSES:
            return self.resolve_due
        return None

    @property
    def accepted_on_time(self):
        if self.accepted_at is None:
            return None
        return self.accepted_at <= self.accept_due

    def is_late(self, now=None):
        """Late: a deadline passed before the step it asks for (or is still open)."""
        now = now or timezone.now()
        if self.status in CLOSED_WITH_REASON:
            return False
        if self.accepted_at is None:
            return now > self.accept_due
        if self.accepted_at > self.accept_due:
            return True
        done = self.resolved_at if self.status == Status.RESOLVED else now
        return done > self.resolve_due

    @property
    def on_time(self):
        return not self.is_late()

    def can_reopen_until(self):
        if self.resolved_at is None:
            return None
        return self.resolved_at + settings_value("FEEDBACK_REOPEN_WINDOW")


def photo_path(instance, filename):
    """A random name: the original file name may say who took the photo."""
    ext = os.path.splitext(filename)[1].lower()
    return f"feedback/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{ext}"


class Photo(models.Model):
    report = models.ForeignKey(
        Report,
        on_delete=models.CASCADE,
        related_name="photos",
        verbose_name=pgettext_lazy("feedback", "report"),
    )
    update = models.ForeignKey(
        "Update",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="photos",
        verbose_name=_("answer"),
        help_text=_("Empty for the reporter's photos."),
    )
    image = models.FileField(_("photo"), upload_to=photo_path, max_length=200)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["pk"]

    def __str__(self):
        return self.image.name


class UpdateKind(models.TextChoices):
    RECEIVED = "received", _("report received")
    ACCEPTED = "accepted", _("accepted")
    DUPLICATE = "duplicate", _("marked as duplicate")
    OUT_OF_SCOPE = "out_of_scope", _("marked as out of scope")
    ASSIGNED = "assigned", _("handling unit assigned")
    PROGRESS = "progress", _("progress update")
    RESOLVED = "resolved", _("answered and resolved")
    RATED = "rated", _("rated")
    REOPENED = "reopened", _("reopened by the reporter")
    HIDDEN = "hidden", _("hidden from the public")
    SHOWN = "shown", _("shown to the public again")


#: Log entries the public sees (the others are for handlers only).
PUBLIC_UPDATE_KINDS = {
    UpdateKind.RECEIVED,
    UpdateKind.ACCEPTED,
    UpdateKind.DUPLICATE,
    UpdateKind.OUT_OF_SCOPE,
    UpdateKind.ASSIGNED,
    UpdateKind.PROGRESS,
    UpdateKind.RESOLVED,
    UpdateKind.RATED,
    UpdateKind.REOPENED,
}


class Update(models.Model):
    """One change of a report: the log. ``actor`` is shown to handlers only."""

    report = models.ForeignKey(
        Report,
        on_delete=models.CASCADE,
        related_name="updates",
        verbose_name=pgettext_lazy("feedback", "report"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    kind = models.CharField(
        pgettext_lazy("feedback", "what"), max_length=20, choices=UpdateKind.choices
    )
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    message = models.TextField(_("message"), max_length=3000, blank=True)
    is_public = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("report update")
        verbose_name_plural = _("report updates")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.report_id} · {self.kind}"


class Follow(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "user"], name="feedback_follow_once"
            )
        ]


# --- settings with defaults ---------------------------------------------------------

DEFAULTS = {
    "FEEDBACK_MAX_PHOTOS": 5,
    "FEEDBACK_PHOTO_MAX_BYTES": 5 * 1024 * 1024,
    "FEEDBACK_PHOTO_MAX_SIDE": 2048,
    "FEEDBACK_REPORTS_PER_DAY": 5,
    "FEEDBACK_REPORT_INTERVAL": timedelta(seconds=60),
    "FEEDBACK_REOPEN_WINDOW": timedelta(days=7),
    "FEEDBACK_NEARBY_METRES": 200,
    # Map tiles (Leaflet is served from our static files; tiles are not).
    "FEEDBACK_MAP_TILES": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "FEEDBACK_MAP_ATTRIBUTION": (
        '&copy; <a href="https://www.openstreetmap.org/copyright">'
        "OpenStreetMap</a> contributors"
    ),
}


def settings_value(name):
    return getattr(settings, name, DEFAULTS[name])


def schedule_for(commune, holidays=None):
    """The working-time schedule of ``commune`` (its policy or the defaults)."""
    policy = DeadlinePolicy.objects.filter(area=commune).first()
    if holidays is None:
        holidays = Holiday.objects.filter(
            Q(area__isnull=True) | Q(area=commune)
        ).values_list("date", flat=True)
    periods = policy.periods if policy else workingtime.DEFAULT_PERIODS
    return policy or DeadlinePolicy(area=commune), workingtime.Schedule(
        periods=periods, holidays=frozenset(holidays)
    )
