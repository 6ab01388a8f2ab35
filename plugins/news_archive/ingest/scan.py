"""The folders ingest reads: raw files (listed and hashed) and the posts already written."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .. import posts
from ..errors import UnreadableInput
from .manifest import MANIFEST_NAME
from .pipeline import read_raw_bytes, sha256_of
from .report import Report

RAW_SUFFIXES = (".txt", ".text", ".html", ".htm", ".html.gz", ".htm.gz", ".json", ".jsonl")


@dataclass
class ExistingPost:
    """A post in the posts folder, with its header."""

    path: Path
    meta: dict[str, str]

    @property
    def raw_key(self) -> str:
        return self.meta.get("raw-path", "")

    @property
    def is_generated(self) -> bool:
        return posts.FINGERPRINT_KEY.lower() in self.meta


def list_raw_files(raw_dir: Path, report: Report) -> list[str]:
    """Raw files below raw_dir (posix paths relative to it), sorted; odd entries are reported."""
    found: list[str] = []
    root = raw_dir.resolve()
    for dirpath, dirnames, filenames in os.walk(raw_dir, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name == MANIFEST_NAME:
                continue
            full = Path(dirpath) / name
            rel = full.relative_to(raw_dir).as_posix()
            if not name.lower().endswith(RAW_SUFFIXES):
                report.skip(rel, f"unsupported file type (expected {' '.join(RAW_SUFFIXES)})")
                continue
            if full.is_symlink():
                target = full.resolve()
                if not target.is_relative_to(root):
                    report.skip(rel, "symlink points outside the raw folder")
                    continue
            found.append(rel)
    report.files_seen = len(found) + len(report.skipped)
    return found


def load_existing_posts(posts_dir: Path) -> list[ExistingPost]:
    """Every Markdown post in posts_dir, with its header."""
    if not posts_dir.is_dir():
        return []
    found = sorted(posts_dir.glob("*.md"))
    posts.forget_headers({os.path.abspath(p) for p in found})
    return [ExistingPost(p, posts.header_of(p)) for p in found]


def hash_files(raw_dir: Path, rel_paths: list[str], report: Report,
               state: dict[str, dict]) -> dict[str, str]:
    """sha256 of every readable raw file; unreadable ones are reported and dropped.

    Like git, a file whose size and modification time match the last run's keeps its hash
    without being read again; `state` records the stamp of every file hashed.
    """
    hashes: dict[str, str] = {}
    for rel in rel_paths:
        path = raw_dir / rel
        try:
            st = path.stat()
            stamp = [st.st_size, st.st_mtime_ns]
        except OSError:
            stamp = None
        entry = state.get(rel)
        if stamp and entry and entry.get("stamp") == stamp and entry.get("sha"):
            hashes[rel] = entry["sha"]
            continue
        try:
            hashes[rel] = sha256_of(read_raw_bytes(path))
        except UnreadableInput as exc:
            report.skip(rel, str(exc))
            continue
        if entry is None or entry.get("sha") != hashes[rel]:
            entry = state[rel] = {"sha": hashes[rel]}
        entry["stamp"] = stamp
    return hashes
