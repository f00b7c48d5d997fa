# motorpress: `make demo` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
PORT ?= 8000
# Use uv from PATH, or bootstrap a private copy into .tools/ with pip.
UV := $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)
RUN := $(UV) run --frozen
DEMO := DJANGO_SETTINGS_MODULE=motorpress.settings.demo

.PHONY: demo test lint fix check migrations-check test-sqlite test-postgres bench install clean

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv

install: $(UV)
	$(UV) sync --frozen

demo: install
	$(DEMO) $(RUN) python manage.py migrate --noinput
	$(DEMO) $(RUN) python manage.py collectstatic --noinput --verbosity 0
	$(DEMO) $(RUN) python manage.py load_demo_content
	$(DEMO) PORT=$(PORT) $(RUN) python manage.py serve_demo

lint: install
	$(RUN) ruff check .
	$(RUN) ruff format --check .

fix: install
	$(RUN) ruff check --fix .
	$(RUN) ruff format .

check: install
	DJANGO_SETTINGS_MODULE=motorpress.settings.test $(RUN) python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=motorpress.settings.test $(RUN) python manage.py makemigrations --check --dry-run

test: lint check
	$(RUN) bash scripts/test.sh

bench: install
	$(DEMO) $(RUN) python manage.py collectstatic --noinput --verbosity 0
	$(RUN) python benchmarks/render_times.py

clean:
	rm -rf .venv .tools var db.sqlite3 db.sqlite3-*
