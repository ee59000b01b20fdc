"""Online public services and the points that help residents use them.

* ``Procedure`` — an administrative procedure residents can do online, as the
  national portal (dichvucong.gov.vn) or the provincial portal lists it, grouped by
  ``LifeEvent`` (birth, marriage, moving house…). Each commune keeps its own
  directory, so its editors can maintain and import it.
* ``SupportPoint`` (điểm cung cấp, hỗ trợ dịch vụ trực tuyến) — a place in a commune
  where helpers of the community digital technology team help residents;
  ``OpeningHours`` per weekday.
* ``Appointment`` — a resident's request for help in one slot of one point. Active
  appointments are unique per (point, date, slot): a database constraint, so two
  concurrent requests cannot both take a slot.
* ``AssistedSession`` — what a helper did for a resident, with the consent given.
* ``UtilityLink`` — electricity, water, waste collection (with the collection
  weekdays of a group), health station, schools: contacts for a commune or a group.
* ``Business`` — a small shop or service of a group, proposed by a verified resident
  and approved by the group's leader; only approved ones are public.
"""

import math
import re
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from modelsearch import index
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

#: ``1.001193``, ``2.000123``, provincial forms with a suffix: ``1.000948.H38``
PROCEDURE_CODE_RE = re.compile(r"^[1-3]\.\d{6}(\.[A-Z0-9]{2,6})?$")


def validate_procedure_code(value):
    if not PROCEDURE_CODE_RE.match(value or ""):
        raise ValidationError(
            _(
                "“%(code)s” is not a procedure code as the national portal writes it, "
                "e.g. 1.001193 or 1.000948.H38."
            ),
            params={"code": value},
            code="procedure_code",
        )


class LifeEvent(models.Model):
    """A moment of life that needs several procedures (birth, marriage…)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.CharField(_("description"), max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("life event")
        verbose_name_plural = _("life events")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class ProcedureField(models.TextChoices):
    CIVIL_STATUS = "civil_status", _("civil status")
    RESIDENCE = "residence", _("residence")
    LAND = "land", _("land")
    CONSTRUCTION = "construction", _("construction")
    BUSINESS = "business", _("business")
    SOCIAL_WELFARE = "social_welfare", _("social welfare")
    HEALTH = "health", _("health")
    EDUCATION = "education", _("education")
    TRANSPORT = "transport", _("transport")
    OTHER = "other", _("other")


class ProcedureLevel(models.TextChoices):
    FULL = "full", _("fully online")
    PARTIAL = "partial", _("partly online")


class Procedure(index.Indexed, models.Model):
    area = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.CASCADE,
        related_name="procedures",
        verbose_name=_("commune"),
    )
    code = models.CharField(
        _("procedure code"),
        max_length=20,
        validators=[validate_procedure_code],
        help_text=_("As the national portal writes it: 1.001193, 1.000948.H38."),
    )
    name = models.CharField(_("name"), max_length=300)
    field = models.CharField(_("field"), max_length=20, choices=ProcedureField.choices)
    level = models.CharField(_("level"), max_length=10, choices=ProcedureLevel.choices)
    authority = models.CharField(_("handled by"), max_length=200)
    processing_time = models.CharField(_("processing time"), max_length=100, blank=True)
    fee = models.CharField(_("fee"), max_length=100, blank=True)
    documents = models.TextField(
        _("documents to prepare"), blank=True, help_text=_("One per line.")
    )
    portal_url = models.URLField(_("link to the public-service portal"), max_length=500)
    life_events = models.ManyToManyField(
        LifeEvent, blank=True, related_name="procedures", verbose_name=_("life events")
    )
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("code"),
        index.SearchField("authority"),
        index.SearchField("documents"),
        index.AutocompleteField("name"),
        index.FilterField("area"),
        index.FilterField("field"),
        index.FilterField("level"),
    ]

    panels = [
        FieldPanel("area"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("level")]),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("field"), FieldPanel("authority")]),
        FieldRowPanel([FieldPanel("processing_time"), FieldPanel("fee")]),
        FieldPanel("documents"),
        FieldPanel("portal_url"),
        FieldPanel("life_events"),
    ]

    class Meta:
        verbose_name = _("procedure")
        verbose_name_plural = _("procedures")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "code"],
                name="services_procedure_unique_code",
                violation_error_message=_(
                    "This commune already lists a procedure with this code."
                ),
            )
        ]

    def __str__(self):
        return f"{self.code} · {self.name}"

    @property
    def document_lines(self):
        return [line.strip() for line in self.documents.splitlines() if line.strip()]


# --- support points ---------------------------------------------------------------

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1, lng1, lat2, lng2):
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


class SupportPoint(index.Indexed, ClusterableModel):
    area = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.CASCADE,
        related_name="support_points",
        verbose_name=_("commune"),
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=255)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    services = models.TextField(
        _("services it helps with"), blank=True, help_text=_("One per line.")
    )
    helpers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="support_points",
        verbose_name=_("helpers on duty"),
        help_text=_("People with the helper role in this commune."),
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("length of an appointment (minutes)"),
        default=30,
        validators=[MinValueValidator(10), MaxValueValidator(240)],
    )
    is_open = models.BooleanField(
        _("opened"), default=True, help_text=_("Untick while the point is closed.")
    )
    opened_on = models.DateField(_("opened on"), null=True, blank=True)

    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("address"),
        index.SearchField("services"),
        index.AutocompleteField("name"),
        index.FilterField("area"),
        index.FilterField("is_open"),
    ]

    panels = [
        FieldPanel("area"),
        FieldPanel("name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("slot_minutes")]),
        FieldRowPanel([FieldPanel("is_open"), FieldPanel("opened_on")]),
        FieldPanel("services"),
        FieldPanel("helpers"),
        MultiFieldPanel(
            [InlinePanel("opening_hours", label=_("opening hours"))],
            heading=_("Opening hours"),
        ),
    ]

    class Meta:
        verbose_name = _("support point")
        verbose_name_plural = _("support points")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def service_lines(self):
        return [line.strip() for line in self.services.splitlines() if line.strip()]

    def distance_km(self, lat, lng):
        return haversine_km(float(self.latitude), float(self.longitude), lat, lng)

    # Opening hours: these read ``self.opening_hours.all()`` so that a list page
    # can prefetch them once for every point.

    def hours_on(self, weekday):
        return sorted(
            (h for h in self.opening_hours.all() if h.weekday == weekday),
            key=lambda h: h.opens,
        )

    def is_open_at(self, moment):
        """Is the point open at ``moment`` (an aware or local naive datetime)?

        A period whose closing time is not after its opening time runs past
        midnight: Friday 18:00–02:00 is open on Saturday at 01:00.
        """
        if not self.is_open:
            return False
        local = moment.time()
        today = moment.weekday()
        yesterday = (today - 1) % 7
        for h in self.opening_hours.all():
            if h.weekday == today:
                if h.crosses_midnight:
                    if local >= h.opens:
                        return True
                elif h.opens <= local < h.closes:
                    return True
            elif h.weekday == yesterday and h.crosses_midnight and local < h.closes:
                return True
        return False

    def slots_on(self, day):
        """The appointment slots (start times) of ``day``: every ``slot_minutes``
        inside an opening period, ending by its close (periods past midnight are
        booked on the day they start, up to midnight)."""
        step = timedelta(minutes=self.slot_minutes)
        slots = []
        for h in self.hours_on(day.weekday()):
            start = datetime.combine(day, h.opens)
            end = (
                datetime.combine(day + timedelta(days=1), time(0))
                if h.crosses_midnight
                else datetime.combine(day, h.closes)
            )
            while start + step <= end:
                slots.append(start.time())
                start += step
        return slots


class OpeningHours(Orderable):
    point = ParentalKey(
        SupportPoint, on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=WEEKDAYS)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(
        _("closes"),
        help_text=_("A closing time before the opening runs past midnight."),
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(
                condition=~Q(opens=models.F("closes")),
                name="services_openinghours_not_empty",
                violation_error_message=_("Opening and closing times must differ."),
            )
        ]

    @property
    def crosses_midnight(self):
        return self.closes <= self.opens

    def clean(self):
        if self.opens is not None and self.opens == self.closes:
            raise ValidationError(_("Opening and closing times must differ."))

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class AppointmentStatus(models.TextChoices):
    REQUESTED = "requested", _("requested, waiting for the helper")
    PROPOSED = "proposed", _("another slot proposed, waiting for the resident")
    CONFIRMED = "confirmed", _("confirmed")
    CANCELLED = "cancelled", _("cancelled")
    DONE = "done", _("done")


ACTIVE_APPOINTMENT = [
    AppointmentStatus.REQUESTED,
    AppointmentStatus.PROPOSED,
    AppointmentStatus.CONFIRMED,
]


class Appointment(models.Model):
    point = models.ForeignKey(
        SupportPoint,
        on_delete=models.CASCADE,
        related_name="appointments",
        verbose_name=_("support point"),
    )
    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="help_appointments",
        verbose_name=_("resident"),
    )
    date = models.DateField(_("date"))
    slot = models.TimeField(_("time"))
    need = models.CharField(_("what you need help with"), max_length=500)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AppointmentStatus.choices,
        default=AppointmentStatus.REQUESTED,
    )
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("helper"),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["date", "slot"]
        constraints = [
            models.UniqueConstraint(
                fields=["point", "date", "slot"],
                condition=Q(status__in=ACTIVE_APPOINTMENT),
                name="services_appointment_one_per_slot",
                violation_error_message=_("This slot has just been taken."),
            )
        ]

    def __str__(self):
        return f"{self.point} · {self.date} {self.slot:%H:%M} · {self.resident}"

    @property
    def is_active(self):
        return self.status in ACTIVE_APPOINTMENT

    @property
    def starts(self):
        return datetime.combine(self.date, self.slot)


class AssistedSession(models.Model):
    point = models.ForeignKey(
        SupportPoint,
        on_delete=models.PROTECT,
        related_name="sessions",
        verbose_name=_("support point"),
    )
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="assisted_sessions_given",
        verbose_name=_("helper"),
    )
    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assisted_sessions",
        verbose_name=_("resident (account)"),
    )
    resident_name = models.CharField(_("resident's name"), max_length=150)
    appointment = models.OneToOneField(
        Appointment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="session",
    )
    procedure = models.ForeignKey(
        Procedure,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("procedure"),
    )
    done = models.TextField(_("what was done"), max_length=2000)
    consent_text = models.TextField(_("consent text read to the resident"))
    consent_given_at = models.DateTimeField(_("consent given at"))
    happened_at = models.DateTimeField(_("date and time"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("assisted session")
        verbose_name_plural = _("assisted sessions")
        ordering = ["-happened_at"]
        indexes = [models.Index(fields=["point", "happened_at"])]

    def __str__(self):
        return f"{self.point} · {self.resident_name} · {self.happened_at:%Y-%m-%d}"


# --- public utilities and services -----------------------------------------------


class UtilityKind(models.TextChoices):
    ELECTRICITY = "electricity", _("electricity")
    WATER = "water", _("water")
    WASTE = "waste", _("waste collection")
    HEALTH = "health", _("health station")
    SCHOOL = "school", _("school")
    OTHER = "other", _("other public service")


WEEKDAY_SET_RE = re.compile(r"^([0-6](,[0-6])*)?$")


WEEKDAY_DIGITS = frozenset("0123456")


def parse_weekdays(value):
    """``"0,3,5"`` → ``[0, 3, 5]`` (sorted, without repeats)."""
    return sorted(
        {int(d) for d in (value or "").split(",") if d.strip() in WEEKDAY_DIGITS}
    )


def validate_weekday_set(value):
    if not WEEKDAY_SET_RE.match(value or "") or len(set(value.split(","))) != len(
        value.split(",")
    ):
        raise ValidationError(
            _("Choose the collection days among Monday to Sunday."),
            code="weekdays",
        )


class UtilityLink(index.Indexed, models.Model):
    """A public utility or service with its contacts, for a commune or a group.

    A group's page shows its own entries and its commune's; waste collection
    entries carry the weekdays the waste is collected in that area.
    """

    area = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.CASCADE,
        related_name="utility_links",
        verbose_name=_("commune or residential group"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=UtilityKind.choices)
    name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=1000)
    collection_days = models.CharField(
        _("waste collection days"),
        max_length=13,
        blank=True,
        validators=[validate_weekday_set],
        help_text=_("Only for waste collection: the days the waste is collected."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("address"),
        index.SearchField("notes"),
        index.AutocompleteField("name"),
        index.FilterField("area"),
        index.FilterField("kind"),
    ]

    panels = [
        FieldPanel("area"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("sort_order")]),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("website")]),
        FieldPanel("address"),
        FieldPanel("collection_days"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("public utility or service")
        verbose_name_plural = _("public utilities and services")
        ordering = ["sort_order", "kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="waste") | Q(collection_days=""),
                name="services_utility_days_only_for_waste",
                violation_error_message=_(
                    "Collection days are given for waste collection only."
                ),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.name}"

    def clean(self):
        super().clean()
        if self.collection_days and self.kind != UtilityKind.WASTE:
            raise ValidationError(
                {
                    "collection_days": _(
                        "Collection days are given for waste collection only."
                    )
                }
            )

    @property
    def weekdays(self):
        return parse_weekdays(self.collection_days)

    @property
    def weekday_labels(self):
        names = dict(WEEKDAYS)
        return [names[d] for d in self.weekdays]

    def next_collection(self, today=None):
        """The next collection date on or after ``today`` (local date), or None."""
        days = self.weekdays
        if not days:
            return None
        today = today or timezone.localdate()
        for i in range(7):
            day = today + timedelta(days=i)
            if day.weekday() in days:
                return day
        return None


# --- local business directory ----------------------------------------------------


class BusinessStatus(models.TextChoices):
    PENDING = "pending", _("waiting for the group leader")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class ApprovedBusinessManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(status=BusinessStatus.APPROVED)


class Business(index.Indexed, models.Model):
    """A small shop or service of a residential group.

    A verified resident of the group proposes it; the group's leader (or a commune
    editor) approves or rejects it with a reason. Only approved entries are public
    and only they are put in the search index (``get_indexed_objects``).
    """

    area = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.CASCADE,
        related_name="businesses",
        verbose_name=_("residential group"),
    )
    name = models.CharField(_("name"), max_length=150)
    offers = models.CharField(_("what they sell or do"), max_length=300)
    phone = models.CharField(_("contact phone"), max_length=40)
    address = models.CharField(_("address"), max_length=255, blank=True)
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=150,
        blank=True,
        help_text=_("For example: every day 6:00–21:00."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=BusinessStatus.choices,
        default=BusinessStatus.PENDING,
    )
    rejection_reason = models.CharField(
        _("reason for the rejection"), max_length=500, blank=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_businesses",
        verbose_name=_("submitted by"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = models.Manager()
    approved = ApprovedBusinessManager()

    search_fields = [
        index.SearchField("name", boost=2),
        index.SearchField("offers"),
        index.SearchField("address"),
        index.AutocompleteField("name"),
        index.FilterField("area"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("local business")
        verbose_name_plural = _("local businesses")
        ordering = ["name"]
        base_manager_name = "objects"
        default_manager_name = "objects"
        indexes = [models.Index(fields=["area", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="services_business_rejection_has_reason",
                violation_error_message=_("Give the reason for the rejection."),
            )
        ]

    def __str__(self):
        return self.name

    @classmethod
    def get_indexed_objects(cls):
        return cls.objects.filter(status=BusinessStatus.APPROVED)

    @property
    def is_public(self):
        return self.status == BusinessStatus.APPROVED
