"""Audit-log action names of residents joining their group; the superusers'
list of failed background tasks (civic/people/tasks.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

LOG_ACTIONS = [
    ("kdcdt.user.register", _("Register"), _("Account registered")),
    ("kdcdt.household.declare", _("Declare household"), _("Household declared")),
    (
        "kdcdt.household.representative",
        _("Change representative"),
        _("Household representative changed"),
    ),
    (
        "kdcdt.household.no_representative",
        _("Representative left"),
        _("Household left without a representative"),
    ),
    ("kdcdt.residency.request", _("Ask to join"), _("Asked to join a group")),
    (
        "kdcdt.residency.confirm",
        _("Confirm member"),
        _("Confirmed by the household representative"),
    ),
    (
        "kdcdt.residency.decline",
        _("Decline member"),
        _("Declined by the household representative"),
    ),
    ("kdcdt.residency.verify", _("Verify resident"), _("Resident verified")),
    ("kdcdt.residency.reject", _("Reject resident"), _("Resident rejected")),
    ("kdcdt.residency.moved", _("Mark moved away"), _("Resident moved away")),
]


@hooks.register("register_log_actions")
def register_people_log_actions(actions):
    for name, label, message in LOG_ACTIONS:
        actions.register_action(name, label, message)


@hooks.register("register_admin_urls")
def register_failed_tasks_url():
    from .admin_views import FailedTasksView

    return [path("tac-vu-loi/", FailedTasksView.as_view(), name="failed_tasks")]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_failed_tasks_menu_item():
    return SuperuserMenuItem(
        _("Failed tasks"), reverse("failed_tasks"), icon_name="warning", order=900
    )
