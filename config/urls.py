from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents.views import serve as documents

from civic.core import ids  # noqa: F401  (registers the <id:…> converter)

# Wagtail's document URLs (``wagtail.documents.urls``), with the tolerant id
# converter: its ``^(\d+)/`` let 10 kB of digits reach ``int()`` (a 500).
wagtaildocs_urls = [
    path(
        "<id:document_id>/<path:document_filename>",
        documents.serve,
        name="wagtaildocs_serve",
    ),
    path(
        "authenticate_with_password/<id:restriction_id>/",
        documents.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]

urlpatterns = [
    path("quan-tri/", include(wagtailadmin_urls)),
    path("tai-lieu/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("i18n/setlang/", set_language, name="set_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("civic.people.urls")),
    path("", include("civic.polls.urls")),
    path("", include("civic.comments.urls")),
    path("", include("civic.services.urls")),
    path("", include("civic.feedback.urls")),
    path("", include("civic.meetings.urls")),
    path("", include("realtime.urls")),
    path("tim-kiem/", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
