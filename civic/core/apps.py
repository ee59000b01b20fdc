from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """Shared mechanisms (civic.core): the page cache watches every database
    connection of every process, and forgets every page after a migration."""

    name = "civic.core"
    label = "civic_core"
    verbose_name = "Core"

    def ready(self):
        from . import pagecache, tokens

        # CSRF masks drawn with one os.urandom call, not one per character
        tokens.install()

        pagecache.install()
        pagecache.register_boundary(pagecache.next_local_midnight)
        post_migrate.connect(
            lambda **kwargs: pagecache.bump_all(), dispatch_uid="pagecache-migrate"
        )
        pagecache.keep_site_lookups()
        pagecache.keep_routes()
