# The two commands: `make run` and `make test` (plus lint, bench, db). Everything they need is
# installed here from requirements*.txt, so a fresh machine with Python 3.11+ and make suffices.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PYTHONPATH := $(CURDIR)
DB := $(or $(BUURTMONITOR_DB),var/buurtmonitor.duckdb)
# The database is rebuilt when any of its inputs is newer than it.
DB_INPUTS := $(shell find sample_data data_loaders -type f \( -name '*.csv' -o -name '*.json' -o -name '*.geojson' -o -name '*.topojson' -o -name '*.toml' -o -name '*.sql' -o -name '*.py' -o -name '*.xlsx' \) 2>/dev/null)

.PHONY: run test lint bench db browser clean

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(DB): $(VENV)/.runtime $(DB_INPUTS)
	@mkdir -p $(dir $(DB))
	$(BIN)/python -m data_loaders build-demo --db $(DB)

db: $(DB)

run: $(DB)
	BUURTMONITOR_DB=$(abspath $(DB)) $(BIN)/python -m dashboard.serve \
		--server.port 8501 --server.headless true --browser.gatherUsageStats false

# Browser tests drive the system Chromium; install it when it is missing (Debian, as root).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Chromium ontbreekt: installeren met apt-get"; \
			{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
				|| echo "Let op: chromium kon niet worden geïnstalleerd; de browsertests worden overgeslagen."; \
		else echo "Let op: chromium ontbreekt; de browsertests (e2e) worden overgeslagen."; fi; }

# Everything but the browser tests on two workers (the page walks are CPU-bound AppTest runs),
# then the browser tests on their own: they time real page loads and share one app server.
test: $(VENV)/.dev browser
	$(BIN)/python -m pytest -n 2 -m "not e2e"
	$(BIN)/python -m pytest -m e2e

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(VENV)/.dev
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var
