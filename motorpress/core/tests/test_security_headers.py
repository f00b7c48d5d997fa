"""Security headers on every response, the admin's own CSP, HSTS in production, bad Hosts."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

from motorpress.newsroom.services import site_structure_ensure
from motorpress.newsroom.tests.factories import create_article

ARTICLE_URL = "/news/headers-story/"
PUBLIC_URLS = [
    pytest.param("/", id="home"),
    pytest.param(ARTICLE_URL, id="article"),
    pytest.param("/api/v1/articles", id="api"),
    pytest.param("/feeds/latest.rss", id="feed"),
    pytest.param("/no-such-page/", id="404"),
]


@pytest.fixture
def story(db):
    site = site_structure_ensure()
    return create_article(site.sections["news"], title="Headers story", slug="headers-story")


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_public_response_carries_the_security_headers(client, story, url):
    response = client.get(url)
    assert response.status_code == (404 if url == "/no-such-page/" else 200)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_public_pages_send_the_same_policy_to_every_reader(client, story):
    """Cached pages are shared, so a per-reader nonce in the policy would break them."""
    first = client.get(ARTICLE_URL)["Content-Security-Policy"]
    second = client.get(ARTICLE_URL)["Content-Security-Policy"]
    assert first == second
    assert "nonce-" not in first
    assert "unsafe-inline" not in first


def test_admin_gets_its_own_policy_that_allows_framing_by_itself(client, story):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"  # preview views alone relax this


def test_a_page_rendered_as_an_admin_preview_carries_the_admin_policy(client, story, admin_user):
    """Wagtail runs previews through the middleware as a request for the page's public URL; the
    admin frames the result, so it must not carry the public frame-ancestors 'none'."""
    client.force_login(admin_user)
    revision = story.latest_revision
    response = client.get(f"/admin/pages/{story.pk}/revisions/{revision.pk}/view/")
    assert response.status_code == 200
    assert b"Headers story" in response.content
    assert csp_directives(response)["frame-ancestors"] == ["'self'"]


@override_settings(
    SECURE_HSTS_SECONDS=31_536_000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SECURE_SSL_REDIRECT=True
)
def test_hsts_is_sent_over_https_with_the_production_values(client, story):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert client.get("/").status_code == 301  # plain http is sent to https


def test_production_settings_turn_on_hsts_secure_cookies_and_the_ssl_redirect():
    """Built in a fresh interpreter: production settings refuse to load without their env."""
    script = (
        "import json; from motorpress.settings import production as s; "
        "print(json.dumps([s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.CONTENT_SECURITY_POLICY['DIRECTIVES']['script-src'], s.DEBUG]))"
    )
    env = {
        **os.environ,
        "SECRET_KEY": "x" * 64,
        "ALLOWED_HOSTS": "news.example.com",
        "DJANGO_SETTINGS_MODULE": "motorpress.settings.production",
    }
    for name in ("SECURE_HSTS_SECONDS", "SECURE_SSL_REDIRECT", "SECURE_COOKIES", "DEBUG"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    hsts, subdomains, redirect, session_secure, csrf_secure, script_src, debug = json.loads(
        result.stdout
    )
    assert hsts >= 31_536_000
    assert subdomains
    assert redirect
    assert session_secure
    assert csrf_secure
    assert script_src == ["'self'"]
    assert debug is False


@override_settings(ALLOWED_HOSTS=["news.example.com"])
@pytest.mark.parametrize("url", [p.values[0] for p in PUBLIC_URLS if p.id != "404"])
def test_a_request_for_another_host_is_refused_with_400(client, story, url):
    """Also proves CachedSiteMiddleware, which reads the host first, does not turn it into 500."""
    assert client.get(url, headers={"host": "news.example.com"}).status_code == 200
    response = client.get(url, headers={"host": "attacker.example"})
    assert response.status_code == 400
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_page_served_from_the_page_cache_carries_the_same_policy(client, story, settings):
    # The policy is stored with the page (its middleware runs inside the page cache).
    settings.PAGE_CACHE = {"ENABLED": True, "TIMEOUT": 600}
    first = client.get(ARTICLE_URL)
    second = client.get(ARTICLE_URL)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert csp_directives(second) == csp_directives(first)
    assert csp_directives(second)["frame-ancestors"] == ["'none'"]
