"""The OpenAPI schema is valid (openapi-spec-validator), and the API answers
what it promises (schemathesis, property-based, in process through WSGI): no
5xx, documented status codes and content types, bodies matching the schema.
Kept cheap: a few examples per operation, no shrinking of failures."""

import json

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.v1 import api

pytestmark = pytest.mark.django_db


def test_schema_is_valid_openapi():
    # as served: JSON (its status codes are text keys)
    schema = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1")))
    validate(schema)
    assert "/api/v1/reports" in schema["paths"]
    # the reporter is not a field of any answer
    assert "reporter" not in str(schema["components"]).lower()


def test_schema_is_served(client, tree):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    validate(response.json())


SCHEMA = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1")))
OPERATIONS = [
    f"{method.upper()} {path}"
    for path, methods in SCHEMA["paths"].items()
    for method in methods
]
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def kept_connection():
    """As Django's test client does: the WSGI handler's request signals must not
    close the test's database connection (on PostgreSQL that ends its
    transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.property
@pytest.mark.parametrize("label", OPERATIONS)
def test_api_keeps_its_promises(data, key, settings, label, kept_connection):
    settings.API_RATE_LIMIT = settings.API_KEY_RATE_LIMIT = 100_000
    settings.ALLOWED_HOSTS = ["*"]
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())
    operation = next(
        result.ok()
        for result in schema.get_all_operations()
        if f"{result.ok().method.upper()} {result.ok().path}" == label
    )

    @given(
        case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
        bad=operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
    )
    @hypothesis_settings(
        max_examples=6,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case, bad):
        headers = {"X-Api-Key": key.raw} if case.method == "POST" else None
        # valid input: a documented answer matching the schema
        case.call_and_validate(headers=headers, checks=CHECKS)
        # invalid input (wrong types, out of range, missing fields): a 4xx
        bad.call_and_validate(headers=headers, checks=[not_a_server_error])

    run()


def test_docs_are_served_without_a_cdn(client, tree):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    page = response.content.decode()
    assert "swagger-ui-bundle.js" in page and "cdn.jsdelivr" not in page
