"""Audit hole 1: the edit and delete pages of a comment showed its item ("On:
<title>") to any signed-in user, whatever they may read. Every view taking a
comment id now looks it up through one helper (``views._comment``) that applies
``moderation.can_read``: a comment on an item the user cannot read does not exist
for them (404), for every registered comment target."""

import pytest

from civic.comments.models import Comment

from .conftest import url
from .test_read_access import CASES, SECRET, comment_on

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("label", sorted(CASES))
def test_edit_page_of_a_comment_on_an_unreadable_item_is_not_found(
    client, tree, people, label
):
    hidden, outsider, _shown, _reader = CASES[label](tree, people)
    comment = comment_on(hidden, tree.admin)
    client.force_login(outsider)
    response = client.get(url("comments:edit", comment.pk))
    assert response.status_code == 404
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize("label", sorted(CASES))
def test_delete_of_a_comment_on_an_unreadable_item_is_not_found(
    client, tree, people, label
):
    hidden, outsider, _shown, _reader = CASES[label](tree, people)
    comment = comment_on(hidden, outsider)
    client.force_login(outsider)
    response = client.post(url("comments:delete", comment.pk))
    assert response.status_code == 404
    assert SECRET not in response.content.decode()
    assert not Comment.objects.get(pk=comment.pk).deleted


def test_the_author_still_edits_a_comment_on_a_readable_item(client, tree, people):
    _hidden, _outsider, shown, reader = CASES["feedback.report"](tree, people)
    comment = comment_on(shown, reader)
    client.force_login(reader)
    assert client.get(url("comments:edit", comment.pk)).status_code == 200
