"""`make bench`: production settings served over plain HTTP on loopback.

Production refuses to start without a secret and hosts; the benchmark supplies throwaway ones
and turns off the HTTPS redirect and secure-only cookies, which need TLS in front.
"""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only-key-never-used-beyond-loopback")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_COOKIES", "false")

from .production import *

# Hero images live in MEDIA_ROOT; nothing else serves them on a benchmark machine.
SERVE_MEDIA = True
