"""One way for a view to run an action and answer its refusal.

    done = run_action(request, actions.rate_report, request.user, report, 5,
                      success=_("Thank you for your rating."))
    return redirect(report)

:func:`run_action` calls the action; then

- on success it shows ``success`` (if given) as a message and returns a true
  :class:`Outcome` whose ``value`` is what the action returned;
- on :class:`~civic.core.errors.ActionRefused` (any ``ValidationError``) its
  messages become non-field errors of ``form`` when one is given (the page is shown
  again with what was typed, status 400 when the caller renders ``form.errors``),
  otherwise error messages shown on the next page; it returns a false
  :class:`Outcome` and nothing was changed;
- :class:`~civic.core.errors.ActionForbidden` (any ``PermissionDenied``) is not
  caught: Django answers 403 with ``templates/403.html``, which shows its message.

Bad input therefore always gives the action's own message, never a 500.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .errors import ActionRefused, messages_of


class Outcome:
    """What :func:`run_action` returns: true when the action was done."""

    __slots__ = ("ok", "value")

    def __init__(self, ok, value=None):
        self.ok = ok
        self.value = value

    def __bool__(self):
        return self.ok

    def __repr__(self):
        return f"Outcome(ok={self.ok!r}, value={self.value!r})"


def run_action(request, action, *args, form=None, success=None, **kwargs):
    """Run ``action(*args, **kwargs)`` for ``request``: see the module docstring.

    ``success`` may be a callable: it is given the action's result and returns
    the message (or ``None`` for none).
    """
    try:
        value = action(*args, **kwargs)
    except ValidationError as error:
        for message in messages_of(error):
            if form is not None:
                form.add_error(None, message)
            else:
                messages.error(request, message)
        return Outcome(False)
    if callable(success):
        success = success(value)
    if success:
        messages.success(request, success)
    return Outcome(True, value)


def valid_data(form, default=None):
    """``form.cleaned_data``, or :class:`~civic.core.errors.ActionRefused` with
    every error of the form (``default`` when it has none to say): for buttons
    whose small form is checked inside the action :func:`run_action` runs."""
    if form.is_valid():
        return form.cleaned_data
    errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
    raise ActionRefused(errors or default or _("Please check the form."))
