"""Helpers for the tests of events → notifications (issue 19)."""

from civic.people.models import Notification


def told(user, kind):
    """The notifications of ``kind`` ``user`` has (newest last)."""
    return list(Notification.objects.filter(user=user, kind=kind).order_by("pk"))


def recipients(kind):
    return sorted(
        Notification.objects.filter(kind=kind).values_list("user_id", flat=True)
    )


def speaks(user, language):
    user.language = language
    user.save(update_fields=["language"])
    return user
