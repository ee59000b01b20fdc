"""Audit-log action names of residents joining their group."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

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
