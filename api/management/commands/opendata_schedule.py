from django.core.management.base import BaseCommand

from api.tasks import schedule_nightly


class Command(BaseCommand):
    help = "Queue the next nightly open-data export unless one is waiting (make run)."

    def handle(self, *args, **options):
        result = schedule_nightly()
        if options["verbosity"] and result is not None:
            self.stdout.write(f"open data export queued for {result.run_after}")
