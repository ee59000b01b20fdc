"""Who manages which polls in the admin: ``can(user, "open_polls", poll.area)``.

Group leaders manage the polls of their group; commune editors those of their
commune and of its groups. The queryset, the per-object checks and the area chooser
all come from here.
"""

from civic.people.permissions import AreaPermissionPolicy, scoped
from content.models import AreaPage

from .models import Poll

ACTION = "open_polls"


def manageable_areas(user):
    """The AreaPages where ``user`` may open polls."""

    return scoped(AreaPage.objects.all(), user, ACTION)


def manageable_polls(user):
    return scoped(Poll.objects.select_related("area"), user, ACTION, "area__path")


def can_read(user, poll):
    """Who may read a poll (its page answers 404 otherwise): everyone, while its
    area is published."""
    return bool(poll.area.live)


def is_locked(poll):
    """A poll with ballots or a result is not edited or deleted any more: its
    question and choices are what people voted on."""
    return poll.participations.exists() or poll.result_or_none() is not None


class PollPermissionPolicy(AreaPermissionPolicy):
    """The area policy for ``open_polls``; besides, a poll people voted on is not
    changed or deleted (:func:`is_locked`)."""

    def __init__(self, model="polls.Poll"):
        super().__init__(model, ACTION, "area")

    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if action in {"change", "delete"} and instance.pk and is_locked(instance):
            return False
        return True
