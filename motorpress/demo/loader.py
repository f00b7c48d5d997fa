"""Loads the demo newsroom from the YAML files in content/. Safe to run any number of times."""

import io
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import yaml
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Locale

from motorpress.catalogue.importing import catalogue_import, read_rows
from motorpress.catalogue.models import Make, Variant, VehicleModel
from motorpress.core.periods import Period
from motorpress.core.roles import ensure_roles
from motorpress.demo.images import hero_png, portrait_png
from motorpress.ledger.services import claim_record, outcome_record
from motorpress.newsroom.models import ArticlePage, Author, ReviewTest
from motorpress.newsroom.services import (
    article_create,
    edition_structure_ensure,
    site_structure_ensure,
)

CONTENT_DIR = Path(__file__).resolve().parent / "content"


class DemoContentError(Exception):
    """The shipped demo content does not validate: a bug in the repository, not user input."""


@dataclass
class DemoLoadReport:
    catalogue_rows: int = 0
    authors_created: int = 0
    articles_created: int = 0
    articles_existing: int = 0
    claims: int = 0
    errors: list[str] = field(default_factory=list)


def _image(title: str, filename: str, data: bytes, alt: str):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=alt[:255])
        image.file.save(filename, ImageFile(io.BytesIO(data), name=filename), save=False)
        image.save()
    return image


def _body_blocks(body: list[dict]) -> list[dict]:
    blocks = []
    for item in body:
        ((block_type, value),) = item.items()
        if block_type == "paragraph":
            blocks.append({"type": "paragraph", "value": f"<p>{escape(value)}</p>"})
        elif block_type == "heading":
            blocks.append({"type": "heading", "value": value})
        elif block_type == "quote":
            blocks.append(
                {
                    "type": "quote",
                    "value": {"text": value["text"], "attribution": value.get("attribution", "")},
                }
            )
        else:
            raise ValueError(f"unknown block type {block_type!r}")
    return blocks


def load_authors(report: DemoLoadReport) -> dict[str, Author]:
    entries = yaml.safe_load((CONTENT_DIR / "authors.yaml").read_text(encoding="utf-8"))
    authors = {}
    for entry in entries:
        author = Author.objects.filter(slug=entry["slug"]).first()
        if author is None:
            initials = "".join(part[0] for part in entry["name"].split()[:2])
            photo = _image(
                f"Demo portrait: {entry['name']}",
                f"demo-author-{entry['slug']}.png",
                portrait_png(initials, entry["slug"]),
                f"Initials badge for {entry['name']}",
            )
            author = Author.objects.create(
                slug=entry["slug"],
                name=entry["name"],
                role=entry.get("role", ""),
                bio=entry.get("bio", ""),
                photo=photo,
            )
            report.authors_created += 1
        authors[author.slug] = author
    return authors


def article_files(folder: str = "articles") -> list[Path]:
    return sorted((CONTENT_DIR / folder).glob("*.yaml"))


# Each edition's stories: English in articles/, Hindi in articles_hi/ (a Hindi story that is a
# translation names its English original in `translation_of` and shares its slug).
EDITION_FOLDERS = {"en-gb": "articles", "hi": "articles_hi"}


def load_editions(default) -> dict:
    """{language_code: SiteStructure} for every edition, the default one included."""
    data = yaml.safe_load((CONTENT_DIR / "editions.yaml").read_text(encoding="utf-8"))
    structures = {settings.LANGUAGE_CODE: default}
    for language_code, entry in data.items():
        structures[language_code] = edition_structure_ensure(
            default=default,
            language_code=language_code,
            home_title=entry["home_title"],
            tagline=entry["tagline"],
            sections={
                slug: (section["title"], section["intro"])
                for slug, section in entry["sections"].items()
            },
        )
    return structures


def load_catalogue(report: DemoLoadReport) -> None:
    """The demo catalogue goes through the same importer editors use for bulk entry."""
    result = catalogue_import(rows=read_rows(CONTENT_DIR / "catalogue.yaml"))
    if not result.ok:
        raise DemoContentError("; ".join(str(error) for error in result.errors))
    report.catalogue_rows = sum(result.created.values()) + sum(result.updated.values())


def _vehicle_models(refs: list[str]) -> list[VehicleModel]:
    models = []
    for ref in refs:
        make_slug, _, model_slug = ref.partition("/")
        models.append(VehicleModel.objects.get(make__slug=make_slug, slug=model_slug))
    return models


def load_articles(
    report: DemoLoadReport, authors: dict[str, Author], structure, language_code: str
) -> None:
    sections = structure.sections
    locale = structure.home.locale
    existing = set(ArticlePage.objects.filter(locale=locale).values_list("slug", flat=True))
    originals = ArticlePage.objects.filter(locale=Locale.get_default())
    for path in article_files(EDITION_FOLDERS[language_code]):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        if entry["slug"] in existing:
            report.articles_existing += 1
            continue
        original = (
            originals.select_related("hero_image").get(slug=entry["translation_of"])
            if entry.get("translation_of")
            else None
        )
        # A translation shows its original's picture.
        hero = (original and original.hero_image) or _image(
            f"Demo illustration: {entry['title']}"[:255],
            f"demo-{entry['slug']}.png",
            hero_png(entry["slug"]),
            entry.get("hero_alt", entry["title"]),
        )
        body = _body_blocks(entry["body"])
        if entry.get("compare_table"):
            vehicles = [model.pk for model in _vehicle_models(entry["compare_table"])]
            body.append(
                {
                    "type": "compare_table",
                    "value": {
                        "heading": entry.get("compare_heading", "Specifications side by side"),
                        "vehicles": vehicles,
                    },
                }
            )
        with transaction.atomic():
            article_create(
                section=sections[entry["section"]],
                title=entry["title"],
                slug=entry["slug"],
                kind=entry["kind"],
                teaser=entry["teaser"],
                highlights=entry["highlights"],
                body=body,
                authors=[authors[slug] for slug in entry["authors"]],
                tags=entry.get("tags", []),
                vehicles=_vehicle_models(entry.get("vehicles", [])),
                makes=list(Make.objects.filter(slug__in=entry.get("makes", []))),
                hero_image=hero,
                first_published_at=datetime.fromisoformat(str(entry["first_published"])),
                translation_of=original,
            )
        report.articles_created += 1


def _default_edition_article(slug: str) -> ArticlePage:
    return ArticlePage.objects.get(slug=slug, locale=Locale.get_default())


def _source(entry: dict) -> dict:
    source = {"is_demo": bool(entry.get("is_demo", False))}
    if entry.get("source_article"):
        source["source_page"] = _default_edition_article(entry["source_article"])
    if entry.get("source_label"):
        source["source_label"] = entry["source_label"]
    return source


def load_ledger(report: DemoLoadReport) -> None:
    """Claims, outcomes and our tested figures, matched on natural keys so reruns add nothing."""
    data = yaml.safe_load((CONTENT_DIR / "ledger.yaml").read_text(encoding="utf-8"))
    for entry in data["claims"]:
        claim = claim_record(
            make=Make.objects.get(slug=entry["make"]),
            vehicle_model=_vehicle_models([f"{entry['make']}/{entry['model']}"])[0]
            if entry.get("model")
            else None,
            metric=entry["metric"],
            statement=entry["statement"],
            claimed_on=entry["claimed_on"],
            claimed_on_is_approximate=entry.get("claimed_on_is_approximate", False),
            period=Period.parse(entry["period"]) if entry.get("period") else None,
            number=Decimal(str(entry["number"])) if entry.get("number") else None,
            unit=entry.get("unit", ""),
            source=_source(entry),
        )
        if outcome := entry.get("outcome"):
            outcome_record(
                claim=claim,
                recorded_on=outcome["recorded_on"],
                happened=outcome.get("happened", True),
                happened_on=outcome.get("happened_on"),
                number=Decimal(str(outcome["number"])) if outcome.get("number") else None,
                note=outcome.get("note", ""),
                source=_source(outcome),
            )
        report.claims += 1
    for entry in data["review_tests"]:
        article = _default_edition_article(entry.pop("article"))
        variant = Variant.objects.get(
            vehicle_model__make__slug=entry.pop("make"),
            vehicle_model__slug=entry.pop("model"),
            slug=entry.pop("variant"),
        )
        fields = {key: value for key, value in entry.items() if value is not None}
        ReviewTest.objects.update_or_create(
            article=article, defaults={"variant": variant, **fields}
        )


def admin_user_ensure(*, username: str = "admin", password: str | None = None) -> str:
    """Create or reset the demo admin; returns the password to print."""
    password = password or secrets.token_urlsafe(12)
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=username, defaults={"email": "admin@example.com"})
    user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    return password


def demo_load() -> DemoLoadReport:
    report = DemoLoadReport()
    structure = site_structure_ensure(hostname="127.0.0.1", port=8000)
    editions = load_editions(structure)
    # After the structure: a fresh site's home page replaces Wagtail's placeholder, and the
    # roles' page permissions belong on the pages that stay (every edition's home).
    ensure_roles()
    load_catalogue(report)
    authors = load_authors(report)
    for language_code, edition in editions.items():
        load_articles(report, authors, edition, language_code)
    load_ledger(report)
    return report
