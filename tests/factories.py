"""Test data and helpers shared by every app's tests: one of each.

``make_user``, ``add_area`` and ``PASSWORD`` stay importable from tests/conftest.py
(which imports them from here); app conftests re-export ``resident``, ``People``,
``sign_in`` and their ``url`` so their test modules keep importing them locally.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone, translation

from civic.people.models import Household, Residency, ResidencyStatus, User
from content.models import AreaPage

PASSWORD = "mat-khau-thu-nghiem"


def make_user(full_name, phone=None, email="", **extra):
    user = User(full_name=full_name, phone=phone, email=email, **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


def add_area(parent, title, kind, slug=None):
    page = AreaPage(title=title, kind=kind, slug=slug or "")
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def resident(name, phone, where, status=ResidencyStatus.VERIFIED, rep=False, old=True):
    """A resident of ``where``: a ``Household`` they join (``rep``: they represent
    it), or an area, where they get a household of their own. The account is a
    month old unless ``old`` is false (new accounts have tighter comment limits)."""
    extra = {"date_joined": timezone.now() - timedelta(days=30)} if old else {}
    user = make_user(name, phone, **extra)
    if isinstance(where, Household):
        home = where
    else:
        home = Household.objects.create(area=where, address=f"{phone} {where.title}")
    Residency.objects.create(user=user, household=home, status=status)
    if rep:
        home.representative = user
        home.save()
    return user


class People:
    """A bag of the users (and households) an app's ``people`` fixture makes."""


def sign_in(client, user):
    """Signed in without the login form (tests of signing in use the form)."""
    client.force_login(user)


def url(name, *args, lang="en"):
    """``reverse(name, args)`` in ``lang``: English by default, so that assertions
    read the source messages (whatever language an earlier request left on)."""
    with translation.override(lang):
        return reverse(name, args=args)


def url_in(namespace, lang="en"):
    """``url`` for one app's URL namespace: ``url_in("people")("login")``."""

    def namespaced(name, *args, lang=lang):
        return url(f"{namespace}:{name}", *args, lang=lang)

    return namespaced


def assert_refused_by_admin(response):
    """Wagtail's answer to a signed-in user without the permission: back to the
    dashboard (with a "no permission" message)."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def assert_sent_to_admin_login(response):
    """Wagtail's answer to a user who may not use the admin at all."""
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login") + "?next=")
