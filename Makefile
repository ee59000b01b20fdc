# Two commands for a newcomer: `make run` and `make test`. Only python3 ≥ 3.11 needed.
# .venv is made with the newest Python found (scripts/newest-python): from 3.12 on,
# coverage measures with sys.monitoring and `make test` takes about half the time.
PYTHON ?= $(shell scripts/newest-python)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run dev seed test test-sqlite test-postgres lint format install lock clean messages

install: $(STAMP)

# Install exactly what CI tested: the project, constrained by the committed lock.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements.lock -e ".[test]"
	touch $(STAMP)

# The embedded default, production-grade: DEBUG off, static files collected (hashed
# names, gzip) and served by WhiteNoise; on loopback no HTTPS redirect and no
# Secure-only cookies (config/settings.py, LOOPBACK_ONLY).
# The background worker (`db_worker`: email, notifications) runs beside daphne and
# is stopped with it; tasks enqueued while it is down wait in the database.
WORKER = $(BIN)/python manage.py db_worker --backend queue --no-reload --verbosity 0
# schedule_digests: the daily and weekly digest tasks wait for their next
# boundary (they then enqueue themselves again; README, Notifications).
run: seed
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py schedule_digests --verbosity 0
	$(BIN)/python manage.py personal_data_care --schedule  # the nightly retention task
	# saves left queued for the search index by a worker stopped mid-task (search/README.md)
	$(BIN)/python manage.py index_queue --enqueue --verbosity 0
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/quan-tri/)"
	$(WORKER) & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/daphne -b $(HOST) -p $(PORT) config.asgi:application

# For development: DEBUG on (tracebacks, source static files, no collectstatic).
dev: seed
	$(BIN)/python manage.py schedule_digests --verbosity 0
	$(BIN)/python manage.py index_queue --enqueue --verbosity 0
	@echo "Serving with DEBUG=true on http://$(HOST):$(PORT)/"
	DEBUG=true $(WORKER) & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=true $(BIN)/daphne -b $(HOST) -p $(PORT) config.asgi:application

seed: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	# the nightly open-data export queues itself; this queues the first night (api/tasks.py)
	$(BIN)/python manage.py opendata_schedule --verbosity 0

# The whole suite on SQLite, then again on a throwaway PostgreSQL cluster (with a
# throwaway Redis for the scaled-out channel layer). Under CI=true a missing
# PostgreSQL, Redis or Chromium fails the run instead of skipping.
# Both halves run under coverage: test-sqlite starts afresh and prints its figure,
# test-postgres adds its lines and prints the combined figure, which fail_under in
# pyproject.toml checks (the SQLite half alone does not run the PostgreSQL search
# backend, so its own figure is printed, not checked).
test: $(STAMP) test-sqlite test-postgres

# an older .venv is kept (it may be shared), with a hint
OLD_PYTHON_HINT = $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' || \
	echo "note: .venv runs Python 3.11, whose coverage tracer makes the suite about twice as slow; 'rm -rf .venv && make install' rebuilds it with $(PYTHON)" >&2

COVERAGE := $(BIN)/python -m coverage
COVERAGE_REPORT = s=$$?; $(COVERAGE) combine -q --append 2>/dev/null; \
	if [ -e .coverage ]; then $(COVERAGE) report $(1) || s=1; fi; exit $$s

test-sqlite: $(STAMP)
	@$(OLD_PYTHON_HINT)
	$(COVERAGE) erase
	env -u DATABASE_URL -u REDIS_URL $(COVERAGE) run -m pytest $(PYTEST_ARGS); \
	$(call COVERAGE_REPORT,--fail-under=0)

test-postgres: $(STAMP)
	scripts/with-postgres scripts/with-redis $(COVERAGE) run -m pytest $(PYTEST_ARGS); \
	$(call COVERAGE_REPORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $(TEMPLATE_DIRS)
	$(BIN)/lint-imports --no-cache

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $(TEMPLATE_DIRS)

# Refresh the lock after changing pyproject.toml (then commit requirements.lock).
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install -q -e ".[test]"
	.venv-lock/bin/pip freeze --exclude-editable | grep -v '^kdcdt' > requirements.lock
	rm -rf .venv-lock

# Rebuild the gettext catalogues (needs GNU gettext); compiled .mo files are committed.
TEMPLATE_DIRS := templates $(wildcard civic/*/templates content/templates realtime/templates search/templates api/templates)

# One catalogue for the whole site: makemessages writes every app's strings into the
# root locale/ (no app has a locale/ of its own; tests/core/test_layout_convention.py).
messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l vi -l en --ignore=.venv --ignore=var \
		--ignore=tests --ignore=bench
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) var
