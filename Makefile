# Nikrah: `make run` serves the site with Persian demo content; `make test` runs lint and tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po locale-wagtail/*/LC_MESSAGES/*.po))

.PHONY: run worker test install messages migrate signing-key demo lint format check clean \
	bench-search

run: install messages migrate signing-key demo
	@trap 'kill 0' INT TERM EXIT; \
	$(BIN)/python manage.py db_worker --no-reload & \
	$(BIN)/python manage.py runserver $(HOST):$(PORT) & \
	$(BIN)/python manage.py demo_banner http://$(HOST):$(PORT)/ & \
	wait

# The background task worker alone (e-mails, Wagtail's reference index).
worker: migrate
	$(BIN)/python manage.py db_worker

# In parallel, one process per core; the coverage report closes the output.
test: install messages lint
	$(BIN)/python -m pytest -n auto --dist loadgroup --cov --cov-report=term $(PYTEST_ARGS)

# Search over 50,000 pages, on PostgreSQL, in a database of its own (README, "Search").
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/nikrah_bench
bench-search: install messages signing-key
	$(BIN)/python -c "$$CREATE_DATABASE" "$(BENCH_DATABASE_URL)"
	DATABASE_URL="$(BENCH_DATABASE_URL)" $(BIN)/python manage.py migrate --no-input -v0
	DATABASE_URL="$(BENCH_DATABASE_URL)" $(BIN)/python manage.py load_demo
	DATABASE_URL="$(BENCH_DATABASE_URL)" $(BIN)/python manage.py bench_search

define CREATE_DATABASE
import sys, psycopg
from urllib.parse import urlsplit
url = urlsplit(sys.argv[1])
name = url.path.strip("/")
with psycopg.connect(url._replace(path="/postgres").geturl(), autocommit=True) as server:
    if not server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        server.execute(f'CREATE DATABASE "{name}"')
endef
export CREATE_DATABASE

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
		echo "Could not create $(VENV). On Debian: apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

# Interface translations are compiled from locale*/*/LC_MESSAGES/*.po with Babel, so that
# no system gettext is needed. locale-wagtail/ completes the Wagtail admin's Persian.
messages: install $(MO_FILES)

%.mo: %.po
	$(BIN)/pybabel compile --statistics -i $< -o $@

migrate: install messages
	@mkdir -p var
	$(BIN)/python manage.py migrate --no-input

# Certificates are signed with NIKRAH_SIGNING_KEY; without one, a demo key is made once in
# var/signing-key (read by the development settings). Never use it in production.
signing-key: install
	@mkdir -p var
	@if [ -z "$$NIKRAH_SIGNING_KEY" ] && [ ! -s var/signing-key ]; then \
		umask 077 && $(BIN)/python manage.py generate_signing_key > var/signing-key && \
		echo "A demo key for signing certificates was written to var/signing-key."; \
	fi

demo: migrate
	$(BIN)/python manage.py load_demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refresh the Persian catalogue after changing strings (needs GNU gettext's xgettext).
makemessages: install
	$(BIN)/python manage.py makemessages --locale fa --ignore ".venv/*" --ignore "var/*" --no-obsolete --no-location

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
