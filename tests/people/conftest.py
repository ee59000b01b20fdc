"""Helpers for the joining-flow tests: English URLs (stable messages) and homes."""

import pytest
from django.utils import translation

from civic.people.models import Household, Residency, ResidencyStatus
from tests.conftest import PASSWORD, make_user
from tests.factories import sign_in, url_in  # noqa: F401 (re-exported)


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request to an /en/ page leaves English active in this thread; later tests
    (which reverse URLs in the default language) must not inherit it."""
    yield
    translation.deactivate()


url = url_in("people")


def page_text(response):
    return response.content.decode()


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def verified_home(area, address, *members):
    """A household of ``area`` whose members are verified; the first represents it."""
    home = Household.objects.create(area=area, address=address)
    for user in members:
        Residency.objects.create(
            user=user, household=home, status=ResidencyStatus.VERIFIED
        )
    if members:
        home.representative = members[0]
        home.save()
    return home


@pytest.fixture
def homes(tree):
    """Group 1 has a verified household (its representative: ``rep_1``); group B too."""
    tree.rep_1 = make_user("Đại diện 1", "0905111001")
    tree.member_1 = make_user("Thành viên 1", "0905111002")
    tree.rep_b = make_user("Đại diện Đông", "0905111003")
    tree.newcomer = make_user("Người mới", "0905111004")
    tree.home_1 = verified_home(tree.group_1, "12 Hà Ra", tree.rep_1, tree.member_1)
    tree.home_b = verified_home(tree.group_b, "3 Xóm Đông", tree.rep_b)
    return tree


__all__ = ["PASSWORD", "url", "page_text", "messages_of", "sign_in", "verified_home"]
