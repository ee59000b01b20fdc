"""Public pages: area list, poll page with its form and results, chart, CSV, and the
area page's open polls at a fixed number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civic.polls.actions import cast_ballot, close_poll
from civic.polls.models import PollKind, ResultsVisibility

from .conftest import ids, make_poll, sign_in


def test_poll_page_has_a_csrf_form_without_js(client, tree, people):
    poll = make_poll(tree.group_1)
    client.handler.enforce_csrf_checks = True
    sign_in(client, people.reps[0])
    html = client.get(f"/en/binh-chon/{poll.pk}/").content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert html.count('type="radio" name="choice"') == 3
    assert "<script" not in html.split("<main")[1].split("</main>")[0]


def test_results_visibility(client, tree, people):
    poll = make_poll(tree.group_1, results_visibility=ResultsVisibility.AFTER_VOTING)
    sign_in(client, people.reps[0])
    assert "<svg" not in client.get(f"/en/binh-chon/{poll.pk}/").content.decode()
    cast_ballot(people.reps[0], poll, ids(poll, "A"))
    html = client.get(f"/en/binh-chon/{poll.pk}/").content.decode()
    assert "<svg" in html and "You have voted." in html

    hidden = make_poll(tree.group_1, results_visibility=ResultsVisibility.AFTER_CLOSING)
    cast_ballot(people.reps[0], hidden, ids(hidden, "A"))
    assert "<svg" not in client.get(f"/en/binh-chon/{hidden.pk}/").content.decode()
    close_poll(tree.leader_1, hidden)
    client.logout()
    html = client.get(f"/en/binh-chon/{hidden.pk}/").content.decode()
    assert "<svg" in html and "Result" in html


def test_chart_is_accessible(client, tree, people):
    # an open ballot: its live figures move with every ballot (test_live_tally.py)
    poll = make_poll(
        tree.group_1, secret=False, results_visibility=ResultsVisibility.ALWAYS
    )
    for rep in people.reps[:3]:
        cast_ballot(rep, poll, ids(poll, "B"))
    cast_ballot(people.reps[3], poll, ids(poll, "C"))
    html = client.get(f"/en/binh-chon/{poll.pk}/").content.decode()
    assert 'role="img"' in html
    assert f'<title id="chart-title-{poll.pk}">' in html
    assert "B: 3 (75.0 %)" in html  # <desc>
    assert '<th scope="row">B</th><td>3</td><td>75.0 %</td>' in html
    assert 'width="225.0"' in html  # 75 % of 300


def test_household_chart_uses_all_households(client, tree, people):
    poll = make_poll(
        tree.group_1,
        PollKind.HOUSEHOLD,
        secret=False,
        results_visibility=ResultsVisibility.ALWAYS,
    )
    cast_ballot(people.reps[0], poll, ids(poll, "Đồng ý"))
    html = client.get(f"/en/binh-chon/{poll.pk}/").content.decode()
    assert "Đồng ý: 1 (20.0 %)" in html  # 1 of 5 households, not 1 of 1 ballot
    assert "At this moment the majority is not reached." in html


def test_csv_export_for_leaders(client, tree, people):
    poll = make_poll(tree.group_1, title="=cmd|' /C calc'!A0", secret=False)
    cast_ballot(people.reps[0], poll, ids(poll, "A"))
    sign_in(client, tree.editor_a)
    response = client.get(f"/en/binh-chon/{poll.pk}/ket-qua.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "A,1,100.0" in text
    assert "'=cmd" in text  # no formula injection
    client.logout()
    response = client.get(f"/en/binh-chon/{poll.pk}/ket-qua.csv")
    assert response.status_code == 302


def test_area_polls_list(client, tree, people):
    now = timezone.now()
    open_poll = make_poll(tree.group_1, title="Đang mở")
    make_poll(tree.commune_a, title="Của phường")
    make_poll(tree.group_2, title="Tổ khác")
    make_poll(
        tree.group_1,
        title="Đã đóng",
        opens_at=now - timedelta(days=9),
        closes_at=now - timedelta(days=2),
    )
    html = client.get(f"/en/binh-chon/khu-vuc/{tree.group_1.pk}/").content.decode()
    assert "Đang mở" in html and "Của phường" in html and "Đã đóng" in html
    assert "Tổ khác" not in html
    assert f"/binh-chon/{open_poll.pk}/" in html
    assert client.get("/binh-chon/khu-vuc/999999/").status_code == 404
    sign_in(client, tree.leader_1)
    html = client.get(f"/en/binh-chon/khu-vuc/{tree.group_1.pk}/").content.decode()
    assert "/quan-tri/binh-chon/new/" in html


def test_leader_closes_from_the_poll_page(client, tree, people):
    poll = make_poll(tree.group_1)
    cast_ballot(people.reps[0], poll, ids(poll, "A"))
    sign_in(client, tree.leader_1)
    html = client.get(f"/en/binh-chon/{poll.pk}/").content.decode()
    assert f"/binh-chon/{poll.pk}/dong/" in html
    response = client.post(f"/en/binh-chon/{poll.pk}/dong/", follow=True)
    assert response.status_code == 200
    poll.refresh_from_db()
    assert poll.result.participants == 1
    # closing twice is a message, not a 500
    response = client.post(f"/en/binh-chon/{poll.pk}/dong/", follow=True)
    assert "already closed" in str(list(response.context["messages"])[0])


@pytest.mark.usefixtures("uncached")
def test_area_page_shows_open_polls_in_fixed_queries(
    client, tree, people, django_assert_max_num_queries
):
    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/phuong-a/to-dan-pho-1/")
        assert response.status_code == 200
        return len(ctx.captured_queries), response.content.decode()

    make_poll(tree.group_1, title="Bình chọn số 1")
    count()  # warm the per-process caches (site root, content types)
    base, html = count()
    assert "Bình chọn số 1" in html
    for i in range(2, 6):
        make_poll(tree.group_1, title=f"Bình chọn số {i}")
    make_poll(tree.commune_a, title="Bình chọn của phường")
    more, html = count()
    assert "Bình chọn của phường" in html or "Bình chọn số 5" in html
    assert more == base
    with django_assert_max_num_queries(base):
        client.get("/phuong-a/to-dan-pho-1/")
