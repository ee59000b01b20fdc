from django.core.management.base import BaseCommand

from civic.core import pagecache


class Command(BaseCommand):
    help = "Forget every cached page and fragment (e.g. after changing templates)."

    def handle(self, *args, **options):
        pagecache.bump_all()
        self.stdout.write("page cache cleared")
