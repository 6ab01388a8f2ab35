"""The render state: what the last build wrote, and what every output depends on.

`RenderState` is the file `CACHE_PATH/fast_rebuilds_incremental-<output hash>.json`: for every
output file, the template names its render used, their fingerprint and the file's size and
mtime. It is removed when a build starts and written when it ends, so an interrupted build is
followed by a full one. `build_fingerprint` covers what every output depends on (settings,
theme, plugins, library versions); `content_stamp` the name, size and mtime of every content
file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from pelican.utils import sanitised_join
from safe_state import atomic_write_text, read_json_state, set_aside

from ..fingerprint import Fingerprinter

log = logging.getLogger("fast_rebuilds")

STATE_VERSION = 3
# Settings that change how a build runs, not what it writes.
# Other plugins list theirs in the setting FAST_REBUILDS_NEUTRAL_SETTINGS.
NEUTRAL_SETTINGS = frozenset({
    "FAST_REBUILDS_INCREMENTAL", "FAST_REBUILDS_NEUTRAL_SETTINGS", "LOAD_CONTENT_CACHE",
    "CACHE_CONTENT", "CHECK_MODIFIED_METHOD", "GZIP_CACHE", "CONTENT_CACHING_LAYER",
    "DELETE_OUTPUT_DIRECTORY",
    "WRITE_SELECTED", "DEBUG", "LOG_FILTER", "FAST_REBUILDS_GC_THRESHOLD",
})
_LIST_FIELDS = ("names", "absent", "tested")


def enabled(settings: dict) -> bool:
    """Incremental skipping is on unless disabled by setting or by --ignore-cache."""
    return bool(settings.get("FAST_REBUILDS_INCREMENTAL", True)) and bool(
        settings.get("LOAD_CONTENT_CACHE", False)
    )


def state_path(settings: dict) -> Path:
    """Where the render state of this output folder lives (in `CACHE_PATH`)."""
    out = os.path.realpath(settings["OUTPUT_PATH"])
    key = hashlib.sha1(out.encode()).hexdigest()[:12]
    return Path(settings.get("CACHE_PATH") or "cache") / f"fast_rebuilds_incremental-{key}.json"


def hash_tree(h: Any, root: Path, suffixes: tuple[str, ...] | None = None) -> None:
    if not root.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
        for name in sorted(filenames):
            if suffixes and not name.endswith(suffixes):
                continue
            path = Path(dirpath) / name
            h.update(path.relative_to(root).as_posix().encode())
            try:
                h.update(hashlib.sha256(path.read_bytes()).digest())
            except OSError:
                h.update(b"?")


def content_stamp(settings: dict) -> str:
    """Digest of the name, size and mtime of every file under PATH (posts, raw files, ...)."""
    h = hashlib.sha256()
    root = settings["PATH"]
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            h.update(f"{os.path.relpath(path, root)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def output_settings(settings: dict) -> dict:
    """The settings that can change what a build writes."""
    neutral = NEUTRAL_SETTINGS | set(settings.get("FAST_REBUILDS_NEUTRAL_SETTINGS") or ())
    return {k: v for k, v in settings.items() if k not in neutral}


def build_fingerprint(settings: dict, fp: Fingerprinter) -> str:
    """Fingerprint of what every output depends on: settings, theme, plugins, libraries."""
    h = hashlib.sha256(f"v{STATE_VERSION}|{sys.version}".encode())
    for dist in ("pelican", "jinja2", "markdown", "markupsafe", "feedgenerator"):
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(dist.encode())
    h.update(fp.of(output_settings(settings)).encode())
    theme_dirs = [settings.get("THEME", ""), *settings.get("THEME_TEMPLATES_OVERRIDES", [])]
    for d in theme_dirs:
        if d:
            hash_tree(h, Path(d))
    for d in settings.get("PLUGIN_PATHS", []):
        hash_tree(h, Path(d), (".py", ".html", ".jinja", ".j2", ".xml", ".txt", ".tsv", ".json"))
    return h.hexdigest()


class RenderState:
    """The render state file of one output folder: loaded when a build starts, saved at its end."""

    def __init__(self, settings: dict) -> None:
        self.path = state_path(settings)
        self.stored_build: str | None = None
        self.stored_inputs: str | None = None

    def load(self) -> dict[str, dict]:
        """The outputs of the last build (empty when there is no usable state)."""
        data = read_json_state(self.path, _not_a_state, "render state")
        if data is None or data.get("version") != STATE_VERSION:
            return {}
        try:
            lists = [tuple(x) for x in data.get("lists", [])]
            outputs = data.get("outputs", {})
            for entry in outputs.values():  # name lists are stored once, referred to by number
                for field in _LIST_FIELDS:
                    entry[field] = lists[entry[field]]
                if not isinstance(entry.get("fp"), str) or not isinstance(entry.get("stat"), list):
                    raise TypeError("an output without fingerprint or stat")
        except (TypeError, IndexError, KeyError, AttributeError) as exc:
            set_aside(self.path, f"wrong shape: {exc}", "render state")
            return {}
        self.stored_build = data.get("build")
        self.stored_inputs = data.get("inputs")
        return outputs

    def discard(self) -> None:
        """Remove the file while a build runs (a build that dies leaves no state behind)."""
        self.path.unlink(missing_ok=True)

    def save(self, outputs: dict[str, dict], **summary: Any) -> None:
        """Write this build's outputs, with `summary` (fingerprints, stats) beside them."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        numbers: dict[tuple[str, ...], int] = {}
        stored = {}
        for rel, entry in outputs.items():
            stored[rel] = {**entry, **{f: numbers.setdefault(entry[f], len(numbers))
                                       for f in _LIST_FIELDS}}
        data = {"version": STATE_VERSION, **summary, "lists": list(numbers), "outputs": stored}
        try:
            atomic_write_text(self.path, json.dumps(data, separators=(",", ":")))
        except OSError as exc:  # a cache: the next build is a full one
            log.warning("fast_rebuilds: could not save the render state %s: %s", self.path, exc)


def _not_a_state(data: Any) -> str | None:
    if not isinstance(data, dict):
        return f"expected an object, found {type(data).__name__}"
    if not isinstance(data.get("outputs", {}), dict) or not isinstance(data.get("lists", []), list):
        return "wrong shape"
    return None


def remove_stale(output_path: str, previous: dict[str, dict], current: dict[str, dict],
                 settings: dict) -> list[str]:
    """Delete the pages and feeds the last build wrote that this one did not (a deleted
    article's page, a month left empty), when they are still the files it wrote."""
    removed: list[str] = []
    if settings.get("WRITE_SELECTED"):  # a partial build: the rest is still current
        return removed
    for rel in sorted(set(previous) - set(current)):
        path = sanitised_join(output_path, rel)
        try:
            st = os.stat(path)
        except OSError:
            continue
        if [st.st_size, st.st_mtime_ns] == previous[rel].get("stat"):
            os.unlink(path)
            removed.append(rel)
            _remove_empty_parents(Path(path).parent, Path(output_path))
    if removed:
        log.info("fast_rebuilds incremental: removed %d pages no longer built: %s",
                 len(removed), ", ".join(removed[:5]) + (" ..." if len(removed) > 5 else ""))
    return removed


def _remove_empty_parents(folder: Path, top: Path) -> None:
    while folder != top and top in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty
            return
        folder = folder.parent
