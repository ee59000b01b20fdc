"""State changes of people and roles. Views and admin screens call these."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from .models import AreaRoleGroup, Notification, Role, RoleKind
from .permissions import forget_cached_roles

#: Wagtail page permissions each role kind gets on its area's subtree.
PAGE_PERMISSIONS = {
    RoleKind.GROUP_LEADER: ["add_page", "change_page"],
    RoleKind.COMMUNE_EDITOR: ["add_page", "change_page", "publish_page", "lock_page"],
    RoleKind.HELPER: [],
}
#: Collection permissions (images, documents) on the root collection.
COLLECTION_PERMISSIONS = {
    RoleKind.GROUP_LEADER: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ],
    RoleKind.COMMUNE_EDITOR: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
    RoleKind.HELPER: [],
}


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def role_group(area, kind):
    """The Wagtail group for ``kind`` on ``area``, created with its permissions."""
    link = AreaRoleGroup.objects.filter(area=area, kind=kind).select_related("group")
    if link:
        return link[0].group
    label = RoleKind(kind).label
    group = Group.objects.create(name=f"{area.title} — {label} [{area.pk}]"[:150])
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    for codename in PAGE_PERMISSIONS[kind]:
        GroupPagePermission.objects.create(
            group=group, page=area, permission=_permission("wagtailcore", codename)
        )
    root = Collection.get_first_root_node()
    for app_label, codename in COLLECTION_PERMISSIONS[kind]:
        GroupCollectionPermission.objects.create(
            group=group, collection=root, permission=_permission(app_label, codename)
        )
    AreaRoleGroup.objects.create(area=area, kind=kind, group=group)
    return group


@transaction.atomic
def grant_role(actor, user, area, kind):
    """Give ``user`` the role ``kind`` on ``area`` and the matching Wagtail rights."""
    role = Role(user=user, area=area, kind=kind, granted_by=actor)
    role.full_clean()
    role.save()  # the post_save signal brings the Wagtail group in step
    log(role, "kdcdt.role.grant", user=actor)
    return role


@transaction.atomic
def revoke_role(actor, role):
    """Take a role away, and the Wagtail rights that came with it."""
    log(role, "kdcdt.role.revoke", user=actor)
    role.delete()  # the post_delete signal removes the Wagtail group membership


def sync_role_groups(role, granted):
    """Keep the user's Wagtail group membership equal to their roles."""
    group = role_group(role.area, role.kind)
    if granted:
        role.user.groups.add(group)
        if role.kind == RoleKind.COMMUNE_EDITOR:
            from content.workflows import ensure_review_workflow

            ensure_review_workflow(role.area)
    else:
        role.user.groups.remove(group)
    forget_cached_roles(role.user)


def notify(user, message, url=""):
    """Tell ``user`` something; shown on their account page and in the header."""
    return Notification.objects.create(user=user, message=message[:500], url=url)


def mark_notifications_read(user):
    from django.utils import timezone

    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
