"""Guard Pelican's content cache against changes it does not see (settings, plugins, versions)."""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

from ..fingerprint import Fingerprinter
from .state import hash_tree, output_settings


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
        if key_file.read_text() == key:
            return
    except OSError:
        pass
    for f in cache.glob("*Generator-*"):
        f.unlink(missing_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    key_file.write_text(key)
