"""Every setting the news_archive plugin adds, with its default (documented in docs/settings.md).

`set_defaults` fills what a site did not set when Pelican starts; code that may run without
Pelican (the command line, unit tests) reads a setting through `setting()`, so each default is
written here once.
"""

from __future__ import annotations

from typing import Any

# Entity kinds and the plural used for their index pages and templates.
PLURAL = {"country": "countries", "organization": "organizations", "person": "persons"}

DEFAULTS: dict[str, Any] = {
    # ingest
    "NEWS_ARCHIVE_RAW_DIR": "raw",  # raw files, relative to PATH
    "NEWS_ARCHIVE_POSTS_DIR": "posts",  # where clean posts are written (keep in ARTICLE_PATHS)
    "NEWS_ARCHIVE_INGEST": True,  # turn raw files into posts on every build
    "NEWS_ARCHIVE_WORKERS": 0,  # ingest processes; 0: every core this process may use
    "NEWS_ARCHIVE_LOCK_TIMEOUT": 600,  # seconds a build waits for another build of the site
    # entity pages and archives
    "NEWS_ARCHIVE_ENTITY_PAGES": True,
    "NEWS_ARCHIVE_RELATED_LIMIT": 8,
    "NEWS_ARCHIVE_HOME_TOP": 12,
    "NEWS_ARCHIVE_DAY_ARCHIVES": False,  # True, False or "auto"
    "NEWS_ARCHIVE_DAY_ARCHIVE_THRESHOLD": 100,
    # search, exports, robots
    "SEARCH_ENABLED": True,
    "SEARCH_PAGEFIND_ARGS": [],  # extra arguments: index with the pagefind command instead
    "SEARCH_PAGEFIND_CONFIG": {},  # extra options of Pagefind's index (its Python API)
    "SEARCH_SHARD_SIZE": 1000,  # articles per shard before shards split by year, quarter, month
    "SEARCH_WORKERS": 0,  # Pagefind services indexing shards at once; 0: every core
    # Parts of an article page that are not the article: entity chips, related coverage,
    # provenance (the theme's class names), and navigation in general.
    "SEARCH_EXCLUDE_SELECTORS": ["nav", "aside", ".kicker", ".article-header .meta",
                                 ".entities", ".more-on", ".provenance", ".credits"],
    "NEWS_ARCHIVE_EXPORTS": True,
    "NEWS_ARCHIVE_EXPORTS_DIR": "data",
    "NEWS_ARCHIVE_ROBOTS": True,
}


def entity_url_defaults(settings: dict) -> dict[str, str]:
    """`COUNTRY_URL`, `COUNTRY_SAVE_AS`, `COUNTRIES_URL`, ... With `RELATIVE_URLS` the URLs end
    in `index.html` (so the site works from `file://`), otherwise in `/`."""
    index = "index.html" if settings.get("RELATIVE_URLS") else ""
    out: dict[str, str] = {}
    for kind, plural in PLURAL.items():
        k, p = kind.upper(), plural.upper()
        out[f"{k}_URL"] = f"{kind}/{{slug}}/{index}"
        out[f"{k}_SAVE_AS"] = f"{kind}/{{slug}}/index.html"
        out[f"{p}_URL"] = f"{plural}/{index}"
        out[f"{p}_SAVE_AS"] = f"{plural}/index.html"
        out[f"{k}_FEED_ATOM"] = f"{kind}/{{slug}}/feed.atom.xml"
    return out


def defaults(settings: dict) -> dict[str, Any]:
    """Every default, for a site with these settings (entity URLs depend on RELATIVE_URLS)."""
    return {**{k: _copy(v) for k, v in DEFAULTS.items()}, **entity_url_defaults(settings)}


# Settings that change how a build runs, not what it writes (for fast_rebuilds' fingerprints).
NEUTRAL = ("NEWS_ARCHIVE_WORKERS", "NEWS_ARCHIVE_LOCK_TIMEOUT", "SEARCH_WORKERS")


def set_defaults(pelican) -> None:
    """`initialized`: fill every setting of the plugin that the site did not set."""
    s = pelican.settings
    for key, value in defaults(s).items():
        s.setdefault(key, value)
    s["FAST_REBUILDS_NEUTRAL_SETTINGS"] = [*(s.get("FAST_REBUILDS_NEUTRAL_SETTINGS") or ()),
                                           *NEUTRAL]


def setting(settings: dict, key: str) -> Any:
    """A plugin setting: the site's value, else its default."""
    return settings[key] if key in settings else _copy(DEFAULTS[key])


def _copy(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return type(value)(value)
    return value
