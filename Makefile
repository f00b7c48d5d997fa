# motorpress: `make demo` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
PORT ?= 8000
# Use uv from PATH, or bootstrap a private copy into .tools/ with pip.
UV := $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)
RUN := $(UV) run --frozen
DEMO := DJANGO_SETTINGS_MODULE=motorpress.settings.demo

.PHONY: demo test lint fix check deploy-check migrations-check test-sqlite test-postgres bench bench-render lighthouse install clean

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv

# Also compiles the translations (.po -> .mo, with Babel): .mo files are build output.
install: $(UV)
	$(UV) sync --frozen
	DJANGO_SETTINGS_MODULE=motorpress.settings.test $(RUN) python manage.py compile_translations

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

# Django's deployment checklist against the production settings, with a throwaway key made here.
deploy-check: install
	SECRET_KEY="$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	ALLOWED_HOSTS=news.example.com DJANGO_SETTINGS_MODULE=motorpress.settings.production \
	$(RUN) python manage.py check --deploy --fail-level WARNING

test: lint check
	$(RUN) bash scripts/test.sh

# A large generated site (10,000 stories, 500 models; ARGS="--articles 1000000" for more) under
# gunicorn and nginx; see docs/benchmarks.md. bench-render: in-process times on the demo content.
bench: install
	$(RUN) python benchmarks/bench_site.py $(ARGS)

bench-render: install
	$(DEMO) $(RUN) python manage.py collectstatic --noinput --verbosity 0
	$(RUN) python benchmarks/render_times.py

# Lighthouse (mobile) on the demo's page types (the vehicle page also with its on-road
# breakdown), in its own database and media so it never disturbs `make demo`; fails below 0.95
# in any category. Not part of `make test` (slow).
LIGHTHOUSE_ENV := $(DEMO) DATABASE_URL=sqlite:///$(CURDIR)/var/lighthouse.sqlite3 MEDIA_ROOT=$(CURDIR)/var/lighthouse-media
lighthouse: install
	npm ci --ignore-scripts --no-audit --no-fund
	rm -f var/lighthouse.sqlite3 var/lighthouse.sqlite3-*
	$(LIGHTHOUSE_ENV) $(RUN) python manage.py migrate --noinput --verbosity 0
	$(LIGHTHOUSE_ENV) $(RUN) python manage.py collectstatic --noinput --verbosity 0
	$(LIGHTHOUSE_ENV) $(RUN) python manage.py load_demo_content --no-admin
	$(LIGHTHOUSE_ENV) CHROME_PATH=/usr/bin/chromium $(RUN) python scripts/lighthouse.py

clean:
	rm -rf .venv .tools var db.sqlite3 db.sqlite3-* node_modules
