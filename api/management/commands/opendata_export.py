from django.core.management.base import BaseCommand

from api.opendata import build_all


class Command(BaseCommand):
    help = "Write every commune's open-data ZIP now (the nightly task does it too)."

    def handle(self, *args, **options):
        for path in build_all():
            if options["verbosity"]:
                self.stdout.write(path)
