"""Settings of the server ``bench/ballots.py`` starts: the project's own settings
(middleware, sessions, database, ``DEBUG`` off), with one more address for the
baseline (``bench/ballots_urls.py``). Nothing else differs."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.ballots_urls"
