"""Support points: where helpers of the community digital technology team help
residents use the online public services.

* ``SupportPoint`` (điểm cung cấp, hỗ trợ dịch vụ trực tuyến) — a place in a commune
  where helpers help residents; ``OpeningHours`` per weekday.
* ``Appointment`` — a resident's request for help in one slot of one point. Active
  appointments are unique per (point, date, slot): a database constraint, so two
  concurrent requests cannot both take a slot.
* ``AssistedSession`` — what a helper did for a resident, with the consent given.

These tables were created by ``civic.services`` (``services_*``) and moved here by
renaming them (``migrations/0001`` and ``0002``).
"""

import math
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from modelsearch import index
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

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
        "services.Procedure",
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
        indexes = [
            models.Index(
                fields=["point", "happened_at"], name="services_as_point_i_9dd549_idx"
            )
        ]  # the name it had in civic.services (the table was renamed)

    def __str__(self):
        return f"{self.point} · {self.resident_name} · {self.happened_at:%Y-%m-%d}"
