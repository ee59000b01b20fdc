"""Discussion channels of an area and their messages.

Every area page has one *area channel* (created with the page); leaders and editors
open *topic channels* in their area (“Đường Trần Phú sửa ống nước”) and archive
them when the topic is settled. Messages are the source of truth: they are saved
before anything is broadcast, and a client that reconnects asks for what it missed
by the id of the last message it saw.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

#: The longest message, in characters (also a database constraint).
MAX_LENGTH = 2000
#: The longest slow mode a moderator may set, in seconds.
MAX_SLOW_MODE = 3600
MAX_TITLE_LENGTH = 120


class ChannelKind(models.TextChoices):
    AREA = "area", _("area channel")
    TOPIC = "topic", _("topic channel")


class Channel(models.Model):
    area = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.CASCADE,
        related_name="discussion_channels",
        verbose_name=_("area"),
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=ChannelKind.choices, default=ChannelKind.TOPIC
    )
    title = models.CharField(_("title"), max_length=MAX_TITLE_LENGTH)
    is_public = models.BooleanField(
        _("visitors may read"),
        default=False,
        help_text=_("Visitors who are not residents can read (never post)."),
    )
    slow_mode_seconds = models.PositiveIntegerField(
        _("slow mode (seconds between two messages of a person)"), default=0
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    created_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    class Meta:
        verbose_name = _("discussion channel")
        verbose_name_plural = _("discussion channels")
        ordering = ["kind", "-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["area"],
                condition=Q(kind="area"),
                name="realtime_one_area_channel_per_area",
            ),
            models.CheckConstraint(
                condition=Q(slow_mode_seconds__lte=MAX_SLOW_MODE),
                name="realtime_channel_slow_mode_max",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_archived(self):
        return self.archived_at is not None

    @property
    def group_name(self):
        """The channel layer group of the sockets connected to this channel."""
        return f"channel.{self.pk}"

    def get_absolute_url(self):
        return reverse("realtime:channel", args=[self.pk])


class Message(models.Model):
    channel = models.ForeignKey(
        Channel,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("channel"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="channel_messages",
        verbose_name=_("author"),
    )
    body = models.TextField(_("text"), max_length=MAX_LENGTH)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hidden by"),
    )
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("channel message")
        verbose_name_plural = _("channel messages")
        ordering = ["pk"]
        indexes = [
            models.Index(fields=["channel", "id"]),
            models.Index(fields=["author", "created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("body"), MAX_LENGTH),
                name="realtime_message_body_length",
            ),
        ]

    def __str__(self):
        # no text: the report form shows this to whoever opens it
        return _("message %(id)s in “%(channel)s”") % {
            "id": self.pk,
            "channel": self.channel.title,
        }

    # --- what the comments' report mechanism asks of a target ---------------------

    @property
    def area(self):
        return self.channel.area

    @property
    def is_public(self):
        """A message can be reported while it is shown; a hidden one is gone."""
        return not self.is_hidden

    def get_absolute_url(self):
        return f"{self.channel.get_absolute_url()}#message-{self.pk}"
