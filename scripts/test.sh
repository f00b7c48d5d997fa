#!/usr/bin/env bash
# The whole suite on SQLite (with the browser tests), then on PostgreSQL where it answers.
# With CI=true a PostgreSQL that does not answer is a failure, never a silent skip.
set -euo pipefail
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
pg_url="$TEST_DATABASE_URL"
# Two workers on two cores: each gets its own test database and Chromium.
workers=(-n "${PYTEST_WORKERS:-2}")

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
