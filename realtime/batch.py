"""Connects read the database in batches (issue 16: cheap connects).

Every socket that opens reads a little: its session and user (the auth
middleware), then its channel, its rights and its backlog. Each of those reads
used to be a trip of its own to Django's database thread, and each trip opened
and closed a database connection (``CONN_MAX_AGE=0``, see docs/deploy.md): with
a thousand residents connecting at once, the connection set-up, not the queries,
was most of the work.

:func:`run` queues a read; while one batch is being read, the reads that arrive
queue up and go together in the next trip (at most :data:`BATCH` per trip): one
trip to the thread and one connection per batch instead of per read. A lone
connect costs what it did (no waiting for others: the first read goes at once).
Each read runs on its own (one failing read fails only its socket) and does the
same queries as before; the tests count them per connect.
"""

import asyncio

from channels.db import database_sync_to_async

#: reads per trip to the database thread
BATCH = 64


def _run_all(calls):
    results = []
    for function, args, _future in calls:
        try:
            results.append((True, function(*args)))
        except Exception as error:  # this read's socket gets the error
            results.append((False, error))
    return results


class Batcher:
    """The reads of this event loop's connects, queued and run in batches."""

    def __init__(self):
        self.pending = []
        self.running = False
        #: trips to the thread (the tests look at it)
        self.trips = 0

    async def run(self, function, *args):
        future = asyncio.get_running_loop().create_future()
        self.pending.append((function, args, future))
        if not self.running:
            self.running = True
            asyncio.ensure_future(self._work())
        return await future

    async def _work(self):
        try:
            while self.pending:
                calls, self.pending = self.pending[:BATCH], self.pending[BATCH:]
                self.trips += 1
                try:
                    results = await database_sync_to_async(_run_all)(calls)
                except Exception as error:
                    results = [(False, error)] * len(calls)
                for (_function, _args, future), (ok, value) in zip(
                    calls, results, strict=True
                ):
                    if future.done():
                        continue
                    if ok:
                        future.set_result(value)
                    else:
                        future.set_exception(value)
        finally:
            self.running = False


_batchers = {}


def batcher():
    loop = asyncio.get_running_loop()
    found = _batchers.get(loop)
    if found is None:
        for old in [other for other in _batchers if other.is_closed()]:
            del _batchers[old]
        found = _batchers[loop] = Batcher()
    return found


async def run(function, *args):
    """``function(*args)`` on the database thread, batched with the other
    connects' reads of this moment."""
    return await batcher().run(function, *args)
