"""The folders ingest reads: raw files (listed and hashed) and the posts already written."""

from __future__ import annotations

import json
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
    """Raw files below raw_dir (posix paths relative to it), sorted; odd entries are reported.

    One `scandir` per folder, the entry types from it (no `stat` per file): listing 5,000
    unchanged files must cost little, as every build does it."""
    found: list[str] = []
    root = raw_dir.resolve()
    skipped_before = len(report.skipped)

    def walk(folder: str, prefix: str) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            report.skip(prefix.rstrip("/") or ".", f"folder unreadable ({exc.strerror})")
            return
        files, dirs = [], []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            (dirs if is_dir else files).append(entry)
        for entry in files:
            name = entry.name
            if name == MANIFEST_NAME:
                continue
            rel = prefix + name
            if not name.lower().endswith(RAW_SUFFIXES):
                report.skip(rel, f"unsupported file type (expected {' '.join(RAW_SUFFIXES)})")
                continue
            if entry.is_symlink():
                target = Path(entry.path).resolve()
                if not target.is_relative_to(root):
                    report.skip(rel, "symlink points outside the raw folder")
                    continue
            found.append(rel)
        for entry in dirs:
            walk(entry.path, prefix + entry.name + "/")

    walk(str(raw_dir), "")
    report.files_seen = len(found) + len(report.skipped) - skipped_before
    return found


def load_existing_posts(posts_dir: Path) -> list[ExistingPost]:
    """Every Markdown post in posts_dir, with its header.

    Headers are remembered between runs in `posts/.post-headers.json` (a cache: name, size,
    mtime and inode of each post, and its header), so an unchanged folder is only listed and
    stat'ed, not read."""
    if not posts_dir.is_dir():
        return []
    with os.scandir(posts_dir) as it:
        names = sorted(e.name for e in it if e.name.endswith(".md") and not e.is_dir())
    found = [posts_dir / name for name in names]
    posts.forget_headers({os.path.abspath(p) for p in found})
    memo = _load_headers(posts_dir)
    fresh: dict[str, list] = {}
    out = []
    for name, path in zip(names, found, strict=True):
        stamp = posts.file_stamp(path)
        if stamp is None:
            out.append(ExistingPost(path, posts.header_of(path)))
            continue
        hit = memo.get(name)
        if isinstance(hit, list) and len(hit) == 4 and hit[:3] == stamp \
                and isinstance(hit[3], dict):
            meta = hit[3]
        else:
            meta = posts.header_of(path)
        fresh[name] = [*stamp, meta]
        out.append(ExistingPost(path, dict(meta)))
    if fresh != memo:
        _save_headers(posts_dir, fresh)
    return out


HEADERS_NAME = ".post-headers.json"


def _load_headers(posts_dir: Path) -> dict[str, list]:
    """The remembered headers ({} when missing or damaged: they are read again)."""
    try:
        data = json.loads((posts_dir / HEADERS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    if not isinstance(data, dict) or data.get("version") != posts.PIPELINE_VERSION:
        return {}
    headers = data.get("posts")
    return headers if isinstance(headers, dict) else {}


def _save_headers(posts_dir: Path, headers: dict[str, list]) -> None:
    """Write the remembered headers atomically (a failure only costs the next run a read)."""
    target = posts_dir / HEADERS_NAME
    tmp = target.with_name(target.name + ".tmp")
    try:
        text = json.dumps({"version": posts.PIPELINE_VERSION, "posts": headers},
                          separators=(",", ":"), ensure_ascii=False)  # one write: faster
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, target)
    except OSError:
        tmp.unlink(missing_ok=True)


def hash_files(raw_dir: Path, rel_paths: list[str], report: Report,
               state: dict[str, dict]) -> dict[str, str]:
    """sha256 of every readable raw file; unreadable ones are reported and dropped.

    Like git, a file whose size and modification time match the last run's keeps its hash
    without being read again; `state` records the stamp of every file hashed.
    """
    hashes: dict[str, str] = {}
    base = os.path.join(str(raw_dir), "")
    for rel in rel_paths:
        try:
            st = os.stat(base + rel)
            stamp = [st.st_size, st.st_mtime_ns]
        except OSError:
            stamp = None
        entry = state.get(rel)
        if stamp and entry and entry.get("stamp") == stamp and entry.get("sha"):
            hashes[rel] = entry["sha"]
            continue
        try:
            hashes[rel] = sha256_of(read_raw_bytes(raw_dir / rel))
        except UnreadableInput as exc:
            report.skip(rel, str(exc))
            continue
        if entry is None or entry.get("sha") != hashes[rel]:
            entry = state[rel] = {"sha": hashes[rel]}
        entry["stamp"] = stamp
    return hashes
