"""Make sure the daily and weekly digest tasks wait for their next boundary
(``make run`` runs it; civic/people/digests.py), and queue again what a worker
killed mid-send left *sending* (civic.people.tasks.release_stale_deliveries)."""

from django.core.management.base import BaseCommand

from civic.people.tasks import release_stale_deliveries, schedule_digests


class Command(BaseCommand):
    help = "Enqueue the next daily and weekly digest runs unless they already wait."

    def handle(self, *args, **options):
        release_stale_deliveries()
        enqueued = schedule_digests()
        if options["verbosity"]:
            self.stdout.write(
                "digests scheduled: " + (", ".join(enqueued) or "already waiting")
            )
