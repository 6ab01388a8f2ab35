"""The ingest state file (`posts/.ingest-state.json`): what earlier runs learnt per raw file.

Per raw file: its sha256 and stat stamp (so unchanged files are not read again), its MinHash
sketch, the reason it was skipped, and the file it near-duplicates. It is a cache: deleting it
only makes the next run read every raw file again. A damaged one (not JSON, wrong shape) is set
aside with a warning; the file is written atomically.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from safe_state import atomic_write_text, read_json_state

from .. import posts

log = logging.getLogger("news_archive")

STATE_NAME = ".ingest-state.json"


def load_state(posts_dir: Path, given: dict[str, str] | None = None) -> dict[str, dict]:
    """What earlier runs learnt per raw file (sha, sketch, skip reason, near-duplicate of).

    `given` is filled with every slug given so far (slug -> raw sha256 of its article), kept
    whatever the pipeline version, so a slug is never given to another article."""
    data = read_json_state(posts_dir / STATE_NAME, _shape_problem, "ingest state")
    if data is None:
        return {}
    if given is not None:
        given.update(data.get("slugs", {}))
    if data.get("version") != posts.PIPELINE_VERSION:
        return {}
    return data.get("files", {})


def _shape_problem(data: object) -> str | None:
    """Why `data` is not an ingest state (None when it is one)."""
    if not isinstance(data, dict):
        return f"expected an object, found {type(data).__name__}"
    files, slugs = data.get("files", {}), data.get("slugs", {})
    if not isinstance(slugs, dict) or not all(isinstance(v, str) for v in slugs.values()):
        return "'slugs' is not an object of texts"
    if not isinstance(files, dict):
        return f"'files' is a {type(files).__name__}, not an object"
    for rel, entry in files.items():
        if not isinstance(entry, dict):
            return f"entry {rel!r} is a {type(entry).__name__}, not an object"
        stamp, sketch = entry.get("stamp"), entry.get("sketch", [])
        texts_ok = all(isinstance(entry.get(k, ""), str) for k in ("sha", "skipped", "near_of"))
        if not texts_ok or not isinstance(sketch, list) or not (
                stamp is None or (isinstance(stamp, list) and len(stamp) == 2)):
            return f"entry {rel!r} has fields of the wrong type"
    return None


def save_state(posts_dir: Path, files: dict[str, dict],
               slugs: dict[str, str] | None = None) -> None:
    """Write the state file only when it changes (autoreload must not loop)."""
    data = {"version": posts.PIPELINE_VERSION, "files": files}
    if slugs:
        data["slugs"] = slugs
    text = json.dumps(data, sort_keys=True)
    target = posts_dir / STATE_NAME
    try:
        if target.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    try:
        atomic_write_text(target, text)
    except OSError as exc:  # a cache: the next run reads every raw file again
        log.warning("news_archive: could not save the ingest state %s: %s", target, exc)
