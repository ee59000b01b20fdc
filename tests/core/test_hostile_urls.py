"""Every URL pattern answers hostile identifiers without a 5xx (issue 14, item 7).

The URLconf is walked (i18n patterns, every app, Wagtail's front-end catch-all,
its documents and its admin); each path parameter is replaced by hostile values
(huge, 2**63, negative, zero, Unicode digits, NUL, 10 kB of digits), and each
request carries hostile values in every known query parameter and form field.
Every pattern is requested by a visitor and by each role, GET and POST.

Cheap on purpose: one set of users for the module (rolled back at its end), no
search indexing, one test per pattern so a failure names it.
"""

import re
from http.cookies import SimpleCookie
from urllib.parse import quote

import pytest
from django import forms
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from civic.core.ids import MAX_ID, parse_id, parse_ids
from civic.people.actions import grant_role
from civic.people.models import RoleKind
from content.models import AreaKind, HomePage

from ..conftest import add_area, make_user

HOSTILE = {
    "huge": "9999999999999999999999999",
    "over": str(MAX_ID + 1),
    "negative": "-1",
    "zero": "0",
    "superscript": "²",
    "arabic": "٣",
    "nul": "1\x00",
    "long": "9" * 10_240,
}

#: Query parameters the views read by hand (``request.GET.get(...)``).
GET_PARAMS = [
    "area",
    "category",
    "lich-hen",
    "next",
    "p",
    "page",
    "q",
    "revision",
    "show",
    "status",
    "tag",
    "type",
    "period",
    "lang",
]
#: Form values the views read by hand (``request.POST.get(...)``).
POST_PARAMS = [
    "action",
    "appointment",
    "attending",
    "back",
    "body",
    "choice",
    "content_type",
    "household",
    "households_present",
    "is_public",
    "next",
    "note",
    "object_id",
    "parent",
    "public",
    "reason",
    "seconds",
    "status",
    "text",
    "title",
]

ROLES = ["visitor", "resident", "leader", "editor", "helper", "superuser"]


def _project_form_fields():
    """The field names of every form the project defines: each may carry an id."""
    import importlib

    names = set()
    for module in (
        "civic.comments.views",
        "civic.feedback.forms",
        "civic.meetings.forms",
        "civic.people.forms",
        "civic.polls.forms",
        "civic.services.forms",
        "civic.support.forms",
        "civic.directory.forms",
        "content.forms",
        "realtime.views",
        "search.views",
    ):
        try:
            mod = importlib.import_module(module)
        except ImportError:
            continue
        for value in vars(mod).values():
            if isinstance(value, type) and issubclass(value, forms.BaseForm):
                names.update(getattr(value, "base_fields", {}))
    return sorted(names)


# --- the URLconf, walked -------------------------------------------------------------


class _Param(str):
    """A path parameter (its name, when the pattern gives one)."""


_GROUP = _Param("")


def _regex_template(regex):
    """``^(\\d+)/(.*)$`` → ``["", _GROUP, "/", _GROUP, ""]``: literal parts and
    one placeholder per top-level group (a value is put in each)."""
    out, i, depth, literal = [], 0, 0, ""
    regex = regex.lstrip("^").rstrip("$").replace("\\Z", "")
    while i < len(regex):
        ch = regex[i]
        if ch == "\\" and i + 1 < len(regex):
            if depth == 0:
                literal += regex[i + 1]
            i += 2
            continue
        if ch == "(" and depth == 0 and regex[i + 1 : i + 3] in ("?=", "?!"):
            # a lookahead (config.urls.guarded) consumes nothing: skip it
            level, i = 1, i + 1
            while level:
                level += {"(": 1, ")": -1}.get(regex[i], 0)
                i += 2 if regex[i] == "\\" else 1
            continue
        if ch == "(":
            if depth == 0:
                out += [literal, _GROUP]
                literal = ""
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0:
            if ch == "." and regex[i + 1 : i + 2] in ("*", "+"):
                literal += "x"
                i += 2
                continue
            literal += ch
        i += 1
    return out + [literal]


_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _route_template(route):
    out, last = [], 0
    for match in _PARAM.finditer(route):
        out += [route[last : match.start()], _Param(match["name"])]
        last = match.end()
    return out + [route[last:]]


def _walk(patterns, prefix, found):
    for entry in patterns:
        pattern = entry.pattern
        if isinstance(pattern, LocalePrefixPattern):
            parts = [pattern.language_prefix]
        elif isinstance(pattern, RoutePattern):
            parts = _route_template(str(pattern._route))
        elif isinstance(pattern, RegexPattern):
            parts = _regex_template(pattern._regex)
        else:  # pragma: no cover
            raise AssertionError(f"unknown pattern kind {pattern!r}")
        if isinstance(entry, URLResolver):
            _walk(entry.url_patterns, prefix + parts, found)
        elif isinstance(entry, URLPattern):
            found.append(prefix + parts)
    return found


def _label(parts):
    return "/" + "".join("<>" if isinstance(p, _Param) else p for p in parts)


#: Wagtail's page that raises on purpose, to test error reporting.
NOT_WALKED = ("/static/", "/media/", "/quan-tri/failwhale/")


def all_patterns():
    found = _walk(get_resolver().url_patterns, [], [])
    seen, unique = set(), []
    for parts in found:
        label = _label(parts)
        if label.startswith(NOT_WALKED) or label in seen:
            continue
        seen.add(label)
        unique.append(parts)
    return unique


def _fill(parts, value, area=None):
    """The path of ``parts`` with ``value`` (URL-quoted) in every parameter, or
    ``area`` in the parameters named after an area."""

    def put(p):
        if not isinstance(p, _Param):
            return p
        if area is not None and "area" in p:
            return quote(area, safe="")
        return quote(value, safe="")

    return "/" + "".join(put(p) for p in parts)


PATTERNS = all_patterns()
ADMIN = "/quan-tri/"


# --- one set of users for the module ----------------------------------------------


@pytest.fixture(scope="module")
def clients(django_db_setup, django_db_blocker):
    """A logged-in client per role, in a transaction rolled back at the end."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            home = HomePage.objects.get()
            commune = add_area(home, "Phường A", AreaKind.WARD, "phuong-a")
            group = add_area(commune, "Tổ dân phố 1", AreaKind.RESIDENTIAL_GROUP)
            admin = make_user("Quản trị", email="admin@example.vn", is_superuser=True)
            users = {
                "superuser": admin,
                "resident": make_user("Cư dân", "0905000009"),
                "leader": make_user("Tổ trưởng", "0905000001"),
                "editor": make_user("Biên tập", "0935000001"),
                "helper": make_user("Hỗ trợ", "0935000003"),
            }
            grant_role(admin, users["editor"], commune, RoleKind.COMMUNE_EDITOR)
            grant_role(admin, users["helper"], commune, RoleKind.HELPER)
            grant_role(admin, users["leader"], group, RoleKind.GROUP_LEADER)
            visitor = Client(raise_request_exception=False)
            visitor.signed_in_cookies = SimpleCookie()
            result = {"visitor": visitor}
            for role, user in users.items():
                client = Client(raise_request_exception=False)
                client.force_login(user)
                client.signed_in_cookies = SimpleCookie(client.cookies)
                result[role] = client
            result["area"] = group
            result["records"] = _records(admin, users, commune, group)
            yield result
            transaction.set_rollback(True)


def _records(admin, users, commune, group):
    """One record of each app whose pages take an id, by the views' module."""
    from civic.feedback import actions as feedback
    from civic.meetings import actions as meetings
    from realtime.actions import area_channel

    from ..meetings.conftest import AGENDA, meeting_data
    from ..polls.conftest import make_poll
    from ..services.conftest import OFFICE_HOURS, make_point

    point = make_point(
        commune, "Điểm hỗ trợ", 12.27, 109.2, OFFICE_HOURS, helpers=[users["helper"]]
    )
    report = feedback.submit_report(
        users["resident"],
        group,
        category="water",
        title="Cống bị tắc",
        description="Nước tràn ra đường.",
        address="Ngõ 5",
    )
    meeting = meetings.schedule_meeting(users["leader"], group, meeting_data(), AGENDA)
    records = {
        "civic.polls": make_poll(group).pk,
        "civic.feedback": report.pk,
        "civic.meetings": meeting.pk,
        "civic.services": point.pk,
        "realtime": area_channel(group).pk,
    }
    return records


FORM_FIELDS = sorted(set(_project_form_fields()) | set(POST_PARAMS))


def _check(client, method, path, data, problems, what):
    # A request may have signed the client out (the logout page) or changed its
    # session: every request starts from the role's own session again.
    client.cookies = SimpleCookie(client.signed_in_cookies)
    try:
        if method == "GET":
            response = client.get(path, data)
        else:
            response = client.post(path, data)
    except Exception as exc:  # noqa: BLE001 (reported below, with the request)
        problems.append(f"{what}: {method} {path[:80]!r} raised {exc!r}"[:300])
        return
    if response.status_code >= 500:
        problems.append(f"{what}: {method} {path[:80]!r} → {response.status_code}")


#: The values put in query strings and forms next to a real id in the path.
FORM_VALUES = ("huge", "superscript", "nul", "long")
ADMIN_VALUES = ("huge", "superscript", "nul", "long")


@pytest.mark.django_db
@pytest.mark.parametrize("parts", PATTERNS, ids=[_label(p) for p in PATTERNS])
def test_no_5xx_on_hostile_values(parts, clients):
    label = _label(parts)
    admin = label.startswith(ADMIN)
    has_params = any(isinstance(p, _Param) for p in parts)
    # A hostile value in the path is refused by the URL converter (or read by
    # the view) before any role matters: a visitor and the superuser try them.
    # Wagtail's admin sends every role but an editor or the superuser to its
    # login page before reading anything; its ~270 patterns are tried by the
    # superuser with the values that broke something there (kept cheap).
    path_roles = ("superuser",) if admin else ("visitor", "superuser")
    roles = ("superuser",) if admin else ROLES
    path_values = ADMIN_VALUES if admin else tuple(HOSTILE)
    # Wagtail's admin forms are Wagtail's: a malformed POST to some of its views
    # (page copy or lock, the image chooser's filters…) still answers 500 there.
    # They are superuser tools; their hostile ids are tried, not their forms
    # (left to Wagtail).
    form_values = () if admin else FORM_VALUES
    problems = []
    if has_params:
        for role in path_roles:
            for name in path_values:
                value = HOSTILE[name]
                path = _fill(parts, value)
                what = f"{role}/path={name}"
                _check(clients[role], "GET", path, {}, problems, what)
                _check(clients[role], "POST", path, {}, problems, what)
    # Then real ids in the path (an area's, and one record of the view's app),
    # and hostile query and form values, so that the views behind the converter
    # read them, as each role.
    area = str(clients["area"].pk)
    paths = {_fill(parts, area)}
    if has_params:
        try:
            module = resolve(_fill(parts, area)).func.__module__
        except Resolver404:
            module = ""
        for app, pk in clients["records"].items():
            if module.startswith(app):
                paths.add(_fill(parts, str(pk), area=area))
    if admin and not has_params:
        _check(clients["superuser"], "GET", _fill(parts, ""), {}, problems, "plain")
    for path in sorted(paths):
        for role in roles:
            for name in form_values:
                value = HOSTILE[name]
                what = f"{role}/values={name}"
                query = {key: value for key in GET_PARAMS}
                form = {key: value for key in FORM_FIELDS}
                _check(clients[role], "GET", path, query, problems, what)
                _check(clients[role], "POST", path, form, problems, what)
    assert not problems, f"{label}:\n" + "\n".join(problems[:20])


def test_the_walk_covers_the_project_and_wagtail():
    labels = {_label(p) for p in PATTERNS}
    assert "/binh-chon/<>/" in labels
    assert any(label.startswith(ADMIN) for label in labels)
    assert "/<>" in labels  # Wagtail's front-end catch-all
    assert "/tai-lieu/<>/<>" in labels


# --- the one converter ------------------------------------------------------------


@pytest.mark.parametrize(
    "value,expected",
    [
        ("1", 1),
        ("42", 42),
        (str(MAX_ID), MAX_ID),
        (7, 7),
        (str(MAX_ID + 1), None),
        ("9999999999999999999999999", None),
        ("0", None),
        ("-1", None),
        ("+1", None),
        (" 1", None),
        ("1\n", None),
        ("²", None),
        ("٣", None),
        ("1\x00", None),
        ("9" * 10_240, None),
        ("", None),
        (None, None),
        (True, None),
        (1.0, None),
        (0, None),
        (MAX_ID + 1, None),
    ],
)
def test_parse_id(value, expected):
    assert parse_id(value) == expected


def test_parse_ids_drops_the_bad_ones():
    assert parse_ids(["3", "²", "3", "x", "5", str(MAX_ID + 1)]) == [3, 5]


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["²", "٣", "9999999999999999999999999", "1\x00"])
def test_helper_recording_page_refuses_odd_appointment_ids(value, clients):
    """``?lich-hen=²`` answered 500: ``"²".isdigit()`` is true, ``int("²")`` fails."""
    from django.urls import reverse

    point = clients["records"]["civic.services"]
    path = reverse("support:record", args=[point])
    helper = clients["helper"]
    helper.cookies = SimpleCookie(helper.signed_in_cookies)
    assert helper.get(path).status_code == 200
    assert helper.get(path, {"lich-hen": value}).status_code == 404


@pytest.mark.django_db
def test_the_roles_are_signed_in(clients):
    """The walk is worth something only if each role's client is signed in."""
    from django.urls import reverse

    path = reverse("feedback:mine")
    for role in ROLES:
        client = clients[role]
        client.cookies = SimpleCookie(client.signed_in_cookies)
        expected = 302 if role == "visitor" else 200
        assert client.get(path).status_code == expected, role


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value", ["9999999999999999999999999", "-1", "0", "²", "٣", "1\x00", "9" * 10_240]
)
def test_model_choice_fields_refuse_odd_ids(value):
    """Every ``ModelChoiceField`` (ours and Wagtail's admin forms) sent such a
    value to the database: ``OverflowError`` on SQLite, ``DataError`` on
    PostgreSQL. The guard installed by ``civic.people`` refuses it first."""
    from content.models import AreaPage

    class AreaForm(forms.Form):
        area = forms.ModelChoiceField(AreaPage.objects.all())
        areas = forms.ModelMultipleChoiceField(AreaPage.objects.all())

    form = AreaForm({"area": value, "areas": [value]})
    assert not form.is_valid()
    assert form.errors["area"] and form.errors["areas"]


@pytest.mark.django_db
def test_model_choice_fields_still_accept_real_ids():
    from content.models import AreaPage

    class AreaForm(forms.Form):
        area = forms.ModelChoiceField(AreaPage.objects.all())
        areas = forms.ModelMultipleChoiceField(AreaPage.objects.all())

    home = HomePage.objects.get()
    area = add_area(home, "Phường Chọn", AreaKind.WARD, "phuong-chon")
    form = AreaForm({"area": str(area.pk), "areas": [str(area.pk)]})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["area"] == area
    assert list(form.cleaned_data["areas"]) == [area]
