"""Kinds of notification: each renders its text in the active language.

A notification is stored as an event *kind*, the *object* it is about, the
*actor* and the language-neutral values of its text (names, titles, reasons,
status codes); its text is rendered when it is shown or sent, in the reader's
language (``Notification.text()``), never stored in the actor's.

An app declares its kinds in its ``notifications.py`` (imported by the code that
notifies, and by :func:`autodiscover` before rendering)::

    RESIDENCY_VERIFIED = Kind(
        "people.residency_verified",
        _lazy("You are now a verified resident of %(area)s."),
    )
    notify(user, RESIDENCY_VERIFIED, residency, actor=verifier, url=…, area=…)

A value that must itself be translated (a status code) is turned into text at
rendering by ``labels``: ``{"status": lambda code: Status(code).label}``.

The registry lives in the core layer (civic.people) so that every app above it
can declare kinds without importing another feature app.
"""

from django.conf import settings
from django.utils import translation
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _lazy

KINDS = {}
_discovered = False


class Kind:
    def __init__(
        self,
        name,
        text,
        *,
        labels=None,
        render=None,
        subject=None,
        urgent=False,
        default="immediately",
    ):
        if name in KINDS and KINDS[name].text != text:
            raise ValueError(f"notification kind {name!r} declared twice")
        self.name = name
        self.text = text
        self.labels = labels or {}
        self._render = render
        #: the subject of its email (the same values as ``text``); else the text
        self.subject = subject
        #: sent at once to everyone with a channel, whatever their preferences
        #: and the quiet hours (civic.people.delivery)
        self.urgent = urgent
        #: the preference of whoever has not chosen: "immediately", "daily",
        #: "weekly" or "off"
        self.default = default
        KINDS[name] = self

    def __repr__(self):
        return f"<Kind {self.name}>"

    def _values(self, actor, params):
        values = dict(params)
        if actor is not None:
            values.setdefault("actor", actor.display_name)
        for key, label in self.labels.items():
            if key in values:
                values[key] = label(values[key])
        return values

    def render(self, obj, actor, params):
        """The text in the active language."""
        if self._render is not None:
            return self._render(obj, actor, params)
        values = self._values(actor, params)
        return str(self.text) % values if values else str(self.text)

    def render_subject(self, obj, actor, params):
        if self.subject is None:
            return self.render(obj, actor, params)
        return str(self.subject) % self._values(actor, params)


def autodiscover():
    """Import every app's ``notifications`` module (once), so that rows made by
    code not yet imported in this process still find their kind."""
    global _discovered
    if not _discovered:
        autodiscover_modules("notifications")
        _discovered = True


def get_kind(name):
    if name not in KINDS:
        autodiscover()
    return KINDS.get(name)


def render(notification, language=None, part="text"):
    """``notification``'s text (or email ``part="subject"``) in ``language``
    (default: its recipient's); its stored ``message`` if its kind is unknown or
    cannot be rendered."""
    kind = get_kind(notification.kind) if notification.kind else None
    if kind is None:
        return notification.message
    if language is None:
        language = getattr(notification.user, "language", "") or settings.LANGUAGE_CODE
    method = kind.render_subject if part == "subject" else kind.render
    try:
        with translation.override(language):
            # the object is read only by kinds that render from it
            obj = notification.object if kind._render is not None else None
            return method(obj, notification.actor, notification.params)[:500]
    except (KeyError, ValueError, TypeError, AttributeError):
        return notification.message


# --- the kinds of civic.people ------------------------------------------------

WELCOME = Kind(
    "people.welcome",
    _lazy("Welcome! Join your residential group so that your leader can verify you."),
)
HOUSEHOLD_JOIN_ASKED = Kind(
    "people.household_join_asked",
    _lazy(
        "%(name)s asks to join your household at %(address)s. "
        "Please confirm or decline."
    ),
)
VERIFICATION_WAITING = Kind(
    "people.verification_waiting",
    _lazy("%(name)s (%(address)s) waits for verification in %(area)s."),
)
HOUSEHOLD_CONFIRMED = Kind(
    "people.household_confirmed",
    _lazy(
        "Your household's representative confirmed you; "
        "your group leader will now verify you."
    ),
)
HOUSEHOLD_DECLINED = Kind(
    "people.household_declined",
    _lazy("The household's representative declined your request: %(reason)s"),
)
RESIDENCY_VERIFIED = Kind(
    "people.residency_verified",
    _lazy("You are now a verified resident of %(area)s."),
)
RESIDENCY_REJECTED = Kind(
    "people.residency_rejected",
    _lazy("Your request to join %(area)s was not accepted: %(reason)s"),
)
RESIDENCY_MOVED = Kind(
    "people.residency_moved",
    _lazy("You are recorded as having moved away from %(area)s."),
)
REPRESENTATIVE_SET = Kind(
    "people.representative_set",
    _lazy("You now represent your household at %(address)s."),
)


# --- personal-data rights (civic.people.rights) ------------------------------------


def _request_kind(code):
    from .request_kinds import RequestKind

    try:
        return RequestKind(code).label
    except ValueError:
        return code


DATA_EXPORT_READY = Kind(
    "people.data_export_ready",
    _lazy("Your data is ready: download it from your data page until %(date)s."),
)
DATA_REQUEST_FILED = Kind(
    "people.data_request_filed",
    _lazy(
        "A resident filed a request about their personal data (%(request_kind)s): answer by %(date)s."
    ),
    labels={"request_kind": _request_kind},
)
DATA_REQUEST_DUE = Kind(
    "people.data_request_due",
    _lazy(
        "A request about personal data (%(request_kind)s) must be answered by %(date)s."
    ),
    labels={"request_kind": _request_kind},
)
DATA_REQUEST_ANSWERED = Kind(
    "people.data_request_answered",
    _lazy("Your request about your data (%(request_kind)s) has been answered."),
    labels={"request_kind": _request_kind},
)
ACCOUNT_RETENTION_WARNING = Kind(
    "people.account_retention_warning",
    _lazy(
        "Your account was never verified and has not been used for a long time. "
        "Sign in before %(date)s to keep it; after that date it is anonymised."
    ),
)
