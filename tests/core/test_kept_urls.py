"""``{% url %}`` keeps each address once reversed (civic/core/reversing.py,
civic/core/templatetags/kept_urls.py): every template gets it without a load,
and what it renders is always what ``reverse()`` gives - for another script
prefix, language or URL configuration too."""

import pytest
from django.template import Context, Template, engines
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation
from django.utils.functional import lazystr

from civic.core import reversing
from civic.core.templatetags import kept_urls


@pytest.fixture(autouse=True)
def empty():
    reversing._kept.clear()
    yield
    reversing._kept.clear()
    set_script_prefix("/")


def render(text, **context):
    return engines["django"].from_string(text).render(context)


def test_every_template_gets_the_kept_tag():
    template = engines["django"].from_string("{% url 'search:search' %}")
    (node,) = template.template.nodelist
    assert type(node) is kept_urls.KeptURLNode


def test_an_address_is_reversed_once_then_kept():
    assert render("{% url 'polls:detail' 7 %}") == reverse("polls:detail", args=[7])
    assert render("{% url 'polls:detail' pk=pk %}", pk=8) == reverse(
        "polls:detail", kwargs={"pk": 8}
    )
    assert len(reversing._kept) == 2
    reversing._kept[next(iter(reversing._kept))] = "/kept/"
    assert render("{% url 'polls:detail' 7 %}") == "/kept/"  # not reversed again


def test_the_key_holds_what_an_address_depends_on():
    first = render("{% url 'search:search' %}")
    set_script_prefix("/ward/")
    assert render("{% url 'search:search' %}") == "/ward" + first
    set_script_prefix("/")
    with translation.override("en"):
        assert render("{% url 'search:search' %}") == reverse("search:search")
    assert len(reversing._kept) == 3  # prefix and language are in the key


def test_failures_and_unusual_arguments_behave_as_djangos_tag():
    with pytest.raises(NoReverseMatch):
        render("{% url 'no-such-view' %}")
    assert render("{% url 'no-such-view' as found %}[{{ found }}]") == "[]"
    assert not reversing._kept
    # not plain text or a whole number: reversed each time, never kept
    with pytest.raises(NoReverseMatch):  # as reverse() itself
        render("{% url name %}", name=lazystr("search:search"))
    assert not reversing._kept
    assert render("{% url name %}", name="search:search") == reverse("search:search")
    assert Template("{% url 'polls:detail' 3 %}").render(Context()) == reverse(
        "polls:detail", args=[3]
    )


def test_the_store_is_bounded(monkeypatch):
    monkeypatch.setattr(reversing, "LIMIT", 3)
    for pk in range(1, 6):
        expected = reverse("polls:detail", args=[pk])
        assert render("{% url 'polls:detail' pk %}", pk=pk) == expected
    assert len(reversing._kept) <= 3
