"""The moderation queue and log in the Wagtail admin menu, for moderators only."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import ModerationActionView, ModerationLogView, ModerationQueueView
from .moderation import is_moderator_anywhere


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path(
            "kiem-duyet/",
            ModerationQueueView.as_view(),
            name="comments_moderation_queue",
        ),
        path(
            "kiem-duyet/hanh-dong/",
            ModerationActionView.as_view(),
            name="comments_moderation_action",
        ),
        path(
            "kiem-duyet/nhat-ky/",
            ModerationLogView.as_view(),
            name="comments_moderation_log",
        ),
    ]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator_anywhere(request.user)


@hooks.register("register_admin_menu_item")
def register_moderation_queue_menu_item():
    return ModeratorMenuItem(
        _("Moderation queue"),
        reverse("comments_moderation_queue"),
        icon_name="warning",
        order=260,
    )


@hooks.register("register_admin_menu_item")
def register_moderation_log_menu_item():
    return ModeratorMenuItem(
        _("Moderation log"),
        reverse("comments_moderation_log"),
        icon_name="history",
        order=261,
    )
