# sitrep: `make demo` and `make test` are all the set-up a fresh machine needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip

.PHONY: demo test check lint types pytest bench bench-spark eval lock clean

$(BIN)/.runtime: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --require-hashes --no-deps -r requirements.lock
	$(PIP) install -q --no-deps --no-build-isolation -e .
	touch $@

$(BIN)/.dev: $(BIN)/.runtime requirements-dev.lock
	$(PIP) install -q --require-hashes --no-deps -r requirements-dev.lock
	touch $@

demo: $(BIN)/.runtime
	$(BIN)/sitrep demo

# Two pytest-xdist workers, each test file whole on one (its module fixtures built once); the slow, browser
# and spark tests run too (docs/benchmarks.md has the timings).
test: $(BIN)/.dev check
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

check: $(BIN)/.dev
	$(BIN)/ruff format --check sitrep tests scripts
	$(BIN)/ruff check sitrep tests scripts
	$(BIN)/mypy sitrep
	$(BIN)/lint-imports

eval: $(BIN)/.runtime
	$(BIN)/python scripts/eval_all.py

bench: $(BIN)/.runtime
	$(BIN)/python scripts/bench.py

# pyspark comes with the dev lock (the spark extra).
bench-spark: $(BIN)/.dev
	$(BIN)/python scripts/bench_spark.py

# Regenerate the hash-checked locks after changing dependencies in pyproject.toml.
lock:
	$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras -o requirements.lock pyproject.toml
	$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --extra dev --extra spark \
		-c requirements.lock -o requirements-dev.lock pyproject.toml

clean:
	rm -rf $(VENV) sitrep.duckdb sitrep.duckdb.lock .pytest_cache .mypy_cache .ruff_cache
