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
        progress=log_progress(emit=say),
    )
    _last_report.clear()
    _last_report.update(report.as_json())
    from .autoreload import posts_written

    posts_written(content / settings["NEWS_ARCHIVE_POSTS_DIR"])
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
    from safe_state import atomic_write_text

    out = Path(pelican.settings["OUTPUT_PATH"])
    atomic_write_text(out / "ingest-report.json",
                      json.dumps(_last_report, indent=2, ensure_ascii=False) + "\n")


# Site features, each with its own `register()`: body sanitising, entity taxonomies and their
# pages, date archives, data exports, static search, feeds with real authors, list teasers,
# articles' languages.
# The generic speed-ups are the separate `fast_rebuilds` plugin.
FEATURES = ("site.sanitize", "site.taxonomy", "site.exports", "site.search", "site.feeds",
            "site.teaser", "site.languages")


def declare_filter_reads() -> None:
    """Tell `fast_rebuilds` (when the site has it) what the JSON-LD and language filters read
    of an article, so article pages depend on those attributes only."""
    try:
        from fast_rebuilds import declare_reads
    except ImportError:
        return
    from .site import languages, linked_data

    for name, reads in {**linked_data.FILTER_READS, **languages.FILTER_READS}.items():
        declare_reads(name, reads)


def register() -> None:
    import importlib

    from . import autoreload, build_lock

    signals.initialized.connect(set_defaults)  # first: the features read the defaults
    build_lock.install()  # one build at a time per site
    autoreload.install()  # changes made during an autoreload build trigger the next one
    signals.get_generators.connect(autoreload.build_starts)
    signals.article_generator_init.connect(run_ingest)
    signals.finalized.connect(write_report)
    for name in FEATURES:
        importlib.import_module(f".{name}", __name__).register()
    declare_filter_reads()
