"""Uploaded media served by Django itself (``SERVE_MEDIA``: the embedded default and
``DEBUG``; behind a proxy the proxy serves MEDIA_ROOT, see docs/deploy.md).

Images, their renditions and feedback photos are public by their (unguessable or
published) names. Documents never are: they are read only through ``/tai-lieu/``,
which asks ``content.documents`` who may read them, so ``documents/`` is refused
here however the path is spelled (``a/../documents/…``, ``Documents/…``).
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views import static

#: folders of MEDIA_ROOT never served as files
PRIVATE_FOLDERS = {"documents"}


def serve_media(request, path):
    clean = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
    first = clean.split("/", 1)[0].casefold()
    if first in PRIVATE_FOLDERS or first in {".", ".."}:
        raise Http404("Documents are served at /tai-lieu/.")
    response = static.serve(request, clean, document_root=settings.MEDIA_ROOT)
    # an upload keeps its name for its life (a new file gets a new name)
    patch_cache_control(response, public=True, max_age=86400)
    return response
