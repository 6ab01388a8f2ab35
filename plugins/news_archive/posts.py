"""Draft -> Markdown post with a Pelican metadata header, and back (read an existing post).

A generated post carries `Generated-Sha256`, the hash of its own text without that line. When a
person edits the post the hash no longer matches, and ingest leaves the post alone.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from .draft import Draft

FINGERPRINT_KEY = "Generated-Sha256"
LIST_SEPARATOR = ";"
# Bumped when the post format or the pipeline changes so that unedited posts are regenerated.
PIPELINE_VERSION = "6"

_MD_INLINE = re.compile(r"([\\`*_\[\]{}|])")
_MD_BLOCK_START = re.compile(r"^(\s*\d*)([#>+\-:~]|(?<=\d)[.)])")
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):\s?(.*)$")


def escape_markdown(text: str) -> str:
    """Escape text so Markdown renders it literally (no markup, no raw HTML).

    Characters Markdown can escape get a backslash; a block marker it cannot escape (`~` of a
    fenced block) becomes a character reference.
    """
    text = _ENTITY_LIKE.sub("&amp;", text)
    text = text.replace("<", "&lt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    return _MD_BLOCK_START.sub(_escape_block_marker, text)


def _escape_block_marker(m: re.Match) -> str:
    marker = m.group(2)
    if marker in "~:":
        return m.group(1) + f"&#{ord(marker)};"
    return m.group(1) + "\\" + marker


def header_value(value: str) -> str:
    """A metadata value on one line."""
    return " ".join(str(value).split())


def join_list(values) -> str:
    """`;`-separated header list (names may contain commas)."""
    return LIST_SEPARATOR.join(header_value(v).replace(LIST_SEPARATOR, ",") for v in values if v)


def split_list(value: str) -> list[str]:
    """Inverse of `join_list`."""
    return [v.strip() for v in (value or "").split(LIST_SEPARATOR) if v.strip()]


def fingerprint(text: str) -> str:
    """Hash of a post's text without its fingerprint line."""
    kept = [ln for ln in text.splitlines() if not ln.startswith(FINGERPRINT_KEY + ":")]
    return hashlib.sha256("\n".join(kept).encode("utf-8")).hexdigest()


def render_post(draft: Draft, slug: str, date: str, date_source: str) -> str:
    """The full Markdown text of a generated post."""
    e, t = draft.extracted, draft.tags
    aliases = [
        f"{a}={o.name}" for o in t.organizations for a in o.aliases if a and a != o.name
    ]
    fields = [
        ("Title", e.title or "Untitled article"),
        ("Date", date),
        ("Slug", slug),
        ("Summary", escape_markdown(header_value(e.summary)) if e.summary else ""),
        ("Source", e.source),
        ("Byline", e.byline),
        ("Credits", e.credits),
        ("Countries", join_list(t.countries)),
        ("Organizations", join_list(o.name for o in t.organizations)),
        ("Organization-Aliases", join_list(aliases)),
        ("Persons", join_list(t.persons)),
        ("Dates-Mentioned", join_list(t.dates_mentioned)),
        ("Language", e.language),
        ("Sample", "yes" if e.sample else ""),
        ("Original-Url", e.url),
        ("Date-Source", date_source),
        ("Raw-Path", draft.path + (f"#{draft.index}" if draft.index else "")),
        ("Raw-Sha256", draft.sha256),
        ("Alternates", join_list(draft.alternates)),
        ("Manifest-Digest", draft.manifest_digest),
        ("Pipeline-Version", PIPELINE_VERSION),
    ]
    lines = [f"{k}: {header_value(v)}" for k, v in fields if v]
    body = "\n\n".join(escape_markdown(p) for p in draft.extracted.paragraphs)
    text = "\n".join(lines) + "\n\n" + body + "\n"
    return f"{FINGERPRINT_KEY}: {fingerprint(text)}\n" + text


def read_header(path: Path, max_lines: int = 60) -> dict[str, str]:
    """The metadata header of a post (keys lower-cased), reading only the header lines."""
    meta: dict[str, str] = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f):
            if n >= max_lines or not line.strip():
                break
            m = _HEADER_LINE.match(line.rstrip("\n"))
            if m:
                meta[m.group(1).lower()] = m.group(2).strip()
    return meta


def file_stamp(path: str | os.PathLike | None) -> list[int] | None:
    """[size, mtime_ns, inode] of a post file (None when it is gone): a kept result about the
    post is still good while its stamp is the same."""
    if not path:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


_headers: dict[tuple, dict[str, str]] = {}


def header_of(path: Path) -> dict[str, str]:
    """`read_header(path)`, remembered while the file keeps its stat (for long-lived
    processes that scan the same posts again and again: `pelican --autoreload`)."""
    try:
        st = os.stat(path)
    except OSError:
        return read_header(path)
    key = (os.path.abspath(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    hit = _headers.get(key)
    if hit is None:
        hit = _headers[key] = read_header(path)
    return dict(hit)


def forget_headers(keep: set[str]) -> None:
    """Drop remembered headers of files not in `keep` (absolute paths)."""
    for key in [k for k in _headers if k[0] not in keep]:
        del _headers[key]


def is_hand_edited(path: Path) -> bool:
    """True when a post was edited after it was generated (or was written by a person)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    stored = read_header(path).get(FINGERPRINT_KEY.lower())
    return stored is None or stored != fingerprint(text)
