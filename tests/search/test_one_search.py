"""Issue 17: the search page answers every kind of result with ONE search of the
index (one searcher over every index, the kind of each document from a table,
counts per kind from the same pass), and the header box's suggestions too."""

import json

import pytest
from modelsearch.backends import get_search_backend
from whoosh.searching import Searcher

from civic.directory.models import Business, BusinessStatus
from content.models import NewsPage, NoticePage
from search import sources as registry
from search.backends import whoosh as whoosh_backend
from search.backends.whoosh import parts as whoosh_parts

pytestmark = pytest.mark.backends("whoosh", "postgres")

URL = "/en/tim-kiem/"
SUGGEST = "/en/tim-kiem/goi-y/"


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def shop(tree, name, status=BusinessStatus.APPROVED):
    return Business.objects.create(
        area=tree.group_1,
        name=name,
        offers="Bán nước uống, tạp hóa",
        phone="0905111222",
        status=status,
        submitted_by=tree.leader_1,
    )


@pytest.fixture
def content(tree):
    return {
        "notice": publish(
            tree.group_1,
            NoticePage(
                title="Thông báo cắt nước",
                intro="Cắt nước đường Đống Đa",
                body="<p>Từ 8 giờ</p>",
            ),
        ),
        "news": publish(
            tree.group_2, NewsPage(title="Nước sạch về tổ 2", intro="Nước máy")
        ),
        "shop": shop(tree, "Nước uống Cô Ba"),
        "pending": shop(tree, "Nước đá Chú Tư", BusinessStatus.PENDING),
    }


@pytest.fixture
def searches(monkeypatch, search_backend):
    """How many searches of the index ran (every Whoosh search goes through
    ``Searcher.search_with_collector``, or ``_fast_parts`` for a typed query; on
    PostgreSQL, every statement that reads the ``search_document`` table)."""
    calls = []
    if search_backend == "postgres":
        from django.db import connection

        def counted_sql(execute, sql, params, many, context):
            if "search_document" in sql:
                calls.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counted_sql):
            yield calls
        return
    original = Searcher.search_with_collector

    def counted(self, q, collector, context=None):
        calls.append(q)
        return original(self, q, collector, context)

    monkeypatch.setattr(Searcher, "search_with_collector", counted)
    # a typed query's pass over the kept postings (``_fast_parts``) is a search too
    fast = whoosh_parts._fast_parts

    def counted_fast(combined, q, *args, **kwargs):
        calls.append(q)
        return fast(combined, q, *args, **kwargs)

    monkeypatch.setattr(whoosh_parts, "_fast_parts", counted_fast)
    yield calls


def parts_of(query, keys, operator="and", limit=10):
    chosen = [registry.get(k) for k in keys]
    querysets = [s.shown() for s in chosen]
    return get_search_backend().search_parts(
        query, querysets, operator=operator, limit=limit
    )


def test_one_search_answers_every_kind_with_counts(client, content, searches):
    response = client.get(URL, {"q": "nuoc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert len(searches) == 1  # was two per kind (page and count), 11 kinds
    assert "Thông báo cắt nước" in html
    assert "Nước sạch về tổ 2" in html
    assert "Nước uống Cô Ba" in html
    assert "Chú Tư" not in html  # pending shops stay hidden
    counts = [(k, n) for k, _label, n in response.context["type_counts"]]
    assert counts == [("notice", 1), ("news", 1), ("shop", 1)]
    assert response.context["page_obj"].paginator.count == 3


def test_counts_per_kind_are_those_of_each_kind_searched_alone(content, tree):
    shop(tree, "Cửa hàng nước mắm")
    keys = [s.key for s in registry.sources()]
    found = parts_of("nuoc", keys)
    backend = get_search_backend()
    for key, count in zip(keys, found.counts, strict=True):
        source = registry.get(key)
        assert count == backend.search("nuoc", source.shown()).count(), key
    assert found.total == 4
    scores = [score for _part, _pk, score in found.hits]
    assert scores == sorted(scores, reverse=True)  # ranked together


def test_two_kinds_of_one_model_are_told_apart(content, tree):
    """A document belongs to the first part whose filter allows it."""
    other = shop(tree, "Nước mía tổ 2")
    Business.objects.filter(pk=other.pk).update(area=tree.group_2)
    other.refresh_from_db()
    get_search_backend().add(other)
    in_group_2 = Business.objects.filter(area=tree.group_2)
    every = Business.objects.all()
    found = get_search_backend().search_parts("nuoc", [in_group_2, every])
    assert found.counts == [1, 1]
    parts = {pk: part for part, pk, _score in found.hits}
    assert parts == {str(other.pk): 0, str(content["shop"].pk): 1}


def test_a_change_of_the_index_is_seen_by_the_next_search(content, tree):
    assert parts_of("nuoc", ["shop"]).counts == [1]
    added = shop(tree, "Nước mía Bà Năm")
    assert parts_of("nuoc", ["shop"]).counts == [2]
    content["shop"].delete()
    found = parts_of("nuoc", ["shop"])
    assert found.counts == [1]
    assert [pk for _part, pk, _score in found.hits] == [str(added.pk)]


def test_accented_query_puts_the_exact_form_first(content, tree):
    publish(
        tree.group_1,
        NoticePage(title="Nuôi con khỏe", intro="Nuôi dạy", body="<p>x</p>"),
    )
    found = parts_of("nước", ["notice", "news", "shop"])
    assert found.total == 3  # "nuôi" is not "nước"
    found = parts_of("nuoi", ["notice", "news", "shop"], operator="or")
    assert found.total == 1


def test_suggestions_come_from_one_search(client, content, searches):
    response = client.get(SUGGEST, {"q": "nuoc"})
    assert response.status_code == 200
    titles = [s["title"] for s in json.loads(response.content)["suggestions"]]
    assert len(searches) == 1
    assert set(titles) == {"Thông báo cắt nước", "Nước sạch về tổ 2", "Nước uống Cô Ba"}


def test_later_pages_and_page_numbers_out_of_range(client, tree):
    for i in range(12):
        shop(tree, f"Nước uống số {i}")
    first = client.get(URL, {"q": "nuoc uong"}).context["page_obj"]
    second = client.get(URL, {"q": "nuoc uong", "page": "2"}).context["page_obj"]
    assert len(first.object_list) == 10 and len(second.object_list) == 2
    assert not {id(o) for o in first.object_list} & {id(o) for o in second.object_list}
    for page in ("999999", "0", "-1", "abc", "2" * 40):
        response = client.get(URL, {"q": "nuoc uong", "page": page})
        assert response.status_code == 200


def test_suggestions_keep_to_each_kinds_filter(tree):
    for i in range(10):
        shop(tree, f"Nước uống {i}")
    for i in range(3):
        other = shop(tree, f"Nước mía {i}")
        Business.objects.filter(pk=other.pk).update(area=tree.group_2)
        other.refresh_from_db()
        get_search_backend().add(other)
    in_group_2 = Business.objects.filter(area=tree.group_2)
    found = get_search_backend().search_parts(
        "nuoc m", [in_group_2], operator="and", limit=8, autocomplete=True
    )
    assert len(found.hits) == 3 and found.counts == [3]
    found = get_search_backend().search_parts(
        "nuoc", [Business.objects.all()], operator="and", limit=8, autocomplete=True
    )
    assert len(found.hits) == 8


@pytest.mark.backends("postgres")
def test_a_common_query_counts_up_to_the_cap_and_says_so(
    client, content, tree, monkeypatch
):
    """PostgreSQL reads at most COUNT_CAP matches of a common query: the page
    says "more than", each kind's count is a lower bound, and the documents
    holding every word as typed are still ranked first (their own index)."""
    from search.backends import postgres

    for i in range(8):
        shop(tree, f"Nuoi ca {i} nuoc")  # "nước" only folded, not as typed
    monkeypatch.setattr(postgres, "COUNT_CAP", 2)
    found = get_search_backend().search_parts(
        "nước", [s.shown() for s in registry.sources()], limit=1
    )
    assert found.capped and found.total == 2 and sum(found.counts) == 3
    assert len(found.hits) == 1 and found.hits[0][2] >= whoosh_backend.EXACT_TIER
    response = client.get(URL, {"q": "nước"})  # 11 matches, 10 a page
    html = response.content.decode()
    assert response.context["counts_capped"]
    assert "More than 10 results for" in html
    assert "each kind has at least the number shown" in html
    monkeypatch.setattr(postgres, "COUNT_CAP", 1000)
    response = client.get(URL, {"q": "nước", "n": "1"})  # not the cached page
    assert not response.context["counts_capped"]
    assert response.context["page_obj"].paginator.count == 11
