"""Deterministic sitemaps: the same content gives the same sitemap bytes, computed faster."""

from __future__ import annotations

import sys
from datetime import datetime


def stable_sitemap_time(generators) -> None:
    """`all_generators_finalized`: pelican-sitemap stamps index pages with the build time;
    use the newest content's date instead, so that rebuilding unchanged content gives the same
    sitemap (and an incremental build the same bytes as a full one). Also gives it the faster
    `format_date` below."""
    dates = [getattr(a, "modified", None) or a.date
             for g in generators for a in getattr(g, "articles", []) + getattr(g, "pages", [])
             if getattr(a, "date", None)]
    sitemap = sys.modules.get("pelican.plugins.sitemap.sitemap")
    if dates and sitemap is not None and hasattr(getattr(sitemap, "generator", None), "now"):
        sitemap.generator.now = max(dates)
    if sitemap is not None and callable(getattr(sitemap, "format_date", None)) and \
            getattr(sitemap.format_date, "__name__", "") == "format_date":
        fast_format_date.original = sitemap.format_date
        sitemap.format_date = fast_format_date


def fast_format_date(date) -> str:
    """pelican-sitemap's `format_date` (`%Y-%m-%dT%H:%M:%S` and the UTC offset as `+HH:MM`,
    `-00:00` without a zone) with the same text, without Pelican's `strftime` (a Python-level
    formatter on its dates: most of the sitemap's time, one call per page). Dates it would
    write otherwise (years before 1000, offsets with seconds) go to the original."""
    offset = date.utcoffset()
    if date.year < 1000 or (offset is not None and (offset.seconds % 60 or offset.microseconds)):
        return fast_format_date.original(date)
    text = datetime.isoformat(date, timespec="seconds")
    return text if offset is not None else text + "-00:00"


def _unpatched(date) -> str:  # pragma: no cover - replaced when the sitemap plugin is there
    from pelican.plugins.sitemap.sitemap import format_date

    return format_date(date)


fast_format_date.original = _unpatched
