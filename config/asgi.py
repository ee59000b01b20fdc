"""ASGI entry point: HTTP through Django, WebSockets through Channels."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup(set_prefix=False)

from civic.core.asgi import PooledASGIHandler  # noqa: E402

# Django's handler with one thread hop per request (civic/core/asgi.py)
django_asgi_app = PooledASGIHandler()

from civic.core import pagecache  # noqa: E402

# this process serves pages: its own writes invalidate its page cache directly;
# the task worker's (search indexing among them) reach it through the flush file
pagecache.serving()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from realtime import slowreaders  # noqa: E402
from realtime.auth import SocketAuthMiddlewareStack  # noqa: E402
from realtime.routing import websocket_urlpatterns  # noqa: E402

# a socket that stops reading is dropped (4408), not buffered without limit
slowreaders.install()

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        # the session user (read with the other connects' reads of the moment:
        # realtime/batch.py), and only pages of our own hosts may open a socket
        "websocket": AllowedHostsOriginValidator(
            SocketAuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)

from civic.core.asgi import tune_gc  # noqa: E402

# everything made while starting is out of the collector's sight (civic/core/asgi.py)
tune_gc()
