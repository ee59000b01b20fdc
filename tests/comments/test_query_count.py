"""A news or notice page with comments costs a fixed number of queries, whether it
has 2 comments or 200 (authors and their groups come in one prefetch)."""

import pytest

from civic.comments.models import Comment

from .conftest import page_url

# query counts measure rendering, not the page cache and its memos
pytestmark = pytest.mark.usefixtures("uncached")


def add_comments(target, authors, count, start=0):
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(target)
    area = target.get_parent().specific
    made = []
    for i in range(start, start + count):
        last = made[-1] if made else None
        parent = last if i % 4 == 3 and last and last.parent_id is None else None
        made.append(
            Comment.objects.create(
                content_type=ct,
                object_id=target.pk,
                area=area,
                author=authors[i % len(authors)],
                body=f"Ý kiến số {i} https://example.vn/{i}",
                parent=parent,
                is_hidden=i % 10 == 5,
            )
        )
    return made


def queries(client, address):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(address)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(address).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("fixture", ["news_1", "notice_1"])
@pytest.mark.parametrize("signed_in", [False, True])
def test_two_or_two_hundred_comments_cost_the_same(
    request, client, tree, people, fixture, signed_in, django_assert_max_num_queries
):
    page = request.getfixturevalue(fixture)
    if signed_in:
        client.force_login(people.r1)
    add_comments(page, people.r + [people.r6, tree.editor_a], 2)
    address = page_url(page)
    few = queries(client, address)
    add_comments(page, people.r + [people.r6, tree.editor_a], 198, start=2)
    client.get(address)
    with django_assert_max_num_queries(few):
        response = client.get(address)
    html = response.content.decode()
    assert "Ý kiến số 198" in html and "Tổ dân phố 2" in html
