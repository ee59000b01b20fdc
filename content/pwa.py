"""The installable site: web app manifest, service worker, offline page.

``/sw.js`` is served from the site's root so that its scope is the whole site.
It keeps the shell (stylesheet, scripts, icons, the offline page) and the pages
a person reads, network first: online, a page is fetched and a copy kept;
offline, the copy is shown, else the offline page. On activation and on visits
it also fetches the latest notices and news of the resident's group
(:func:`offline_pages`), so they can be read on the bus without having been
opened. The pages of a signed-in person are forgotten when they sign out
(README, "Offline and installable").

``/sw.js``, the manifest and the list live outside the language prefix; the
offline page has both languages.
"""

import hashlib
import json

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from civic.people.residents import verified_residency
from civic.people.templatetags.pwa_tags import viewer_token

#: how many of the group's latest notices and news are kept for offline reading
OFFLINE_NOTICES = 5
OFFLINE_NEWS = 5

#: pages never kept by the service worker (a person's own pages, forms, files)
PRIVATE_PATHS = (
    "quan-tri",
    "tai-khoan",
    "dang-nhap",
    "dang-xuat",
    "dang-ky",
    "xac-minh",
    "tham-gia",
    "tai-lieu",
    "ngoai-tuyen/trang.json",
)

SHELL_STATIC = (
    "css/site.css",
    "js/pwa.js",
    "pwa/icon-192.png",
    "favicon.svg",
)


def _static(name):
    return staticfiles_storage.url(name)


def offline_urls():
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = reverse("offline")
    return urls


def worker_config():
    shell = [_static(name) for name in SHELL_STATIC]
    offline = offline_urls()
    config = {
        "shell": shell + sorted(set(offline.values())),
        "offline": offline,
        "defaultLanguage": settings.LANGUAGE_CODE,
        "languages": [code for code, _name in settings.LANGUAGES],
        "groupPages": reverse("offline_pages"),
        "signOut": [
            reverse("people:logout"),
            *(
                _prefixed(code, reverse("people:logout"))
                for code, _name in settings.LANGUAGES
                if code != settings.LANGUAGE_CODE
            ),
        ],
        "private": list(PRIVATE_PATHS),
        "icon": _static("pwa/icon-192.png"),
    }
    body = json.dumps(config, sort_keys=True)
    config["version"] = hashlib.sha256(body.encode()).hexdigest()[:12]
    return config


def _prefixed(code, path):
    return f"/{code}{path}"


@never_cache
@require_GET
def service_worker(request):
    config = worker_config()
    # "</" cannot end the script: the values are URLs, but be safe anyway
    script = render_to_string(
        "content/sw.js",
        {"config": json.dumps(config, ensure_ascii=False).replace("</", "<\\/")},
    )
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def manifest(request):
    """The web app manifest, in Vietnamese (the site's first language)."""
    with translation.override(settings.LANGUAGE_CODE):
        data = {
            "name": _("Electronic residential area"),
            "short_name": _("Residential area"),
            "description": _(
                "News, notices, polls and feedback of your residential group."
            ),
            "lang": settings.LANGUAGE_CODE,
            "dir": "ltr",
            "start_url": "/?source=pwa",
            "scope": "/",
            "id": "/",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#0b5394",
            "icons": [
                {
                    "src": _static("pwa/icon-192.png"),
                    "sizes": "192x192",
                    "type": "image/png",
                },
                {
                    "src": _static("pwa/icon-512.png"),
                    "sizes": "512x512",
                    "type": "image/png",
                },
                {
                    "src": _static("pwa/maskable-512.png"),
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "maskable",
                },
            ],
        }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


def offline_page(request):
    """Shown by the service worker for a page it has no copy of."""
    return render(request, "content/offline.html")


def group_pages(user):
    """The addresses of the pages kept for ``user`` to read offline: their
    group's page, its latest current notices and news, and the commune's
    current urgent notices; nothing for a visitor or a resident not verified."""
    from content.models import NewsPage, NoticePage

    residency = verified_residency(user)
    if residency is None:
        return []
    group = residency.household.area
    pages = [group]
    pages += list(
        NoticePage.objects.current().descendant_of(group).ordered()[:OFFLINE_NOTICES]
    )
    pages += list(NewsPage.objects.listing().descendant_of(group)[:OFFLINE_NEWS])
    commune = group.get_parent()
    if commune is not None and commune.depth > 2:
        pages += list(
            NoticePage.objects.current()
            .descendant_of(commune)
            .filter(is_urgent=True)
            .exclude(path__startswith=group.path)
            .ordered()[:OFFLINE_NOTICES]
        )
    urls = []
    for page in pages:
        url = page.get_url(request=None)
        if url and url not in urls:
            urls.append(url)
    return urls


@never_cache
@require_GET
def offline_pages(request):
    """``{"viewer": …, "pages": [urls]}`` for the service worker."""
    return JsonResponse(
        {"viewer": viewer_token(request.user), "pages": group_pages(request.user)}
    )
