"""What the channels (realtime) hold about a person (civic.people.personal_data)."""

from django.utils.translation import gettext_lazy as _

from civic.people.personal_data import Section, rows


def _messages(user):
    from .models import Message

    return rows(
        Message.objects.filter(author=user).select_related("channel"),
        "channel__title",
        "body",
        "created_at",
        "edited_at",
        "is_hidden",
    )


def _erase_messages(user):
    # the messages stay in their conversation, written by the anonymised
    # account ("a former resident"); channels the person opened stay the area's
    from .models import Channel

    Channel.objects.filter(created_by=user).update(created_by=None)


Section(
    "realtime.messages", _("Channel messages"), export=_messages, erase=_erase_messages
)
