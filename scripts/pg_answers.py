"""Exit 0 if the PostgreSQL server in argv[1] accepts a connection within 3 seconds."""

import sys

import psycopg

try:
    url = sys.argv[1].replace("postgres://", "postgresql://", 1)
    psycopg.connect(url, connect_timeout=3).close()
except Exception as exc:  # any failure means "does not answer"
    print(f"PostgreSQL check failed: {exc}", file=sys.stderr)
    sys.exit(1)
