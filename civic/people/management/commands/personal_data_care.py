"""The daily personal-data care (civic.people.rights.data_care).

``manage.py personal_data_care`` runs it now (retention of unverified accounts,
sign-ins, audit logs and downloads; reminders of requests due soon) and prints
the counts; ``--schedule`` instead makes sure the self-rescheduling task waits in
the database queue for the next 03:00 (Asia/Ho_Chi_Minh), which the worker
(``db_worker``, started by ``make run``) runs. Either from cron or once at start.
"""

import json

from django.core.management.base import BaseCommand

from civic.people import rights


class Command(BaseCommand):
    help = "Apply personal-data retention and send request reminders (or --schedule)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="enqueue the nightly task (unless one is already waiting)",
        )

    def handle(self, *args, schedule=False, **options):
        if schedule:
            queued = rights.schedule_data_care()
            self.stdout.write("scheduled" if queued else "already scheduled")
            return
        counts = rights.apply_retention()
        counts["reminded"] = rights.remind_requests()
        self.stdout.write(json.dumps(counts))
