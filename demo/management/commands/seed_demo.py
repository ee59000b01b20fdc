"""``manage.py seed_demo``: the whole demo, idempotent.

The ward (pages, accounts, households, news, notices; built once), then its services
and its meetings (each adds only what is missing), then the demo accounts. Every
part prints a progress line per step; ``--verbosity 0`` silences them.
"""

from django.core.management.base import BaseCommand

from demo.market import Market
from demo.meetings import Meetings
from demo.services import Services
from demo.ward import print_accounts, seed_ward


class Command(BaseCommand):
    help = (
        "Load the demo ward (Phường Bắc Nha Trang) with its services and meetings; "
        "print the demo accounts. Running it again adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet-accounts", action="store_true", help="do not print the accounts"
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        ward = seed_ward(self)
        Services(self).seed(ward)
        Meetings(self).seed(ward)
        Market(self).seed(ward)
        if not options["quiet_accounts"]:
            print_accounts(self)
