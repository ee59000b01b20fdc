"""An item that residents' reports hide registers its app's actions as callbacks
(``register_target(label, on_reports=…, on_unhide=…)``): its model stays free of
them (``realtime.models`` imports no ``realtime.actions``)."""

import pytest

from civic.comments import moderation
from realtime import actions
from realtime.models import Message


def test_a_channel_message_is_hidden_and_shown_by_its_apps_actions():
    assert moderation.hiding_callbacks(Message()) == (
        actions.hide_after_reports,
        actions.unhide_message,
    )
    assert not hasattr(Message, "hide_after_reports")
    assert not hasattr(Message, "unhide_by")


def test_a_comment_target_without_callbacks_is_not_hidden_by_reports():
    from civic.polls.models import Poll

    assert moderation.hiding_callbacks(Poll()) is None


def test_both_callbacks_or_neither():
    read_check = moderation.read_check("realtime.message")
    with pytest.raises(ValueError, match="both on_reports and on_unhide"):
        moderation.register_target(
            "realtime.message", can_read=lambda user, item: True, on_reports=print
        )
    # nothing was changed by the refused registration
    assert moderation.read_check("realtime.message") is read_check
    assert moderation.hiding_callbacks(Message()) is not None
