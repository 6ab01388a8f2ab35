"""py3langid's model, kept decompressed between runs.

py3langid ships its model as an LZMA-compressed npz (4.5 MB, 68 MB inside); decompressing it
costs about half a second in every process that identifies a language, which is most of what a
rebuild that ingests ten files spends on languages. `load_identifier` keeps the model's arrays
as plain `.npy` files in a cache folder, named after py3langid's version and the model file's
size and modification time, and maps them into memory on the next run (the feature table is
then read only where a text has features). The identifier built from them holds the very
arrays py3langid's own loader returns (same values, same types), so answers are the same.

Cache folder: `NEWS_ARCHIVE_CACHE_DIR`, else `$XDG_CACHE_HOME/news-archive`, else
`~/.cache/news-archive`. It is a cache: a folder that cannot be written is skipped, a damaged
entry is set aside with a warning, and either way the model is loaded from py3langid's file.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
from safe_state import set_aside

log = logging.getLogger("news_archive")

# The arrays of py3langid 0.4's model file, by their names in its npz.
ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def cache_root() -> Path:
    """Where per-user caches of this tool live (see the module's docstring)."""
    given = os.environ.get("NEWS_ARCHIVE_CACHE_DIR")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "news-archive"


def _entry_name(model_file: Path) -> str:
    st = model_file.stat()
    try:
        version = metadata.version("py3langid")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return f"py3langid-{version}-{st.st_size}-{st.st_mtime_ns}"


def load_identifier(norm_probs: bool = True) -> Any:
    """py3langid's `LanguageIdentifier` for its bundled model, from the cache when it holds the
    model (written there on the first run)."""
    from py3langid import langid, modelio

    model_file = langid.MODEL_DIR / langid.MODEL_FILE
    try:
        entry = cache_root() / _entry_name(model_file)
    except (OSError, RuntimeError):  # RuntimeError: no home folder to put the cache in
        entry = None
    arrays = _read_entry(entry) if entry is not None else None
    if arrays is None:
        arrays = _decompress(model_file)
        if arrays is not None and entry is not None:
            _write_entry(entry, arrays)
    if arrays is None:  # a model laid out otherwise (another py3langid release): its loader
        return langid.LanguageIdentifier.from_model_file(model_file, norm_probs=norm_probs)
    to_array = modelio._to_array
    return langid.LanguageIdentifier(
        np.asarray(arrays["ptc"]), np.asarray(arrays["pc"]), arrays["classes"].tolist(),
        to_array(arrays["nextmove"]), arrays["out_feat"].tolist(), norm_probs=norm_probs,
        tk_row=to_array(arrays["nextmove_row"]))


def _decompress(model_file: Path) -> dict[str, np.ndarray] | None:
    """The model's arrays from py3langid's compressed file, or None if it is laid out
    otherwise than `ARRAYS`."""
    import lzma

    with tempfile.TemporaryFile(suffix=".npz") as tmp:
        with lzma.open(model_file) as src:
            shutil.copyfileobj(src, tmp, length=1 << 20)
        tmp.seek(0)
        with np.load(tmp, allow_pickle=False) as data:
            if set(ARRAYS) - set(data.files):
                return None
            return {name: data[name] for name in ARRAYS}


def _read_entry(entry: Path) -> dict[str, np.ndarray] | None:
    """The cached arrays (memory-mapped), or None when the entry is absent or damaged (then set
    aside with a warning)."""
    if not (entry / "complete").is_file():
        return None
    try:
        arrays = {name: np.load(entry / f"{name}.npy", mmap_mode="r", allow_pickle=False)
                  for name in ARRAYS}
        rows, states = arrays["nextmove"].size // 256, arrays["nextmove_row"].shape[0]
        classes = arrays["pc"].shape[0]
        if (arrays["ptc"].shape[1] != classes or arrays["classes"].shape[0] != classes
                or arrays["out_feat"].shape[0] != states or rows * 256 != arrays["nextmove"].size
                or (states and int(arrays["nextmove_row"].max()) >= rows)):
            raise ValueError("arrays of inconsistent shapes")
    except (OSError, ValueError) as exc:
        shutil.rmtree(entry.with_name(entry.name + ".damaged"), ignore_errors=True)
        if set_aside(entry, str(exc), "cached language model") is None:
            shutil.rmtree(entry, ignore_errors=True)  # not renamed: written again below
        return None
    return arrays


def _write_entry(entry: Path, arrays: dict[str, np.ndarray]) -> None:
    """Save the arrays as one folder, renamed into place when whole (a cache: failures only
    logged)."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{entry.name}.", dir=entry.parent))
        for name, array in arrays.items():
            np.save(tmp / f"{name}.npy", array, allow_pickle=False)
        (tmp / "complete").write_text("ok\n")
        try:
            os.rename(tmp, entry)
        except OSError:  # another process wrote it first
            shutil.rmtree(tmp, ignore_errors=True)
    except OSError as exc:
        log.debug("news_archive: language model not cached in %s: %s", entry, exc)
