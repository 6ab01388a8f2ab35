"""Deterministic sitemaps: the same content gives the same sitemap bytes."""

from __future__ import annotations

import sys


def stable_sitemap_time(generators) -> None:
    """`all_generators_finalized`: pelican-sitemap stamps index pages with the build time;
    use the newest content's date instead, so that rebuilding unchanged content gives the same
    sitemap (and an incremental build the same bytes as a full one)."""
    dates = [getattr(a, "modified", None) or a.date
             for g in generators for a in getattr(g, "articles", []) + getattr(g, "pages", [])
             if getattr(a, "date", None)]
    sitemap = sys.modules.get("pelican.plugins.sitemap.sitemap")
    if dates and sitemap is not None and hasattr(getattr(sitemap, "generator", None), "now"):
        sitemap.generator.now = max(dates)
