"""Make sure the daily and weekly digest tasks wait for their next boundary
(``make run`` runs it; civic/people/digests.py), and queue again what a worker
killed mid-send left *sending* (civic.people.delivery.release_stale)."""

from django.core.management.base import BaseCommand

from civic.people.delivery import release_stale
from civic.people.tasks import schedule_digests


class Command(BaseCommand):
    help = "Enqueue the next daily and weekly digest runs unless they already wait."

    def handle(self, *args, **options):
        release_stale()
        enqueued = schedule_digests()
        if options["verbosity"]:
            self.stdout.write(
                "digests scheduled: " + (", ".join(enqueued) or "already waiting")
            )
