"""fast_rebuilds: generic speed-ups for Pelican builds and rebuilds (any site can list it).

Each feature is a module with its own `register()`; see README.md beside this file for what
each changes in Pelican, the Pelican versions it was checked against, and what a site loses
without it. Features: incremental rendering (`incremental/`), URLs and summaries computed once
per build (`frozen_urls`), one Markdown parser per build (`markdown_reader`), linear-time period
archives (`period_archives`), translation lists (`translations`) and tag, category and author
date lists (`term_pages`), content-cache pickles
checked and saved atomically (`content_cache`), each post hashed once per build for the content
cache (`file_stamps`), what a build read kept for the next build in the same process (`resident`),
compiled templates kept in memory and on disk (`template_cache`), and fewer garbage-collector
passes during a build (`build_gc`).

Other plugins may declare which attributes of its argument a Jinja filter reads
(`declare_reads`), so pages that use the filter depend on those attributes only.
"""

from __future__ import annotations

import importlib
import logging

import pelican

from .incremental import declare_reads

__all__ = ["CHECKED_PELICAN", "FEATURES", "declare_reads", "register"]

log = logging.getLogger("fast_rebuilds")
# Pelican releases (major.minor) whose internals the writer and the monkeypatches follow.
CHECKED_PELICAN = ("4.12",)

FEATURES = ("incremental", "content_cache", "frozen_urls", "markdown_reader",
            "period_archives", "translations", "term_pages", "file_stamps", "resident",
            "template_cache", "build_gc")


def supported(version: str = pelican.__version__) -> bool:
    """True when this Pelican release is one the plugin was checked against."""
    return ".".join(version.split(".")[:2]) in CHECKED_PELICAN


def register() -> None:
    if not supported():
        log.warning("fast_rebuilds: checked against Pelican %s, not %s; not enabled (the site "
                    "builds as stock Pelican builds it)", " / ".join(CHECKED_PELICAN),
                    pelican.__version__)
        return
    for name in FEATURES:
        importlib.import_module(f".{name}", __name__).register()
