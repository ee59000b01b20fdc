"""Names of the meetings' entries in Wagtail's audit log."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_meeting_log_actions(actions):
    for action, label, message in (
        ("kdcdt.meeting.schedule", _("Schedule meeting"), _("Meeting scheduled")),
        ("kdcdt.meeting.edit", _("Edit meeting"), _("Meeting edited")),
        ("kdcdt.meeting.cancel", _("Cancel meeting"), _("Meeting cancelled")),
        ("kdcdt.meeting.attendance", _("Record attendance"), _("Attendance recorded")),
        ("kdcdt.minutes.save", _("Save minutes"), _("Draft minutes saved")),
        (
            "kdcdt.minutes.submit",
            _("Submit minutes"),
            _("Minutes submitted for review"),
        ),
        (
            "kdcdt.minutes.publish",
            _("Approve minutes"),
            _("Minutes approved and published"),
        ),
        (
            "kdcdt.minutes.reject",
            _("Send minutes back"),
            _("Minutes sent back with a reason"),
        ),
        (
            "kdcdt.minutes.correct",
            _("Correct minutes"),
            _("Correction of the minutes started"),
        ),
    ):
        actions.register_action(action, label, message)
