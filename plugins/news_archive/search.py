"""Static full-text search: the search page, and a Pagefind index of the built site.

- `initialized`: setting defaults (`SEARCH_ENABLED`, the `search` direct template, the Jinja
  filters of `linked_data` used by `partials/head_meta.html`).
- `content_written`: article pages get `data-pagefind-body` on their `<article>` (or `<main>`)
  element when the theme did not mark the headline and body itself, so only article pages are
  indexed; `SEARCH_EXCLUDE_SELECTORS` keeps chips, related links and provenance out.
- `finalized`: `python -m pagefind --site OUTPUT_PATH` (a warning, not a crash, when Pagefind is
  missing or fails).
"""

from __future__ import annotations

import importlib.util
import logging
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pelican import signals

from . import linked_data

log = logging.getLogger("news_archive.search")

BODY_ATTR = "data-pagefind-body"
# Parts of an article page that are not the article: entity chips, related coverage, provenance
# (the theme's class names), and navigation in general. A site may set its own list.
EXCLUDE_SELECTORS = ["nav", "aside", ".kicker", ".article-header .meta", ".entities",
                     ".more-on", ".provenance", ".credits"]
_BODY_TARGETS = (re.compile(r"<article\b", re.I), re.compile(r"<main\b", re.I),
                 re.compile(r"<body\b", re.I))
last_run: dict = {}


def set_defaults(pelican) -> None:
    """SEARCH_ENABLED (True), the search page, the configured SITEURL and the Jinja filters."""
    s = pelican.settings
    s.setdefault("SEARCH_ENABLED", True)
    s.setdefault("SEARCH_PAGEFIND_ARGS", [])
    s.setdefault("SEARCH_EXCLUDE_SELECTORS", list(EXCLUDE_SELECTORS))
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


_TAG = re.compile(r"<[^>]+>")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
# letters that Unicode decomposition does not turn into ASCII
_EXTRA_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                             "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                             "ı": "i", "þ": "th", "ð": "d"})


def fold(word: str) -> str:
    """A word without diacritics ("Łódź" -> "Lodz", "São" -> "Sao"); "" when unchanged or
    not written in Latin letters."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", word.translate(_EXTRA_FOLD))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return plain if plain != word and plain.isascii() else ""


def search_terms(article) -> str:
    """Extra words for the search index of an article page: the byline's names (bylines are
    searchable) and every name or word with diacritics spelt without them, so that "Lodz"
    finds "Łódź". Printed in a hidden element inside the indexed region."""
    meta = getattr(article, "metadata", None) or {}
    byline = str(meta.get("byline") or "")
    text = " ".join(str(x) for x in (getattr(article, "title", ""), byline,
                                     meta.get("summary") or "",
                                     _TAG.sub(" ", str(getattr(article, "_content", "") or ""))))
    folded: dict[str, str] = {}
    for word in _WORDS.findall(text):
        plain = fold(word)
        if plain:
            folded.setdefault(plain.casefold(), plain)
    parts = [f"By {byline}." if byline else ""]
    if folded:
        parts.append("Without accents: " + ", ".join(folded.values()) + ".")
    return " ".join(p for p in parts if p)


def mark_body(path: str, context: dict) -> None:
    """Add `data-pagefind-body` to an article page that lacks it (theme fallback)."""
    if not context.get("SEARCH_ENABLED", True) or not context.get("article"):
        return
    if not path.endswith((".html", ".htm")):
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


def pagefind_command(site: Path, settings: dict) -> list[str] | None:
    """The command that indexes `site`: the Python package first, a `pagefind` binary second."""
    args = ["--site", str(site), *settings.get("SEARCH_PAGEFIND_ARGS", [])]
    for selector in settings.get("SEARCH_EXCLUDE_SELECTORS") or []:
        args += ["--exclude-selectors", selector]
    lang = str(settings.get("DEFAULT_LANG") or "")
    if lang and "--force-language" not in args:
        # One index for the whole archive: otherwise Pagefind splits by <html lang> and the
        # search page only sees the pages in its own language.
        args += ["--force-language", lang.split("_")[0].split("-")[0]]
    if importlib.util.find_spec("pagefind") is not None:
        return [sys.executable, "-m", "pagefind", *args]
    for name in ("pagefind_extended", "pagefind"):
        exe = shutil.which(name)
        if exe:
            return [exe, *args]
    return None


def run_pagefind(pelican) -> None:
    """Index the built site with Pagefind (on `finalized`)."""
    settings = pelican.settings
    last_run.clear()
    if not settings.get("SEARCH_ENABLED", True):
        return
    site = Path(settings["OUTPUT_PATH"])
    cmd = pagefind_command(site, settings)
    if cmd is None:
        log.warning("search: Pagefind not found (pip install 'pagefind[extended]'); the site "
                    "was built without a search index and search.html will not work")
        return
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("search: Pagefind could not run (%s); no search index", exc)
        return
    seconds = time.perf_counter() - start
    out = (proc.stdout or "") + (proc.stderr or "")
    if proc.returncode != 0 or not (site / "pagefind" / "pagefind-ui.js").is_file():
        log.warning("search: Pagefind failed (exit %s); no search index:\n%s",
                    proc.returncode, out.strip()[-2000:])
        return
    pages = re.search(r"Indexed (\d+) pages?", out)
    last_run.update(seconds=seconds, pages=int(pages.group(1)) if pages else None)
    log.info("search: Pagefind indexed %s pages in %.2f s", last_run["pages"], seconds)


def register() -> None:
    signals.initialized.connect(set_defaults)
    signals.content_written.connect(mark_body)
    signals.finalized.connect(run_pagefind)
