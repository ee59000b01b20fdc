"""The moderation queue and the moderation log in the Wagtail admin.

Custom admin views (registered in ``wagtail_hooks``) rather than a ModelViewSet: the
queue lists *items* (a comment or a page) with their reports grouped, which is not
one model's listing. Each moderator sees only the items of the areas where
``can(user, "moderate", area)`` holds; every action is a POST through
``civic.comments.actions``.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from civic.core.errors import ActionRefused, message_of
from civic.people.permissions import can

from . import actions
from .models import Comment, ModerationLog, Report
from .moderation import (
    area_of,
    hiding_callbacks,
    is_moderator_anywhere,
    moderated,
    render_body,
    target_url,
)

QUEUE_SIZE = 50
LOG_PAGE_SIZE = 50


class ModeratorOnly:
    def dispatch(self, request, *args, **kwargs):
        if not is_moderator_anywhere(request.user):
            return permission_denied(request)
        self.scope = moderated(request.user)
        return super().dispatch(request, *args, **kwargs)


def _fetch(content_type_id, ids):
    """The objects of one content type, pages as their specific class."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return {}
    queryset = model._default_manager.filter(pk__in=ids)
    if model is Comment:
        queryset = queryset.select_related(
            "author", "area", "parent__author"
        ).prefetch_related("revisions")
    elif issubclass(model, Page):
        queryset = queryset.specific()
    return {obj.pk: obj for obj in queryset}


class ModerationQueueView(ModeratorOnly, WagtailAdminTemplateMixin, TemplateView):
    template_name = "comments/admin/queue.html"
    page_title = gettext_lazy("Moderation queue")
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = "hidden" if self.request.GET.get("status") == "hidden" else "open"
        comment_type = ContentType.objects.get_for_model(Comment)
        if status == "open":
            groups = list(
                Report.objects.filter(resolution="")
                .filter(self.scope)
                .values("content_type", "object_id")
                .annotate(n=Count("id"), latest=Max("created_at"))
                .order_by("-n", "-latest")[:QUEUE_SIZE]
            )
            keys = [(g["content_type"], g["object_id"]) for g in groups]
        else:
            hidden = list(
                Comment.objects.filter(is_hidden=True, deleted=False)
                .filter(self.scope)
                .order_by("-hidden_at")
                .values_list("pk", flat=True)[:QUEUE_SIZE]
            )
            keys = [(comment_type.pk, pk) for pk in hidden]
        context.update(status=status, items=self._items(keys, status, comment_type))
        return context

    def _items(self, keys, status, comment_type):
        by_type = {}
        for ct, pk in keys:
            by_type.setdefault(ct, []).append(pk)
        objects = {ct: _fetch(ct, ids) for ct, ids in by_type.items()}
        # the items commented on, for the context of each comment
        comment_targets = {}
        for comment in objects.get(comment_type.pk, {}).values():
            comment_targets.setdefault(comment.content_type_id, set()).add(
                comment.object_id
            )
        commented = {ct: _fetch(ct, ids) for ct, ids in comment_targets.items()}
        pairs = Q(pk__in=[])
        for ct, ids in by_type.items():
            pairs |= Q(content_type_id=ct, object_id__in=ids)
        reports = {}
        report_filter = Q(resolution="") if status == "open" else Q()
        for r in (
            Report.objects.filter(pairs)
            .filter(report_filter)
            .select_related("reporter")
            .order_by("created_at")
        ):
            reports.setdefault((r.content_type_id, r.object_id), []).append(r)
        user = self.request.user
        items = []
        for ct, pk in keys:
            obj = objects.get(ct, {}).get(pk)
            if obj is None:
                continue
            item = {
                "content_type": ct,
                "object_id": pk,
                "object": obj,
                "reports": reports.get((ct, pk), []),
                "is_comment": ct == comment_type.pk,
            }
            if item["is_comment"]:
                area = obj.area
                parent = commented.get(obj.content_type_id, {}).get(obj.object_id)
                item.update(
                    html=render_body(obj.body),
                    item_title=getattr(parent, "title", "") or str(parent or ""),
                    item_url=target_url(parent) if parent is not None else "",
                    parent_html=render_body(obj.parent.body)
                    if obj.parent_id and obj.parent.is_visible
                    else "",
                    revisions=[
                        (rev.replaced_at, render_body(rev.body))
                        for rev in obj.revisions.all()
                    ],
                )
            else:
                area = area_of(obj)
                item.update(
                    item_title=getattr(obj, "title", str(obj)),
                    item_url=target_url(obj),
                    kind=capfirst(obj._meta.verbose_name),
                    can_unhide=getattr(obj, "is_hidden", False)
                    and hiding_callbacks(obj) is not None,
                    text=getattr(obj, "body", "")
                    if hiding_callbacks(obj) is not None
                    else "",
                )
            commune = area.commune if area is not None else None
            item.update(
                area=area,
                can_dismiss=commune is not None and can(user, "moderate", commune),
                can_mute=item["is_comment"]
                and commune is not None
                and can(user, "mute_users", commune),
            )
            items.append(item)
        return items


class ModerationActionView(ModeratorOnly, View):
    http_method_names = ["post"]

    def post(self, request):
        action = request.POST.get("action", "")
        reason = request.POST.get("reason", "")
        back = reverse("comments_moderation_queue")
        if request.POST.get("status") == "hidden":
            back += "?status=hidden"
        try:
            target = actions.resolve_target(
                request.POST.get("content_type"),
                request.POST.get("object_id"),
                hidden=True,
            )
            is_comment = isinstance(target, Comment)
            if action == "hide" and is_comment:
                actions.hide(request.user, target, reason)
                done = _("The comment is hidden.")
            elif action == "unhide" and is_comment:
                actions.unhide(request.user, target, reason)
                done = _("The comment is shown again.")
            elif action == "unhide" and hiding_callbacks(target) is not None:
                actions.unhide_item(request.user, target, reason)
                done = _("The item is shown again.")
            elif action == "uphold" and hiding_callbacks(target) is not None:
                actions.uphold_reports(request.user, target, reason)
                done = _("The item stays hidden; the reports are upheld.")
            elif action == "dismiss":
                actions.dismiss_reports(request.user, target, reason)
                done = _("The reports are dismissed.")
            elif action == "mute" and is_comment:
                actions.mute_user(
                    request.user,
                    target.author,
                    target.area,
                    request.POST.get("duration", ""),
                    reason,
                    comment=target,
                )
                done = _("%(name)s is muted in this commune.") % {
                    "name": target.author.display_name
                }
            else:
                raise ActionRefused(_("This action is not possible on this item."))
        except (ValidationError, PermissionDenied) as error:
            # the moderation queue shows every refusal as a message, as the admin does
            messages.error(request, message_of(error))
            return redirect(back)
        messages.success(request, done)
        return redirect(back)


class ModerationLogView(ModeratorOnly, WagtailAdminTemplateMixin, TemplateView):
    template_name = "comments/admin/log.html"
    page_title = gettext_lazy("Moderation log")
    header_icon = "history"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = (
            ModerationLog.objects.filter(self.scope)
            .select_related("actor", "subject", "area", "content_type")
            .order_by("-created_at", "-pk")
        )
        context["page_obj"] = Paginator(entries, LOG_PAGE_SIZE).get_page(
            self.request.GET.get("p")
        )
        return context
