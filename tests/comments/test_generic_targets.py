"""Comments are not tied to pages: any model with an ``area`` can take them once
registered (polls, meetings and feedback will do so); unregistered models cannot."""

import pytest

from civic.comments import actions, moderation
from civic.comments.models import Comment
from civic.people.models import Household


@pytest.fixture
def households_take_comments(monkeypatch):
    monkeypatch.setattr(moderation, "_registered_targets", {"people.household"})


def test_a_registered_model_with_an_area_takes_comments(
    households_take_comments, tree, people
):
    home = Household.objects.filter(area=tree.group_1).first()
    c = actions.post_comment(people.r1, home, "Bình luận về một hộ")
    assert c.area == tree.group_1 and c.target == home
    actions.report(people.r2, c, "spam")
    with pytest.raises(actions.PermissionDenied):
        actions.post_comment(people.rb, home, "Người thôn khác")


def test_an_unregistered_model_does_not(tree, people):
    home = Household.objects.filter(area=tree.group_1).first()
    with pytest.raises(actions.Refused):
        actions.post_comment(people.r1, home, "Bình luận về một hộ")
    assert not Comment.objects.exists()
