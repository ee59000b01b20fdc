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


# --- personal-data rights (civic.people.rights): the audit log's actions, and the
# privacy notice's versions and the communes' data-protection contacts for
# superusers (Settings)

DATA_LOG_ACTIONS = [
    ("kdcdt.data.export_request", _("Ask for one's data"), _("Data download asked")),
    ("kdcdt.data.export", _("Prepare data"), _("Data download prepared")),
    ("kdcdt.data.download", _("Download data"), _("Data downloaded")),
    ("kdcdt.data.erase", _("Delete account"), _("Account deleted and anonymised")),
    ("kdcdt.data.request", _("Data request"), _("Personal-data request filed")),
    (
        "kdcdt.data.answer",
        _("Answer data request"),
        _("Personal-data request answered"),
    ),
]


@hooks.register("register_log_actions")
def register_data_log_actions(actions):
    for name, label, message in DATA_LOG_ACTIONS:
        actions.register_action(name, label, message)


def _rights_viewsets():
    from wagtail.admin.viewsets.model import ModelViewSet

    from .models import DataProtectionContact, PrivacyNotice

    class PrivacyNoticeViewSet(ModelViewSet):
        model = PrivacyNotice
        icon = "doc-full"
        menu_label = _("Privacy notices")
        add_to_settings_menu = True
        form_fields = ["version", "title", "body", "published_at"]
        list_display = ["version", "title", "published_at"]

    class ContactViewSet(ModelViewSet):
        model = DataProtectionContact
        icon = "user"
        menu_label = _("Data-protection contacts")
        add_to_settings_menu = True
        form_fields = ["commune", "user"]
        list_display = ["commune", "user"]

    return [
        PrivacyNoticeViewSet("privacy_notices"),
        ContactViewSet("data_protection_contacts"),
    ]


@hooks.register("register_admin_viewset")
def register_rights_viewsets():
    return _rights_viewsets()
