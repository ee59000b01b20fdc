"""Every list of the API holds exactly what an anonymous visitor may see."""

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def items(client, path, **params):
    response = client.get(f"/api/v1/{path}", params)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def ids(client, path, **params):
    return {item["id"] for item in items(client, path, **params)}


def test_notices_only_listed_ones(client, data):
    assert ids(client, "notices") == {data.notice.pk}


def test_news(client, data):
    assert ids(client, "news") == {data.news.pk}


def test_areas_are_the_tree(client, tree, data):
    rows = items(client, "areas")
    by_id = {row["id"]: row for row in rows}
    assert set(by_id) == {
        tree.commune_a.pk,
        tree.group_1.pk,
        tree.group_2.pk,
        tree.commune_b.pk,
        tree.group_b.pk,
    }
    assert by_id[tree.group_1.pk]["parent_id"] == tree.commune_a.pk
    assert ids(client, "areas", area=tree.commune_b.pk) == {
        tree.commune_b.pk,
        tree.group_b.pk,
    }


def test_polls_results_only_where_public(client, data):
    assert ids(client, "polls") == {data.closed_poll.pk, data.open_poll.pk}
    closed = client.get(f"/api/v1/polls/{data.closed_poll.pk}").json()
    assert closed["results"]["choices"] == [{"label": "Thứ Bảy", "votes": 4}]
    secret = client.get(f"/api/v1/polls/{data.open_poll.pk}").json()
    assert secret["results"] is None
    assert secret["results_public"] is False


def test_meetings_minutes_only_when_published(client, data):
    assert ids(client, "meetings") == {data.meeting.pk, data.draft_meeting.pk}
    published = client.get(f"/api/v1/meetings/{data.meeting.pk}").json()
    assert published["minutes"]["households_represented"] == 7
    draft = client.get(f"/api/v1/meetings/{data.draft_meeting.pk}")
    assert draft.json()["minutes"] is None
    assert "Bí mật nháp" not in draft.content.decode()


def test_reports_public_only_and_never_the_reporter(client, data):
    assert ids(client, "reports") == {data.report.pk}
    assert client.get(f"/api/v1/reports/{data.hidden.pk}").status_code == 404
    body = client.get("/api/v1/reports").content.decode()
    assert "Bí Danh" not in body and "0905111222" not in body
    assert "pa@example.vn" not in body


def test_services(client, data):
    assert ids(client, "procedures") == {data.procedure.pk}
    assert ids(client, "utilities") == {data.utility.pk}
    assert ids(client, "support-points") == {data.point.pk}
    point = client.get(f"/api/v1/support-points/{data.point.pk}").json()
    assert len(point["opening_hours"]) == 7
    assert point["free_slots"], "a point open every day has free slots"


def test_unpublished_area_hides_everything(client, tree, data):
    # as the admin's "unpublish this page and its subpages"
    for page in Page.objects.descendant_of(tree.group_1, inclusive=True):
        page.specific.unpublish()
    assert ids(client, "notices") == set()
    assert ids(client, "reports") == set()
    assert ids(client, "polls") == set()
    assert data.meeting.pk not in ids(client, "meetings")
