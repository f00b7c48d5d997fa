"""Content-Security-Policy chosen by path: strict for readers, looser for the admin."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class PathPolicyCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's directives swapped in under its URL prefix.

    Public pages get settings.CONTENT_SECURITY_POLICY unchanged and never a nonce: they are
    cached whole and shared between readers, so a nonce would be stale for all but the first.
    Paths under settings.CSP_ADMIN_PATH_PREFIX (Wagtail's admin and the previews it frames) get
    settings.CSP_ADMIN_DIRECTIVES on top; a view's own @csp_replace still wins over both.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(settings.CSP_ADMIN_PATH_PREFIX) or _is_admin_preview(
            request
        ):
            parts.replace = {**settings.CSP_ADMIN_DIRECTIVES, **(parts.replace or {})}
        else:
            parts.nonce = None
        return parts


def _is_admin_preview(request) -> bool:
    """Wagtail renders a preview by running a dummy request for the page's public URL through
    the whole middleware chain; its response is then framed by the admin, so it must carry the
    admin's frame-ancestors, not the public 'none'. Only the admin builds dummy requests."""
    return getattr(request, "is_preview", False) or getattr(request, "is_dummy", False)
