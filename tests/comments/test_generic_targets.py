"""Comments are not tied to pages: any model with an ``area`` can take them once
registered with a read check (polls, meetings and feedback do so); unregistered
models cannot, nor can a model registered without a read check."""

import pytest

from civic.comments import actions, moderation
from civic.comments.models import Comment
from civic.core.errors import ActionForbidden, ActionRefused
from civic.people.models import Household


@pytest.fixture
def households_take_comments(monkeypatch):
    monkeypatch.setattr(
        moderation,
        "_registered_targets",
        {"people.household": lambda user, home: True},
    )


def test_a_registered_model_with_an_area_takes_comments(
    households_take_comments, tree, people
):
    home = Household.objects.filter(area=tree.group_1).first()
    c = actions.post_comment(people.r1, home, "Bình luận về một hộ")
    assert c.area == tree.group_1 and c.target == home
    actions.report(people.r2, c, "spam")
    with pytest.raises(ActionForbidden):
        actions.post_comment(people.rb, home, "Người thôn khác")


def test_an_unregistered_model_does_not(tree, people):
    home = Household.objects.filter(area=tree.group_1).first()
    with pytest.raises(ActionRefused):
        actions.post_comment(people.r1, home, "Bình luận về một hộ")
    assert not Comment.objects.exists()


def test_a_model_registered_without_a_read_check_is_closed_and_flagged(
    monkeypatch, tree, people
):
    monkeypatch.setattr(moderation, "_registered_targets", {"people.household": None})
    home = Household.objects.filter(area=tree.group_1).first()
    with pytest.raises(ActionRefused, match="does not exist"):
        actions.post_comment(people.r1, home, "Bình luận về một hộ")
    with pytest.raises(ActionRefused, match="does not exist"):
        actions.report(people.r1, home, "spam")
    assert not Comment.objects.exists()
    errors = moderation.check_read_checks()
    assert [e.id for e in errors] == ["comments.E001"]
    assert "people.household" in errors[0].msg
