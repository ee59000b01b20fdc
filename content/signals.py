"""Tell people what happened to what they submitted for review."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    post_page_move,
    task_submitted,
    workflow_approved,
    workflow_rejected,
)

from civic.core.requestmemo import forget
from civic.people.actions import notify
from civic.people.models import Role, RoleKind
from civic.people.permissions import users_who_can

from . import notifications as told
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
        notify(
            editor,
            told.REVIEW_WAITING,
            page,
            actor=user,
            url=_admin_edit_url(page),
            title=page.get_admin_display_title(),
            user=str(user or "—"),
        )


@receiver(workflow_approved)
def tell_author_approved(sender, instance, user=None, **kwargs):
    page = _page(instance)
    if instance.requested_by and instance.requested_by != user:
        notify(
            instance.requested_by,
            told.APPROVED,
            page,
            actor=user,
            url=page.url or "",
            title=page.get_admin_display_title(),
            user=str(user or "—"),
        )


@receiver(workflow_rejected)
def tell_author_rejected(sender, instance, user=None, **kwargs):
    page = _page(instance)
    comment = ""
    task_state = instance.current_task_state
    if task_state is not None and task_state.get_comment():
        comment = task_state.get_comment()
    if instance.requested_by and instance.requested_by != user:
        notify(
            instance.requested_by,
            told.NEEDS_CHANGES,
            page,
            actor=user,
            url=_admin_edit_url(page),
            title=page.get_admin_display_title(),
            user=str(user or "—"),
            comment=comment,
        )


@receiver(post_save)
@receiver(post_delete)
@receiver(post_page_move)
def forget_guarded_pages(sender, instance=None, **kwargs):
    """A restriction or a page changed: what this request remembered of the
    restricted and alias pages (``content.models.guarded_pages``) is read again."""
    if isinstance(instance, PageViewRestriction | Page):
        forget("content.guarded_pages")


@receiver(page_published)
def tell_followers_of_a_new_notice(sender, instance, **kwargs):
    """A notice published for the first time: its area's followers are told, by
    the worker (content.tasks), in the same transaction as the publication."""
    from .models import NoticePage
    from .tasks import tell_followers_of_notice

    if isinstance(instance, NoticePage) and (
        instance.first_published_at == instance.last_published_at
    ):
        tell_followers_of_notice.enqueue(instance.pk)
