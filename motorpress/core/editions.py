"""The site's editions: one per language in settings.LANGUAGES (English at /, Hindi at /hi/).

An edition is a Wagtail locale with its own page tree (home, sections, stories) under the same
Site; the catalogue, ledger and authors are shared. The active edition is the active Django
language, which EditionMiddleware sets from the URL prefix alone (never from Accept-Language or
a cookie), so one URL is always one page and caches need no Vary header.

Locale ids and edition home pages are read from the cache under the site generation (which
moves when a Locale, a Site or a home page changes), so routing and listings never spend a
query to find out which edition they are in.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

from motorpress.core.cache import cached_fragment, content_generation, site_generation


@dataclass(frozen=True)
class Edition:
    language_code: str  # as in settings.LANGUAGES, e.g. "en-gb", "hi"
    name: str  # the language's name in itself: "English", "हिन्दी"
    html_lang: str  # BCP 47 for lang="" and hreflang: "en-IN", "hi-IN"
    url_prefix: str  # "/" or "/hi/"

    @property
    def is_default(self) -> bool:
        return self.language_code == settings.LANGUAGE_CODE

    @property
    def short_code(self) -> str:
        """The two-letter language: feeds' <language>, news:language, the API's lang."""
        return self.language_code.split("-")[0]


def _html_lang(code: str) -> str:
    if code in getattr(settings, "EDITION_HTML_LANG", {}):
        return settings.EDITION_HTML_LANG[code]
    language, _, region = code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def all_editions() -> list[Edition]:
    return [
        Edition(
            language_code=code,
            name=name,
            html_lang=_html_lang(code),
            url_prefix="/" if code == settings.LANGUAGE_CODE else f"/{code}/",
        )
        for code, name in settings.LANGUAGES
    ]


def edition_for(language_code: str | None) -> Edition:
    """The edition of a language code ("hi", "en-gb", "en"); the default one when unknown."""
    editions = all_editions()
    for edition in editions:
        if language_code in (edition.language_code, edition.short_code):
            return edition
    return next(edition for edition in editions if edition.is_default)


def active_edition() -> Edition:
    return edition_for(translation.get_language())


def _locale_ids() -> dict[str, int]:
    from wagtail.models import Locale

    return dict(Locale.objects.values_list("language_code", "id"))


def locale_ids() -> dict[str, int]:
    """{language_code: Locale id}; cached under the site generation."""
    return cached_fragment(f"motorpress:locales:{site_generation()}", _locale_ids) or {}


def _live_codes() -> list[str]:
    from wagtail.models import Page

    # Site roots (home pages) sit at depth 2, under Wagtail's tree root.
    return sorted(
        set(Page.objects.filter(depth=2, live=True).values_list("locale__language_code", flat=True))
    )


def live_editions() -> list[Edition]:
    """Editions with a live home page, i.e. that readers can visit; cached like locale_ids."""
    codes = cached_fragment(f"motorpress:live-editions:{site_generation()}", _live_codes) or []
    return [edition for edition in all_editions() if edition.language_code in codes]


def locale_id(language_code: str | None = None) -> int | None:
    """The Locale id of an edition (the active one by default); None if it has no locale yet."""
    edition = edition_for(language_code or translation.get_language())
    return locale_ids().get(edition.language_code)


def language_of_locale(locale_pk: int) -> str:
    """The language code of a Locale id (no query); the default language if unknown."""
    for code, pk in locale_ids().items():
        if pk == locale_pk:
            return code
    return settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Alternate:
    """The same page in an edition: a hreflang link and the language switcher's target."""

    edition: Edition
    url: str


def page_alternates(page, request) -> list[Alternate]:
    """The live, public versions of a Wagtail page in every edition, itself included. A
    translation that is unpublished, restricted or deleted is simply not listed.

    Cached under the content generation (publishing, unpublishing and restriction changes
    move it on) and the site generation (editions, their home pages): a home or section
    page asks on every request, and the lookup costs two queries."""
    if not getattr(page, "pk", None):
        return []
    return cached_fragment(
        f"motorpress:alternates:{content_generation()}:{site_generation()}:{page.pk}:"
        f"{request.scheme}:{request.get_host()}",
        lambda: _page_alternates(page, request),
    )


def _page_alternates(page, request) -> list[Alternate]:
    translations = page.get_translations(inclusive=True).live().public().only("url_path", "locale")
    live = {edition.language_code for edition in live_editions()}
    alternates = []
    for translation_page in translations:
        language = language_of_locale(translation_page.locale_id)
        url = translation_page.get_url(request) if language in live else None
        if url:
            url = request.build_absolute_uri(url)
            alternates.append(Alternate(edition=edition_for(language), url=url))
    return _ordered(alternates) if len(alternates) > 1 else []


def path_alternates(request) -> list[Alternate]:
    """For routes outside the page tree (/latest/, /vehicles/…), which every edition has: the
    same path under each edition's prefix, without the query string (no query). A Wagtail
    page lists its translations instead (page_alternates): its path may not exist elsewhere."""
    if getattr(request, "_wagtail_route_for_request", None):
        return []
    current = active_edition()
    path = request.path
    if not current.is_default:
        path = "/" + path[len(current.url_prefix) :]
    origin = f"{request.scheme}://{request.get_host()}"
    alternates = [
        Alternate(edition=edition, url=f"{origin}{edition.url_prefix}{path[1:]}")
        for edition in live_editions()
    ]
    return alternates if len(alternates) > 1 else []


def _ordered(alternates: list[Alternate]) -> list[Alternate]:
    order = [edition.language_code for edition in all_editions()]
    return sorted(alternates, key=lambda a: order.index(a.edition.language_code))


def edition_homes(request) -> list[Alternate]:
    """Each edition's front page: where the language switcher goes when a page has no
    translation (no query)."""
    origin = f"{request.scheme}://{request.get_host()}"
    return [Alternate(edition=e, url=f"{origin}{e.url_prefix}") for e in live_editions()]


def edition_home(request):
    """The active edition's home page on the request's site (no query: the site and the
    edition's home are cached); 404 when the edition has none."""
    from django.http import Http404
    from wagtail.models import Site

    site = Site.find_for_request(request)
    home = site.root_page.specific.localized if site else None
    if home is None or home.locale_id != locale_id():
        raise Http404("This edition has no home page on this site.")
    return home


def paths_in_every_edition(build) -> list[str]:
    """build()'s URL paths as each live edition has them (reverse() follows the active
    language: /vehicles/x/ and /hi/vehicles/x/), without repeats (the API has one address)."""
    paths: list[str] = []
    for edition in live_editions() or [edition_for(None)]:
        with translation.override(edition.language_code):
            paths += build()
    return list(dict.fromkeys(paths))
