import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

from search import indexqueue  # noqa: E402

# saves are indexed after the response by this process's worker thread
indexqueue.start_worker()
