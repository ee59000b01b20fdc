"""Online public services: the procedures residents can do online.

* ``Procedure`` — an administrative procedure residents can do online, as the
  national portal (dichvucong.gov.vn) or the provincial portal lists it, grouped by
  ``LifeEvent`` (birth, marriage, moving house…). Each commune keeps its own
  directory, so its editors can maintain and import it.

The support points that help residents use them are ``civic.support``; the
commune's utilities and shops are ``civic.directory``.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from wagtail.admin.panels import FieldPanel, FieldRowPanel

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
