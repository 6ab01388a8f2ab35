"""safe_state: state and cache files that survive kills, full disks and damage.

A small library (not a Pelican plugin) shared by the `news_archive` and `fast_rebuilds`
plugins, so that neither depends on the other.

- `atomic_write_text`: a temporary file beside the target, flushed and fsynced, then renamed
  over it, so a kill or a full disk leaves the old file or the new one, never a truncated one.
- `set_aside`: a damaged state file is renamed to `<name>.damaged` (kept for a person to look
  at) with a warning naming it; the caller goes on as if there were no state.
- `read_json_state`: a JSON state file, or None (absent) — a damaged one is set aside.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger("safe_state")


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    """Write `data` to `path` atomically (temp file, flush, fsync, rename). `durable=False`
    skips the fsync: still whole after a kill or a full disk, not after a power cut."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def remove_leftover_temps(folder: Path, older_than: float = 600.0) -> list[Path]:
    """Remove the temporary files a killed writer left in `folder` (older than `older_than`
    seconds, so a writer still at work is never disturbed); returns them."""
    import time

    removed = []
    limit = time.time() - older_than
    for tmp in Path(folder).glob(".*.tmp"):
        try:
            if tmp.is_file() and tmp.stat().st_mtime < limit:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            continue
    if removed:
        log.info("removed %d temporary files left by an interrupted run in %s", len(removed),
                 folder)
    return removed


def _mode_for(path: Path) -> int:
    """The old file's permissions, else what a plain `open` would give (0o666 less umask)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_text(path: Path, text: str, durable: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), durable)


def set_aside(path: Path, reason: str, what: str = "state file") -> Path | None:
    """Rename a damaged file to `<name>.damaged` and say so; returns the new name."""
    path = Path(path)
    target = path.with_name(path.name + ".damaged")
    try:
        os.replace(path, target)
    except OSError as exc:
        try:
            path.unlink()
        except OSError:
            log.warning("%s %s is damaged (%s) and could not be set aside: %s; ignoring it",
                        what, path, reason, exc)
            return None
        log.warning("%s %s was damaged (%s); removed, the build goes on without it",
                    what, path, reason)
        return None
    log.warning("%s %s was damaged (%s); set aside as %s, the build goes on without it",
                what, path, reason, target.name)
    return target


def read_json_state(path: Path, valid: Callable[[Any], str | None],
                    what: str = "state file") -> Any:
    """The parsed JSON of `path`, or None when it is absent or damaged (then set aside).

    `valid(data)` returns None when the data has the expected shape, else the reason."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("%s %s cannot be read (%s); the build goes on without it", what, path, exc)
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        set_aside(path, f"not valid JSON: {type(exc).__name__}", what)
        return None
    reason = valid(data)
    if reason:
        set_aside(path, reason, what)
        return None
    return data
