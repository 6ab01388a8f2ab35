"""URL wrappers for the entity taxonomies, and collision-free slugs.

`Country`, `Organization` and `Person` pick up `COUNTRY_URL`, `COUNTRY_SAVE_AS`, ... from the
settings by class name, like Pelican's `Tag`. Besides name and slug, a wrapper carries what its
page shows; the generator fills those fields on every build.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter

from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import URLWrapper
from pelican.utils import slugify

log = logging.getLogger("news_archive.taxonomy")


class Entity(URLWrapper):
    """An entity with its articles (newest first) and page data."""

    kind = ""

    def __init__(self, name: str, settings: dict, slug: str) -> None:
        super().__init__(name, settings)
        self.slug = slug
        self.aliases: list[str] = []
        self.articles: list = []
        self.months: Counter = Counter()
        self.related: dict[str, list[tuple[Entity, int]]] = {}
        self.timeline_svg = ""
        self._positions: dict[int, int] = {}  # id(article) -> index in self.articles

    @property
    def ref(self) -> EntityRef:
        """What identifies this entity, without its articles or counts (for older pages)."""
        return EntityRef(self)

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def first_date(self):
        return self.articles[-1].date if self.articles else None

    @property
    def last_date(self):
        return self.articles[0].date if self.articles else None

    def _feed(self, key: str) -> str | None:
        value = self.settings.get(f"{type(self).__name__.upper()}_FEED_ATOM{key}")
        return str(value).format(slug=self.slug) if value else None

    @property
    def feed_save_as(self) -> str | None:
        return self._feed("")

    @property
    def feed_url(self) -> str | None:
        return self._feed("_URL") or self.feed_save_as


class EntityRef:
    """An entity's identity: kind, name, slug, URLs, aliases and (countries) code and region."""

    def __init__(self, entity: Entity) -> None:
        self.kind, self.name, self.slug = entity.kind, entity.name, entity.slug
        self.url, self.save_as, self.feed_url = entity.url, entity.save_as, entity.feed_url
        self.aliases = list(entity.aliases)
        for attr in ("code", "region", "subregion"):
            if hasattr(entity, attr):
                setattr(self, attr, getattr(entity, attr))

    def __str__(self) -> str:
        return self.name


class Country(Entity):
    kind = "country"

    def __init__(self, name: str, settings: dict, slug: str, code: str = "",
                 region: str = "Other", subregion: str = "Other") -> None:
        super().__init__(name, settings, slug)
        self.code = code
        self.region = region
        self.subregion = subregion


class Organization(Entity):
    kind = "organization"


class Person(Entity):
    kind = "person"


def base_slug(name: str, settings: dict) -> str:
    """Slug of a name; names that slugify to nothing (e.g. non-Latin) get a stable hash."""
    subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"])
    slug = slugify(name, regex_subs=subs,
                   preserve_case=False, use_unicode=settings.get("SLUGIFY_USE_UNICODE", False))
    return slug or "n-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def assign_slugs(wanted: dict[str, str], label: str) -> dict[str, str]:
    """name -> unique slug. `wanted` maps each name to its preferred slug.

    Names sharing a slug are ordered by name; the first keeps it, the others get `-2`, `-3`...
    and a warning names both, so the same content always yields the same URLs.
    """
    taken: dict[str, str] = {}
    out: dict[str, str] = {}
    for name in sorted(wanted, key=lambda n: (wanted[n], n)):
        slug = wanted[name]
        if slug in taken:
            n = 2
            while f"{slug}-{n}" in taken:
                n += 1
            log.warning('%s "%s" and "%s" share the slug "%s"; "%s" gets "%s-%d"',
                        label, taken[slug], name, slug, name, slug, n)
            slug = f"{slug}-{n}"
        taken[slug] = name
        out[name] = slug
    return out
