"""Open311 GeoReport v2, field by field against the specification
(http://wiki.open311.org/GeoReport_v2/): services, service definitions,
requests (GET with filters, POST with api_key), one request, tokens; JSON and
XML; errors as the spec's list with the HTTP status."""

from xml.etree import ElementTree as ET

import pytest

from civic.feedback.models import Category, Report, Status

pytestmark = pytest.mark.django_db

SERVICE_FIELDS = {
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
}
REQUEST_FIELDS = {
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
}


def xml(response):
    assert response["Content-Type"].startswith("text/xml")
    return ET.fromstring(response.content)


def test_services_json(client, tree):
    response = client.get("/open311/v2/services.json")
    assert response.status_code == 200
    services = response.json()
    assert [s["service_code"] for s in services] == Category.values
    for s in services:
        assert set(s) == SERVICE_FIELDS
        assert s["type"] in ("realtime", "batch", "blackbox")
        assert isinstance(s["metadata"], bool)


def test_services_xml(client, tree):
    root = xml(client.get("/open311/v2/services.xml"))
    assert root.tag == "services"
    first = root.find("service")
    assert {child.tag for child in first} == SERVICE_FIELDS
    assert first.findtext("metadata") in ("true", "false")


def test_service_definition(client, tree):
    body = client.get("/open311/v2/services/lighting.json").json()
    assert body["service_code"] == "lighting"
    (attribute,) = body["attributes"]
    assert set(attribute) == {
        "variable",
        "code",
        "datatype",
        "required",
        "datatype_description",
        "order",
        "description",
        "values",
    }
    assert attribute["datatype"] in (
        "string",
        "number",
        "datetime",
        "text",
        "singlevaluelist",
        "multivaluelist",
    )
    assert attribute["values"] == [
        {"key": "yes", "name": attribute["values"][0]["name"]}
    ]
    root = xml(client.get("/open311/v2/services/lighting.xml"))
    assert root.tag == "service_definition"
    assert root.find("attributes/attribute/values/value/key").text == "yes"


def test_requests_list_public_only_and_anonymous(client, data):
    rows = client.get("/open311/v2/requests.json").json()
    assert [r["service_request_id"] for r in rows] == [str(data.report.pk)]
    (row,) = rows
    assert set(row) == REQUEST_FIELDS
    assert row["status"] == "open"
    assert row["service_code"] == "lighting"
    assert row["requested_datetime"].endswith("+07:00")
    text = client.get("/open311/v2/requests.xml").content.decode()
    assert "Bí Danh" not in text and "0905111222" not in text
    assert "Nêu tên hàng xóm" not in text  # the hidden report


def test_requests_filters(client, data):
    def ids(query):
        response = client.get(f"/open311/v2/requests.json?{query}")
        assert response.status_code == 200, response.content
        return [r["service_request_id"] for r in response.json()]

    mine = str(data.report.pk)
    assert ids("status=open") == [mine]
    assert ids("status=closed") == []
    assert ids("service_code=water") == []
    assert ids("service_code=lighting,water") == [mine]
    assert ids("start_date=2000-01-01T00:00:00Z&end_date=2000-02-01T00:00:00Z") == []
    assert ids(f"service_request_id={mine}") == [mine]
    assert ids(f"service_request_id={data.hidden.pk}") == []


def test_closed_status_with_notes(client, data):
    Report.objects.filter(pk=data.report.pk).update(
        status=Status.OUT_OF_SCOPE, reason="Thuộc điện lực"
    )
    (row,) = client.get(f"/open311/v2/requests/{data.report.pk}.json").json()
    assert row["status"] == "closed"
    assert row["status_notes"] == "Thuộc điện lực"


def test_one_request_and_token_xml(client, data):
    root = xml(client.get(f"/open311/v2/requests/{data.report.pk}.xml"))
    assert root.tag == "service_requests"
    assert root.find("request/service_request_id").text == str(data.report.pk)
    token = client.get(f"/open311/v2/tokens/{data.report.pk}.json").json()
    assert token == [
        {"service_request_id": str(data.report.pk), "token": str(data.report.pk)}
    ]


@pytest.mark.parametrize(
    "path,status",
    [
        ("/open311/v2/services/nope.json", 404),
        ("/open311/v2/requests/999999.json", 404),
        ("/open311/v2/tokens/abc.xml", 404),
        ("/open311/v2/requests/%C2%B2.json", 404),
        ("/open311/v2/requests.json?service_request_id=%C2%B2", 400),
        ("/open311/v2/requests.json?jurisdiction_id=%C2%B2", 404),
        ("/open311/v2/requests.json?status=maybe", 400),
        ("/open311/v2/requests.json?start_date=yesterday", 400),
        ("/open311/v2/requests.json?colour=red", 400),
        ("/open311/v2/requests.json?jurisdiction_id=nowhere", 404),
    ],
)
def test_errors_are_the_spec_list(client, tree, path, status):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == status
    errors = (
        response.json()
        if path.split("?")[0].endswith(".json")
        else [
            {"code": int(e.findtext("code")), "description": e.findtext("description")}
            for e in xml(response)
        ]
    )
    assert errors[0]["code"] == status and errors[0]["description"]


def post(client, key=None, **fields):
    data = {
        "service_code": "lighting",
        "jurisdiction_id": "",
        "lat": "16.061",
        "long": "108.221",
        "description": "Đèn đường hỏng trước chợ",
        "attribute[consent]": "yes",
        "email": "nguoidan@example.vn",
        "first_name": "Lan",
        "phone": "0905999888",
    }
    if key is not None:
        data["api_key"] = key
    data.update(fields)
    return client.post("/open311/v2/requests.json", data)


def test_post_creates_a_report_without_keeping_the_contact(client, tree, key):
    response = post(client, key.raw, jurisdiction_id=str(tree.group_1.pk))
    assert response.status_code == 201, response.content
    (row,) = response.json()
    assert set(row) == {"service_request_id", "service_notice", "account_id"}
    report = Report.objects.get(pk=int(row["service_request_id"]))
    assert report.area == tree.group_1
    assert report.reporter == key.account
    stored = str(Report.objects.filter(pk=report.pk).values().get())
    assert "Lan" not in stored and "0905999888" not in stored
    # readable at once by id and by token
    assert client.get(f"/open311/v2/requests/{report.pk}.json").status_code == 200


@pytest.mark.parametrize(
    "change,status",
    [
        ({"api_key": None}, 400),
        ({"attribute[consent]": "no"}, 400),
        ({"service_code": "nope"}, 400),
        ({"lat": "abc"}, 400),
        ({"lat": "", "long": "", "address_string": ""}, 400),
        ({"description": ""}, 400),
        ({"jurisdiction_id": "999999"}, 404),
    ],
)
def test_post_refusals(client, tree, key, change, status):
    fields = {"jurisdiction_id": str(tree.group_1.pk), **change}
    raw = key.raw
    if "api_key" in change:
        raw = None
        fields.pop("api_key")
    response = post(client, raw, **fields)
    assert response.status_code == status, response.content
    assert response.json()[0]["code"] == status
    assert not Report.objects.exists()


def test_post_with_revoked_key(client, tree, key):
    key.revoked = True
    key.save()
    response = post(client, key.raw, jurisdiction_id=str(tree.group_1.pk))
    assert response.status_code == 403
    assert not Report.objects.exists()
