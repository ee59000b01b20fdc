"""The login throttle holds on every sign-in path, not only the site's form.

Hole (second audit round): Wagtail's admin login (``/quan-tri/login/``) called
``authenticate()`` directly, and the throttle lived only in the site's login
form, so 30 wrong passwords there and then the right one signed in. The throttle
now lives in the authentication backend; these tests walk every URL whose view
is a login form and check that each one is throttled.
"""

import pytest
from django import forms
from django.contrib.auth.views import LoginView
from django.urls import URLResolver, get_resolver

from civic.people.models import ThrottleEvent
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

STRANGER = "203.0.113.5"


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.callback


def _is_login_view(callback):
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return issubclass(view_class, LoginView)
    return "login" in callback.__name__


def login_urls():
    """Every parameterless URL whose view is a login form."""
    return sorted(
        "/" + route
        for route, callback in _walk(get_resolver().url_patterns)
        if "<" not in route and "(?P" not in route and _is_login_view(callback)
    )


def _field_names(client, url):
    """(identifier field, password field) of the login form at ``url``."""
    form = client.get(url).context["form"]
    password = [
        n for n, f in form.fields.items() if isinstance(f.widget, forms.PasswordInput)
    ]
    identifier = [
        n
        for n, f in form.fields.items()
        if isinstance(f, forms.CharField) and n not in password
    ]
    assert len(password) == 1 and len(identifier) == 1, (url, list(form.fields))
    return identifier[0], password[0]


def _post(client, url, fields, identifier, password):
    client.logout()
    return client.post(
        url,
        {fields[0]: identifier, fields[1]: password},
        REMOTE_ADDR=STRANGER,
        HTTP_ACCEPT_LANGUAGE="vi",
    )


def test_admin_login_is_throttled_like_the_site_login(client, tree):
    """The auditor's case: 30 wrong guesses at the admin login, then the right
    password from the same address does not sign in, and says why."""
    for i in range(30):
        r = client.post(
            "/quan-tri/login/", {"username": "0905000001", "password": f"sai-{i}"}
        )
        assert r.status_code == 200
    r = client.post(
        "/quan-tri/login/",
        {"username": "0905000001", "password": PASSWORD},
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert r.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "tạm dừng" in r.content.decode()


def test_every_login_form_is_throttled(client, tree, settings):
    settings.LOGIN_THROTTLE_FAILURES = 3
    urls = login_urls()
    assert {"/dang-nhap/", "/quan-tri/login/"} <= set(urls), urls
    for url in urls:
        ThrottleEvent.objects.all().delete()
        fields = _field_names(client, url)
        for n in range(3):
            _post(client, url, fields, "0905000001", f"sai-{n}")
        assert (
            ThrottleEvent.objects.filter(kind=ThrottleEvent.LOGIN_FAILURE).count() == 3
        ), url
        refused = _post(client, url, fields, "0905000001", PASSWORD)
        # the site form answers 400 (a refused form), the others show the form again
        assert refused.status_code == (400 if url == "/dang-nhap/" else 200), url
        assert "_auth_user_id" not in client.session, url
        # the refused attempt was not even counted: the password was not tried
        assert (
            ThrottleEvent.objects.filter(kind=ThrottleEvent.LOGIN_FAILURE).count() == 3
        ), url


def test_a_refusal_is_explained_on_the_admin_login_too(client, tree, settings):
    """The admin login shows the throttle's message, in the user's language."""
    settings.LOGIN_THROTTLE_ACCOUNT_FAILURES = 2
    for n in range(2):  # two addresses: the account is slowed, not paused
        client.post(
            "/quan-tri/login/",
            {"username": "0905000001", "password": "sai"},
            REMOTE_ADDR=f"192.0.2.{n + 1}",
        )
    r = client.post(
        "/quan-tri/login/",
        {"username": "0905000001", "password": PASSWORD},
        REMOTE_ADDR=STRANGER,
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert r.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "giây" in r.content.decode()
