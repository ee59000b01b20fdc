"""Comments on any item of an area, reports about them, mutes and the moderation log.

One generic mechanism: a comment or a report points at its item through a content
type and an object id (a news or notice page today, a poll or a meeting later), and
carries the item's ``area`` so that permission checks and moderation queues are one
query on the area tree's materialised path. State changes go through
``civic.comments.actions``; nothing here should be saved directly by a view.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _

#: The longest comment, in characters (also a database constraint).
MAX_LENGTH = 1000
MAX_REASON_LENGTH = 500


class Comment(models.Model):
    """A resident's plain-text comment on an item, or a reply (one level) to one."""

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    area = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("area"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="posted_comments",
        verbose_name=_("author"),
    )
    body = models.TextField(_("text"), max_length=MAX_LENGTH)
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(
        _("reason for hiding"), max_length=MAX_REASON_LENGTH, blank=True
    )
    hidden_at = models.DateTimeField(null=True, blank=True)
    deleted = models.BooleanField(_("deleted by its author"), default=False)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "created_at"]),
            models.Index(fields=["author", "created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("body"), MAX_LENGTH),
                name="comments_comment_body_length",
            ),
        ]

    def __str__(self):
        return f"{self.author} · {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_visible(self):
        return not (self.is_hidden or self.deleted)


class CommentRevision(models.Model):
    """The text a comment had before an edit, kept for moderators: an author cannot
    make an insult disappear by editing it once it was reported."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="revisions"
    )
    body = models.TextField(_("text"), max_length=MAX_LENGTH)
    written_at = models.DateTimeField(
        _("written at"),
        null=True,
        help_text=_("When this text was last edited; empty for the first version."),
    )
    replaced_at = models.DateTimeField(_("replaced at"), auto_now_add=True)

    class Meta:
        verbose_name = _("earlier version of a comment")
        verbose_name_plural = _("earlier versions of comments")
        ordering = ["replaced_at", "pk"]

    def __str__(self):
        return f"{self.comment_id} · {self.replaced_at:%Y-%m-%d %H:%M}"


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    OFFENSIVE = "offensive", _("Offensive or abusive")
    PERSONAL_DATA = "personal_data", _("Exposes personal data")
    NOT_RELEVANT = "not_relevant", _("Not relevant")
    OTHER = "other", _("Other")


class Resolution(models.TextChoices):
    UPHELD = "upheld", _("upheld: the item was hidden")
    DISMISSED = "dismissed", _("dismissed")


class Report(models.Model):
    """One user's report that an item (a comment or a page) breaks the rules.

    A user reports an item once (a database constraint). Open reports are those not
    yet resolved by a moderator; they are what the queue shows and the auto-hide
    counts.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    area = models.ForeignKey(
        "content.AreaPage", on_delete=models.CASCADE, related_name="+"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="comment_reports",
        verbose_name=_("reported by"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    text = models.CharField(_("details"), max_length=MAX_REASON_LENGTH, blank=True)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    resolution = models.CharField(max_length=10, choices=Resolution.choices, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "resolution"]),
            models.Index(fields=["reporter", "created_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"],
                name="comments_report_once_per_item",
                violation_error_message=_("You have already reported this."),
            ),
        ]

    def __str__(self):
        return f"{self.reporter} · {self.get_reason_display()}"


class Mute(models.Model):
    """A user may read but not comment (nor post in channels, nor send feedback) in
    a commune until ``until`` (for good when empty). See ``moderation.is_muted``."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mutes",
        verbose_name=_("user"),
    )
    area = models.ForeignKey(
        "content.AreaPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("commune"),
    )
    until = models.DateTimeField(_("until"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=MAX_REASON_LENGTH)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("muted by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mute")
        verbose_name_plural = _("mutes")
        indexes = [models.Index(fields=["user", "until"])]

    def __str__(self):
        return f"{self.user} · {self.area}"


class LogAction(models.TextChoices):
    POST = "post", _("posted a comment")
    EDIT = "edit", _("edited a comment")
    DELETE = "delete", _("deleted a comment")
    REPORT = "report", _("reported")
    AUTO_HIDE = "auto_hide", _("hidden automatically after reports")
    HIDE = "hide", _("hid")
    UNHIDE = "unhide", _("unhid")
    DISMISS = "dismiss", _("dismissed the reports")
    MUTE = "mute", _("muted the author")


class ModerationLog(models.Model):
    """Who did what to which item, when and why: the audit trail of this app."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    action = models.CharField(_("what"), max_length=20, choices=LogAction.choices)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True)
    target = GenericForeignKey("content_type", "object_id")
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("concerning"),
    )
    area = models.ForeignKey(
        "content.AreaPage", on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=MAX_REASON_LENGTH, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.actor} · {self.get_action_display()}"
