from django.core.management.base import BaseCommand

from search.indexqueue import apply_queue


class Command(BaseCommand):
    help = (
        "Index the objects saved since the search index last saw them "
        "(search.PendingIndex; the serving process's worker does it by itself)."
    )

    def handle(self, *args, **options):
        written = apply_queue()
        self.stdout.write(f"{written} objects indexed")
