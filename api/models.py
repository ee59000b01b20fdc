"""API keys of the organisations that write through the API (README, "Open API").

A key is shown once, when an administrator creates it; only its prefix (to find
the row) and a SHA-256 of the whole key are stored. A key is random (32 bytes),
so a fast hash is enough: nobody can try keys faster than the rate limit lets
them, and a stolen table reveals no key. Each key acts through its own service
account (a user without password, phone or email, who can never sign in): the
feedback and booking actions run as that account, with their own limits.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiKey(models.Model):
    organisation = models.CharField(_("organisation"), max_length=200)
    contact_email = models.EmailField(_("contact email"), blank=True)
    prefix = models.CharField(_("key prefix"), max_length=16, unique=True)
    key_hash = models.CharField(max_length=64)
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="api_key",
        verbose_name=_("service account"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    expires_at = models.DateTimeField(
        _("expires at"),
        null=True,
        blank=True,
        help_text=_("Empty: the key does not expire."),
    )
    revoked = models.BooleanField(
        _("revoked"), default=False, help_text=_("A revoked key is refused at once.")
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")
        ordering = ["organisation", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(revoked=False) | models.Q(revoked_at__isnull=False),
                name="api_apikey_revoked_has_time",
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.prefix}…)"

    def save(self, *args, **kwargs):
        if self.revoked and self.revoked_at is None:
            self.revoked_at = timezone.now()
        if not self.revoked:
            self.revoked_at = None
        super().save(*args, **kwargs)

    def is_usable(self, now=None):
        now = now or timezone.now()
        return not self.revoked and (self.expires_at is None or self.expires_at > now)


class ApiWrite(models.Model):
    """What a key did: a report filed or a slot booked on a resident's behalf,
    with the consent the calling application declared (required)."""

    REPORT = "report"
    APPOINTMENT = "appointment"

    key = models.ForeignKey(ApiKey, on_delete=models.PROTECT, related_name="writes")
    kind = models.CharField(max_length=12)
    object_id = models.PositiveBigIntegerField()
    consent = models.BooleanField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent=True), name="api_apiwrite_consent_given"
            ),
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="api_apiwrite_one_per_object"
            ),
        ]
