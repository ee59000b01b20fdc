"""Every kind of result the search page offers can be searched, filtered by area and
rendered; what a visitor may not see never appears."""

import pytest

from search import sources as registry

pytestmark = pytest.mark.backends("whoosh", "postgres")

URL = "/en/tim-kiem/"


def test_every_civic_app_registers_its_kinds():
    keys = {s.key for s in registry.sources()}
    assert {"notice", "news", "area", "poll"} <= keys
    assert {"procedure", "point", "utility", "shop"} <= keys
    assert {"feedback", "meeting", "minutes"} <= keys


@pytest.mark.parametrize("key", [s.key for s in registry.sources()])
def test_each_kind_searches_and_filters_by_area_through_the_index(client, tree, key):
    """The visible queryset and the area filter use only indexed filter fields (the
    backend would raise otherwise), and the page answers for the kind."""
    source = registry.get(key)
    from modelsearch.backends import get_search_backend

    queryset = source.in_area(source.visible(), tree.commune_a)
    results = get_search_backend().search("nuoc", queryset)
    assert results.count() == 0
    response = client.get(URL, {"q": "nuoc", "type": key, "area": tree.group_1.pk})
    assert response.status_code == 200


def test_pending_shops_are_not_found_but_approved_ones_are(client, tree):
    from civic.directory.models import Business, BusinessStatus

    def shop(name, status):
        return Business.objects.create(
            area=tree.group_1,
            name=name,
            offers="Bán tạp hóa, nước uống",
            phone="0905111222",
            status=status,
            submitted_by=tree.leader_1,
        )

    shop("Tạp hóa Cô Ba", BusinessStatus.APPROVED)
    shop("Tạp hóa Chú Tư", BusinessStatus.PENDING)
    html = client.get(URL, {"q": "tap hoa"}).content.decode()
    assert "Tạp hóa Cô Ba" in html and "Tạp hóa Chú Tư" not in html
    assert "#shops-heading" in html
