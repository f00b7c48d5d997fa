#!/usr/bin/env bash
# The whole suite on SQLite (with the browser tests), then on PostgreSQL where it answers.
# With CI=true a PostgreSQL that does not answer is a failure, never a silent skip.
set -euo pipefail
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
pg_url="$TEST_DATABASE_URL"
# Two workers on two cores: each gets its own test database and Chromium.
workers=(-n "${PYTEST_WORKERS:-2}")

# The Nu HTML Checker (motorpress/core/tests/test_valid_html.py) is vnu.jar from the npm package
# vnu-jar, run with Java. --ignore-scripts: its install script would download a Java runtime.
if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "== npm ci (for vnu-jar) =="
    npm ci --ignore-scripts --no-audit --no-fund
  else
    echo "*** NOTICE: npm not found: the HTML validity test will be skipped (CI=true fails it). ***"
  fi
fi

echo "== suite on SQLite (with browser tests) =="
TEST_DATABASE_URL= pytest "${workers[@]}" "$@"

if python scripts/pg_answers.py "$pg_url"; then
  echo "== suite on PostgreSQL =="
  pytest "${workers[@]}" -m "not browser" "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL does not answer at $pg_url and CI=true: failing." >&2
  exit 1
else
  echo
  echo "*** NOTICE: PostgreSQL does not answer at $pg_url: the PostgreSQL run was SKIPPED. ***"
  echo "*** Start it or set TEST_DATABASE_URL to run the suite on PostgreSQL too.          ***"
fi
