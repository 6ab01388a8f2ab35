"""Raw folder -> posts folder, idempotently.

- A raw file whose bytes (sha256) did not change since its post was written is not processed.
- A post is written only when its bytes change; a post a person edited is never overwritten.
- Identical raw files make one post that lists the others as alternates.
- A raw file that cannot be read or cleaned is reported (file and reason) and skipped.
- The generated post of a deleted raw file is removed, unless a person edited it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import repeat
from pathlib import Path

from . import posts
from .dedup import NearDuplicateIndex
from .draft import Draft
from .entities import register as entity_register
from .manifest import MANIFEST_NAME, row_digest
from .pipeline import manifest_row, process_file

log = logging.getLogger("news_archive")

STATE_NAME = ".ingest-state.json"

RAW_SUFFIXES = (".txt", ".text", ".html", ".htm", ".html.gz", ".htm.gz", ".json", ".jsonl")
SLUG_MAX = 80
CHUNK_MAX = 16  # files per task sent to a worker: small, so results stream back


@dataclass
class Report:
    """What one ingest run did (also written as output/ingest-report.json)."""

    files_seen: int = 0
    processed: int = 0
    posts_written: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (raw path, reason)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (raw path, kept post)
    kept_edits: list[str] = field(default_factory=list)  # hand-edited posts left alone
    removed: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "files_seen": self.files_seen,
            "processed": self.processed,
            "posts_written": len(self.posts_written),
            "posts_written_files": self.posts_written,
            "unchanged": self.unchanged,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "duplicates": [{"path": p, "post": k} for p, k in self.duplicates],
            "hand_edited_kept": self.kept_edits,
            "removed": self.removed,
        }

    def skip(self, path: str, reason: str, note: str = "") -> None:
        """Record a raw file (or record) that is not published, and say why in one log line."""
        self.skipped.append((path, reason))
        log.warning("%s: skipped%s: %s", path, note, reason)

    def summary_line(self) -> str:
        return (
            f"news_archive ingest: {self.files_seen} raw files seen, "
            f"{len(self.posts_written)} posts written, {self.unchanged} unchanged, "
            f"{len(self.skipped)} skipped, {len(self.duplicates)} duplicates, "
            f"{len(self.kept_edits)} hand-edited posts kept, {len(self.removed)} removed"
        )


@dataclass
class ExistingPost:
    path: Path
    meta: dict[str, str]

    @property
    def raw_key(self) -> str:
        return self.meta.get("raw-path", "")

    @property
    def is_generated(self) -> bool:
        return posts.FINGERPRINT_KEY.lower() in self.meta


# ---------------------------------------------------------------- scanning


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
                report.skip(rel, f"unsupported file type (expected {_suffix_list()})")
                continue
            if full.is_symlink():
                target = full.resolve()
                if not target.is_relative_to(root):
                    report.skip(rel, "symlink points outside the raw folder")
                    continue
            found.append(rel)
    report.files_seen = len(found) + len(report.skipped)
    return found


def _suffix_list() -> str:
    return " ".join(RAW_SUFFIXES)


def load_existing_posts(posts_dir: Path) -> list[ExistingPost]:
    """Every Markdown post in posts_dir, with its header."""
    if not posts_dir.is_dir():
        return []
    found = sorted(posts_dir.glob("*.md"))
    posts.forget_headers({os.path.abspath(p) for p in found})
    return [ExistingPost(p, posts.header_of(p)) for p in found]


def load_state(posts_dir: Path) -> dict[str, dict]:
    """What earlier runs learnt per raw file (sha, sketch, skip reason, near-duplicate of)."""
    try:
        data = json.loads((posts_dir / STATE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if data.get("version") != posts.PIPELINE_VERSION:
        return {}
    return data.get("files", {})


def save_state(posts_dir: Path, files: dict[str, dict]) -> None:
    """Write the state file only when it changes (autoreload must not loop)."""
    text = json.dumps({"version": posts.PIPELINE_VERSION, "files": files}, sort_keys=True)
    target = posts_dir / STATE_NAME
    try:
        if target.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    posts_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- slugs and dates


def slugify(title: str) -> str:
    """ASCII slug of a headline, cut at a word boundary."""
    ascii_ = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX].rsplit("-", 1)[0]
    return slug


def choose_date(draft: Draft, raw_file: Path) -> tuple[str, str]:
    """(ISO date, where it came from): the raw file or its manifest row, else the file's mtime."""
    e = draft.extracted
    if e.published:
        return e.published, e.published_source or "raw"
    try:
        mtime = raw_file.stat().st_mtime
    except OSError:
        mtime = 0.0
    when = datetime.fromtimestamp(mtime, tz=timezone.utc).strftime("%Y-%m-%d %H:%M")
    log.warning("%s: no publication date found; using the file's modification time", draft.path)
    return when, "file-mtime"


# ---------------------------------------------------------------- the run


def ingest(
    raw_dir: Path,
    posts_dir: Path,
    workers: int | None = None,
    map_files: Callable[[str, list[str]], Iterable[dict]] | None = None,
) -> Report:
    """Turn every new or changed raw file into a post. Returns what was done."""
    raw_dir, posts_dir = Path(raw_dir), Path(posts_dir)
    report = Report()
    if not raw_dir.is_dir():
        log.warning("news_archive: raw folder %s does not exist; nothing to ingest", raw_dir)
        return report
    rel_paths = list_raw_files(raw_dir, report)
    existing = load_existing_posts(posts_dir)
    by_raw: dict[str, list[ExistingPost]] = {}
    for post in existing:
        if post.raw_key:
            by_raw.setdefault(post.raw_key.split("#", 1)[0], []).append(post)

    state = load_state(posts_dir)
    register = entity_register.register_for(raw_dir)
    register_checked = entity_register.checked_digest(posts_dir)
    hashes = _hash_files(raw_dir, rel_paths, report, state)
    exact = _group_identical(hashes, report)
    near_of = _remembered_near_duplicates(state, hashes, exact)
    todo: list[str] = []
    for rel in exact:
        entry = state.get(rel, {})
        if rel in near_of:
            report.duplicates.append((rel, near_of[rel]))
        elif entry.get("sha") == hashes[rel] and entry.get("skipped"):
            report.skip(rel, entry["skipped"], " (unchanged since the last run)")
            continue
        elif not _is_current(
            hashes[rel], _alternates(rel, exact, near_of), by_raw.get(rel, []),
            row_digest(manifest_row(str(raw_dir), rel)),
        ) or entity_register.outdated(by_raw.get(rel, []), register, register_checked):
            todo.append(rel)
            continue
        report.unchanged += 1
    if map_files is None:  # in path order, as the pool finishes them
        results: Iterable[dict] = _map_local(str(raw_dir), todo, workers)
    else:
        results = sorted(map_files(str(raw_dir), todo), key=lambda r: r["path"])

    redone = set(todo)
    index = NearDuplicateIndex()
    for rel in exact if todo else ():  # only new or changed files are checked against it
        if rel not in near_of and rel not in redone:
            index.add(rel, state.get(rel, {}).get("sketch", []))
    taken = {p.meta.get("slug", p.path.stem): p for p in existing}
    writer = _PostWriter(raw_dir, posts_dir, by_raw, taken, report, exact, near_of)
    for res in results:  # posts are written while the pool works on the next files
        report.processed += 1
        for draft in _sort_out(res, index, near_of, state, report):
            writer.write(draft)
    # Posts kept from earlier runs that just gained a near-duplicate must list it: redo them.
    gained = sorted({of for of in near_of.values() if of not in redone and of in exact})
    gained = [g for g in gained if _alternates(g, exact, near_of) != _listed_alternates(by_raw, g)]
    if gained:
        mapper = map_files or (lambda d, paths: _map_local(d, paths, workers))
        for res in mapper(str(raw_dir), gained):
            for draft in res["drafts"]:
                writer.write(draft)
    writer.finish()
    entity_register.remember(posts_dir, register)

    live = set(exact) - set(near_of)
    _remove_orphans(existing, live, report)
    save_state(posts_dir, {rel: state[rel] for rel in exact if rel in state})
    # A run that skipped files says so at warning level, so it shows in a normal build log.
    log.log(logging.WARNING if report.skipped else logging.INFO, report.summary_line())
    return report


def _sort_out(res: dict, index: NearDuplicateIndex, near_of: dict[str, str], state: dict,
              report: Report) -> list[Draft]:
    """Record the errors and near-duplicates of one result; return its drafts to publish."""
    pending: list[Draft] = []
    rel = res["path"]
    old = state.get(rel, {})
    stamp = old.get("stamp") if old.get("sha") == res["sha256"] else None
    for path, reason in res["errors"]:
        report.skip(path, reason)
    if not res["drafts"]:
        reason = res["errors"][0][1] if res["errors"] else "no article found"
        state[rel] = {"sha": res["sha256"], "stamp": stamp, "skipped": reason}
        return pending
    entry: dict = {"sha": res["sha256"], "stamp": stamp}
    for draft in res["drafts"]:
        match = index.find(draft.sketch) if draft.index == 0 else None
        if match and match != rel:
            near_of[rel] = match
            entry["near_of"] = match
            report.duplicates.append((rel, match))
            log.warning("%s: near-duplicate of %s; recorded as an alternate source", rel, match)
            continue
        if draft.index == 0:
            index.add(rel, draft.sketch)
            entry["sketch"] = draft.sketch
        pending.append(draft)
    state[rel] = entry
    return pending


def _remembered_near_duplicates(state: dict, hashes: dict[str, str],
                                exact: dict[str, list[str]]) -> dict[str, str]:
    """Near-duplicate links from earlier runs that still hold (both files unchanged)."""
    near: dict[str, str] = {}
    for rel, entry in state.items():
        of = entry.get("near_of")
        if of and rel in exact and of in exact and entry.get("sha") == hashes.get(rel):
            near[rel] = of
    return near


def _alternates(rel: str, exact: dict[str, list[str]], near_of: dict[str, str]) -> list[str]:
    """Other raw files that hold this file's article: identical copies, then near-duplicates."""
    return exact.get(rel, []) + sorted(k for k, v in near_of.items() if v == rel)


def _listed_alternates(by_raw: dict[str, list[ExistingPost]], rel: str) -> list[str]:
    posts_of = by_raw.get(rel, [])
    return posts.split_list(posts_of[0].meta.get("alternates", "")) if posts_of else []


def _hash_files(raw_dir: Path, rel_paths: list[str], report: Report,
                state: dict[str, dict]) -> dict[str, str]:
    """sha256 of every readable raw file; unreadable ones are reported and dropped.

    Like git, a file whose size and modification time match the last run's keeps its hash
    without being read again; `state` records the stamp of every file hashed.
    """
    from .errors import UnreadableInput
    from .pipeline import read_raw_bytes, sha256_of

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


def _group_identical(hashes: dict[str, str], report: Report) -> dict[str, list[str]]:
    """Primary raw file -> the identical files it stands for (first path in sort order wins)."""
    groups: dict[str, list[str]] = {}
    for rel in sorted(hashes):
        groups.setdefault(hashes[rel], []).append(rel)
    primaries: dict[str, list[str]] = {}
    for first, *rest in groups.values():
        primaries[first] = rest
        for dup in rest:
            report.duplicates.append((dup, first))
            log.info("%s: identical to %s; published once", dup, first)
    return primaries


def _is_current(sha: str, alternates: list[str], posts_of_file: list[ExistingPost],
                manifest_digest: str) -> bool:
    """True when the raw file's post(s) came from these exact bytes, copies and manifest row."""
    if not posts_of_file:
        return False
    alt = posts.join_list(alternates)
    return all(
        not p.is_generated
        or (
            p.meta.get("raw-sha256") == sha
            and p.meta.get("pipeline-version") == posts.PIPELINE_VERSION
            and p.meta.get("alternates", "") == alt
            and p.meta.get("manifest-digest", "") == manifest_digest
        )
        for p in posts_of_file
    )


def available_cores() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _map_local(raw_dir: str, paths: list[str], workers: int | None) -> Iterator[dict]:
    """process_file over paths, yielded in order; in a process pool when there is enough work.

    Data (gazetteers, language model, patterns) is loaded once in this process before the
    pool forks, so workers share it instead of each loading it again. Results come back in
    small chunks, so the caller handles them while the workers go on.
    """
    workers = workers or int(os.environ.get("NEWS_ARCHIVE_WORKERS", "0")) or available_cores()
    if workers <= 1 or len(paths) < 20:
        for p in paths:
            yield process_file(raw_dir, p)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from .pipeline import warm_up

    warm_up()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(CHUNK_MAX, len(paths) // (workers * 4)))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        yield from pool.map(process_file, repeat(raw_dir), paths, chunksize=chunk)
    finally:  # also when the caller stops early: drop the work not started yet
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class _Written:
    """A post written in this run, kept until the end in case it gains a near-duplicate."""

    draft: Draft
    slug: str
    date: str
    date_source: str
    target: Path
    before: bytes | None  # digest of the file's text before this run (None: no file)


class _PostWriter:
    """Writes posts as their drafts arrive, in raw-path order.

    A near-duplicate found later adds itself to an earlier file's `Alternates`, so `finish`
    rewrites those posts; it also puts the report's lists in raw-path order, as if every
    post had been written at the end with its final alternates.
    """

    def __init__(self, raw_dir: Path, posts_dir: Path, by_raw: dict[str, list[ExistingPost]],
                 taken: dict[str, ExistingPost], report: Report, exact: dict[str, list[str]],
                 near_of: dict[str, str]) -> None:
        self.raw_dir, self.posts_dir, self.by_raw, self.taken = raw_dir, posts_dir, by_raw, taken
        self.report, self.exact, self.near_of = report, exact, near_of
        self.written: dict[tuple[str, int], _Written] = {}
        self.changed: dict[tuple[str, int], str] = {}  # post file names, by (raw path, index)
        self.kept: dict[tuple[str, int], str] = {}  # hand-edited posts left alone

    def write(self, draft: Draft) -> None:
        """Write (or leave alone) the post of one draft."""
        draft.alternates = _alternates(draft.path, self.exact, self.near_of)
        date, date_source = choose_date(draft, self.raw_dir / draft.path)
        key = (draft.path, draft.index)
        raw_key = draft.path + (f"#{draft.index}" if draft.index else "")
        previous = next((p for p in self.by_raw.get(draft.path, []) if p.raw_key == raw_key), None)
        if previous is not None and posts.is_hand_edited(previous.path):
            self.kept[key] = previous.path.name
            log.warning(
                "%s: raw file or entity register changed but its post %s was edited by hand; "
                "post left as it is",
                draft.path, previous.path.name,
            )
            return
        entity_register.apply_to_draft(draft, entity_register.register_for(self.raw_dir))
        slug = previous.meta.get("slug") if previous else None
        if not slug:
            slug = slugify(draft.extracted.title) or f"article-{draft.sha256[:8]}"
            if slug in self.taken:
                slug = f"{slug}-{draft.sha256[:8]}" + (f"-{draft.index}" if draft.index else "")
        target = self.posts_dir / f"{slug}.md"
        if previous is not None and previous.path != target:
            previous.path.unlink(missing_ok=True)
        self.taken[slug] = ExistingPost(target, {"slug": slug})
        old = _read_post(target)
        done = _Written(draft, slug, date, date_source, target, _digest(old))
        self.written[key] = done
        self._put(key, done, old)

    def finish(self) -> None:
        """Rewrite posts that gained near-duplicates; order the report by raw path."""
        gained = set(self.near_of.values())
        for key, done in self.written.items():
            if key[0] not in gained:
                continue
            alternates = _alternates(key[0], self.exact, self.near_of)
            if alternates != done.draft.alternates:
                done.draft.alternates = alternates
                self._put(key, done, _read_post(done.target))
        self.report.posts_written += [self.changed[k] for k in sorted(self.changed)]
        self.report.kept_edits += [self.kept[k] for k in sorted(self.kept)]

    def _put(self, key: tuple[str, int], done: _Written, old: str | None) -> None:
        """Render the post and write it if its text changed; note it if it differs from
        what was there before this run."""
        text = entity_register.stamp_draft_post(
            posts.render_post(done.draft, done.slug, done.date, done.date_source),
            done.draft, entity_register.register_for(self.raw_dir))
        if old != text:
            self.posts_dir.mkdir(parents=True, exist_ok=True)
            tmp = done.target.with_suffix(".md.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, done.target)
        if done.before is None or _digest(text) != done.before:
            self.changed[key] = done.target.name
        else:
            self.changed.pop(key, None)


def _read_post(path: Path) -> str | None:
    """A post's text (None when there is no such file)."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None


def _digest(text: str | None) -> bytes | None:
    return None if text is None else hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def _remove_orphans(existing: list[ExistingPost], live: set[str], report: Report) -> None:
    """Remove generated, unedited posts whose raw file is gone (or is now a duplicate)."""
    for post in existing:
        raw = post.raw_key.split("#", 1)[0]
        if not raw or not post.is_generated or raw in live or not post.path.exists():
            continue
        if posts.is_hand_edited(post.path):
            log.warning("%s: raw file %s is gone; hand-edited post kept", post.path.name, raw)
            report.kept_edits.append(post.path.name)
            continue
        post.path.unlink()
        report.removed.append(post.path.name)
