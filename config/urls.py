import re

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import URLResolver, include, path, re_path
from django.urls.resolvers import RegexPattern, RoutePattern
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents.views import serve as wagtail_documents

from civic.core import ids  # noqa: F401  (registers the <id:…> converter)
from civic.core.i18n import set_language
from civic.core.media import serve_media
from content import documents, pwa
from content.admin_views import SuperuserPageTypesUsageReportView
from content.sitemaps import ListedPagesSitemap

# Wagtail's document URLs (``wagtail.documents.urls``) with the tolerant id
# converter (its ``^(\d+)/`` let 10 kB of digits reach ``int()``: a 500), the
# file served by content.documents (who may fetch it, and cache headers).
wagtaildocs_urls = [
    path(
        "<id:document_id>/<path:document_filename>",
        documents.serve,
        name="wagtaildocs_serve",
    ),
    path(
        "authenticate_with_password/<id:restriction_id>/",
        wagtail_documents.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]

# Wagtail's page types usage report names pages of every area: superusers only
# (content.admin_views); these come first, so Wagtail's own views at the same
# addresses (and names) are never reached.
page_types_report_urls = [
    path(
        "quan-tri/reports/page-types-usage/",
        SuperuserPageTypesUsageReportView.as_view(),
    ),
    path(
        "quan-tri/reports/page-types-usage/results/",
        SuperuserPageTypesUsageReportView.as_view(results_only=True),
    ),
]

urlpatterns = [
    *page_types_report_urls,
    path("quan-tri/", include(wagtailadmin_urls)),
    path("tai-lieu/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": ListedPagesSitemap}}),
    path("i18n/setlang/", set_language, name="set_language"),
    # the installable site: service worker at the root (its scope), manifest, the
    # pages kept for offline reading (content/pwa.py)
    path("sw.js", pwa.service_worker, name="service_worker"),
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("ngoai-tuyen/trang.json", pwa.offline_pages, name="offline_pages"),
]

if settings.SERVE_MEDIA:
    # uploads (images, feedback photos) - documents only through /tai-lieu/
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", serve_media
        )
    ]


#: the apps' URLs, each only while the app is installed (README, "Layers")
def _first_segments(pattern):
    """The literal first path segments every address of ``pattern`` starts with,
    or None when some address may start with anything (a converter, a regex, an
    empty route)."""
    if isinstance(pattern.pattern, RoutePattern):
        route = str(pattern.pattern)
        first = route.split("/", 1)[0]
        if first and "<" not in first:
            return {first}
        if route == "" and isinstance(pattern, URLResolver):
            found = set()
            for inner in pattern.url_patterns:
                segments = _first_segments(inner)
                if segments is None:
                    return None
                found |= segments
            return found
    elif isinstance(pattern.pattern, RegexPattern):
        literal = re.match(r"\^([A-Za-z0-9_-]+)/", pattern.pattern.regex.pattern)
        if literal:
            return {literal.group(1)}
    return None


def guarded(*patterns):
    """``patterns`` behind one regex that looks ahead at the path's first segment.

    Django tries every pattern in turn, and a miss in an included app builds the
    list of the patterns it tried (for the debug 404 page): with a dozen apps
    included at the root, every page Wagtail serves — the last pattern — paid for
    some two hundred misses (~0.4 ms, a sixth of a signed-in group page). Behind
    the lookahead a page's address misses them all in one regex match. The
    lookahead consumes nothing and is ignored when reversing, so every name and
    namespace is as before. Inside it each app has its own, so an app's address
    (a ballot) does not walk the apps before it either. Patterns whose first segment is not literal are left
    as they are."""
    found = [_first_segments(pattern) for pattern in patterns]
    if None in found:
        return list(patterns)
    # each app behind its own lookahead too: an app's address skips the others
    inner = [
        URLResolver(_lookahead(segments), [pattern])
        for pattern, segments in zip(patterns, found, strict=True)
    ]
    return [URLResolver(_lookahead(set().union(*found)), inner)]


class _Lookahead(RegexPattern):
    """A pattern that only looks ahead: it adds nothing to an address, so it
    describes itself as nothing (code that lists the site's addresses by joining
    its patterns sees the addresses as they are)."""

    def __str__(self):
        return ""


def _lookahead(segments):
    alternatives = "|".join(sorted(re.escape(s) for s in segments))
    return _Lookahead(rf"^(?=(?:{alternatives})(?:/|$))", is_endpoint=False)


APP_URLS = [
    ("", "civic.people"),
    ("", "civic.polls"),
    ("", "civic.comments"),
    ("", "civic.services"),
    ("", "civic.support"),
    ("", "civic.directory"),
    ("", "civic.dashboard"),
    ("", "civic.feedback"),
    ("", "civic.meetings"),
    ("", "civic.market"),
    ("", "realtime"),
    ("tim-kiem/", "search"),
]

if apps.is_installed("api"):
    # /api/v1/, /open311/v2/, /du-lieu-mo/: no language prefix (Accept-Language)
    urlpatterns += guarded(path("", include("api.urls")))
    # a JSON 404 under /api/ and /open311/, Django's page elsewhere
    handler404 = "api.http.not_found"

urlpatterns += i18n_patterns(
    *guarded(
        *[
            path(prefix, include(f"{app}.urls"))
            for prefix, app in APP_URLS
            if apps.is_installed(app)
        ],
        path("ngoai-tuyen/", pwa.offline_page, name="offline"),
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
