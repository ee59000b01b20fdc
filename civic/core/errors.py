"""One way to refuse: the two exceptions every action raises.

An action (``civic/*/actions.py``, ``realtime/actions.py``) that does not do what it
was asked raises one of these, with a message for the person, in their language,
and changes nothing (the transaction is rolled back):

- :class:`ActionRefused` — the input is wrong or a rule says no *now*: an empty
  text, a closed poll, a time in the past, a limit reached, "you are not verified
  yet". The page the person came from can explain it, so views show it as a form
  error or a message. It is a ``ValidationError``: ``.messages`` lists the
  messages, ``.code`` may name the case for code that needs to tell them apart
  (``ActionRefused(msg, code="already_voted")``).
- :class:`ActionForbidden` — the person holds no role that allows this here (a
  button they were never shown, a forged request). It is a ``PermissionDenied``:
  Django answers 403 and ``templates/403.html`` shows the message.

``civic.core.views.run_action`` turns both into the right response; WebSocket
consumers use :func:`messages_of` and :func:`status_of` for their error frames.
Modelled on Zulip's ``zerver/lib/exceptions.py``: one error class whose message is
translated and shown to the user.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _


class ActionRefused(ValidationError):
    """Not done: bad input or a rule of the moment. Nothing was changed."""


class ActionForbidden(PermissionDenied):
    """Not done: the user may not do this here (403). Nothing was changed."""

    def __init__(self, message=""):
        super().__init__(message)
        self.message = message


def messages_of(error):
    """The messages for the user carried by a refusal, as a list of strings."""
    if isinstance(error, ValidationError):
        return [str(message) for message in error.messages]
    return [str(error) or _("You are not allowed to do this.")]


def message_of(error):
    """The messages of :func:`messages_of` as one line."""
    return " ".join(messages_of(error))


def status_of(error):
    """The HTTP status of a refusal: 403 when forbidden, 400 otherwise."""
    return 403 if isinstance(error, PermissionDenied) else 400
