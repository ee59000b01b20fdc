"""The page cache (civic/core/pagecache.py): anonymous public pages from the
cache, never stale, never someone else's.

Each kind of change the issue names is followed by an anonymous GET that must
show it; the class test then walks every table a public page read and checks a
write to it - through raw SQL, which no model signal sees - invalidates the page.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from civic.comments import actions as comment_actions
from civic.core import pagecache
from civic.feedback.models import Report
from civic.meetings.models import Meeting
from civic.polls import actions as poll_actions
from content.models import NewsPage, NoticePage

from ..conftest import PASSWORD
from ..polls.conftest import make_poll, resident

pytestmark = pytest.mark.django_db


def hit(client, url, **extra):
    """GET ``url`` twice: the second answer must come from the cache."""
    first = client.get(url, **extra)
    assert first.status_code == 200, url
    second = client.get(url, **extra)
    assert second["X-Page-Cache"] == "hit", url
    assert second.content == first.content
    return second


def fresh(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["X-Page-Cache"] == "miss", url
    return response.content.decode()


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def rep(tree):
    """A verified household representative of Tổ dân phố 1."""
    from civic.people.models import Household

    household = Household.objects.create(area=tree.group_1, address="1 Hà Ra")
    return resident("Đại diện 1", "0912000001", household, rep=True)


@pytest.fixture
def notice(tree):
    return publish(
        tree.group_1,
        NoticePage(title="Cắt nước thứ Hai", slug="cat-nuoc", body="<p>Sáng</p>"),
    )


# --- what is kept, for whom, with which headers -------------------------------


def test_anonymous_pages_come_from_the_cache_with_revalidation_headers(
    client, tree, notice
):
    for url in ["/", tree.commune_a.url, tree.group_1.url, notice.url, "/phan-anh/"]:
        response = hit(client, url)
        assert "Cookie" in response["Vary"]
        assert response["Cache-Control"] == "no-cache"
        assert response.has_header("ETag") and response.has_header("Last-Modified")
        assert not response.cookies
        assert "csrfmiddlewaretoken" not in response.content.decode()


def test_conditional_get_answers_304_from_the_cache_and_for_signed_in_pages(
    client, tree, notice
):
    response = hit(client, notice.url)
    again = client.get(notice.url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again["X-Page-Cache"] == "hit"
    since = client.get(notice.url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304
    client.force_login(tree.leader_1)
    mine = client.get(notice.url)
    # fresh for the signed-in; its sign-out form's token is masked afresh every
    # time, so an ETag could never match: none is computed (civic/core/conditional.py)
    assert mine["X-Page-Cache"] == "bypass" and not mine.has_header("ETag")


def test_no_signed_in_page_or_csrf_token_reaches_anyone_else(client, tree, notice):
    account = f'href="{reverse("people:account")}"'
    leader = client
    leader.force_login(tree.leader_1)
    for url in [notice.url, tree.group_1.url]:
        mine = leader.get(url)
        assert mine["X-Page-Cache"] == "bypass"
        assert "private" in mine["Cache-Control"]
        assert account in mine.content.decode()
    from django.test import Client

    visitor = Client()
    for url in [notice.url, tree.group_1.url]:
        page = hit(visitor, url).content.decode()
        assert account not in page
        assert "csrfmiddlewaretoken" not in page
    # a page with a form (its CSRF token and cookie) is never kept
    for _ in range(2):
        login = visitor.get("/dang-nhap/")
        assert login["X-Page-Cache"] == "pass"
        assert "csrftoken" in login.cookies


# --- each change is seen by the next anonymous GET ------------------------------


def test_publish_unpublish_move_and_privacy(client, tree, notice):
    hit(client, tree.group_1.url)
    news = publish(tree.group_1, NewsPage(title="Ra quân dọn rác", slug="don-rac"))
    assert "Ra quân dọn rác" in fresh(client, tree.group_1.url)

    hit(client, tree.group_1.url)
    news.unpublish()
    assert "Ra quân dọn rác" not in fresh(client, tree.group_1.url)

    hit(client, tree.group_2.url)
    notice.move(tree.group_2, pos="last-child")
    assert "Cắt nước thứ Hai" in fresh(client, tree.group_2.url)
    assert "Cắt nước thứ Hai" not in fresh(client, tree.group_1.url)

    notice.refresh_from_db()
    hit(client, notice.url)
    PageViewRestriction.objects.create(
        page=notice, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert client.get(notice.url)["X-Page-Cache"] != "hit"
    assert "Cắt nước thứ Hai" not in fresh(client, tree.group_2.url)


def test_a_new_revision_and_its_english_address(client, tree, notice):
    url = notice.url
    hit(client, url)
    hit(client, "/en" + url)
    notice.body = "<p>Chiều cũng cắt</p>"
    notice.save_revision().publish()
    assert "Chiều cũng cắt" in fresh(client, url)
    assert "Chiều cũng cắt" in fresh(client, "/en" + url)


def test_a_posting_period_starting_is_a_time_boundary(client, tree):
    tomorrow = timezone.localdate() + timedelta(days=1)
    publish(
        tree.group_1,
        NoticePage(
            title="Phun thuốc muỗi",
            slug="phun-thuoc",
            body="<p>Tối mai</p>",
            posting_starts=tomorrow,
        ),
    )
    assert "Phun thuốc muỗi" not in hit(client, tree.group_1.url).content.decode()
    later = timezone.now() + timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert "Phun thuốc muỗi" in fresh(client, tree.group_1.url)


def test_comments_shown_and_hidden(client, tree, notice, rep):
    hit(client, notice.url)
    comment = comment_actions.post_comment(rep, notice, "Nhà tôi trữ nước rồi")
    assert "Nhà tôi trữ nước rồi" in fresh(client, notice.url)
    hit(client, notice.url)
    comment_actions.hide(tree.editor_a, comment, "thử")
    assert "Nhà tôi trữ nước rồi" not in fresh(client, notice.url)


def test_a_poll_opened_voted_and_closed(client, tree, rep):
    poll = make_poll(
        tree.group_1,
        title="Chọn ngày dọn rác",
        opens_at=timezone.now() + timedelta(hours=1),
        results_visibility="always",
    )
    url = f"/binh-chon/{poll.pk}/"
    before = hit(client, url).content.decode()
    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + timedelta(hours=2)
    ):
        opened = fresh(client, url)
    assert opened != before
    hit(client, url)
    poll.opens_at = timezone.now() - timedelta(hours=1)
    poll.save()
    shown = fresh(client, url)
    choice = poll.choices.first()
    poll_actions.cast_ballot(rep, poll, [choice.pk])
    voted = fresh(client, url)
    hit(client, url)
    poll_actions.close_poll(tree.leader_1, poll)
    assert fresh(client, url) not in {shown, voted}


def test_meetings_and_feedback_status(client, tree, rep):
    url = f"/cuoc-hop/khu-vuc/{tree.group_1.pk}/"
    hit(client, url)
    start = timezone.now() + timedelta(days=2)
    Meeting.objects.create(
        area=tree.group_1,
        title="Họp tổ bàn phòng chống bão",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        place="Nhà văn hoá",
    )
    assert "Họp tổ bàn phòng chống bão" in fresh(client, url)
    from civic.feedback import actions as feedback_actions

    from ..feedback.conftest import make_report

    report = make_report(rep, tree.group_1)
    url = f"/phan-anh/{report.pk}/"
    before = hit(client, url).content.decode()
    feedback_actions.accept_report(tree.editor_a, report)
    assert fresh(client, url) != before
    assert Report.objects.get(pk=report.pk).status != report.status


# --- the whole class: every table a page reads ----------------------------------


def _key(url):
    return pagecache.request_key(RequestFactory().get(url))


def test_a_write_to_any_table_a_page_read_invalidates_it(client, tree, notice):
    """Raw SQL on each table the page read (no model signal fires): the entry
    is no longer valid. A table it did not read leaves it valid."""
    from django.apps import apps

    pk_columns = {
        m._meta.db_table: m._meta.pk.column
        for m in apps.get_models(include_auto_created=True)
    }
    for url in [tree.group_1.url, notice.url]:
        hit(client, url)
        key = _key(url)
        found = pagecache._valid(key, timezone.now())
        assert found is not None
        tables = [t for t in found[1] if t in pagecache.known_tables()]
        assert "wagtailcore_page" in tables
        for table in tables:
            pk = pk_columns[table]
            with connection.cursor() as cursor:
                cursor.execute(f'UPDATE "{table}" SET "{pk}" = "{pk}" WHERE 1 = 0')
            assert pagecache._valid(key, timezone.now()) is None, (url, table)
            hit(client, url)
        unread = next(
            t for t in ["people_throttleevent", "django_session"] if t not in tables
        )
        with connection.cursor() as cursor:
            cursor.execute(f'DELETE FROM "{unread}" WHERE 1 = 0')
        assert pagecache._valid(key, timezone.now()) is not None


def test_a_write_forgets_what_it_writes_not_what_it_only_reads(client, tree):
    """A data-modifying statement invalidates the tables it writes, not every
    table it names: a cast reads the poll and its area page to check them, and
    must not forget every page of the site (pagecache.written_tables)."""
    url = tree.group_1.url
    hit(client, url)
    key = _key(url)
    reads_page = (
        'WITH seen AS MATERIALIZED (SELECT "id" FROM "wagtailcore_page" WHERE 1 = 0)'
        ' INSERT INTO "polls_ballotchoice" ("id", "ballot_id", "choice_id")'
        " SELECT gen_random_uuid(), gen_random_uuid(), seen.id FROM seen"
    )
    if connection.vendor == "sqlite":
        reads_page = reads_page.replace("gen_random_uuid()", "NULL")
    with connection.cursor() as cursor:
        cursor.execute(reads_page)
    assert pagecache._valid(key, timezone.now()) is not None
    writes_page = (
        'WITH seen AS MATERIALIZED (SELECT "id" FROM "polls_choice" WHERE 1 = 0)'
        ' UPDATE "wagtailcore_page" SET "id" = "id" WHERE "id" IN (SELECT "id" FROM seen)'
    )
    with connection.cursor() as cursor:
        cursor.execute(writes_page)
    assert pagecache._valid(key, timezone.now()) is None


@pytest.mark.parametrize(
    "sql, written",
    [
        ('INSERT INTO "polls_ballot" ("id") SELECT 1', {"polls_ballot"}),
        ('INSERT OR IGNORE INTO "polls_ballot" ("id") VALUES (1)', {"polls_ballot"}),
        (
            'UPDATE "polls_choice" SET "votes" = 1 FROM "polls_poll"'
            ' WHERE "polls_poll"."id" = "polls_choice"."poll_id"',
            {"polls_choice"},
        ),
        (
            'DELETE FROM "polls_ballot" WHERE "poll_id" IN (SELECT "id" FROM'
            ' "polls_poll")',
            {"polls_ballot"},
        ),
        (
            'WITH l AS (SELECT "id" FROM "polls_poll" FOR NO KEY UPDATE),'
            ' t AS (INSERT INTO "polls_showntally" ("poll_id") SELECT "id" FROM l'
            ' ON CONFLICT ("poll_id") DO UPDATE SET "received" = 1) SELECT 1',
            {"polls_showntally"},
        ),
        # no target found: every table named, as before
        ('TRUNCATE "polls_ballot", "polls_choice"', {"polls_ballot", "polls_choice"}),
    ],
)
def test_the_tables_a_write_writes(sql, written):
    assert pagecache.written_tables(sql) == written


# --- query strings, failures, other processes, fragments --------------------


def test_query_strings_are_normalised_and_bounded(client, tree):
    url = tree.group_1.url
    plain = hit(client, url)
    shared = client.get(url + "?utm_source=zalo&fbclid=abc&zarsrc=30")
    assert shared["X-Page-Cache"] == "hit"
    assert shared.content == plain.content
    assert client.get(url + "?page=1")["X-Page-Cache"] == "miss"
    assert client.get(url + "?page=%201 ")["X-Page-Cache"] == "hit"
    for odd in ["?x=1", "?page=1&page=2", "?q=" + "a" * 200]:
        assert client.get(url + odd)["X-Page-Cache"] == "bypass", odd


def test_a_cache_that_is_down_degrades_to_uncached_pages(client, tree, settings):
    down = {
        "BACKEND": "civic.core.cache.SharedRedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
    settings.CACHES = {
        **settings.CACHES,
        "pages": down,
        "page_parts": down,
        "page_versions": {**down, "BACKEND": "civic.core.cache.RedisVersions"},
    }
    try:
        for _ in range(2):
            response = client.get(tree.group_1.url)
            assert response.status_code == 200
            assert response["X-Page-Cache"] in {"pass", "miss"}
    finally:
        pagecache._broken.update(until=0.0, dirty=False)


def test_after_a_failed_version_change_no_old_entry_is_served(client, tree, notice):
    hit(client, notice.url)
    store = pagecache._versions()
    with mock.patch.object(store, "set_many", side_effect=ConnectionError("down")):
        notice.body = "<p>Đã có nước lại</p>"
        notice.save_revision().publish()
    try:
        assert client.get(notice.url)["X-Page-Cache"] == "pass"  # paused
        pagecache._broken["until"] = 0.0  # the pause is over, the cache is back
        assert "Đã có nước lại" in fresh(client, notice.url)
    finally:
        pagecache._broken.update(until=0.0, dirty=False)


def test_a_write_by_another_process_empties_the_embedded_cache(
    client, tree, settings, tmp_path
):
    settings.PAGE_CACHE_FLUSH_FILE = tmp_path / "pagecache.flush"
    hit(client, tree.group_1.url)
    assert not pagecache._serving["on"]
    pagecache._touch_flush_file()  # what a management command's write does
    assert client.get(tree.group_1.url)["X-Page-Cache"] == "miss"
    assert client.get(tree.group_1.url)["X-Page-Cache"] == "hit"


@pytest.fixture
def flush_file(settings, tmp_path, monkeypatch):
    """The embedded default's flush file, as the serving process first sees
    it (absent), with this process as the other one (the worker)."""
    path = settings.PAGE_CACHE_FLUSH_FILE = tmp_path / "pagecache.flush"
    monkeypatch.setattr(
        pagecache, "_serving", {"on": False, "key": None, "offset": 0, "absent": False}
    )
    pagecache._check_flush_file()  # the serving process's first look
    return path


def tokens(*names):
    return pagecache.current_tokens(names)


def test_another_process_names_what_it_changed_and_only_that_is_forgotten(
    client, tree, flush_file
):
    """The worker indexes (SEARCH_INDEX) or writes a table: the serving process
    bumps exactly those names, not every page (issue 19: indexing moved to the
    task worker)."""
    hit(client, tree.group_1.url)
    before = tokens(pagecache.GLOBAL, "content_noticepage", pagecache.SEARCH_INDEX)
    pagecache._touch_flush_file([pagecache.SEARCH_INDEX])  # the writer's path only
    assert client.get(tree.group_1.url)["X-Page-Cache"] == "hit"  # not searched
    after = tokens(pagecache.GLOBAL, "content_noticepage", pagecache.SEARCH_INDEX)
    assert after[pagecache.SEARCH_INDEX] != before[pagecache.SEARCH_INDEX]
    assert after[pagecache.GLOBAL] == before[pagecache.GLOBAL]
    assert after["content_noticepage"] == before["content_noticepage"]
    # a table the area page read: forgotten, and kept again after
    pagecache._touch_flush_file(["wagtailcore_page", "people_user"])
    assert client.get(tree.group_1.url)["X-Page-Cache"] == "miss"
    assert client.get(tree.group_1.url)["X-Page-Cache"] == "hit"
    assert tokens(pagecache.GLOBAL) == {pagecache.GLOBAL: after[pagecache.GLOBAL]}


def test_another_process_writes_the_flush_file_only_once_committed(tree, flush_file):
    from civic.people.models import User

    flush_file.write_bytes(b"")
    User.objects.filter(pk=tree.leader_1.pk).update(full_name="Tổ trưởng Mới")
    # not committed (the test's transaction): the serving process cannot see
    # the row yet, and a bump now would let it keep the old one under the new
    # token
    assert flush_file.read_bytes() == b""
    (commit,) = [
        func
        for _sids, func, _robust in connection.run_on_commit
        if isinstance(func, pagecache._Bump)
    ]
    commit()  # what the commit runs
    assert b"people_user" in flush_file.read_bytes().split()


def test_the_flush_file_is_read_line_by_line(flush_file):
    """A line still being written waits; a name the server does not know (a
    garbled line) forgets everything; long lists are split into lines."""
    with open(flush_file, "ab") as out:
        out.write(b"people_us")
    before = tokens(pagecache.GLOBAL, "people_user")
    pagecache._check_flush_file()
    assert tokens(pagecache.GLOBAL, "people_user") == before
    with open(flush_file, "ab") as out:
        out.write(b"er\n")
    pagecache._check_flush_file()
    after = tokens(pagecache.GLOBAL, "people_user")
    assert after["people_user"] != before["people_user"]
    assert after[pagecache.GLOBAL] == before[pagecache.GLOBAL]
    with open(flush_file, "ab") as out:
        out.write(b"no_such_table\n")
    pagecache._check_flush_file()
    assert tokens(pagecache.GLOBAL) != {pagecache.GLOBAL: after[pagecache.GLOBAL]}
    lines = pagecache._flush_lines([f"t{n:04}" for n in range(500)])
    assert len(lines) > 1
    assert all(len(line) <= pagecache.FLUSH_LINE_BYTES + 1 for line in lines)


def test_a_full_flush_file_is_emptied_then_everything_forgotten(
    flush_file, monkeypatch
):
    monkeypatch.setattr(pagecache, "FLUSH_FILE_LIMIT", 40)
    before = tokens(pagecache.GLOBAL)
    pagecache._touch_flush_file(["people_user", "content_noticepage"])
    pagecache._check_flush_file()
    assert tokens(pagecache.GLOBAL) == before  # 31 bytes read: not over yet...
    pagecache._touch_flush_file(["people_user"])
    pagecache._check_flush_file()
    # ...now: emptied, and GLOBAL bumped after (a line appended between the
    # read and the truncation is lost, and covered)
    assert flush_file.stat().st_size == 0
    emptied = tokens(pagecache.GLOBAL)
    assert emptied != before
    # what is written next is read from the start of the emptied file
    pagecache._touch_flush_file([pagecache.SEARCH_INDEX])
    search = tokens(pagecache.SEARCH_INDEX)
    pagecache._check_flush_file()
    assert tokens(pagecache.SEARCH_INDEX) != search
    assert tokens(pagecache.GLOBAL) == emptied


def test_a_shrunk_or_removed_flush_file_forgets_everything(flush_file):
    pagecache._touch_flush_file(["people_user", "content_noticepage"])
    pagecache._check_flush_file()
    before = tokens(pagecache.GLOBAL)
    flush_file.write_bytes(b"x\n")  # shorter than what was read: rotated
    pagecache._check_flush_file()
    shrunk = tokens(pagecache.GLOBAL)
    assert shrunk != before
    flush_file.unlink()
    pagecache._check_flush_file()
    assert tokens(pagecache.GLOBAL) != shrunk


def test_fragments_render_again_only_after_what_they_read_changed(tree):
    calls = []

    def render():
        calls.append(1)
        return ", ".join(
            NoticePage.objects.order_by("pk").values_list("title", flat=True)
        )

    def shared():
        with pagecache.recording():  # a request's render, as the middleware does
            return pagecache.fragment("notices", [tree.group_1.pk], render)

    assert shared() == ""
    assert shared() == ""
    assert len(calls) == 1
    publish(
        tree.group_1, NoticePage(title="Mất điện", slug="mat-dien", body="<p>x</p>")
    )
    assert shared() == "Mất điện"
    assert len(calls) == 2
    # outside a request nothing says what was read before: rendered each time
    pagecache.fragment("notices", [tree.group_1.pk], render)
    assert len(calls) == 3


def test_a_fragment_depends_on_what_the_request_read_before_it(tree):
    """The view's context is evaluated before the template: a fragment showing
    it must be stale when it changes, though it did not read it itself."""
    from civic.people.models import User

    def page():
        with pagecache.recording():
            names = list(User.objects.values_list("full_name", flat=True))
            return pagecache.fragment("names", [], lambda: ", ".join(names))

    assert "Tổ trưởng 1" in page()
    User.objects.filter(pk=tree.leader_1.pk).update(full_name="Tổ trưởng Mới")
    assert "Tổ trưởng Mới" in page()


def test_a_shared_template_part_renders_again_only_after_a_change(
    tree, rf, django_assert_num_queries
):
    from django.template import Context, Template

    template = Template(
        "{% load pagecache_tags %}{% shared 'titles' area.pk %}"
        "{% for n in notices %}{{ n.title }};{% endfor %}{% endshared %}"
    )

    def render():
        notices = NoticePage.objects.live().order_by("pk")
        context = Context({"area": tree.group_1, "notices": notices})
        context["request"] = rf.get("/")
        with pagecache.recording():
            return template.render(context)

    assert render() == ""
    with django_assert_num_queries(0):  # its list is not read again
        assert render() == ""
    publish(tree.group_1, NoticePage(title="Bão số 9", slug="bao", body="<p>x</p>"))
    assert render() == "Bão số 9;"


def test_signing_in_changes_no_page_but_a_name_change_does(client, tree):
    """``last_login`` is written at every sign-in and shown nowhere
    (PAGE_CACHE_UNSHOWN_COLUMNS); the leader's name is shown on the group page."""
    from django.test import Client

    hit(client, tree.group_1.url)
    Client().login(username=tree.leader_1.phone, password=PASSWORD)
    assert client.get(tree.group_1.url)["X-Page-Cache"] == "hit"
    tree.leader_1.full_name = "Tổ trưởng Mới"
    tree.leader_1.save()
    assert "Tổ trưởng Mới" in fresh(client, tree.group_1.url)


def test_a_signed_in_pages_shared_parts_stay_kept_when_others_sign_in(tree):
    """A signed-in request reads its session before its shared parts; no page
    shows sessions or throttle counts (PAGE_CACHE_UNSHOWN_TABLES), so someone
    else signing in (a new session row) must not make every shared part of
    every signed-in page render again - at a ward's peak, thousands do."""
    from django.contrib.sessions.models import Session
    from django.test import Client

    calls = []

    def page():
        with pagecache.recording():
            list(Session.objects.filter(session_key="not-a-session"))
            return pagecache.fragment("area", [], lambda: calls.append(1) or "x")

    page()
    Client().login(username=tree.leader_1.phone, password=PASSWORD)
    page()
    assert len(calls) == 1
    assert "django_session" not in pagecache.known_tables()


def test_one_render_per_page_at_a_time():
    leader, event = pagecache._inflight_start("k")
    follower, same = pagecache._inflight_start("k")
    assert leader and not follower and same is event
    pagecache._inflight_end("k", event)
    assert event.is_set()
    assert pagecache._inflight_start("k")[0]
    pagecache._inflight_end("k", pagecache._inflight["k"])


def test_a_memo_is_kept_across_requests_until_what_it_read_changes(tree, rep):
    """A signed-in page's per-user reads (residency, roles, permissions) are
    kept between requests with the same versions as pages."""
    from civic.people.models import Residency, ResidencyStatus
    from civic.people.permissions import can
    from civic.people.residents import verified_residency

    calls = []

    def count():
        calls.append(1)
        return NoticePage.objects.count()

    assert pagecache.memo("count", [], count) == 0
    assert pagecache.memo("count", [], count) == 0 and len(calls) == 1
    publish(tree.group_1, NoticePage(title="Bão", slug="bao", body="<p>x</p>"))
    assert pagecache.memo("count", [], count) == 1 and len(calls) == 2

    assert verified_residency(rep) is not None
    Residency.objects.filter(user=rep).update(status=ResidencyStatus.PENDING)
    assert verified_residency(rep) is None
    assert not can(tree.leader_2, "moderate", tree.group_1)
    from civic.people.actions import grant_role
    from civic.people.models import RoleKind

    grant_role(tree.editor_a, tree.leader_2, tree.group_1, RoleKind.GROUP_LEADER)
    tree.leader_2.__dict__.pop("_area_role_cache", None)  # a new request's user
    assert can(tree.leader_2, "moderate", tree.group_1)


def test_the_site_of_a_request_is_found_without_a_query_while_nothing_changed(
    tree, rf, django_assert_num_queries
):
    from wagtail.models import Site

    request = rf.get("/")
    site = Site.find_for_request(request)
    with django_assert_num_queries(0):
        assert Site.find_for_request(rf.get("/")) == site
    Site.objects.filter(pk=site.pk).update(site_name="Phường A")
    assert Site.find_for_request(rf.get("/")).site_name == "Phường A"


@pytest.fixture
def on_redis(settings):
    """The page cache as a scaled-out deployment runs it: pages, parts and
    versions in Redis (``scripts/with-redis`` gives a throwaway server)."""
    import os

    url = os.environ.get("REDIS_TEST_URL")
    if not url:
        pytest.skip("REDIS_TEST_URL not set (run under scripts/with-redis)")
    settings.CACHES = {
        **settings.CACHES,
        **{
            alias: {
                "BACKEND": "civic.core.cache.RedisVersions"
                if alias == "page_versions"
                else "civic.core.cache.SharedRedisCache",
                "LOCATION": url,
                "KEY_PREFIX": f"test-{alias}",
            }
            for alias in ("pages", "page_parts", "page_versions")
        },
    }
    from django.core.cache import caches

    for alias in ("pages", "page_parts", "page_versions"):
        caches[alias].clear()


def test_on_redis_pages_are_kept_and_invalidated(client, tree, notice, on_redis):
    url = notice.url
    hit(client, url)
    hit(client, tree.group_1.url)
    notice.body = "<p>Có nước lại lúc 17 giờ</p>"
    notice.save_revision().publish()
    assert "Có nước lại lúc 17 giờ" in fresh(client, url)
    assert client.get(tree.group_1.url)["X-Page-Cache"] == "miss"
    client.force_login(tree.leader_1)
    assert client.get(tree.group_1.url)["X-Page-Cache"] == "bypass"


def test_on_redis_a_request_reads_the_versions_once(client, tree, notice, on_redis):
    """One round trip for all version tokens per request (a snapshot), and
    parts kept near (in the process) cost none: a cached page, then a signed-in
    page full of kept parts, each read the versions exactly once."""
    from civic.core.cache import RedisVersions

    calls = []

    def counting(name):
        original = getattr(RedisVersions, name)

        def wrapper(self, *args, **kwargs):
            calls.append(name)
            return original(self, *args, **kwargs)

        return mock.patch.object(RedisVersions, name, wrapper)

    def reads_of_versions(url):
        calls.clear()
        with counting("all_tokens"), counting("get_many"), counting("get"):
            response = client.get(url)
        assert response.status_code == 200
        return response, calls

    hit(client, notice.url)
    response, calls = reads_of_versions(notice.url)
    assert response["X-Page-Cache"] == "hit"
    assert calls == ["all_tokens"]

    client.force_login(tree.leader_1)
    client.get(tree.group_1.url)
    assert reads_of_versions(tree.group_1.url)[1] == ["all_tokens"]


def test_on_redis_a_snapshot_sees_its_own_writes_and_later_requests_see_all(
    tree, on_redis
):
    calls = []

    def count():
        calls.append(1)
        return [NoticePage.objects.count()]

    with pagecache.request_scope():
        with pagecache.recording():
            assert pagecache.memo("count", [], count) == [0]
            kept = pagecache.memo("count", [], count)
            assert kept == [0] and len(calls) == 1
            kept.append("changed by a view")  # not seen by anyone else
            publish(tree.group_1, NoticePage(title="Bão", slug="bao", body="<p>x</p>"))
            # the request's own write: its later reads are not served the old part
            assert pagecache.memo("count", [], count) == [1] and len(calls) == 2
    with pagecache.request_scope():
        assert pagecache.memo("count", [], count) == [1] and len(calls) == 2
    # a write outside any request (another process, a command): the part kept
    # in this process is not served to the next request
    NoticePage.objects.filter(slug="bao").delete()
    with pagecache.request_scope():
        assert pagecache.memo("count", [], count) == [0] and len(calls) == 3


def test_the_embedded_default_takes_no_snapshot(tree):
    with pagecache.request_scope():
        assert pagecache._snapshot.get() is None


def test_a_route_is_found_without_a_query_while_no_page_changed(
    client, tree, notice, django_assert_num_queries
):
    """Wagtail's routing (root page, then one query per level of the path) is
    kept per host, language and path until a page changes; a path that leads
    nowhere is not kept. Signed-in pages route through it too."""
    from wagtail.models import Page

    request = RequestFactory().get(notice.url)
    found = Page.route_for_request(request, notice.url)
    assert found.page.specific_class is NoticePage and found.page.pk == notice.pk
    again = RequestFactory().get(notice.url)
    with django_assert_num_queries(0):
        kept = Page.route_for_request(again, notice.url)
    assert kept.page == notice and kept.page is not found.page
    assert (
        Page.route_for_request(RequestFactory().get("/khong-co/"), "/khong-co/") is None
    )
    # a page moved away (its address changed) is not found at the old address
    NoticePage.objects.filter(pk=notice.pk).update(slug="cat-nuoc-2")
    moved = RequestFactory().get(notice.url)
    assert Page.route_for_request(moved, notice.url) is None
    assert client.get(notice.url).status_code == 404


def test_the_signed_in_user_is_kept_until_the_users_table_changes(
    client, tree, django_assert_num_queries
):
    """Every signed-in request reads its user: kept between requests with the
    page cache's versions, so a deactivated account is signed out at once."""
    client.force_login(tree.leader_1)
    assert client.get(reverse("people:account")).status_code == 200
    backend = "civic.people.backends.PhoneOrEmailBackend"
    from django.contrib.auth import load_backend

    with django_assert_num_queries(0):
        assert load_backend(backend).get_user(tree.leader_1.pk) == tree.leader_1
    tree.leader_1.is_active = False
    tree.leader_1.save()
    assert load_backend(backend).get_user(tree.leader_1.pk) is None
    assert client.get(reverse("people:account")).status_code == 302


def test_a_session_is_read_from_its_cache_and_signing_out_ends_it(
    client, tree, django_assert_num_queries
):
    """The embedded default keeps sessions in a cache of the process in front
    of the table (settings.SESSION_ENGINE): a signed-in page reads neither its
    session nor its user again; signing out ends the session at once."""
    from django.conf import settings

    assert settings.SESSION_ENGINE.endswith("cached_db")
    client.force_login(tree.leader_1)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    url = reverse("people:account")
    assert client.get(url).status_code == 200
    from django.contrib.auth import get_user
    from django.contrib.sessions.backends.cached_db import SessionStore

    request = RequestFactory().get(url)
    request.session = SessionStore(key)
    with django_assert_num_queries(0):
        assert get_user(request) == tree.leader_1
    assert client.post(reverse("people:logout")).status_code == 302
    request.session = SessionStore(key)
    assert not get_user(request).is_authenticated


def test_the_embedded_store_keeps_text_as_it_is_and_objects_as_copies(tree):
    """``LocalParts``: a kept fragment is served without a pickle round trip
    (the text is shared: nobody can change it); a kept list or object is
    unpickled for each caller, so what one view changes nobody else sees."""
    assert isinstance(
        pagecache._store_for(pagecache.FRAGMENT_PREFIX), pagecache.LocalParts
    )
    with pagecache.recording():
        text = pagecache.fragment("text", [], lambda: "<p>Bão số 9</p>")
        kept = pagecache.memo("list", [], lambda: [NoticePage.objects.count()])
        with mock.patch.object(
            pagecache.pickle, "loads", side_effect=pagecache.pickle.loads
        ) as loads:
            assert pagecache.fragment("text", [], lambda: 1 / 0) is text
            assert loads.call_count == 0
            first = pagecache.memo("list", [], lambda: 1 / 0)
            assert loads.call_count == 1
        first.append("changed by a view")
        assert pagecache.memo("list", [], lambda: 1 / 0) == kept == [0]


def test_the_embedded_store_expires_and_drops_the_least_recently_used():
    store = pagecache.LocalParts("test-lru", {"OPTIONS": {"MAX_ENTRIES": 2}})
    store.clear()
    store.set("a", ("x",), 60)
    store.set("b", [1], 60)
    assert store.get("a") == ("x",)  # a is now the most recently used
    store.set("c", 3, 60)
    assert store.get("b") is None and store.get("a") == ("x",) and store.get("c") == 3
    assert store.add("c", 4) is False and store.add("d", 4) is True
    store.set("gone", "x", 60)
    with mock.patch.object(pagecache.time, "monotonic", return_value=1e12):
        assert store.get("gone") is None and not store.has_key("gone")


def test_on_redis_a_session_is_read_once_and_signing_out_ends_it_everywhere(
    client, tree, on_redis, django_assert_num_queries
):
    """civic.core.sessions (SESSION_ENGINE with REDIS_URL): the session row is a
    page-cache memo - a signed-in page reads it from the table once, not on
    every request; signing out (in any process: the versions are shared) ends it
    at the next read; an expired session is refused whatever was kept; unknown
    keys are not kept."""
    from datetime import timedelta

    from django.contrib.auth import get_user

    from civic.core import sessions

    client.force_login(tree.leader_1)
    key = client.cookies["sessionid"].value
    request = RequestFactory().get("/")
    request.session = sessions.SessionStore(key)
    assert get_user(request) == tree.leader_1  # read from the table, kept
    request.session = sessions.SessionStore(key)
    with django_assert_num_queries(0):
        assert request.session["_auth_user_id"] == str(tree.leader_1.pk)
    later = timezone.now() + timedelta(days=365)
    with mock.patch.object(sessions.timezone, "now", return_value=later):
        assert sessions.SessionStore(key).load() == {}
    store = sessions.SessionStore(key)
    store.delete()  # signing out
    assert sessions.SessionStore(key).load() == {}
    with django_assert_num_queries(1):
        assert sessions.SessionStore("x" * 32).load() == {}
    with django_assert_num_queries(1):  # an unknown key is asked again
        assert sessions.SessionStore("x" * 32).load() == {}


def test_version_tokens_need_no_system_call_and_differ_in_a_forked_child():
    """A write's new version tokens come from the process's own generator (no
    ``os.urandom``, a system call that lets go of the GIL), reseeded in a forked
    child so that two processes never make the same tokens."""
    import os

    with mock.patch("os.urandom", side_effect=AssertionError("os.urandom")):
        tokens = {pagecache._new_token() for _ in range(1000)}
        pagecache.bump(["polls_ballot", "polls_choice"], touch=False)
    assert len(tokens) == 1000
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child process
        os.write(write, pagecache._new_token().encode())
        os._exit(0)
    os.waitpid(child, 0)
    os.close(write)
    assert os.read(read, 64).decode() != pagecache._new_token()
