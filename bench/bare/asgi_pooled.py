"""The bare Django site on the project's own handler (civic/core/asgi.py):
bench/pages.py measures signed-in pages against it too, so that what the pooled
handler saves is not counted as the pages' gain.

    DJANGO_SETTINGS_MODULE=bench.bare.settings daphne bench.bare.asgi_pooled:application
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.bare.settings")
django.setup(set_prefix=False)

from civic.core.asgi import PooledASGIHandler  # noqa: E402

application = PooledASGIHandler()
