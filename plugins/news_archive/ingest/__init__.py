"""Raw folder -> posts folder, idempotently.

- A raw file whose bytes (sha256) did not change since its post was written is not processed.
- A post is written only when its bytes change; a post a person edited is never overwritten.
- Identical raw files make one post that lists the others as alternates.
- A raw file that cannot be read or cleaned is reported (file and reason) and skipped.
- The generated post of a deleted raw file is removed, unless a person edited it.

Modules: `scan` (raw files listed and hashed, existing posts), `state` (what earlier runs
learnt), `pipeline` (one raw file through decode, extract and tag: a `FileResult`),
`executors` and `distributed` (where that runs: this process, a process pool, a Dask
cluster), `dedup` and `duplicates` (identical and near-duplicate files), `manifest` (facts the
owner lists beside the raw files), `writer` (posts written, slugs and dates chosen) and
`report` (what a run did).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from safe_state import remove_leftover_temps

from ..draft import Draft
from ..tagging import register as entity_register
from .dedup import NearDuplicateIndex
from .duplicates import Copies, group_identical, remembered_near_duplicates
from .executors import map_local
from .manifest import pattern_keys, row_digest, row_for
from .pipeline import FileResult, manifest_rows
from .progress import Progress
from .renames import Renames
from .report import Report, limited, restart_caps
from .scan import hash_files, list_raw_files, load_existing_posts
from .state import STATE_NAME, load_state, save_state
from .writer import KnownPosts, PostWriter, remove_orphans

__all__ = ["STATE_NAME", "Report", "ingest"]

log = logging.getLogger("news_archive")

MapFiles = Callable[[str, list[str]], Iterable[FileResult]]


def ingest(raw_dir: Path, posts_dir: Path, workers: int | None = None,
           map_files: MapFiles | None = None, slug_settings: dict | None = None,
           progress: Progress | None = None) -> Report:
    """Turn every new or changed raw file into a post. Returns what was done.

    `map_files(raw_dir, paths)` runs the per-file pipeline elsewhere (a Dask cluster);
    `slug_settings` are the site's Pelican settings for slugs (Pelican's defaults without);
    `progress(done, total)` is called after each file processed.
    """
    raw_dir, posts_dir = Path(raw_dir), Path(posts_dir)
    report = Report()
    restart_caps()
    if not raw_dir.is_dir():
        log.warning("news_archive: raw folder %s does not exist; nothing to ingest", raw_dir)
        return report
    remove_leftover_temps(posts_dir)  # a killed run's half-written post or state
    rel_paths = list_raw_files(raw_dir, report)
    known = KnownPosts(load_existing_posts(posts_dir))
    given: dict[str, str] = {}
    state = load_state(posts_dir, given)
    register = entity_register.register_for(raw_dir)
    register_checked = entity_register.checked_digest(posts_dir)
    for post in known.existing:  # slugs of posts written before slugs were remembered
        if post.is_generated:
            given.setdefault(post.meta.get("slug", post.path.stem), post.meta.get("raw-sha256", ""))
    hashes = hash_files(raw_dir, rel_paths, report, state)
    exact = group_identical(hashes, report)
    copies = Copies(exact, remembered_near_duplicates(state, hashes, exact))
    todo = _files_to_process(raw_dir, exact, hashes, state, known, copies, register,
                             register_checked, report)

    def run(paths: list[str]) -> Iterable[FileResult]:
        if map_files is None:  # in path order, as the pool finishes them
            return map_local(str(raw_dir), paths, workers)
        return sorted(map_files(str(raw_dir), paths), key=lambda r: r.path)

    redone = set(todo)
    index = NearDuplicateIndex()
    for rel in exact if todo else ():  # only new or changed files are checked against it
        if rel not in copies.near_of and rel not in redone:
            index.add(rel, state.get(rel, {}).get("sketch", []))
    renames = Renames(known.existing, set(hashes), state) if todo else None
    writer = PostWriter(raw_dir, posts_dir, known, copies, report, slug_settings, renames, given,
                        register)
    for res in run(todo):  # posts are written while the pool works on the next files
        report.processed += 1
        for draft in _sort_out(res, index, copies.near_of, state, report):
            writer.write(draft)
        if progress is not None:
            progress(report.processed, len(todo))
    # Posts kept from earlier runs that just gained a near-duplicate must list it: redo them.
    gained = sorted({of for of in copies.near_of.values() if of not in redone and of in exact})
    gained = [g for g in gained if copies.alternates(g) != known.listed_alternates(g)]
    for res in run(gained) if gained else ():
        for draft in res.drafts:
            writer.write(draft)
    writer.finish()
    entity_register.remember(posts_dir, register)

    remove_orphans(known.existing, copies.live(), report, renames.adopted if renames else set())
    save_state(posts_dir, {rel: state[rel] for rel in exact if rel in state}, given)
    # A run that skipped files says so at warning level, so it shows in a normal build log.
    log.log(logging.WARNING if report.skipped else logging.INFO, report.summary_line())
    return report


def _files_to_process(raw_dir: Path, exact: Iterable[str], hashes: dict[str, str],
                      state: dict, known: KnownPosts, copies: Copies,
                      register: entity_register.Register, register_checked: str,
                      report: Report) -> list[str]:
    """The raw files to run through the pipeline: new or changed ones, near-duplicates (to
    record them), and those whose post the entity register or the manifest outdates. The
    others are counted as unchanged, with their warnings from earlier runs."""
    todo: list[str] = []
    rows = manifest_rows(str(raw_dir))
    patterns = pattern_keys(rows)
    for rel in exact:
        entry = state.get(rel, {})
        if rel in copies.near_of:
            report.duplicates.append((rel, copies.near_of[rel]))
        elif entry.get("sha") == hashes[rel] and entry.get("skipped"):
            report.skip(rel, entry["skipped"], " (unchanged since the last run)")
            continue
        elif not known.is_current(rel, hashes[rel], copies.alternates(rel),
                                  row_digest(row_for(rows, rel, patterns))) \
                or entity_register.outdated(known.of(rel), register, register_checked):
            todo.append(rel)
            continue
        report.unchanged += 1
        # the report lists every post's warnings, not only those of files processed now
        report.warnings += [(k, w) for k, w in state.get(rel, {}).get("warnings", [])]
    return todo


def _sort_out(res: FileResult, index: NearDuplicateIndex, near_of: dict[str, str], state: dict,
              report: Report) -> list[Draft]:
    """Record the errors and near-duplicates of one result; return its drafts to publish."""
    pending: list[Draft] = []
    rel = res.path
    old = state.get(rel, {})
    stamp = old.get("stamp") if old.get("sha") == res.sha256 else None
    for path, reason in res.errors:
        report.skip(path, reason)
    if not res.drafts:
        reason = res.errors[0][1] if res.errors else "no article found"
        state[rel] = {"sha": res.sha256, "stamp": stamp, "skipped": reason}
        return pending
    entry: dict = {"sha": res.sha256, "stamp": stamp}
    for draft in res.drafts:
        match = index.find(draft.sketch) if draft.index == 0 else None
        if match and match != rel:
            near_of[rel] = match
            entry["near_of"] = match
            report.duplicates.append((rel, match))
            log.warning("%s: near-duplicate of %s; recorded as an alternate source", rel, match,
                        extra=limited("near-duplicates"))
            continue
        if draft.index == 0:
            index.add(rel, draft.sketch)
            entry["sketch"] = draft.sketch
        pending.append(draft)
        if draft.extracted.warnings:
            key = rel + (f"#{draft.index}" if draft.index else "")
            entry.setdefault("warnings", []).extend([key, w] for w in draft.extracted.warnings)
    state[rel] = entry
    return pending
