"""Autoreload picks up changes made while it rebuilds.

Pelican 4.12's `autoreload` loop runs a build, then starts watching (`wait_for_changes`): a
file edited or deleted while the build ran is never seen. Here, in autoreload mode only, a
snapshot (name, size, mtime) of the content folder, the theme and the settings file is taken
when each build starts (`get_generators`); the posts folder is snapshotted again when ingest
has written its posts (those are the build's own changes). When the build ends,
`wait_for_changes` first compares the snapshot with the folders as they are now, and returns
at once (a new build) when they differ; otherwise it watches as Pelican does. Hidden files
are skipped, as Pelican's default `IGNORE_FILES` does.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger("news_archive")
Stamp = dict[str, tuple[int, int]]
_watch: dict = {"active": False, "snapshot": None, "roots": ()}


def snapshot(roots: tuple[str, ...], skip: tuple[str, ...] = ()) -> Stamp:
    """(size, mtime_ns) of every visible file below `roots`, except below `skip` folders."""
    found: Stamp = {}
    for root in roots:
        if os.path.isfile(root):  # the settings file
            st = os.stat(root)
            found[root] = (st.st_size, st.st_mtime_ns)
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")
                           and os.path.join(dirpath, d) not in skip]
            for name in filenames:
                if name.startswith("."):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                found[path] = (st.st_size, st.st_mtime_ns)
    return found


def _roots(settings: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    watched = (settings.get("PATH"), settings.get("THEME"), _watch.get("settings_file"))
    roots = tuple(os.path.abspath(p) for p in watched if p)
    skip = tuple(os.path.abspath(p) for p in (settings.get("OUTPUT_PATH"),
                                              settings.get("CACHE_PATH")) if p)
    return roots, skip


def build_starts(pelican) -> None:
    """`get_generators` (start of every run): remember the watched folders as they are."""
    if not _watch["active"]:
        return
    roots, skip = _roots(pelican.settings)
    _watch["roots"], _watch["skip"] = roots, skip
    _watch["snapshot"] = snapshot(roots, skip)


def posts_written(posts_dir: Path) -> None:
    """After ingest: the posts folder's new state is the build's own doing, not a change."""
    snap = _watch["snapshot"]
    if not _watch["active"] or snap is None:
        return
    folder = os.path.abspath(posts_dir)
    for path in [p for p in snap if p.startswith(folder + os.sep)]:
        del snap[path]
    snap.update(snapshot((folder,)))


def changed_since_build() -> set[str]:
    """Files added, edited or deleted since the build started (less the build's own posts)."""
    old = _watch["snapshot"]
    if old is None:
        return set()
    new = snapshot(_watch["roots"], _watch.get("skip", ()))
    return {p for p in old.keys() | new.keys() if old.get(p) != new.get(p)}


def install() -> None:
    """Wrap Pelican's `autoreload` (to know the mode) and `wait_for_changes`."""
    import pelican
    from watchfiles import Change

    if getattr(pelican.autoreload, "_news_archive", False):
        return
    original_loop, original_wait = pelican.autoreload, pelican.wait_for_changes

    def autoreload(args, excqueue=None):
        _watch["active"] = True
        _watch["settings_file"] = getattr(args, "settings", None)
        return original_loop(args, excqueue)

    def wait_for_changes(settings_file, settings):
        changed = changed_since_build()
        _watch["snapshot"] = None
        if changed:
            log.warning("news_archive: %d files changed while the site was built (%s); "
                        "building again", len(changed), ", ".join(sorted(changed)[:3]))
            return {(Change.modified, p) for p in changed}
        return original_wait(settings_file, settings)

    autoreload._news_archive = True  # type: ignore[attr-defined]
    pelican.autoreload = autoreload
    pelican.wait_for_changes = wait_for_changes
