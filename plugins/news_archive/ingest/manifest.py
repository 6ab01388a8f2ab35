"""The sidecar manifest: facts about raw files that the files themselves lack.

`content/raw/manifest.csv`, UTF-8, with a header row; columns (all but `path` optional):

    path,url,published,source,title,sample

`path` is relative to the raw folder; `published` is an ISO 8601 date or datetime. A value in
the manifest fills a gap; a full date found in the raw file itself wins over the manifest's.
`sample` (`yes`/`true`/`1`) marks a made-up article: the site labels it "Sample article".

A `path` with glob characters (`sample_*`, `demo/**`) is a pattern row: it applies to every
raw file whose path or file name matches it (`fnmatch`, where `*` also crosses folders);
a file's own row wins over pattern rows, and earlier pattern rows over later ones.
"""

from __future__ import annotations

import csv
import fnmatch
import hashlib
import json
import logging
import re
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.csv"
COLUMNS = ("path", "url", "published", "source", "title", "sample")
_GLOB = re.compile(r"[*?\[]")
_YES = {"yes", "y", "true", "1", "x", "sample"}


def is_pattern(path: str) -> bool:
    """True for a manifest path that is a glob pattern rather than one file."""
    return bool(_GLOB.search(path))


def pattern_keys(rows: dict[str, dict[str, str]]) -> list[str]:
    """The pattern rows' paths, in manifest order (compute once when looking up many files)."""
    return [k for k in rows if is_pattern(k)]


def row_for(rows: dict[str, dict[str, str]], relpath: str,
            patterns: list[str] | None = None) -> dict[str, str]:
    """A raw file's manifest facts: its own row over the pattern rows it matches ({} if
    none). Only non-empty values are kept, so the digest changes only with real facts.
    `patterns`: `pattern_keys(rows)`, when the caller looks up many files in the same rows
    (otherwise every lookup scans every row: quadratic in the manifest's size)."""
    merged: dict[str, str] = {}
    name = relpath.rsplit("/", 1)[-1]
    for key in reversed(pattern_keys(rows) if patterns is None else patterns):
        if fnmatch.fnmatchcase(relpath, key) or fnmatch.fnmatchcase(name, key):
            merged.update({c: v for c, v in rows[key].items() if v})
    own = rows.get(relpath)
    if own is not None:
        if not merged:
            return own
        merged.update({c: v for c, v in own.items() if v})
    return merged


def is_sample(row: dict[str, str]) -> bool:
    """The manifest marks the file as a made-up sample article."""
    return row.get("sample", "").strip().casefold() in _YES


def load_manifest(raw_dir: Path) -> dict[str, dict[str, str]]:
    """Rows of the manifest keyed by raw path; bad rows are reported and skipped."""
    path = raw_dir / MANIFEST_NAME
    if not path.is_file():
        return {}
    rows: dict[str, dict[str, str]] = {}
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            for n, row in enumerate(csv.DictReader(f), start=2):
                key = (row.get("path") or "").strip()
                if not key:
                    log.warning("%s:%d: row without a path, skipped", path, n)
                    continue
                entry = {c: (row.get(c) or "").strip() for c in COLUMNS[1:]}
                if entry["published"] and not _is_iso(entry["published"]):
                    log.warning(
                        "%s:%d: published %r is not an ISO date, ignored", path, n,
                        entry["published"],
                    )
                    entry["published"] = ""
                rows[key] = entry
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        log.warning("%s: manifest unreadable (%s), ignored", path, exc)
        return {}
    return rows


def row_digest(row: dict[str, str]) -> str:
    """Short hash of a manifest row; a post records it so that a manifest edit updates it."""
    if not row:
        return ""
    return hashlib.sha256(json.dumps(row, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def _is_iso(value: str) -> bool:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True
