"""A bare Django site: one view, no apps, no middleware, no database.

bench/pages.py serves it with daphne from the project's virtualenv, next to the
project, as the floor the project's pages are measured against:

    DJANGO_SETTINGS_MODULE=bench.bare.settings daphne bench.bare.asgi:application

``BENCH_BARE_BYTES`` sets the size of its HTML page (about that of a real page).
"""

import os

SECRET_KEY = os.environ.get("SECRET_KEY") or "bench-bare-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = []
MIDDLEWARE = []
ROOT_URLCONF = "bench.bare.urls"
DATABASES = {}
USE_I18N = False
USE_TZ = True
BARE_PAGE_BYTES = int(os.environ.get("BENCH_BARE_BYTES", "12000"))
# for bench/bare/asgi_pooled.py (the project's handler; no database here)
WEB_THREADS = 4
WEB_CONN_MAX_AGE = 0
