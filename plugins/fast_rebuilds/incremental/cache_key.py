"""Guard Pelican's content cache against changes it does not see (settings, plugins, versions)."""

from __future__ import annotations

import hashlib
import logging
from importlib import metadata
from pathlib import Path

from safe_state import atomic_write_text, set_aside

from ..fingerprint import Fingerprinter
from .state import hash_tree, output_settings

log = logging.getLogger("fast_rebuilds")


def guard_content_cache(pelican) -> None:
    """`initialized`: Pelican's content cache is checked only against each source file; drop it
    when the settings, plugin code or library versions changed (they shape reader output)."""
    settings = pelican.settings
    if not settings.get("CACHE_CONTENT"):
        return
    cache = Path(settings.get("CACHE_PATH") or "cache")
    h = hashlib.sha256(Fingerprinter().of(output_settings(settings)).encode())
    for dist in ("pelican", "markdown"):
        h.update(metadata.version(dist).encode())
    for d in settings.get("PLUGIN_PATHS", []):
        hash_tree(h, Path(d), (".py", ".txt", ".tsv", ".json"))
    key_file = cache / "fast_rebuilds_cache_key"
    key = h.hexdigest()
    try:
        stored = key_file.read_bytes()
    except OSError:
        stored = b""
    if stored == key.encode():
        return
    if stored and (len(stored) != len(key) or not stored.isalnum()):
        set_aside(key_file, "not a cache key", "content cache key")
    for f in cache.glob("*Generator-*"):
        f.unlink(missing_ok=True)
    try:
        atomic_write_text(key_file, key)
    except OSError as exc:
        log.warning("fast_rebuilds: could not save the cache key %s: %s", key_file, exc)
