import pytest
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from content.models import NewsPage, NoticePage

pytestmark = pytest.mark.backends("whoosh", "postgres")

URL = "/tim-kiem/"


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def content(tree):
    water = publish(
        tree.group_1,
        NoticePage(
            title="Thông báo cắt nước",
            intro="Cắt nước đường Đống Đa từ 8 giờ",
            body="<p>Chi tiết <script>alert('x')</script> cắt nước</p>",
        ),
    )
    news = publish(
        tree.group_2,
        NewsPage(title="Ra quân làm sạch đường phố", intro="Cư dân <b>dọn</b> rác"),
    )
    draft = NoticePage(title="Bản nháp cắt nước bí mật", body="<p>x</p>")
    tree.group_1.add_child(instance=draft)
    draft.save_revision()
    Page.objects.filter(pk=draft.pk).update(live=False)
    return {"water": water, "news": news, "draft": draft}


def test_url_is_tim_kiem():
    from django.utils.translation import override

    with override("vi"):
        assert reverse("search:search") == URL


def test_resident_finds_water_cut_without_diacritics(client, content):
    response = client.get(URL, {"q": "thong bao cat nuoc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thông báo cắt nước" in html
    assert "<mark>" in html
    assert "bí mật" not in html  # drafts never appear


def test_snippets_are_escaped(client, content):
    html = client.get(URL, {"q": "chi tiet"}).content.decode()
    assert "<script>alert" not in html
    html = client.get(URL, {"q": "cu dan don rac"}).content.decode()
    assert "<b>dọn</b>" not in html
    assert "&lt;b&gt;" in html


def test_results_grouped_by_type_and_filter(client, content):
    html = client.get(URL, {"q": "duong"}).content.decode()
    assert "Thông báo cắt nước" in html and "Ra quân làm sạch đường phố" in html
    assert "<h2" in html
    html = client.get(URL, {"q": "duong", "type": "news"}).content.decode()
    assert "Ra quân làm sạch đường phố" in html
    assert "Thông báo cắt nước</a>" not in html


def test_area_filter(client, content, tree):
    html = client.get(URL, {"q": "duong", "area": tree.group_2.pk}).content.decode()
    assert "Ra quân làm sạch đường phố" in html
    assert "Thông báo cắt nước</a>" not in html


def test_restricted_pages_are_hidden(client, content):
    PageViewRestriction.objects.create(
        page=content["water"], restriction_type=PageViewRestriction.LOGIN
    )
    html = client.get(URL, {"q": "cat nuoc"}).content.decode()
    assert "Thông báo cắt nước</a>" not in html


def test_pagination_and_bad_input(client, tree):
    for i in range(12):
        publish(
            tree.group_1, NoticePage(title=f"Họp tổ dân phố lần {i}", body="<p>x</p>")
        )
    response = client.get(URL, {"q": "hop to", "page": 2})
    assert response.status_code == 200
    assert "page=1" in response.content.decode()
    for params in ({"q": "hop", "page": "abc"}, {"q": "!!!"}, {"q": "x" * 5000}, {}):
        assert client.get(URL, params).status_code == 200


def _queries_for(client, query):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(URL, {"q": query})  # warm caches (site root, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, {"q": query})
    return len(ctx.captured_queries), response.content.decode().count("search-result")


def test_the_number_of_queries_does_not_grow_with_the_results(client, tree):
    for i in range(2):
        publish(tree.group_1, NoticePage(title=f"Lịch tiêm chủng {i}", body="<p>x</p>"))
        publish(tree.group_2, NewsPage(title=f"Tin tiêm chủng {i}"))
    few, shown = _queries_for(client, "tiem chung")
    assert shown == 4
    for i in range(2, 6):
        publish(tree.group_1, NoticePage(title=f"Lịch tiêm chủng {i}", body="<p>x</p>"))
        publish(tree.group_2, NewsPage(title=f"Tin tiêm chủng {i}"))
    many, shown = _queries_for(client, "tiem chung")
    assert shown == 10  # one full page
    assert many == few


def test_english_page(client, content):
    response = client.get("/en" + URL, {"q": "cat nuoc"})
    assert response.status_code == 200
    assert "Search" in response.content.decode()


def test_suggestions(client, content):
    data = client.get(URL + "goi-y/", {"q": "thong b"}).json()
    assert [s["title"] for s in data["suggestions"]] == ["Thông báo cắt nước"]


def test_polls_are_found_with_pages_ranked_together(client, content, tree):
    from datetime import timedelta

    from django.utils import timezone

    from civic.polls.models import Poll

    now = timezone.now()
    Poll.objects.create(
        area=tree.group_1,
        title="Chọn giờ cắt nước định kỳ",
        description="Ý kiến về lịch cắt nước",
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=2),
    )
    html = client.get("/en" + URL, {"q": "cat nuoc"}).content.decode()
    assert "Chọn giờ cắt nước định kỳ" in html and "Thông báo cắt nước" in html
    assert "Polls: 1" in html
    only = client.get("/en" + URL, {"q": "cat nuoc", "type": "poll"}).content.decode()
    assert "Chọn giờ cắt nước định kỳ" in only and "Thông báo cắt nước" not in only
    other = client.get(
        "/en" + URL, {"q": "cat nuoc", "type": "poll", "area": tree.commune_b.pk}
    ).content.decode()
    assert "Chọn giờ cắt nước định kỳ" not in other


def test_did_you_mean_offers_the_closest_indexed_words(client, content):
    html = client.get("/en" + URL, {"q": "thong bao cat nuco"}).content.decode()
    assert "Did you mean:" in html
    assert "thong bao cat nuoc" in html
    html = client.get("/en" + URL, {"q": "thong bao cat nuoc"}).content.decode()
    assert "Did you mean:" not in html
