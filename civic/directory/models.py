"""The local directory of a commune and its residential groups.

* ``UtilityLink`` — electricity, water, waste collection (with the collection
  weekdays of a group), health station, schools: contacts for a commune or a group.
* ``Business`` — a small shop or service of a group, proposed by a verified resident
  and approved by the group's leader; only approved ones are public.

These tables were created by ``civic.services`` (``services_*``) and moved here by
renaming them (``migrations/0001`` and ``0002``).
"""

import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.dates import WEEKDAYS as WEEKDAY_NAMES
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from wagtail.admin.panels import FieldPanel, FieldRowPanel

#: (0, "Monday") … (6, "Sunday"), the labels translated by the site's catalogue
WEEKDAYS = sorted(WEEKDAY_NAMES.items())


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
        indexes = [
            models.Index(
                fields=["area", "status"], name="services_bu_area_id_c594ef_idx"
            )
        ]  # the name it had in civic.services (the table was renamed)
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
