"""What civic.comments holds about a person (civic.people.personal_data)."""

from django.utils.translation import gettext_lazy as _

from civic.people.personal_data import Section, rows


def _comments(user):
    from .models import Comment

    return rows(
        Comment.objects.filter(author=user).select_related("area"),
        "id",
        "area__title",
        "body",
        "created_at",
        "edited_at",
        "is_hidden",
        "deleted",
        in_reply_to=lambda c: c.parent_id,
    )


def _erase_comments(user):
    # the comments stay in their threads (others replied to them), written by
    # the anonymised account: "a former resident"; what the person reported of
    # others' comments and their own mutes go
    from .models import Mute, Report

    Report.objects.filter(reporter=user).delete()
    Mute.objects.filter(user=user).delete()


def _reports(user):
    from .models import Report

    return rows(
        Report.objects.filter(reporter=user).select_related("content_type"),
        "content_type__model",
        "object_id",
        "reason",
        "text",
        "created_at",
    )


Section("comments.comments", _("Comments"), export=_comments, erase=_erase_comments)
Section(
    "comments.reports",
    _("Comments I reported"),
    export=_reports,
    erase=lambda user: None,  # deleted with comments.comments
)
