"""Security settings for every environment: headers, CSP, hashing, login throttling, uploads.

Imported at the very end of base.py, so base's lists (MIDDLEWARE, INSTALLED_APPS) already exist
and are extended here in place; production.py adds only what needs TLS (HSTS, secure cookies).
"""

from datetime import timedelta

from csp.constants import NONE, SELF

from .base import INSTALLED_APPS, MEDIA_URL, MIDDLEWARE, env

# --- Response headers -------------------------------------------------------------------------
# SecurityMiddleware sends these on every response, static files and errors included.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No page of ours may be framed by anyone; Wagtail's preview view overrides this with SAMEORIGIN
# for its own in-admin iframe (wagtail.utils.decorators.xframe_options_sameorigin_override).
X_FRAME_OPTIONS = "DENY"

# --- Content-Security-Policy (django-csp 4) ---------------------------------------------------
# Public pages run no script of their own and no inline style, so scripts and styles come from
# our origin only. JSON-LD blocks are data, which CSP does not govern. No nonces: public pages
# are cached whole and shared between readers, so a per-request nonce would be wrong for every
# reader but the first (motorpress.core.csp drops any nonce outside the admin).
# Embedded videos (the article EmbedBlock) are the only third-party frames we allow.
CSP_EMBED_FRAME_SOURCES = env.list(
    "CSP_EMBED_FRAME_SOURCES",
    default=[
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ],
)
# Media may live on object storage or a CDN in production (MEDIA_DOMAIN, see production.py):
# its origin is allowed for images and video; CSP_MEDIA_ORIGINS adds others, e.g. a bucket URL.
_MEDIA_ORIGIN = env.list("CSP_MEDIA_ORIGINS", default=[])
if MEDIA_URL.startswith(("https://", "http://")):
    _MEDIA_ORIGIN.append(MEDIA_URL)
if _media_domain := env.str("MEDIA_DOMAIN", default=""):
    _MEDIA_ORIGIN.append(f"https://{_media_domain}")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_MEDIA_ORIGIN],
        "media-src": [SELF, *_MEDIA_ORIGIN],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": CSP_EMBED_FRAME_SOURCES,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin (and the page previews it shows in an iframe) is served under this prefix and
# gets the policy below instead: motorpress.core.csp.PathPolicyCSPMiddleware chooses by path. A
# middleware rather than per-view decorators because the admin's views are Wagtail's, not ours.
# The admin needs inline scripts (inline panels, date pickers) and inline styles, and its
# templates carry no nonces; it is reachable only by signed-in staff, is never cached, and the
# rich text it renders is sanitised on the way in, so 'unsafe-inline' there is an accepted cost.
CSP_ADMIN_PATH_PREFIX = "/admin/"
CSP_ADMIN_DIRECTIVES = {
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", "blob:", *_MEDIA_ORIGIN],
    "frame-src": [SELF, *CSP_EMBED_FRAME_SOURCES],
    # The preview panel frames admin preview URLs from the admin itself.
    "frame-ancestors": [SELF],
}
# Inside the anonymous page cache: a public page's policy is the same for every reader (no
# nonce), so it is stored with the page and replayed on a hit instead of being rebuilt for
# each request (django-csp's build costs about a third of a cached hit). Static files, which
# whitenoise answers further out, carry no policy; they are not documents.
MIDDLEWARE.insert(
    MIDDLEWARE.index("motorpress.core.page_cache.AnonymousPageCacheMiddleware") + 1,
    "motorpress.core.csp.PathPolicyCSPMiddleware",
)
INSTALLED_APPS.append("csp")
# Wagtail would fetch editors' avatars from gravatar.com and poll releases.wagtail.org from
# editors' browsers: third parties learning who edits, and requests our CSP blocks anyway.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Passwords --------------------------------------------------------------------------------
# Argon2 for new hashes; the others stay so older hashes still verify and are upgraded on login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# --- Login throttling (django-axes) -----------------------------------------------------------
# Five wrong passwords for one username from one IP lock that pair out for 15 minutes. Locking
# by the combination, not by username alone, keeps an attacker from locking a real editor out
# from everywhere just by knowing the name; not by IP alone, so a newsroom behind one office
# NAT is not locked out by one colleague's typos.
INSTALLED_APPS.append("axes")
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first, so a locked-out pair never reaches the check
    "django.contrib.auth.backends.ModelBackend",
]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last, as django-axes requires
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_COOLOFF_MESSAGE = "Too many failed sign-in attempts. Please wait 15 minutes and try again."
# Behind a reverse proxy REMOTE_ADDR is the proxy; set AXES_PROXY_COUNT to the number of proxies
# in front of the app so the client address is read from X-Forwarded-For, which a client cannot
# spoof past a proxy that appends to it.
AXES_IPWARE_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=None)
if AXES_IPWARE_PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")

# --- Uploads ----------------------------------------------------------------------------------
# Wagtail refuses larger images with a form error, before any rendition is made.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
# No SVG: it is a document that can carry script, not a picture.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# No HTML, SVG, XHTML or JS: anything a browser would run if it were ever served inline.
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "csv",
    "txt",
    "rtf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "odp",
    "zip",
]
# Every document is served as a download (Content-Disposition: attachment, with nosniff).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
# Request bodies other than files: big enough for a long StreamField article, not for abuse.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Wagtail's page editor posts one field per block property; long articles pass Django's 1,000.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Files above this go to a temporary file on disk instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
