"""One settings module, driven by environment variables with embedded defaults.

Nothing here needs to be set for `make run`: SQLite, the in-memory channel layer and
the search index live in ``var/``; ``DEBUG`` is off unless ``DEBUG=true`` (`make
dev`). Production sets ``DATABASE_URL``, ``REDIS_URL``, ``SECRET_KEY`` and
``ALLOWED_HOSTS`` (see README and docs/deploy.md).
"""

import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def _secret_key():
    """SECRET_KEY from the environment, else one generated once into var/."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def is_loopback(host):
    """``localhost``, ``*.localhost`` or a loopback address (``127.0.0.1``,
    ``[::1]``); a pattern such as ``*`` or ``.example.vn`` is not."""
    host = host.strip().lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
#: The embedded default (`make run`): the site answers only to loopback names, so
#: only someone on this machine reaches it, over plain HTTP. Then no HTTPS redirect,
#: no Secure-only cookies, no HSTS, and Django serves the uploaded media itself.
LOOPBACK_ONLY = bool(ALLOWED_HOSTS) and all(is_loopback(h) for h in ALLOWED_HOSTS)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "daphne",
    "civic.core.apps.CoreConfig",
    "content",
    "civic.people",
    "civic.polls",
    "civic.comments",
    "civic.services",
    "civic.support",
    "civic.directory",
    "civic.feedback",
    "civic.meetings",
    "civic.dashboard",
    "civic.market",
    "realtime",
    # the open API (/api/v1/), Open311 (/open311/v2/) and the open-data ZIPs (api/)
    "api",
    # django-ninja's own Swagger UI files, served from here, not from a CDN
    "ninja",
    # the demo data (manage.py seed_demo, `make run`); the top layer: nothing in
    # the project imports it, so a real site may leave it out
    "demo.apps.DemoConfig",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "civic.people.apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # the site search: its templates and static, its PostgreSQL backend's tables
    # and the index queue; after wagtail.search, whose indexing signal handlers
    # it replaces (search/indexqueue.py)
    "search.apps.SearchConfig",
    "modelcluster",
    "taggit",
    "channels",
    # background tasks: the database backend's table and its `db_worker` command
    # (TASKS below; civic/people/tasks.py)
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # /static/ (and /favicon.ico) before sessions and the rest (docs/deploy.md)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # anonymous public pages from the cache, before any session or CSRF work
    # (civic/core/pagecache.py); ETag/304 for every page whose body can repeat
    # (not for one carrying a freshly masked CSRF token: civic/core/conditional.py)
    "civic.core.pagecache.PageCacheMiddleware",
    "civic.core.conditional.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Odd ids in any path (NUL, ², 10 kB of digits) are a 404 before any view;
    # outside the redirects middleware, which would look the path up.
    "civic.core.ids.OddIdMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "civic.people.context_processors.account",
                "civic.core.i18n.other_language",
            ],
            # Django's {% url %}, each address reversed once (kept_urls.py)
            "builtins": ["civic.core.templatetags.kept_urls"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; a busy timeout instead of
    # "database is locked" under concurrent writes.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
# The web server's worker threads (civic/core/asgi.py): how many run pages at once,
# and how long each keeps its database connection between requests. Python runs one
# thread at a time: more threads only help while requests wait outside Python (a
# PostgreSQL round trip); on the embedded SQLite default the queries run in the
# process and most are kept, and every thread more made a signed-in page cost more
# CPU (README, "Where a page's time goes"): two there, four on PostgreSQL.
WEB_THREADS = int(
    os.environ.get(
        "WEB_THREADS",
        "2" if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" else "4",
    )
)
WEB_CONN_MAX_AGE = int(os.environ.get("WEB_CONN_MAX_AGE", "300"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL]},
        }
    }
    # short timeouts: a Redis that is down or hanging degrades pages to
    # uncached ones quickly (civic/core/pagecache.py), never to errors
    _redis_options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    # Django's RedisCache with one connection pool per process, not one per
    # request (civic/core/cache.py)
    CACHES = {
        "default": {
            "BACKEND": "civic.core.cache.SharedRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": _redis_options,
        },
        "pages": {
            "BACKEND": "civic.core.cache.SharedRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pages",
            "OPTIONS": _redis_options,
        },
        "page_versions": {
            "BACKEND": "civic.core.cache.RedisVersions",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pagev",
            "OPTIONS": _redis_options,
        },
        "page_parts": {
            "BACKEND": "civic.core.cache.SharedRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pagep",
            "OPTIONS": _redis_options,
        },
    }
    PAGE_CACHE_FLUSH_FILE = None
else:
    # the stock in-memory layer scans every channel on each receive (see realtime.layers)
    CHANNEL_LAYERS = {"default": {"BACKEND": "realtime.layers.LazyExpiryChannelLayer"}}
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # whole pages (~30 kB each): a ward's few hundred pages in a few MB;
        # least recently used ones go first
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 3000},
        },
        # shared fragments and per-user memos (small; civic.core.pagecache):
        # in memory like LocMemCache, without a pickle round trip per hit
        "page_parts": {
            "BACKEND": "civic.core.pagecache.LocalParts",
            "LOCATION": "page-parts",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
        # one version token per table, in a plain dict (civic.core.pagecache)
        "page_versions": {
            "BACKEND": "civic.core.pagecache.LocalVersions",
            "LOCATION": "page-versions",
        },
        # signed-in visitors' sessions, in front of the database (below)
        "sessions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "sessions",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
    }
    # writes by another process (the task worker, a management command while
    # the site serves): the names of the tables they changed, read by the
    # serving process on each request (civic/core/pagecache.py)
    PAGE_CACHE_FLUSH_FILE = VAR_DIR / "pagecache.flush"

# The page cache (civic/core/pagecache.py): anonymous public pages, never stale.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
#: at most this long even if nothing changes (relative dates, "today")
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "600"))
#: the only query parameters a cached page may have (others: served uncached)
PAGE_CACHE_QUERY_PARAMS = (
    "page",
    "q",
    "type",
    "area",
    "tag",
    "category",
    "show",
    # the market's price filters and sort (civic.market)
    "min",
    "max",
    "sort",
)
#: never cached: the admin, documents (their own rules), media, static files
#: tables no page shows: reading them is no dependency, writing them no change
PAGE_CACHE_UNSHOWN_TABLES = (
    "django_session",
    "people_throttleevent",
    # the task queue and the search index's queue: no page reads them (and the
    # worker's writes to them need not reach the serving process's flush file)
    "django_tasks_database_dbtaskresult",
    "search_pendingindex",
)
#: columns no page shows: an UPDATE setting only these changes no page
PAGE_CACHE_UNSHOWN_COLUMNS = {"people_user": ("last_login",)}
PAGE_CACHE_SKIP_PREFIXES = (
    "/quan-tri/",
    "/tai-lieu/",
    "/media/",
    "/static/",
    "/i18n/",
    # the API counts every request against its rate limit, answers in the
    # client's language, and has its own ETags (api/)
    "/api/",
    "/open311/",
    "/du-lieu-mo/",
)

# The open API and Open311 (api/http.py): requests a minute per client address
# without a key, per key with one; the open-data ZIPs' folder and nightly hour.
API_RATE_LIMIT = int(os.environ.get("API_RATE_LIMIT", "120"))
API_KEY_RATE_LIMIT = int(os.environ.get("API_KEY_RATE_LIMIT", "600"))
OPEN_DATA_DIR = Path(os.environ.get("OPEN_DATA_DIR", VAR_DIR / "opendata"))
OPEN_DATA_HOUR = 2

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = ["civic.people.backends.PhoneOrEmailBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "people:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
# Login throttle (civic/people/throttle.py; counted in the database, not the cache):
# within the window, this many failures for one account from one client address
# pause that account from that address; 4x as many from one address pause the
# address; past ACCOUNT_FAILURES on one account from all addresses, each further
# attempt waits a doubling delay (at most MAX_DELAY seconds) instead of a lock.
LOGIN_THROTTLE_FAILURES = int(os.environ.get("LOGIN_THROTTLE_FAILURES", "5"))
LOGIN_THROTTLE_WINDOW = int(os.environ.get("LOGIN_THROTTLE_WINDOW", "900"))
LOGIN_THROTTLE_ADDRESS_FAILURES = int(
    os.environ.get("LOGIN_THROTTLE_ADDRESS_FAILURES", str(LOGIN_THROTTLE_FAILURES * 4))
)
LOGIN_THROTTLE_ACCOUNT_FAILURES = int(
    os.environ.get("LOGIN_THROTTLE_ACCOUNT_FAILURES", str(LOGIN_THROTTLE_FAILURES * 4))
)
LOGIN_THROTTLE_MAX_DELAY = int(os.environ.get("LOGIN_THROTTLE_MAX_DELAY", "60"))
# An address an account signed in from within this many days is "known" to it and
# skips the account-wide delay (still under the two per-address limits).
LOGIN_THROTTLE_KNOWN_DAYS = int(os.environ.get("LOGIN_THROTTLE_KNOWN_DAYS", "30"))
# Wagtail's admin login, with the throttle's messages (the throttle itself is in
# the authentication backend, so it applies to every login form).
WAGTAILADMIN_USER_LOGIN_FORM = "civic.people.forms.AdminLoginForm"
# Registration throttle: this many new accounts per client address per window.
REGISTRATION_THROTTLE_ACCOUNTS = int(
    os.environ.get("REGISTRATION_THROTTLE_ACCOUNTS", "5")
)
REGISTRATION_THROTTLE_WINDOW = int(
    os.environ.get("REGISTRATION_THROTTLE_WINDOW", "3600")
)
# Reverse proxies (addresses or networks, comma-separated) whose X-Forwarded-For
# is believed; empty: the direct peer is the client (civic/core/clients.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
#: files never served by URL (residents' data downloads, civic.people.private_files);
#: empty: "private" beside MEDIA_ROOT (var/private)
PRIVATE_MEDIA_ROOT = os.environ.get("PRIVATE_MEDIA_ROOT") or None
#: Django serves MEDIA_URL itself (but never media/documents/, see config/urls.py):
#: in the embedded default and under DEBUG; behind a proxy, the proxy does.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG or LOOPBACK_ONLY)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # WhiteNoise serves what `collectstatic` put into STATIC_ROOT: hashed names
    # cached for ten years ("immutable"), gzip copies (config/storage.py). Under
    # DEBUG it serves the source files from the finders, plain names.
    "staticfiles": {"BACKEND": "config.storage.StaticFilesStorage"},
}
#: /favicon.ico and other files that live at the site's root
WHITENOISE_ROOT = BASE_DIR / "public"


def _root_file_headers(headers, path, url):
    """Files at the site's root have no hash in their name: a day, not a minute."""
    if "/" not in url.lstrip("/"):
        headers["Cache-Control"] = "max-age=86400, public"


WHITENOISE_ADD_HEADERS_FUNCTION = _root_file_headers

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "khudancu@localhost")

# Web Push and SMS/Zalo channels (NOTIFICATION_CHANNELS below):
# Web Push: the VAPID private key, generated once into var/ unless given; the
# contact push services may write to about this site (README, "Push").
VAPID_PRIVATE_KEY_FILE = Path(
    os.environ.get("VAPID_PRIVATE_KEY_FILE", VAR_DIR / "vapid_private.pem")
)
VAPID_CONTACT = os.environ.get("VAPID_CONTACT", f"mailto:{DEFAULT_FROM_EMAIL}")
# SMS/Zalo gateway (civic/people/sms.py, docs/sms-gateway.md): the backend, and
# the HTTP backend's provider (URL, token, sender name) from the environment.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "civic.people.sms.FileBackend")
SMS_FILE_PATH = Path(os.environ.get("SMS_FILE_PATH", VAR_DIR / "sms"))
SMS_HTTP_URL = os.environ.get("SMS_HTTP_URL", "")
SMS_HTTP_TOKEN = os.environ.get("SMS_HTTP_TOKEN", "")
SMS_SENDER = os.environ.get("SMS_SENDER", "")
SMS_HTTP_TIMEOUT = float(os.environ.get("SMS_HTTP_TIMEOUT", "10"))
#: one SMS: 160 characters (unaccented), 70 with Vietnamese diacritics
SMS_MAX_LENGTH = int(os.environ.get("SMS_MAX_LENGTH", "160"))
# texts cost money: only urgent notices go by SMS unless SMS_URGENT_ONLY=false
SMS_URGENT_ONLY = os.environ.get("SMS_URGENT_ONLY", "true").lower() not in (
    "0",
    "false",
    "no",
)

# Background work (email, notifications, digests, exports, search-index
# updates) is stored in the database and run by
# `manage.py db_worker --backend queue` (started by `make run` beside daphne),
# never in the request: a task enqueued while no worker runs waits in its table.
# Tests use the same backend and run the queue with
# civic.people.tasks.run_queued_tasks (the worker's loop, one pass).
# "default" stays django-tasks' immediate backend, as before: Wagtail's and
# modelsearch's own small tasks (reference index, search index when
# SEARCH_INDEX_QUEUE is off) keep running where they did; with it on, saves are
# indexed by search.tasks.index_pending on "queue" (search/indexqueue.py).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "queue": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    },
}
# A task made with civic.people.tasks.retrying_task is tried this many times in
# all, the n-th retry after TASK_RETRY_DELAY * 4**(n-1) seconds.
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "5"))
TASK_RETRY_DELAY = int(os.environ.get("TASK_RETRY_DELAY", "30"))

# Notifications outside the site (civic/people/delivery.py): the channels, the
# quiet hours (start, end; local hours; urgent kinds ignore them; None: none)
# and the hour of the daily / weekly (Monday) digests, in this time zone.
NOTIFICATION_CHANNELS = [
    "civic.people.delivery.EmailChannel",
    "civic.people.push.PushChannel",
    "civic.people.sms.SmsChannel",
]
NOTIFICATION_TIME_ZONE = "Asia/Ho_Chi_Minh"
NOTIFICATION_QUIET_HOURS = (22, 6)
NOTIFICATION_DIGEST_HOUR = 7

SESSION_COOKIE_HTTPONLY = True
# Sessions live in the database. In the embedded default (one process) a cache
# of the process's own sits in front (read on every signed-in request; written
# through, so signing out ends the session at once). Not with REDIS_URL: Django's
# cached sessions fail when Redis is down, and a sign-out while it is down would
# leave the session in Redis, valid again when Redis is back.
if not REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    SESSION_CACHE_ALIAS = "sessions"
else:
    # with Redis: the session row read through the page cache's memos, with its
    # guarantees when Redis fails (civic/core/sessions.py)
    SESSION_ENGINE = "civic.core.sessions"
SECURE_CONTENT_TYPE_NOSNIFF = True
# No page of the site is meant to be framed. Wagtail's preview panel frames its
# preview views, which set SAMEORIGIN on their own responses
# (wagtail.utils.decorators.xframe_options_sameorigin_override).
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    # secure unless the site answers only on loopback (LOOPBACK_ONLY, plain HTTP)
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not LOOPBACK_ONLY)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not LOOPBACK_ONLY)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not LOOPBACK_ONLY)
    SECURE_HSTS_SECONDS = int(
        os.environ.get("SECURE_HSTS_SECONDS", "0" if LOOPBACK_ONLY else "31536000")
    )
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# The most pixels an uploaded picture may declare (civic.core.images): read from
# the header before any decoding, for feedback photos and Wagtail images alike.
IMAGE_MAX_PIXELS = 40_000_000

# Wagtail
WAGTAIL_SITE_NAME = "Khu dân cư điện tử"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
#: The site's own page (in the visitor's language) for a page with a password.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "content/password_required.html"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = IMAGE_MAX_PIXELS
WAGTAILIMAGES_IMAGE_FORM_BASE = "content.image_forms.ImageForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
# Documents are always served by Wagtail's view, which asks content.documents who may
# read them; never linked or redirected to the file in storage (whose URL anyone
# could share). The proxy must not serve MEDIA_ROOT/documents/ (docs/deploy.md).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "odt",
    "ods",
    "jpg",
    "jpeg",
    "png",
    "txt",
]
# The search engine (search/README.md, docs/search-engines.md): SEARCH_BACKEND=
# whoosh (an index folder, the embedded default for a ward) or postgres (full text
# in the site's PostgreSQL database: the default when DATABASE_URL is postgres://…).
SEARCH_BACKENDS = {
    # Whoosh index, by default in VAR_DIR / "whoosh" (a temporary folder under
    # pytest); options PATH, WRITE_TIMEOUT: see search/backends/whoosh/
    "whoosh": "search.backends.whoosh",
    # one table, search_document (search/migrations); see search/backends/postgres.py
    "postgres": "search.backends.postgres",
}


def choose_search_backend(explicit, database_engine):
    """``SEARCH_BACKEND`` if set, else PostgreSQL's on a PostgreSQL database."""
    name = (explicit or "").strip().lower() or (
        "postgres" if database_engine == "django.db.backends.postgresql" else "whoosh"
    )
    if name not in SEARCH_BACKENDS:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND={name!r}: choose one of {sorted(SEARCH_BACKENDS)}"
        )
    return name


SEARCH_BACKEND = choose_search_backend(
    os.environ.get("SEARCH_BACKEND"), DATABASES["default"]["ENGINE"]
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": SEARCH_BACKENDS[SEARCH_BACKEND]}}

# Saves of indexed objects are queued (search.PendingIndex, in the save's
# transaction) and indexed by the task worker (search.tasks.index_pending on the
# "queue" backend; search/indexqueue.py); False indexes in the request, as
# modelsearch does.
SEARCH_INDEX_QUEUE = env_bool("SEARCH_INDEX_QUEUE", True)
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILEMBEDS_RESPONSIVE_HTML = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
