"""Who manages which polls in the admin: ``can(user, "open_polls", poll.area)``.

Group leaders manage the polls of their group; commune editors those of their
commune and of its groups. The queryset, the per-object checks and the area chooser
all come from here.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from civic.people.permissions import areas_where, can, subtree_q

ACTION = "open_polls"


def _subtrees(user):
    return subtree_q(user, ACTION)


def manageable_areas(user):
    """The AreaPages where ``user`` may open polls."""
    from content.models import AreaPage

    if user.is_superuser:
        return AreaPage.objects.all()
    q = _subtrees(user)
    if q is None:
        return AreaPage.objects.none()
    return AreaPage.objects.filter(q)


def manageable_polls(user):
    from .models import Poll

    if not user or not user.is_authenticated or not user.is_active:
        return Poll.objects.none()
    if user.is_superuser:
        return Poll.objects.select_related("area")
    q = _subtrees(user)
    if q is None:
        return Poll.objects.none()
    return Poll.objects.filter(
        area__in=manageable_areas(user).values("pk")
    ).select_related("area")


def can_read(user, poll):
    """Who may read a poll (its page answers 404 otherwise): everyone, while its
    area is published."""
    return bool(poll.area.live)


def is_locked(poll):
    """A poll with ballots or a result is not edited or deleted any more: its
    question and choices are what people voted on."""
    return poll.participations.exists() or poll.result_or_none() is not None


class PollPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if not user or not user.is_authenticated or not user.is_active:
            return False
        if user.is_superuser:
            return True
        if action not in {"add", "change", "delete", "view"}:
            return False
        return areas_where(user, ACTION).exists()

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, a) for a in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if not can(user, ACTION, instance.area):
            return False
        if action in {"change", "delete"} and instance.pk and is_locked(instance):
            return False
        return True

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, a, instance) for a in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            from .models import Poll

            return Poll.objects.none()
        return manageable_polls(user)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])
