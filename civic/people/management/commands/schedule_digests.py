"""Make sure the daily and weekly digest tasks wait for their next boundary
(``make run`` runs it; civic/people/digests.py)."""

from django.core.management.base import BaseCommand

from civic.people.tasks import schedule_digests


class Command(BaseCommand):
    help = "Enqueue the next daily and weekly digest runs unless they already wait."

    def handle(self, *args, **options):
        enqueued = schedule_digests()
        if options["verbosity"]:
            self.stdout.write(
                "digests scheduled: " + (", ".join(enqueued) or "already waiting")
            )
