"""Local development: DEBUG on, a throwaway key."""

from .base import *

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")

SERVE_MEDIA = True
