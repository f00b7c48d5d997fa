"""The mapping from a WordPress site's categories to motorpress sections and article kinds."""

from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from motorpress.newsroom.models import ArticleKind

DEFAULT_CONFIG = Path(__file__).with_name("wordpress.yaml")


class ConfigError(Exception):
    """The mapping file is missing, unreadable or names something that does not exist."""


@dataclass(frozen=True)
class Placement:
    section: str
    kind: str


@dataclass(frozen=True)
class ImportConfig:
    default: Placement
    categories: dict[str, Placement] = field(default_factory=dict)
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Kolkata"))
    categories_as_tags: bool = False

    def placement(self, category_slugs: list[str]) -> Placement:
        for slug in category_slugs:
            if slug in self.categories:
                return self.categories[slug]
        return self.default


def _placement(raw, where: str) -> Placement:
    if not isinstance(raw, dict) or not raw.get("section"):
        raise ConfigError(f"{where}: needs a section (and optionally a kind).")
    kind = raw.get("kind", ArticleKind.NEWS)
    if kind not in ArticleKind.values:
        raise ConfigError(
            f"{where}: unknown kind {kind!r}; one of {', '.join(ArticleKind.values)}."
        )
    return Placement(section=str(raw["section"]), kind=kind)


def load_config(path: Path | None = None) -> ImportConfig:
    """Read and check a mapping file (the documented default when `path` is None)."""
    path = Path(path or DEFAULT_CONFIG)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ConfigError(f"{path.name}: cannot read the mapping file: {error}") from error
    if not isinstance(raw, dict):
        raise ConfigError(f"{path.name}: expected a mapping at the top level.")
    try:
        zone = ZoneInfo(str(raw.get("timezone", "Asia/Kolkata")))
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ConfigError(f"{path.name}: unknown timezone {raw.get('timezone')!r}.") from error
    categories = raw.get("categories") or {}
    if not isinstance(categories, dict):
        raise ConfigError(f"{path.name}: 'categories' must map category slugs to placements.")
    return ImportConfig(
        default=_placement(raw.get("default", {"section": "news"}), f"{path.name}: default"),
        categories={
            str(slug): _placement(value, f"{path.name}: category {slug}")
            for slug, value in categories.items()
        },
        timezone=zone,
        categories_as_tags=bool(raw.get("categories_as_tags", False)),
    )
