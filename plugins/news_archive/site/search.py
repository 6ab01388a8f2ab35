"""Static full-text search: the search page, and a Pagefind index of the article pages.

- `initialized`: setting defaults (`SEARCH_ENABLED`, the `search` direct template, the Jinja
  filters of `linked_data` used by `partials/head_meta.html`).
- `content_written`: article pages get `data-pagefind-body` on their `<article>` (or `<main>`)
  element when the theme did not mark the headline and body itself, so only article pages are
  indexed; `SEARCH_EXCLUDE_SELECTORS` keeps chips, related links and provenance out. Each
  article page the build writes (or keeps unchanged) is noted with its date.
- `finalized`: the noted pages are indexed in shards by date, only the shards whose pages
  changed (`search_shards.py`, Pagefind's indexing service); a warning, not a crash, when
  Pagefind is missing or fails. Pages not written by this build (a deleted article's page
  still on disk) are never indexed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from importlib import metadata
from pathlib import Path

from pelican import signals

from ..settings import setting
from . import linked_data, pagefind_service, search_shards
from .search_terms import search_terms

log = logging.getLogger("news_archive.search")

BODY_ATTR = "data-pagefind-body"
_BODY_TARGETS = (re.compile(r"<article\b", re.I), re.compile(r"<main\b", re.I),
                 re.compile(r"<body\b", re.I))
last_run: dict = {}
# The article pages of the build being written: path relative to OUTPUT_PATH -> (year, month).
_pages: dict[str, tuple[int, int]] = {}
# The stamps of the pages the index records (loaded once per build, see `_unchanged`).
_recorded: dict[str, list] = {}


def set_defaults(pelican) -> None:
    """The search page (when SEARCH_ENABLED), the configured SITEURL and the Jinja filters."""
    s = pelican.settings
    s["NEWS_ARCHIVE_SITEURL"] = s.get("SITEURL", "") or ""
    s["JINJA_FILTERS"] = {**linked_data.filters(), "news_search_terms": search_terms,
                          **(s.get("JINJA_FILTERS") or {})}
    if s["SEARCH_ENABLED"]:
        templates = list(s.get("DIRECT_TEMPLATES") or [])
        if "search" not in templates:
            s["DIRECT_TEMPLATES"] = [*templates, "search"]
        # The search page is `noindex`: keep it out of the sitemap too (a copy, not the default).
        sitemap = dict(s.get("SITEMAP") or {})
        sitemap["exclude"] = [*sitemap.get("exclude", ()), r"^search\.html$"]
        s["SITEMAP"] = sitemap


def mark_body(path: str, context: dict) -> None:
    """Note an article page for the index, and add `data-pagefind-body` to it when it lacks
    it (theme fallback). A page still as the index recorded it was marked then: not read."""
    article = context.get("article")
    if not setting(context, "SEARCH_ENABLED") or not article:
        return
    if not path.endswith((".html", ".htm")):
        return
    output = context.get("OUTPUT_PATH")
    if output:
        rel = os.path.relpath(path, output)
        date = getattr(article, "date", None)
        _pages[rel] = (date.year, date.month) if date else (0, 0)
        if _unchanged(Path(output), rel):
            return
    file = Path(path)
    html = file.read_text(encoding="utf-8")
    if BODY_ATTR in html:
        return
    for pattern in _BODY_TARGETS:
        m = pattern.search(html)
        if m:
            file.write_text(html[: m.end()] + f" {BODY_ATTR}" + html[m.end():], encoding="utf-8")
            return


def _unchanged(output: Path, rel: str) -> bool:
    """True when the page's size and mtime are those the search index recorded."""
    if not _recorded:
        _recorded.update(search_shards.recorded_stamps(output))
        _recorded.setdefault("", [])  # loaded, even when empty
    stamp = _recorded.get(rel)
    if not stamp:
        return False
    try:
        st = os.stat(output / rel)
    except OSError:
        return False
    return stamp[1:] == [st.st_size, st.st_mtime_ns]


def pagefind_config(settings: dict) -> dict:
    """The Pagefind index configuration: exclusions, one language for the whole archive."""
    config: dict = {"exclude_selectors": list(setting(settings, "SEARCH_EXCLUDE_SELECTORS"))}
    lang = str(settings.get("DEFAULT_LANG") or "")
    if lang:
        # One index for the whole archive: otherwise Pagefind splits by <html lang> and the
        # search page only sees the pages in its own language.
        config["force_language"] = lang.split("_")[0].split("-")[0]
    config.update(setting(settings, "SEARCH_PAGEFIND_CONFIG"))
    return config


def config_key(config: dict, exe: Path) -> str:
    """What the index was made with: configuration, Pagefind binary and version."""
    versions = []
    for dist in ("pagefind_bin_extended", "pagefind_bin", "pagefind"):
        try:
            versions.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            pass
    text = json.dumps([config, exe.name, versions], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def run_pagefind(pelican) -> None:
    """Index the article pages of this build, shard by shard (on `finalized`)."""
    settings = pelican.settings
    last_run.clear()
    pages = dict(_pages)
    _pages.clear()
    _recorded.clear()
    if not setting(settings, "SEARCH_ENABLED"):
        return
    if settings.get("WRITE_SELECTED"):  # a partial build: the index stays as it was
        return
    if setting(settings, "SEARCH_PAGEFIND_ARGS"):
        log.warning("search: SEARCH_PAGEFIND_ARGS is no longer used (the index is built "
                    "through Pagefind's service); use SEARCH_PAGEFIND_CONFIG")
    site = Path(settings["OUTPUT_PATH"])
    exe = pagefind_service.executable()
    if exe is None:
        log.warning("search: Pagefind not found (pip install 'pagefind[extended]'); the site "
                    "was built without a search index and search.html will not work")
        return
    config = pagefind_config(settings)
    try:
        run = search_shards.update_index(
            site, pages, size=int(setting(settings, "SEARCH_SHARD_SIZE")),
            config=config, config_key=config_key(config, exe),
            service=lambda: pagefind_service.PagefindService(exe),
            workers=int(setting(settings, "SEARCH_WORKERS")) or os.cpu_count() or 1)
    except (OSError, pagefind_service.PagefindError) as exc:
        log.warning("search: Pagefind failed (%s); the search index was not updated", exc)
        return
    last_run.update(seconds=run.seconds, pages=run.pages, shards=run.shards,
                    reindexed=run.reindexed, pages_indexed=run.pages_indexed,
                    removed=run.removed)
    _save_report(settings, last_run)
    if run.reindexed or run.removed:
        log.info("search: %d article pages in %d shards; re-indexed %s (%d pages) in %.2f s",
                 run.pages, run.shards, ", ".join(run.reindexed) or "none",
                 run.pages_indexed, run.seconds)
    else:
        log.info("search: %d article pages in %d shards, none changed (%.2f s)", run.pages,
                 run.shards, run.seconds)


def _save_report(settings: dict, report: dict) -> None:
    """The last index update, for benchmarks: CACHE_PATH/news_archive_search.json."""
    cache = Path(settings.get("CACHE_PATH") or "cache")
    try:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / "news_archive_search.json").write_text(json.dumps(report), encoding="utf-8")
    except OSError:
        pass


def reset_pages(generators) -> None:
    """A new build starts writing (also in a long-lived `--autoreload` process)."""
    _pages.clear()
    _recorded.clear()


def register() -> None:
    signals.initialized.connect(set_defaults)
    signals.all_generators_finalized.connect(reset_pages)
    signals.content_written.connect(mark_body)
    signals.finalized.connect(run_pagefind)
