"""The ingest state file (`posts/.ingest-state.json`): what earlier runs learnt per raw file.

Per raw file: its sha256 and stat stamp (so unchanged files are not read again), its MinHash
sketch, the reason it was skipped, and the file it near-duplicates. It is a cache: deleting it
only makes the next run read every raw file again.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import posts

STATE_NAME = ".ingest-state.json"


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
