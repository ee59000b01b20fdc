"""The types of personal-data request (civic.people.rights), apart from the models
so that notification texts can name them (civic.people.notifications)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestKind(models.TextChoices):
    CORRECTION = "correction", _("Correct my residency data")
    OBJECTION = "objection", _("Object to a processing")
    RESTRICTION = "restriction", _("Restrict a processing")
    COMPLAINT = "complaint", _("Complaint")
    OTHER = "other", _("Other request about my data")
