"""The search index in shards by date, each re-indexed only when its article pages change.

Pagefind's command line re-reads every HTML file of the site on every build. Instead, the build
notes the article pages it wrote (or kept unchanged), groups them into shards by date — one
shard while the archive holds at most `SEARCH_SHARD_SIZE` articles, else one per year, a year
over that size one per quarter, a quarter over it one per month, and the newest year (quarter)
split already at a quarter of that size — and indexes only the shards
whose pages were added, removed or changed, through Pagefind's indexing service. A day of new
articles re-indexes the newest shard; a build where no article page changed runs no Pagefind
at all. The search page merges the shards (Pagefind's `mergeIndex`).

Layout in OUTPUT_PATH/pagefind/: `shards/<name>/` (one Pagefind bundle each),
`pagefind-ui.js`/`.css` (copied from a bundle), `shards.js` (the list of shard names, read by
`search.html`) and `news-archive-shards.json` (the pages of each shard with a fingerprint of
what Pagefind reads of them, the record of what is indexed; the index and its record are lost
together). Only pages
written by this build are indexed, so a page left on disk by a deleted article is never found.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import re
import shutil
import time
import zlib
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .pagefind_service import PagefindError, PagefindService

log = logging.getLogger("news_archive.search")

MANIFEST = "news-archive-shards.json"
SHARDS_JS = "shards.js"
MANIFEST_VERSION = 2
UI_ASSETS = ("pagefind-ui.js", "pagefind-ui.css")


@dataclass
class ShardRun:
    """What one index update did (for the log, the build report and tests)."""

    pages: int = 0
    shards: int = 0
    reindexed: list[str] = field(default_factory=list)
    pages_indexed: int = 0
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0


# ------------------------------------------------------------------ shard names


def _level_key(level: int, year: int, month: int) -> str:
    if level == 0:
        return "all"
    if level == 1:
        return f"{year:04d}"
    if level == 2:
        return f"{year:04d}-q{(month - 1) // 3 + 1}"
    return f"{year:04d}-{month:02d}"


def assign_shards(pages: dict[str, tuple[int, int]], size: int) -> dict[str, str]:
    """Page -> shard name, from each page's (year, month): the coarsest grouping (all, year,
    quarter, month) under which a group holds at most `size` pages, and the newest group of
    a split at most a quarter of that (new articles land there, so it is the one re-indexed
    most: kept small, a day's articles re-index a few hundred pages at most). The same pages
    always give the same shards, whatever order they were built in."""
    out: dict[str, str] = {}

    def split(rels: list[str], level: int, newest: bool) -> None:
        limit = max(1, size // 4) if newest else size
        if level == 3 or len(rels) <= limit:
            for rel in rels:
                out[rel] = _level_key(level, *pages[rel])
            return
        groups: dict[str, list[str]] = defaultdict(list)
        for rel in rels:
            groups[_level_key(level + 1, *pages[rel])].append(rel)
        last = max(groups)  # names sort by date within a level
        for key, members in groups.items():
            split(members, level + 1, key == last and (newest or level == 0))

    split(sorted(pages), 0, False)
    return out


def page_url(rel: str) -> str:
    """The URL Pagefind's command line gives a page (`a/index.html` -> `/a/`)."""
    url = "/" + rel.replace(os.sep, "/")
    return url[: -len("index.html")] if url.endswith("/index.html") else url


# ------------------------------------------------------------------ the record


def load_manifest(folder: Path, config_key: str) -> dict:
    """The record of the index in `folder` ({} when missing, damaged or made differently)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    if (not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION
            or data.get("config") != config_key or not isinstance(data.get("shards"), dict)):
        return {}
    return data


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


_TAG_NAME = re.compile(r"<([a-zA-Z][\w-]*)")
_VOID = frozenset({"meta", "link", "img", "input", "br", "hr", "source", "area", "base",
                   "col", "embed", "track", "wbr"})


def marked_elements(html: str) -> list[str] | None:
    """Every element of a page carrying a `data-pagefind-*` attribute (the marked bodies,
    filters, metadata, sort keys), whole and in order; one inside another is part of it.
    None when the page cannot be read that way (a tag left open)."""
    parts: list[str] = []
    at = html.find("data-pagefind-")
    done = 0  # marked elements inside an element already taken are part of it
    while at != -1:
        start = html.rfind("<", 0, at)
        tag_end = html.find(">", at)
        m = _TAG_NAME.match(html, start) if start != -1 else None
        if m is None or tag_end == -1:
            return None
        end = tag_end + 1
        name = m.group(1).lower()
        if name not in _VOID and html[tag_end - 1] != "/":
            end = _closing(html, name, end)
        if start >= done:
            parts.append(html[start:end])
            done = max(done, end)
        at = html.find("data-pagefind-", tag_end)
    return parts


def search_fingerprint(html: str) -> str:
    """Hash of what Pagefind can read of a page: its marked elements (`marked_elements`). A
    page whose links to related articles changed but whose marked parts did not keeps its
    fingerprint, so its shard is not re-indexed; anything else Pagefind reads lies inside
    those elements."""
    h = hashlib.sha1()
    parts = marked_elements(html)
    for part in parts if parts is not None else [html]:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


_HTML_TAG = re.compile(r"<html\b[^>]*>", re.I)


def search_view(html: str) -> str:
    """The page as Pagefind is given it: its `<html>` tag (language) and its marked elements,
    without the navigation, entity lists and related links around them, which Pagefind
    parses but does not index (a quarter less indexing time; the index is the same, see
    tests/site/test_search_view.py). The page itself when it cannot be read that way."""
    parts = marked_elements(html)
    if not parts:
        return html
    m = _HTML_TAG.search(html)
    return ("<!DOCTYPE html>" + (m.group(0) if m else "<html>")
            + '<head><meta charset="utf-8"></head><body>' + "".join(parts) + "</body></html>")


@lru_cache(maxsize=64)
def _tag_pattern(name: str) -> re.Pattern:
    return re.compile(rf"<(/?){re.escape(name)}\b[^>]*>", re.I)


def _closing(html: str, name: str, pos: int) -> int:
    """End of the element `name` whose opening tag ends at `pos` (nesting counted)."""
    depth = 1
    for m in _tag_pattern(name).finditer(html, pos):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    return len(html)


def _hashes(output: Path, rels: list[str], old: dict[str, list]) -> tuple[dict[str, list],
                                                                           dict[str, str]]:
    """rel -> [search fingerprint, size, mtime_ns] of each page; a page whose size and mtime
    match the record keeps its recorded fingerprint unread. Also the text of the pages read."""
    out: dict[str, list] = {}
    read: dict[str, str] = {}
    for rel in rels:
        path = output / rel
        st = path.stat()
        prev = old.get(rel)
        if prev and prev[1:] == [st.st_size, st.st_mtime_ns]:
            out[rel] = prev
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        read[rel] = text
        out[rel] = [search_fingerprint(text), st.st_size, st.st_mtime_ns]
    return out, read


# ------------------------------------------------------------------ update

# Pagefind 1.5.2's service can answer WriteFiles before its last writes reach the disk, and
# stops at once when its input closes, leaving a file cut at a 4 KiB boundary (Pagefind issue
# #1271, fixed after that release). So a written shard is checked, and indexed again if cut.
PAGE_BOUNDARY = 4096
WRITE_ATTEMPTS = 3


def shard_damage(folder: Path) -> str | None:
    """Why a shard Pagefind wrote is incomplete (None when whole). A cut write stops on a
    4 KiB boundary, so only its entry file (parsed) and files whose size is a multiple of
    4 KiB (a compressed one must decompress, another is taken as cut) are read."""
    entry = folder / "pagefind-entry.json"
    try:
        json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return f"{entry.name}: {exc}"
    for path in folder.rglob("*"):
        if not path.is_file() or path == entry:
            continue
        size = path.stat().st_size
        if size and size % PAGE_BOUNDARY:
            continue
        data = path.read_bytes()
        if data[:2] != b"\x1f\x8b":
            return f"{path.relative_to(folder)}: {size} bytes, cut at a 4 KiB boundary"
        try:
            gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            return f"{path.relative_to(folder)}: {exc}"
    return None


def _complete_shards(building: Path, names: list[str],
                     index: Callable[[list[str]], int]) -> None:
    """Index again the shards Pagefind left incomplete (see `shard_damage`); PagefindError
    when one still is after `WRITE_ATTEMPTS` writes."""
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        damaged = {n: why for n in names if (why := shard_damage(building / n))}
        if not damaged:
            return
        if attempt == WRITE_ATTEMPTS:
            name, why = next(iter(damaged.items()))
            raise PagefindError(f"search shard {name} is incomplete after "
                                f"{WRITE_ATTEMPTS} writes ({why})")
        log.warning("news_archive search: Pagefind left %d shard(s) incomplete (%s: %s); "
                    "indexing them again", len(damaged), *next(iter(damaged.items())))
        for name in damaged:
            shutil.rmtree(building / name, ignore_errors=True)
        index(sorted(damaged))


def update_index(output: Path, pages: dict[str, tuple[int, int]], *, size: int,
                 config: dict, config_key: str,
                 service: Callable[[], PagefindService], workers: int = 1) -> ShardRun:
    """Bring OUTPUT/pagefind up to date with `pages` (rel path -> (year, month)), re-indexing
    only the shards whose pages changed. Raises PagefindError when Pagefind fails (the old
    index then stays as it was)."""
    start = time.perf_counter()
    folder = output / "pagefind"
    manifest = load_manifest(folder, config_key)
    if not manifest and folder.exists():
        # No usable record: an index of another layout or version. Start again.
        shutil.rmtree(folder)
    stored: dict[str, dict] = manifest.get("shards", {})
    old_stamps = {rel: stamp for shard in stored.values()
                  for rel, stamp in (shard.get("pages") or {}).items()
                  if isinstance(stamp, list) and len(stamp) == 3}
    rels = sorted(rel for rel in pages if (output / rel).is_file())
    stamps, read = _hashes(output, rels, old_stamps)
    names = assign_shards({rel: pages[rel] for rel in rels}, size)
    wanted: dict[str, dict[str, list]] = defaultdict(dict)
    for rel in rels:
        wanted[names[rel]][rel] = stamps[rel]
    if not wanted:
        wanted["all"] = {}
    run = ShardRun(pages=len(rels), shards=len(wanted))

    def digest_of(shard: dict[str, list]) -> dict[str, str]:
        return {rel: stamp[0] for rel, stamp in shard.items()}

    dirty = sorted(
        name for name, shard in wanted.items()
        if name not in stored
        or digest_of(shard) != digest_of(stored[name].get("pages") or {})
        or not (folder / "shards" / name / "pagefind-entry.json").is_file()
    )
    if dirty:
        building = folder / ".building"
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir(parents=True)

        def index(names: list[str]) -> int:
            done = 0
            with service() as pf:
                for name in names:
                    index_id = pf.new_index(config)
                    batch = []
                    for rel in sorted(wanted[name]):
                        text = read.pop(rel, None)
                        if text is None:
                            text = (output / rel).read_bytes().decode("utf-8", errors="replace")
                        batch.append((page_url(rel), search_view(text)))
                    done += pf.add_html(index_id, batch)
                    pf.write_files(index_id, (building / name).resolve())
                    pf.delete_index(index_id)
            return done

        # Shards are independent: with several to index, one Pagefind service per core.
        lanes = max(1, min(workers, len(dirty)))
        groups = [dirty[i::lanes] for i in range(lanes)]
        if lanes == 1:
            run.pages_indexed = index(dirty)
        else:
            with ThreadPoolExecutor(lanes) as pool:
                run.pages_indexed = sum(pool.map(index, groups))
        _complete_shards(building, dirty, index)
        (folder / "shards").mkdir(parents=True, exist_ok=True)
        for name in dirty:
            target = folder / "shards" / name
            if target.exists():
                trash = building / f"{name}.old"
                os.replace(target, trash)
            os.replace(building / name, target)
        shutil.rmtree(building, ignore_errors=True)
        run.reindexed = dirty
    for name in sorted(set(stored) - set(wanted)):
        shutil.rmtree(folder / "shards" / name, ignore_errors=True)
        run.removed.append(name)
    _copy_ui(folder, sorted(wanted))
    order = sorted(wanted, reverse=True)  # newest first: the primary bundle
    _write_atomic(folder / SHARDS_JS, "window.newsArchiveSearchShards = "
                  + json.dumps(order) + ";\n")
    _write_atomic(folder / MANIFEST, json.dumps({
        "version": MANIFEST_VERSION, "config": config_key,
        "shards": {name: {"pages": dict(sorted(wanted[name].items()))}
                   for name in sorted(wanted)},
    }, separators=(",", ":")))
    run.seconds = time.perf_counter() - start
    return run


def _copy_ui(folder: Path, names: list[str]) -> None:
    """pagefind-ui.js/.css at the top of pagefind/, from a shard's bundle (they are the same
    in every bundle of one Pagefind version)."""
    for name in names:
        bundle = folder / "shards" / name
        if not (bundle / UI_ASSETS[0]).is_file():
            continue
        for asset in UI_ASSETS:
            src, dst = bundle / asset, folder / asset
            data = src.read_bytes()
            if not dst.is_file() or dst.read_bytes() != data:
                _write_atomic_bytes(dst, data)
        return


def _write_atomic_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


__all__ = ["PagefindError", "ShardRun", "assign_shards", "load_manifest", "page_url",
           "recorded_stamps", "search_fingerprint", "update_index"]


def recorded_stamps(output: Path) -> dict[str, list]:
    """rel -> [sha1, size, mtime_ns] of every page the index in OUTPUT/pagefind records, in
    whatever configuration it was made."""
    try:
        data = json.loads((output / "pagefind" / MANIFEST).read_text(encoding="utf-8"))
        return {rel: stamp for shard in data["shards"].values()
                for rel, stamp in shard["pages"].items()}
    except (OSError, ValueError, UnicodeDecodeError, KeyError, TypeError, AttributeError):
        return {}
