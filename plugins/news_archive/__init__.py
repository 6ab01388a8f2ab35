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
    say(report.summary_line())


def say(line: str) -> None:
    """One line on the console of every build, whatever the log level (like Pelican's own
    "Done: ..." line)."""
    try:
        from pelican.log import console

        console.print(line, markup=False, highlight=False)
    except ImportError:  # pragma: no cover - outside Pelican
        print(line)


def write_report(pelican) -> None:
    """Leave the ingest summary next to the site: output/ingest-report.json."""
    if not _last_report:
        return
    out = Path(pelican.settings["OUTPUT_PATH"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "ingest-report.json").write_text(
        json.dumps(_last_report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


# Feature modules, each with its own `register()`: body sanitising, entity taxonomies and
# their pages, date archives, data exports, static search, incremental rendering, URLs
# computed once per build, one Markdown parser per build, linear-time period archives, and
# each post hashed once per build for Pelican's content cache, what a build read kept for
# the next build in the same process (`pelican --autoreload`), and fewer garbage collections.
FEATURES = ("sanitize", "taxonomy", "exports", "search", "feeds", "teaser",
            "incremental", "frozen_urls",
            "markdown_reader", "period_archives", "file_stamps", "resident", "build_gc")


def register() -> None:
    import importlib

    signals.initialized.connect(set_defaults)
    signals.article_generator_init.connect(run_ingest)
    signals.finalized.connect(write_report)
    for name in FEATURES:
        importlib.import_module(f".{name}", __name__).register()
