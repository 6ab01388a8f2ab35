"""Warn once per change about a hand-edited post whose raw file changed.

Ingest never overwrites a post a person edited; it warns instead. Without memory it would
warn on every build for as long as the edit stands. `posts/.edit-notices.json` records, per
post, the raw file's hash that was last warned about: the same pair is logged at info level
only, a new change of the raw file (or a new edit) warns again.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

NOTICES_NAME = ".edit-notices.json"
log = logging.getLogger("news_archive")


def _load(posts_dir: Path) -> dict[str, str]:
    try:
        data = json.loads((posts_dir / NOTICES_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def warn_once(posts_dir: Path, post: Path, raw_sha: str, warn: Callable[..., None],
              message: str, *args: object) -> bool:
    """Call `warn(message, *args)` unless this post was already warned about for this raw
    file version (and this post text); returns True when it warned."""
    try:
        post_sha = str(post.stat().st_mtime_ns)
    except OSError:
        post_sha = ""
    key, value = post.name, f"{raw_sha}:{post_sha}"
    seen = _load(posts_dir)
    if seen.get(key) == value:
        log.info(message + " (already reported)", *args)
        return False
    warn(message, *args)
    seen[key] = value
    try:
        (posts_dir / NOTICES_NAME).write_text(json.dumps(seen, sort_keys=True), encoding="utf-8")
    except OSError:
        pass
    return True
