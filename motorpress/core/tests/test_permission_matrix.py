"""Who may see and do what: every resource by every role, each cell an explicit expectation.

The newsroom has a live story, a contributor's draft (never published, two revisions), another
writer's draft, and a story under a login-restricted section ("Insider"). Four people look at
it: nobody logged in, a contributor, an editor (groups from core.roles) and a superuser.

Cells (the observed answer, written the way `_observe` reports it):
  200      the page is served
  login    302 to a login page whose `next` brings the reader back
  denied   302 to the admin dashboard with Wagtail's "no permission" message
  403/404  that status code
  302      any other redirect (an admin action that succeeded and moved on)
  +T / -T  appended where the row watches a story: its title (or, in sitemaps and search
           results, its slug) is in the body / is not
  live / draft   appended on action rows: the story's state in the database afterwards

A cell that differs fails naming its row and column. A cell whose current behaviour is a
security bug holds the secure value and is listed in KNOWN_BUGS (strict xfail).
"""

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from motorpress.catalogue.models import VehicleModel
from motorpress.catalogue.tests.factories import MakeFactory, VehicleModelFactory
from motorpress.core.roles import ensure_roles
from motorpress.ledger.models import Claim
from motorpress.ledger.tests.factories import ClaimFactory
from motorpress.newsroom.models import ArticlePage, Author, HomePage, SectionPage
from motorpress.newsroom.services import article_create, site_structure_ensure
from motorpress.newsroom.tests.factories import AuthorFactory

COLUMNS = ("anonymous", "contributor", "editor", "admin")

# fmt: off
MATRIX = {
    # resource                             anonymous      contributor    editor       admin
    # --- stories on the public site --------------------------------------------------------
    "live story page":                     ("200 +T",      "200 +T",      "200 +T",    "200 +T"),
    "draft at its public URL":             ("404 -T",      "404 -T",      "404 -T",    "404 -T"),
    "private story page":                  ("login -T",    "200 +T",      "200 +T",    "200 +T"),
    # Section listings show public stories only, so even staff see an empty Insider list.
    "private section page":                ("login -T",    "200 -T",      "200 -T",    "200 -T"),
    "private page after staff read it":    ("login -T",    "200 +T",      "200 +T",    "200 +T"),
    # --- the draft in the admin (the contributor wrote it) ---------------------------------
    "draft: edit view":                    ("login -T",    "200 +T",      "200 +T",    "200 +T"),
    "draft: preview (edit/preview/)":      ("login -T",    "200 +T",      "200 +T",    "200 +T"),
    "draft: view_draft":                   ("login -T",    "200 +T",      "200 +T",    "200 +T"),
    "draft: history (revisions list)":     ("login",       "200",         "200",       "200"),
    "draft: revision view":                ("login -T",    "200 +T",      "200 +T",    "200 +T"),
    "draft: revisions compare":            ("login",       "200",         "200",       "200"),
    "other writer's draft: edit view":     ("login -T",    "denied -T",   "200 +T",    "200 +T"),
    "other writer's draft: view_draft":    ("login -T",    "denied -T",   "200 +T",    "200 +T"),
    # --- admin actions ----------------------------------------------------------------------
    "publish draft: edit form POST":       ("login draft", "302 draft",   "302 live",  "302 live"),
    "publish draft: bulk action POST":     ("login draft", "302 draft",   "302 live",  "302 live"),
    "unpublish live story: POST":          ("login live",  "denied live", "302 draft", "302 draft"),
    "admin dashboard":                     ("login",       "200",         "200",       "200"),
    "page explorer (news section)":        ("login",       "200",         "200",       "200"),
    "add-page form (news section)":        ("login",       "200",         "200",       "200"),
    "Author snippet edit":                 ("login",       "denied",      "200",       "200"),
    "VehicleModel snippet edit":           ("login",       "denied",      "200",       "200"),
    "Claim snippet edit":                  ("login",       "denied",      "200",       "200"),
    "image upload form":                   ("login",       "200",         "200",       "200"),
    "users admin":                         ("login",       "denied",      "denied",    "200"),
    "groups admin":                        ("login",       "denied",      "denied",    "200"),
    "sites settings admin":                ("login",       "denied",      "denied",    "200"),
    "Django admin (not mounted)":          ("404",         "404",         "404",       "404"),
    # --- listings, feeds, search, sitemaps, API: public outputs, the same for everyone -----
    "draft in /latest/":                   ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "draft in /feeds/latest.rss":          ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "draft in search":                     ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "draft in /sitemap-articles.xml":      ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "draft in /news-sitemap.xml":          ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "draft in API list":                   ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "draft in API detail":                 ("404 -T",      "404 -T",      "404 -T",    "404 -T"),
    "private story in /latest/":           ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "private story in latest.rss":         ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "private section's feed":              ("404 -T",      "404 -T",      "404 -T",    "404 -T"),
    "private story in search":             ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "private story in sitemap-articles":   ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "private section in sitemap-sections": ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "private story in /news-sitemap.xml":  ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "private story in API list":           ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "private story in API detail":         ("404 -T",      "404 -T",      "404 -T",    "404 -T"),
    # --- controls: the same outputs do list the live story, so an absent title means hidden
    "control: live story in /latest/":     ("200 +T",      "200 +T",      "200 +T",    "200 +T"),
    "control: live story in latest.rss":   ("200 +T",      "200 +T",      "200 +T",    "200 +T"),
    "control: live story in search":       ("200 +T",      "200 +T",      "200 +T",    "200 +T"),
    "control: live in sitemap-articles":   ("200 +T",      "200 +T",      "200 +T",    "200 +T"),
    "control: live in /news-sitemap.xml":  ("200 +T",      "200 +T",      "200 +T",    "200 +T"),
    "control: live story in API list":     ("200 +T",      "200 +T",      "200 +T",    "200 +T"),
    # --- other pages that list stories -----------------------------------------------------
    "home page: draft":                    ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "home page: private story":            ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "author page: draft":                  ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "author page: private story":          ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "author feed: private story":          ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "vehicle page: draft":                 ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "vehicle page: private story":         ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "make feed: private story":            ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "tracker: draft as source":            ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "tracker: private story as source":    ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "API claims: draft source's URL":      ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "API claims: private source's URL":    ("200 -T",      "200 -T",      "200 -T",    "200 -T"),
    "control: live story on vehicle page": ("200 +T",      "200 +T",      "200 +T",    "200 +T"),
    "control: live story on tracker":      ("200 +T",      "200 +T",      "200 +T",    "200 +T"),
    "control: live story on author page":  ("200 +T",      "200 +T",      "200 +T",    "200 +T"),
    "control: live story in API detail":   ("200 +T",      "200 +T",      "200 +T",    "200 +T"),
}
# fmt: on

# Cells whose secure value is not yet met (strict xfail); empty since the tracker fix.
KNOWN_BUGS: dict[tuple[str, str], str] = {}

LIVE_TITLE = "Matrix live story about the Tata Curvv"
DRAFT_TITLE = "Matrix embargoed draft about the Mahindra BE 6"
OTHER_DRAFT_TITLE = "Matrix second draft about the Ather Rizta"
PRIVATE_TITLE = "Matrix insider story about the Hyundai Creta"
PREVIEW_TITLE = "Matrix previewed headline for the Mahindra BE 6"
# Sitemaps list addresses, not titles: they are watched for the slug.
LIVE_SLUG = slugify(LIVE_TITLE)
DRAFT_SLUG = slugify(DRAFT_TITLE)
PRIVATE_SLUG = slugify(PRIVATE_TITLE)


@dataclass
class World:
    home: HomePage
    news: SectionPage
    insider: SectionPage
    live: ArticlePage
    draft: ArticlePage
    other_draft: ArticlePage
    private: ArticlePage
    author: Author
    revisions: tuple[int, int]
    users: dict
    vehicle: VehicleModel
    claim: Claim


def _story(section, title, *, author, vehicle=None, publish=True):
    """A story about `vehicle` (and its make), dated within the last two days so the Google
    News sitemap would list it if it were public."""
    return article_create(
        section=section,
        title=title,
        slug=slugify(title),
        kind="news",
        teaser=f"Teaser for {title}.",
        highlights=["A highlight.", "Another."],
        body=[{"type": "paragraph", "value": "<p>Body words for the matrix.</p>"}],
        authors=[author],
        vehicles=[vehicle] if vehicle else [],
        makes=[vehicle.make] if vehicle else [],
        first_published_at=timezone.now() - timedelta(hours=1),
        publish=publish,
    )


def _build_world() -> World:
    structure = site_structure_ensure()
    ensure_roles()
    User = get_user_model()
    users = {"anonymous": None}
    for name in ("contributor", "editor"):
        user = User.objects.create_user(name, f"{name}@example.com", "pw")
        user.groups.add(Group.objects.get(name=f"{name.title()}s"))
        users[name] = user
    users["admin"] = User.objects.create_superuser("admin", "admin@example.com", "pw")

    news = structure.sections["news"]
    author = AuthorFactory(name="Matrix Writer")
    vehicle = VehicleModelFactory(name="Matrix Roadster", make=MakeFactory(name="Matrixmotors"))
    live = _story(news, LIVE_TITLE, author=author, vehicle=vehicle)
    draft = _story(news, DRAFT_TITLE, author=author, vehicle=vehicle, publish=False)
    draft.owner = users["contributor"]
    draft.save(update_fields=["owner"])
    first = draft.latest_revision
    draft.teaser = "A second revision of the teaser."
    second = draft.save_revision(user=users["contributor"])
    other_draft = _story(news, OTHER_DRAFT_TITLE, author=author, publish=False)
    other_draft.owner = users["editor"]
    other_draft.save(update_fields=["owner"])

    insider = structure.home.add_child(
        instance=SectionPage(title="Insider", slug="insider", intro="For staff only.")
    )
    PageViewRestriction.objects.create(page=insider, restriction_type=PageViewRestriction.LOGIN)
    private = _story(insider, PRIVATE_TITLE, author=author, vehicle=vehicle)
    # Claims cite stories as their source; the tracker must not name one readers cannot open.
    claims = [
        ClaimFactory(make=vehicle.make, statement=f"Matrix promise {number}", source_page=story)
        for number, story in enumerate((live, draft, private))
    ]
    return World(
        home=structure.home,
        news=news,
        insider=insider,
        live=live,
        draft=draft,
        other_draft=other_draft,
        private=private,
        author=author,
        revisions=(first.pk, second.pk),
        users=users,
        vehicle=vehicle,
        claim=claims[0],
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The newsroom, built once for the module's 260-odd cells.

    It lives in a transaction that is rolled back when the module ends; each cell's own test
    transaction (the `db` fixture) is a savepoint inside it, so what an action row changes is
    undone before the next cell runs.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_world()
        transaction.set_rollback(True)


def _edit_form(article: ArticlePage, *, action: str | None = None, title: str | None = None):
    """The edit form as Wagtail's page editor would post it, from the article's latest revision."""
    authors = list(article.article_authors.all())
    data = {
        "title": title or article.title,
        "slug": article.slug,
        "kind": article.kind,
        "teaser": article.teaser,
        "highlights": streamfield([("highlight", "A highlight."), ("highlight", "Another.")]),
        # Existing rows are posted with their ids, as the editor does, so they are kept.
        "article_authors": inline_formset(
            [{"id": item.pk, "author": item.author_id} for item in authors],
            initial=len(authors),
        ),
        "tests": inline_formset([]),
        "hero_image": "",
        "body": streamfield([("paragraph", rich_text("<p>Body words for the matrix.</p>"))]),
        "tags": "matrix",
        "first_published_at": "",
        "go_live_at": "",
        "expire_at": "",
    }
    if action:
        data[action] = action
    return nested_form_data(data)


def _is_live(page) -> bool:
    return ArticlePage.objects.get(pk=page.pk).live


# Each row: (how to request it, the text it watches or None, the page whose state it reports).
def _get(url):
    return lambda client, w: client.get(url(w))


def _preview(client, w):
    url = f"/admin/pages/{w.draft.pk}/edit/preview/"
    client.post(url, _edit_form(w.draft, title=PREVIEW_TITLE))
    return client.get(url)


def _after_staff_view(client, w):
    # An editor reads the private story first, so any shared cache has seen the page.
    staff = Client()
    staff.force_login(w.users["editor"])
    assert staff.get(w.private.url).status_code == 200
    return client.get(w.private.url)


def _post_publish(client, w):
    return client.post(
        f"/admin/pages/{w.draft.pk}/edit/", _edit_form(w.draft, action="action-publish")
    )


def _post_bulk_publish(client, w):
    return client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={w.draft.pk}", {"include_descendants": ""}
    )


def _post_unpublish(client, w):
    return client.post(f"/admin/pages/{w.live.pk}/unpublish/", {})


def _search(client, w):
    # Every matrix story has "Matrix" in its title; results link to stories by their slug.
    return client.get("/search/", {"q": "Matrix"})


ROWS = {
    "live story page": (_get(lambda w: w.live.url), LIVE_TITLE, None),
    "draft at its public URL": (_get(lambda w: "/news/" + w.draft.slug + "/"), DRAFT_TITLE, None),
    "private story page": (_get(lambda w: w.private.url), PRIVATE_TITLE, None),
    "private section page": (_get(lambda w: w.insider.url), PRIVATE_TITLE, None),
    "draft: edit view": (_get(lambda w: f"/admin/pages/{w.draft.pk}/edit/"), DRAFT_TITLE, None),
    "draft: preview (edit/preview/)": (_preview, PREVIEW_TITLE, None),
    "draft: view_draft": (
        _get(lambda w: f"/admin/pages/{w.draft.pk}/view_draft/"),
        DRAFT_TITLE,
        None,
    ),
    "draft: history (revisions list)": (
        _get(lambda w: f"/admin/pages/{w.draft.pk}/history/"),
        None,
        None,
    ),
    "draft: revision view": (
        _get(lambda w: f"/admin/pages/{w.draft.pk}/revisions/{w.revisions[0]}/view/"),
        DRAFT_TITLE,
        None,
    ),
    "draft: revisions compare": (
        _get(
            lambda w: (
                f"/admin/pages/{w.draft.pk}/revisions/compare/{w.revisions[0]}...{w.revisions[1]}/"
            )
        ),
        None,
        None,
    ),
    "other writer's draft: edit view": (
        _get(lambda w: f"/admin/pages/{w.other_draft.pk}/edit/"),
        OTHER_DRAFT_TITLE,
        None,
    ),
    "other writer's draft: view_draft": (
        _get(lambda w: f"/admin/pages/{w.other_draft.pk}/view_draft/"),
        OTHER_DRAFT_TITLE,
        None,
    ),
    "publish draft: edit form POST": (_post_publish, None, lambda w: w.draft),
    "publish draft: bulk action POST": (_post_bulk_publish, None, lambda w: w.draft),
    "unpublish live story: POST": (_post_unpublish, None, lambda w: w.live),
    "admin dashboard": (_get(lambda w: "/admin/"), None, None),
    "page explorer (news section)": (_get(lambda w: f"/admin/pages/{w.news.pk}/"), None, None),
    "add-page form (news section)": (
        _get(lambda w: f"/admin/pages/add/newsroom/articlepage/{w.news.pk}/"),
        None,
        None,
    ),
    "Author snippet edit": (
        _get(lambda w: f"/admin/snippets/newsroom/author/edit/{w.author.pk}/"),
        None,
        None,
    ),
    "VehicleModel snippet edit": (
        _get(lambda w: f"/admin/snippets/catalogue/vehiclemodel/edit/{w.vehicle.pk}/"),
        None,
        None,
    ),
    "Claim snippet edit": (
        _get(lambda w: f"/admin/snippets/ledger/claim/edit/{w.claim.pk}/"),
        None,
        None,
    ),
    "image upload form": (_get(lambda w: "/admin/images/multiple/add/"), None, None),
    "users admin": (_get(lambda w: "/admin/users/"), None, None),
    "groups admin": (_get(lambda w: "/admin/groups/"), None, None),
    "sites settings admin": (_get(lambda w: "/admin/sites/"), None, None),
    "Django admin (not mounted)": (_get(lambda w: "/django-admin/"), None, None),
    "draft in /latest/": (_get(lambda w: "/latest/"), DRAFT_TITLE, None),
    "draft in /feeds/latest.rss": (_get(lambda w: "/feeds/latest.rss"), DRAFT_TITLE, None),
    "draft in search": (_search, DRAFT_SLUG, None),
    "draft in /sitemap-articles.xml": (_get(lambda w: "/sitemap-articles.xml"), DRAFT_SLUG, None),
    "draft in /news-sitemap.xml": (_get(lambda w: "/news-sitemap.xml"), DRAFT_SLUG, None),
    "draft in API list": (_get(lambda w: "/api/v1/articles"), DRAFT_TITLE, None),
    "draft in API detail": (_get(lambda w: f"/api/v1/articles/{w.draft.pk}"), DRAFT_TITLE, None),
    "private story in /latest/": (_get(lambda w: "/latest/"), PRIVATE_TITLE, None),
    "private story in latest.rss": (
        _get(lambda w: "/feeds/latest.rss"),
        PRIVATE_TITLE,
        None,
    ),
    "private section's feed": (_get(lambda w: "/feeds/insider.rss"), PRIVATE_TITLE, None),
    "private story in search": (_search, PRIVATE_SLUG, None),
    "private story in sitemap-articles": (
        _get(lambda w: "/sitemap-articles.xml"),
        PRIVATE_SLUG,
        None,
    ),
    "private section in sitemap-sections": (
        _get(lambda w: "/sitemap-sections.xml"),
        "/insider/",
        None,
    ),
    "private story in /news-sitemap.xml": (_get(lambda w: "/news-sitemap.xml"), PRIVATE_SLUG, None),
    "private story in API list": (_get(lambda w: "/api/v1/articles"), PRIVATE_TITLE, None),
    "private story in API detail": (
        _get(lambda w: f"/api/v1/articles/{w.private.pk}"),
        PRIVATE_TITLE,
        None,
    ),
    "control: live story in /latest/": (_get(lambda w: "/latest/"), LIVE_TITLE, None),
    "control: live story in latest.rss": (
        _get(lambda w: "/feeds/latest.rss"),
        LIVE_TITLE,
        None,
    ),
    "control: live story in search": (_search, LIVE_SLUG, None),
    "control: live in sitemap-articles": (
        _get(lambda w: "/sitemap-articles.xml"),
        LIVE_SLUG,
        None,
    ),
    "control: live in /news-sitemap.xml": (
        _get(lambda w: "/news-sitemap.xml"),
        LIVE_SLUG,
        None,
    ),
    "control: live story in API list": (_get(lambda w: "/api/v1/articles"), LIVE_TITLE, None),
    "home page: draft": (_get(lambda w: "/"), DRAFT_TITLE, None),
    "home page: private story": (_get(lambda w: "/"), PRIVATE_TITLE, None),
    "author page: draft": (_get(lambda w: f"/authors/{w.author.slug}/"), DRAFT_TITLE, None),
    "author page: private story": (
        _get(lambda w: f"/authors/{w.author.slug}/"),
        PRIVATE_TITLE,
        None,
    ),
    "author feed: private story": (
        _get(lambda w: f"/feeds/authors/{w.author.slug}.rss"),
        PRIVATE_TITLE,
        None,
    ),
    "vehicle page: draft": (_get(lambda w: w.vehicle.get_absolute_url()), DRAFT_TITLE, None),
    "vehicle page: private story": (
        _get(lambda w: w.vehicle.get_absolute_url()),
        PRIVATE_TITLE,
        None,
    ),
    "make feed: private story": (
        _get(lambda w: f"/feeds/makes/{w.vehicle.make.slug}.rss"),
        PRIVATE_TITLE,
        None,
    ),
    "tracker: draft as source": (
        _get(lambda w: f"/tracker/{w.vehicle.make.slug}/"),
        DRAFT_TITLE,
        None,
    ),
    "tracker: private story as source": (
        _get(lambda w: f"/tracker/{w.vehicle.make.slug}/"),
        PRIVATE_TITLE,
        None,
    ),
    "API claims: draft source's URL": (_get(lambda w: "/api/v1/claims"), DRAFT_SLUG, None),
    "API claims: private source's URL": (
        _get(lambda w: "/api/v1/claims"),
        PRIVATE_SLUG,
        None,
    ),
    "private page after staff read it": (_after_staff_view, PRIVATE_TITLE, None),
    "control: live story on vehicle page": (
        _get(lambda w: w.vehicle.get_absolute_url()),
        LIVE_TITLE,
        None,
    ),
    "control: live story on tracker": (
        _get(lambda w: f"/tracker/{w.vehicle.make.slug}/"),
        LIVE_TITLE,
        None,
    ),
    "control: live story on author page": (
        _get(lambda w: f"/authors/{w.author.slug}/"),
        LIVE_TITLE,
        None,
    ),
    "control: live story in API detail": (
        _get(lambda w: f"/api/v1/articles/{w.live.pk}"),
        LIVE_TITLE,
        None,
    ),
}


def _status(response, requested: str) -> str:
    code = response.status_code
    if code not in (301, 302):
        return str(code)
    location = urlsplit(response["Location"])
    if location.path.rstrip("/").endswith("login"):
        back = parse_qs(location.query).get("next", [""])[0]
        return "login" if back == requested else f"login(next={back!r})"
    if location.path == "/admin/" and any(
        "permission" in str(message) for message in get_messages(response.wsgi_request)
    ):
        return "denied"
    return "302"


def _observe(client, world, row: str) -> str:
    request, title, watched = ROWS[row]
    response = request(client, world)
    cell = _status(response, response.wsgi_request.get_full_path())
    if title is not None:
        cell += " +T" if title.encode() in response.content else " -T"
    if watched is not None:
        cell += " live" if _is_live(watched(world)) else " draft"
    return cell


def _cases():
    cases = []
    for row, cells in MATRIX.items():
        for column, expected in zip(COLUMNS, cells, strict=True):
            marks = []
            if (row, column) in KNOWN_BUGS:
                marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[row, column]))
            cases.append(pytest.param(row, column, expected, id=f"{row} | {column}", marks=marks))
    return cases


def test_every_row_has_a_request_and_every_cell_a_value():
    assert set(MATRIX) == set(ROWS)
    assert all(len(cells) == len(COLUMNS) for cells in MATRIX.values())
    assert set(KNOWN_BUGS) <= {(row, column) for row in MATRIX for column in COLUMNS}


@pytest.mark.parametrize(("row", "column", "expected"), _cases())
def test_permission_matrix(world, db, client, row, column, expected):
    user = world.users[column]
    if user is not None:
        client.force_login(user)
    actual = _observe(client, world, row)
    assert actual == expected, f"[{row}] for [{column}]: expected {expected!r}, got {actual!r}"
