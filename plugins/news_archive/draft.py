"""The plain data that flows through the pipeline: read -> extract -> tag -> write."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Organization:
    """An organization as tagged in one article: canonical name plus the surface forms seen."""

    name: str
    aliases: list[str] = field(default_factory=list)


@dataclass
class Tags:
    """Entities and dates an article concerns."""

    countries: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-2 (plus XK)
    organizations: list[Organization] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)  # canonical full names
    # ISO dates "2021-07-07", months "2021-07" or years "2013"
    dates_mentioned: list[str] = field(default_factory=list)


@dataclass
class Extracted:
    """What a format-specific extractor finds in one raw document (before tagging)."""

    title: str = ""
    summary: str = ""  # standfirst / lead
    paragraphs: list[str] = field(default_factory=list)
    byline: str = ""  # authors, e.g. "Patrick Shanley"
    credits: str = ""  # e.g. "With reporting by RIA Novosti, Armen Press, and Reuters"
    source: str = ""  # the outlet, e.g. "RFE/RL"
    url: str = ""
    published: str | None = None  # ISO 8601 date or datetime
    published_source: str = ""  # where `published` came from: "dateline", "html-meta", ...
    # when the page gives no date, only a relative time: its line ("Published 3 hours ago")
    published_ago: str = ""
    language: str = ""
    warnings: list[str] = field(default_factory=list)
    sample: bool = False  # a made-up article (manifest `sample` column): labelled on the site


@dataclass
class Draft:
    """One raw file's complete record: provenance + extraction + tags."""

    path: str  # raw file path relative to the raw folder (posix)
    sha256: str
    format: str  # "text", "html", "json"
    extracted: Extracted
    tags: Tags = field(default_factory=Tags)
    alternates: list[str] = field(default_factory=list)  # other raw files with the same article
    index: int = 0  # record number inside a multi-record file (.jsonl)
    sketch: list[int] = field(default_factory=list)  # MinHash of the body (near-duplicates)
    manifest_digest: str = ""  # hash of the manifest row applied, if any

    @property
    def body(self) -> str:
        """Plain-text body: paragraphs separated by one blank line."""
        return "\n\n".join(self.extracted.paragraphs)

    def to_record(self) -> dict:
        """The JSON record printed by `news-archive inspect`."""
        e = self.extracted
        return {
            "path": self.path,
            "format": self.format,
            "title": e.title,
            "summary": e.summary,
            "body": self.body,
            "byline": e.byline,
            "published": e.published,
            "published_source": e.published_source,
            "source": e.source,
            "credits": e.credits,
            "url": e.url,
            "countries": list(self.tags.countries),
            "organizations": [o.name for o in self.tags.organizations],
            "organization_aliases": {
                o.name: o.aliases for o in self.tags.organizations if o.aliases
            },
            "persons": list(self.tags.persons),
            "dates_mentioned": list(self.tags.dates_mentioned),
            "language": e.language,
            "sample": e.sample,
            "sha256": self.sha256,
            "alternates": list(self.alternates),
            "warnings": list(e.warnings),
        }


def as_dict(obj) -> dict:
    """Dataclass -> dict (for JSON and for pickling across processes)."""
    return asdict(obj)
