"""One tolerant way to read a database id from a URL, a query string or a form.

An id typed by a person or an attacker may be anything: ``9999999999999999999999999``
(no database column holds it: SQLite raises ``OverflowError``, PostgreSQL a
``DataError``), ``-1``, ``0``, ``"²"`` or ``"٣"`` (``str.isdigit()`` and ``int()``
accept these Unicode digits), a NUL byte (PostgreSQL refuses it in a query), or
10 kB of text. :func:`parse_id` turns every such value into ``None``, so the
caller answers "not found" or a form error, never a 500.

URL patterns use the ``<id:…>`` converter registered here (instead of Django's
``<int:…>``): a value that is not a valid id does not match, so the answer is 404.
``realtime.routing`` uses the same converter for WebSocket URLs.
"""

import re

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.core.exceptions import ValidationError
from django.urls import register_converter

#: The largest value of a 64-bit signed integer column (``BigAutoField``).
MAX_ID = 2**63 - 1
#: ASCII digits only, at most as many as ``MAX_ID`` has, no sign and no spaces.
_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_id(value):
    """``value`` as a database id (an ``int`` from 1 to ``MAX_ID``), or ``None``.

    Accepts an ``int`` or a string of ASCII digits (surrounding white space is
    not accepted); everything else gives ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _DIGITS.fullmatch(value):
        number = int(value)
    else:
        return None
    return number if 1 <= number <= MAX_ID else None


def require_id(value):
    """:func:`parse_id` for code that handles ``ValueError``: the id, or
    ``ValueError`` for anything that is not one."""
    if value is not None and not isinstance(value, (int, str)):
        value = str(value)
    number = parse_id(value)
    if number is None:
        raise ValueError(f"not an id: {str(value)[:40]!r}")
    return number


def parse_ids(values):
    """The valid ids among ``values`` (an iterable of strings), in order and
    without repeats; invalid ones are dropped."""
    seen = []
    for value in values or ():
        number = parse_id(value)
        if number is not None and number not in seen:
            seen.append(number)
    return seen


class IdConverter:
    """``<id:name>`` in a URL pattern: matches a valid id only (see ``parse_id``)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # no match: the resolver goes on, then 404
        return number

    def to_url(self, value):
        number = parse_id(value)
        if number is None:
            raise ValueError(value)
        return str(number)


register_converter(IdConverter, "id")


# --- model choice fields ------------------------------------------------------------


def _integer_key(field):
    """Whether ``field`` (followed through relations) stores an integer."""
    from django.db import models

    while field.is_relation:
        field = field.target_field
    return isinstance(field, models.IntegerField)


def _key_field(form_field):
    model = form_field.queryset.model
    name = form_field.to_field_name
    return model._meta.get_field(name) if name else model._meta.pk


def _checked(form_field, value):
    """``value`` as the database will read it; ``ValidationError``
    (``invalid_choice``) when the key is an integer and ``value`` no valid id."""

    if isinstance(value, form_field.queryset.model) or not _integer_key(
        _key_field(form_field)
    ):
        return value
    number = parse_id(value if isinstance(value, int) else str(value))
    if number is None:
        raise ValidationError(
            form_field.error_messages["invalid_choice"],
            code="invalid_choice",
            params={"value": value},
        )
    return number


def install_model_choice_guard():
    """Make Django's ``ModelChoiceField`` and ``ModelMultipleChoiceField`` (every
    form's, Wagtail's admin forms included) refuse a value that is no valid id
    with their "select a valid choice" error, instead of sending it to the
    database (``OverflowError`` on SQLite, ``DataError`` on PostgreSQL: a 500).
    Called once from ``civic.people``'s ``AppConfig.ready``."""
    from django.forms import models as form_models

    single = form_models.ModelChoiceField
    multiple = form_models.ModelMultipleChoiceField
    if getattr(single, "_civic_guarded", False):
        return
    to_python, check_values = single.to_python, multiple._check_values

    def guarded_to_python(self, value):
        if value not in self.empty_values:
            value = _checked(self, value)
        return to_python(self, value)

    def guarded_check_values(self, value):
        try:
            values = list(value)
        except TypeError:
            return check_values(self, value)
        checked = [
            item if item in self.empty_values else _checked(self, item)
            for item in values
        ]
        return check_values(self, checked)

    single.to_python = guarded_to_python
    multiple._check_values = guarded_check_values
    single._civic_guarded = True


# --- every path ---------------------------------------------------------------------


def odd_path_segment(path):
    """Whether ``path`` has a segment that can only be a broken id: a NUL byte,
    or only digits (Unicode ones included: ``²``, ``٣``) that are no valid id
    (``0``, 25 digits, 10 kB of them)."""
    for segment in path.split("/"):
        if "\x00" in segment:
            return True
        if segment and segment.isdigit() and parse_id(segment) is None:
            return True
    return False


class OddIdMiddleware:
    """Answers 404 to a request whose path carries an odd id (see
    :func:`odd_path_segment`) before any view, ours or a library's (Wagtail's
    admin reads ``<str:pk>`` and regex groups with ``int()``), sees it."""

    # both: under ASGI the middleware inside it run in the event loop without a
    # switch to a thread and back around this one (issue 15, README "Where a
    # page's time goes")
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        if iscoroutinefunction(self):
            return self.__acall__(request)
        self._check(request)
        return self.get_response(request)

    async def __acall__(self, request):
        self._check(request)
        return await self.get_response(request)

    @staticmethod
    def _check(request):
        from django.http import Http404

        if odd_path_segment(request.path_info):
            raise Http404("odd id in the path")
