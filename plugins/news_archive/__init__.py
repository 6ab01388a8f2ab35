"""news_archive: a Pelican plugin that turns raw scraped news files into a tagged archive.

Wiring only: every stage is a plain function in its own module (see README, "How it works").
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from pelican import signals

log = logging.getLogger("news_archive")

DEFAULTS: dict[str, object] = {
    "NEWS_ARCHIVE_RAW_DIR": "raw",
    "NEWS_ARCHIVE_POSTS_DIR": "posts",
    "NEWS_ARCHIVE_INGEST": True,
    "NEWS_ARCHIVE_WORKERS": 0,  # 0: all cores
    "NEWS_ARCHIVE_LOCK_TIMEOUT": 600,  # seconds a build waits for another build of the site
}

_last_report: dict = {}


def set_defaults(pelican) -> None:
    """Fill the plugin's settings that the site did not set."""
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)


def run_ingest(generator) -> None:
    """Before Pelican lists articles: raw files -> clean posts (only what changed)."""
    from .ingest import ingest

    settings = generator.settings
    if not settings.get("NEWS_ARCHIVE_INGEST", True):
        return
    content = Path(settings["PATH"])
    report = ingest(
        content / settings.get("NEWS_ARCHIVE_RAW_DIR", "raw"),
        content / settings.get("NEWS_ARCHIVE_POSTS_DIR", "posts"),
        workers=int(settings.get("NEWS_ARCHIVE_WORKERS") or 0) or None,
    )
    _last_report.clear()
    _last_report.update(report.as_json())
    from .autoreload import posts_written

    posts_written(content / settings.get("NEWS_ARCHIVE_POSTS_DIR", "posts"))


def write_report(pelican) -> None:
    """Leave the ingest summary next to the site: output/ingest-report.json."""
    if not _last_report:
        return
    from .safe_files import atomic_write_text

    out = Path(pelican.settings["OUTPUT_PATH"])
    atomic_write_text(out / "ingest-report.json",
                      json.dumps(_last_report, indent=2, ensure_ascii=False) + "\n")


# Site features, each with its own `register()`: body sanitising, entity taxonomies and their
# pages, date archives, data exports, static search. The generic speed-ups are the separate
# `fast_rebuilds` plugin.
FEATURES = ("site.sanitize", "site.taxonomy", "site.exports", "site.search")


def declare_filter_reads() -> None:
    """Tell `fast_rebuilds` (when the site has it) what the JSON-LD filters read of an article,
    so article pages depend on those attributes only."""
    try:
        from fast_rebuilds import declare_reads
    except ImportError:
        return
    from .site.linked_data import FILTER_READS

    for name, reads in FILTER_READS.items():
        declare_reads(name, reads)


def register() -> None:
    import importlib

    from . import autoreload, build_lock

    build_lock.install()  # one build at a time per site
    autoreload.install()  # changes made during an autoreload build trigger the next one
    signals.get_generators.connect(autoreload.build_starts)
    signals.initialized.connect(set_defaults)
    signals.article_generator_init.connect(run_ingest)
    signals.finalized.connect(write_report)
    for name in FEATURES:
        importlib.import_module(f".{name}", __name__).register()
    declare_filter_reads()
