"""news_archive: a Pelican plugin that turns raw scraped news files into a tagged archive.

Wiring only: every stage is a plain function in its own module (see README, "How it works").
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from pelican import signals

from .settings import set_defaults

log = logging.getLogger("news_archive")

_last_report: dict = {}


def run_ingest(generator) -> None:
    """Before Pelican lists articles: raw files -> clean posts (only what changed)."""
    from .ingest import ingest
    from .ingest.progress import log_progress

    settings = generator.settings
    if not settings["NEWS_ARCHIVE_INGEST"]:
        return
    content = Path(settings["PATH"])
    report = ingest(
        content / settings["NEWS_ARCHIVE_RAW_DIR"],
        content / settings["NEWS_ARCHIVE_POSTS_DIR"],
        workers=int(settings["NEWS_ARCHIVE_WORKERS"] or 0) or None,
        slug_settings=settings,
        progress=log_progress(),
    )
    _last_report.clear()
    _last_report.update(report.as_json())


def write_report(pelican) -> None:
    """Leave the ingest summary next to the site: output/ingest-report.json."""
    if not _last_report:
        return
    out = Path(pelican.settings["OUTPUT_PATH"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "ingest-report.json").write_text(
        json.dumps(_last_report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


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

    signals.initialized.connect(set_defaults)  # first: the features read the defaults
    signals.article_generator_init.connect(run_ingest)
    signals.finalized.connect(write_report)
    for name in FEATURES:
        importlib.import_module(f".{name}", __name__).register()
    declare_filter_reads()
