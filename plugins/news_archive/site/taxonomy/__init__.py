"""Entity taxonomies (countries, organizations, persons), date archives and theme wiring.

Settings (defaults in `news_archive/settings.py`; a site may override any of them):

- `COUNTRY_URL`/`COUNTRY_SAVE_AS`, `COUNTRIES_URL`/`COUNTRIES_SAVE_AS`, and the same for
  `ORGANIZATION(S)_` and `PERSON(S)_`: entity pages and index pages. With `RELATIVE_URLS` the
  URLs end in `index.html` (so the site works from `file://`), otherwise in `/`.
- `COUNTRY_FEED_ATOM` (and `..._FEED_ATOM_URL`), ...: per-entity summary feed, `None` to disable.
- `NEWS_ARCHIVE_ENTITY_PAGES` (True): write entity pages, indexes and feeds at all.
- `NEWS_ARCHIVE_RELATED_LIMIT` (8): co-mentioned entities shown per kind.
- `NEWS_ARCHIVE_DAY_ARCHIVES` (False): per-day archive pages; True, False or "auto" (on when the
  busiest month has more than `NEWS_ARCHIVE_DAY_ARCHIVE_THRESHOLD`, default 100, articles).
  A site that sets `DAY_ARCHIVE_SAVE_AS` itself keeps it.
- Jinja autoescaping is always switched on for sites using the plugin.
"""

from __future__ import annotations

from collections import Counter

from pelican import signals

from ...posts import split_list
from ...settings import PLURAL
from .calendar_data import news_calendar, period_url
from .generator import EntityGenerator

DAY_SAVE_AS = "{date:%Y}/{date:%m}/{date:%d}/index.html"


def safe_url(value) -> str:
    """The value if it is an http(s) URL, else "" (never a javascript: or data: link)."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""


def set_defaults(pelican) -> None:
    """Force autoescaping, register filters and paginated templates, day archives."""
    s = pelican.settings
    # Copies: Pelican's defaults are shared module-level dicts.
    s["JINJA_ENVIRONMENT"] = {**s.get("JINJA_ENVIRONMENT", {}), "autoescape": True}
    s["JINJA_FILTERS"] = {**s.get("JINJA_FILTERS", {}), "news_safe_url": safe_url,
                          "news_split": split_list, "news_period_url": period_url}
    paginated = dict(s.get("PAGINATED_TEMPLATES") or {})
    for name in (*PLURAL, "period_archives"):
        paginated.setdefault(name, None)
    s["PAGINATED_TEMPLATES"] = paginated
    day = s["NEWS_ARCHIVE_DAY_ARCHIVES"]
    if day is True and not s.get("DAY_ARCHIVE_SAVE_AS"):
        _enable_days(s)


def _enable_days(s: dict) -> None:
    s["DAY_ARCHIVE_SAVE_AS"] = DAY_SAVE_AS
    s["DAY_ARCHIVE_URL"] = DAY_SAVE_AS if s.get("RELATIVE_URLS") else DAY_SAVE_AS[:-10]


def auto_day_archives(generator) -> None:
    """NEWS_ARCHIVE_DAY_ARCHIVES = "auto": day pages only for a dense archive."""
    s = generator.settings
    if s["NEWS_ARCHIVE_DAY_ARCHIVES"] != "auto" or s.get("DAY_ARCHIVE_SAVE_AS"):
        return
    per_month = Counter((a.date.year, a.date.month) for a in generator.articles)
    if per_month and max(per_month.values()) > int(s["NEWS_ARCHIVE_DAY_ARCHIVE_THRESHOLD"]):
        _enable_days(s)


def add_calendar(generator) -> None:
    """Years/months/days with counts and URLs for the archive pages (`news_calendar`)."""
    years = news_calendar(generator.articles, generator.settings)
    generator.context["news_calendar"] = years
    # The count alone: a page showing `articles|length` would depend on every article.
    generator.context["news_article_count"] = len(generator.articles)
    # One year's entry by number, one month's by "2024-12": a page depends on its period only.
    generator.context["news_calendar_by_year"] = {y["year"]: y for y in years}
    generator.context["news_calendar_by_month"] = {f"{y['year']}-{m['num']}": m
                                                   for y in years for m in y["months"]}


def get_generators(pelican):
    if pelican.settings["NEWS_ARCHIVE_ENTITY_PAGES"]:
        return EntityGenerator
    return None


def register() -> None:
    signals.initialized.connect(set_defaults)
    signals.article_generator_pretaxonomy.connect(auto_day_archives)
    signals.article_generator_finalized.connect(add_calendar)
    signals.get_generators.connect(get_generators)
