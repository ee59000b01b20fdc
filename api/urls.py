"""/api/v1/ (the read API, its schema and docs), /open311/v2/ (GeoReport v2) and
/du-lieu-mo/ (the open-data ZIPs). Mounted outside the language prefixes: a
client picks its language with Accept-Language."""

from django.urls import URLPattern, path, re_path

from . import open311, opendata
from .http import public_endpoint
from .v1 import api


def _wrapped(patterns):
    return [
        URLPattern(p.pattern, public_endpoint(p.callback), p.default_args, p.name)
        for p in patterns
    ]


_v1, _app, _namespace = api.urls

FMT = r"\.(?P<fmt>json|xml)$"

urlpatterns = [
    path("api/v1/", (_wrapped(_v1), _app, _namespace)),
    re_path(r"^open311/v2/services" + FMT, open311.services, name="open311_services"),
    re_path(
        r"^open311/v2/services/(?P<code>[^/]+)" + FMT,
        open311.service_definition,
        name="open311_service",
    ),
    re_path(
        r"^open311/v2/requests" + FMT, open311.service_requests, name="open311_requests"
    ),
    re_path(
        r"^open311/v2/requests/(?P<request_id>[^/]+)" + FMT,
        open311.one_request,
        name="open311_request",
    ),
    re_path(
        r"^open311/v2/tokens/(?P<token>[^/]+)" + FMT,
        open311.token,
        name="open311_token",
    ),
    path("du-lieu-mo/<slug:commune>.zip", opendata.download, name="opendata_download"),
]
