"""Who maintains the feedback settings of which commune: the users who may
``handle_feedback`` there (``civic.people.permissions.can``). The admin querysets,
per-object checks and commune choosers come from here."""

from wagtail.permission_policies import ModelPermissionPolicy

from civic.people.permissions import areas_where, can, subtree_q

HANDLE = "handle_feedback"


def communes_where(user):
    from content.models import COMMUNE_KINDS, AreaPage

    communes = AreaPage.objects.filter(kind__in=COMMUNE_KINDS)
    if not user or not user.is_authenticated or not user.is_active:
        return communes.none()
    if user.is_superuser:
        return communes
    q = subtree_q(user, HANDLE)
    return communes.filter(q) if q is not None else communes.none()


def records_for(user, model):
    if not user or not user.is_authenticated or not user.is_active:
        return model.objects.none()
    qs = model.objects.select_related("area")
    if user.is_superuser:
        return qs
    return qs.filter(area__in=communes_where(user).values("pk"))


class CommunePermissionPolicy(ModelPermissionPolicy):
    """Model permissions answered by the area roles instead of Django's perms.
    Rows without a commune (nationwide holidays) are the administrator's."""

    def user_has_permission(self, user, action):
        if not user or not user.is_authenticated or not user.is_active:
            return False
        if user.is_superuser:
            return True
        if action not in {"add", "change", "delete", "view"}:
            return False
        return areas_where(user, HANDLE).exists()

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, a) for a in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if user.is_superuser:
            return True
        return instance.area is not None and can(user, HANDLE, instance.area)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, a, instance) for a in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return records_for(user, self.model)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


def can_read(user, report):
    """Who may read a report (its page answers 404 otherwise): everyone when it is
    public in a published area; else its reporter and the commune's handlers."""
    if report.is_public and report.area.live:
        return True
    if not user or not user.is_authenticated or not user.is_active:
        return False
    return report.reporter_id == user.pk or can(user, HANDLE, report.commune)
