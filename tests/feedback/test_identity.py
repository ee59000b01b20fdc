"""The reporter's identity is seen by the commune's handlers only: not by the
public, not by other residents, not by handlers of another commune, not in search."""

import pytest
from django.test import Client

from civic.feedback import actions
from civic.feedback.models import Report

from .conftest import make_report, url

pytestmark = pytest.mark.django_db

NAME = "Người phản ánh"
PHONE = "+84905111222"
PHONE_SHOWN = "0905 111 222"


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def report(fb, clock):
    report = make_report(fb.reporter, fb.group_1)
    actions.accept_report(fb.editor_a, report)
    actions.post_progress(fb.editor_a, report, "Đã báo điện lực")
    return report


@pytest.mark.parametrize("who", [None, "other", "resident", "editor_b", "leader_1"])
def test_hidden_from_public_and_other_residents(fb, report, who):
    client = client_for(getattr(fb, who) if who else None)
    for page in (
        url("report", report.pk),
        url("list"),
        url("area", fb.group_1.pk),
        url("area", fb.commune_a.pk),
    ):
        html = client.get(page).content.decode()
        assert report.title in html
        assert NAME not in html and PHONE not in html and PHONE_SHOWN not in html
        assert "phananh@" not in html
    # nor who handled it
    assert "Biên tập A" not in client.get(url("report", report.pk)).content.decode()


def test_handlers_of_the_commune_see_it(fb, report):
    html = client_for(fb.editor_a).get(url("report", report.pk)).content.decode()
    assert NAME in html and PHONE in html and PHONE_SHOWN in html


def test_the_reporter_sees_their_report(fb, report):
    response = client_for(fb.reporter).get(url("mine"))
    assert report.title in response.content.decode()
    other = client_for(fb.other).get(url("mine")).content.decode()
    assert report.title not in other


def test_search_never_indexes_the_reporter(fb, report):
    assert NAME not in {f.field_name for f in Report.get_search_fields()}
    names = [getattr(f, "field_name", "") for f in Report.get_search_fields()]
    assert "reporter" not in names
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    backend.add(report)
    assert [r.pk for r in backend.search("Đèn đường", Report)] == [report.pk]
    assert list(backend.search("phản ánh", Report.objects.all())) == []
    assert list(backend.search("0905111222", Report.objects.all())) == []


def test_hidden_reports_only_for_reporter_and_handlers(fb, report):
    actions.set_public(fb.editor_a, report, False, "Nêu tên người khác")
    assert client_for(None).get(url("report", report.pk)).status_code == 404
    assert client_for(fb.other).get(url("report", report.pk)).status_code == 404
    assert client_for(fb.reporter).get(url("report", report.pk)).status_code == 200
    assert client_for(fb.editor_a).get(url("report", report.pk)).status_code == 200
    assert report.title not in client_for(None).get(url("list")).content.decode()
