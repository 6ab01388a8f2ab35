"""Pelican's content-cache pickles (`CACHE_PATH/*Generator-*`): checked before Pelican loads
them, and saved atomically.

Pelican 4.12 (`pelican/cache.py`, `FileDataCacher`) writes each pickle straight over the old
one, so a full disk or a kill leaves a truncated or empty file, and loading it raises
`EOFError` (which Pelican does not catch) in every later build, naming no file. Here:

- before each build (`initialized`, and `get_generators` at the start of every `run()`, so
  autoreload is covered), a pickle that is empty or not whole (a pickle of protocol 2 or later
  starts with PROTO and ends with STOP; a gzip file starts with its magic) is set aside with a
  warning naming it; Pelican then reads the posts again;
- `FileDataCacher.save_cache` writes a temporary file and renames it over the old one (the
  temporary files a killed build left in `CACHE_PATH` are removed before the next build).
"""

from __future__ import annotations

import gzip
import logging
import pickle
from pathlib import Path

from pelican import signals
from pelican.cache import FileDataCacher
from safe_state import atomic_write_bytes, remove_leftover_temps, set_aside

log = logging.getLogger("fast_rebuilds")
PICKLE_GLOB = "*Generator-*"
_GZIP_MAGIC = b"\x1f\x8b"


def damage_of(path: Path, gzipped: bool) -> str | None:
    """Why the pickle at `path` cannot be whole (None when it looks whole)."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(2)
            f.seek(max(size - 1, 0))
            tail = f.read(1)
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"
    if size == 0:
        return "empty (0 bytes)"
    if gzipped:
        return None if head == _GZIP_MAGIC and size >= 18 else "not a gzip file"
    if head[:1] != pickle.PROTO or tail != pickle.STOP:
        return "truncated or not a pickle"
    return None


def check_pickles(settings: dict) -> list[Path]:
    """Set aside every damaged content-cache pickle in CACHE_PATH; returns them."""
    if not settings.get("CACHE_CONTENT") and not settings.get("LOAD_CONTENT_CACHE"):
        return []
    cache = Path(settings.get("CACHE_PATH") or "cache")
    if cache.is_dir():
        remove_leftover_temps(cache)  # a killed build's half-written pickle or state
    found = []
    for path in sorted(cache.glob(PICKLE_GLOB)) if cache.is_dir() else ():
        if path.name.endswith((".damaged", ".tmp")) or not path.is_file():
            continue
        reason = damage_of(path, bool(settings.get("GZIP_CACHE")))
        if reason:
            set_aside(path, reason, "Pelican content cache")
            found.append(path)
    return found


def _on_initialized(pelican) -> None:
    check_pickles(pelican.settings)


def _on_run(pelican) -> None:
    """`get_generators` (sent at the start of every run): check before generators load."""
    check_pickles(pelican.settings)


def save_cache(self: FileDataCacher) -> None:
    """`FileDataCacher.save_cache`, writing a temporary file renamed over the old one."""
    if not self._cache_data_policy:
        return
    try:
        data = pickle.dumps(self._cache)
        if self._cache_open is gzip.open:
            data = gzip.compress(data)
        atomic_write_bytes(Path(self._cache_path), data)
    except (OSError, pickle.PicklingError, TypeError) as err:
        log.warning("Could not save cache %s\n ... %s", self._cache_path, err)


def install() -> None:
    FileDataCacher.save_cache = save_cache


def register() -> None:
    install()
    signals.initialized.connect(_on_initialized)
    signals.get_generators.connect(_on_run)
