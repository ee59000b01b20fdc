from django.core.management.base import BaseCommand

from search.indexqueue import apply_queue, pending_without_task


class Command(BaseCommand):
    help = (
        "Index the objects saved since the search index last saw them "
        "(search.PendingIndex; the task worker does it by itself). With "
        "--enqueue, leave it to the worker: enqueue an index task if objects "
        "wait and no task will run for them (make run, at start)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="enqueue a task for the worker instead of indexing here",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            enqueued = pending_without_task()
            if options["verbosity"]:
                self.stdout.write(
                    "index task enqueued" if enqueued else "nothing to do"
                )
            return
        written = apply_queue()
        self.stdout.write(f"{written} objects indexed")
