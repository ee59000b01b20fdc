"""Tell people what happened to what they submitted for review."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    post_page_move,
    task_submitted,
    workflow_approved,
    workflow_rejected,
)

from civic.core.requestmemo import forget
from civic.people.actions import notify
from civic.people.models import Role, RoleKind
from civic.people.permissions import users_who_can

from .models import AreaPage
from .workflows import ensure_review_workflow


def _page(state):
    obj = state.content_object
    return getattr(obj, "specific", obj)


def _admin_edit_url(page):
    from django.urls import reverse

    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@receiver(post_save, sender=Role)
def commune_editor_granted(sender, instance, **kwargs):
    """A commune gets its editors' review workflow when it gets an editor
    (``civic.people`` grants the role; the workflow is ``content``'s)."""
    if instance.kind == RoleKind.COMMUNE_EDITOR:
        ensure_review_workflow(instance.area)


@receiver(task_submitted)
def tell_editors(sender, instance, user=None, **kwargs):
    page = _page(instance.workflow_state)
    parent = AreaPage.objects.ancestor_of(page).order_by("-depth").first()
    commune = parent.commune if parent else None
    if commune is None:
        return
    # whoever may approve the page (AreaReviewTask); active accounts only
    for editor in users_who_can("approve_content", page):
        with override("vi"):
            notify(
                editor,
                _("“%(title)s” is waiting for your review (sent by %(user)s).")
                % {"title": page.get_admin_display_title(), "user": user or "—"},
                _admin_edit_url(page),
            )


@receiver(workflow_approved)
def tell_author_approved(sender, instance, user=None, **kwargs):
    page = _page(instance)
    if instance.requested_by and instance.requested_by != user:
        with override("vi"):
            notify(
                instance.requested_by,
                _("“%(title)s” was approved by %(user)s and published.")
                % {"title": page.get_admin_display_title(), "user": user or "—"},
                page.url or "",
            )


@receiver(workflow_rejected)
def tell_author_rejected(sender, instance, user=None, **kwargs):
    page = _page(instance)
    comment = ""
    task_state = instance.current_task_state
    if task_state is not None and task_state.get_comment():
        comment = task_state.get_comment()
    if instance.requested_by and instance.requested_by != user:
        with override("vi"):
            message = _("“%(title)s” needs changes (asked by %(user)s).") % {
                "title": page.get_admin_display_title(),
                "user": user or "—",
            }
            if comment:
                message += " " + _("Comment: %(comment)s") % {"comment": comment}
            notify(instance.requested_by, message, _admin_edit_url(page))


@receiver(post_save)
@receiver(post_delete)
@receiver(post_page_move)
def forget_guarded_pages(sender, instance=None, **kwargs):
    """A restriction or a page changed: what this request remembered of the
    restricted and alias pages (``content.models.guarded_pages``) is read again."""
    if isinstance(instance, PageViewRestriction | Page):
        forget("content.guarded_pages")
