"""What this site wrote, kept in the output folder itself (`.fast_rebuilds-written.tsv`).

The render state in `CACHE_PATH` also lists every output, but it is gone after `rm -rf cache`,
ignored by `--ignore-cache` and removed while a build runs. This record lives beside the files
it lists, so stale pages (a deleted article's page) are removed whatever happened to the cache:
every build removes the files the record lists that the build did not write, when they are
still the files written then (same size and mtime), and never any other file.

One line `path<TAB>size<TAB>mtime_ns` per file written (a path holding a tab or a line break is
written as a JSON string); each file rendered is appended as it is written (flushed every
`FLUSH_EVERY` lines and at the end, so a killed build leaves the record of nearly all it
wrote), and the record is rewritten compactly (atomically) when a build ends. Unreadable lines
are dropped with a warning.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from safe_state import atomic_write_text

log = logging.getLogger("fast_rebuilds")
RECORD_NAME = ".fast_rebuilds-written.tsv"
FLUSH_EVERY = 64
_SPECIAL = frozenset("\t\n\r\"")


def _line(rel: str, stat: list[int]) -> str:
    name = json.dumps(rel) if _SPECIAL & set(rel) else rel
    return f"{name}\t{stat[0]}\t{stat[1]}\n"


def _parse(line: str) -> tuple[str, list[int]]:
    name, size, mtime = line.rsplit("\t", 2)
    rel = json.loads(name) if name.startswith('"') else name
    if not isinstance(rel, str) or not rel or rel[0] in "/\\" or ".." in rel.replace(
            "\\", "/").split("/"):
        raise ValueError(rel)
    return rel, [int(size), int(mtime)]


class WrittenRecord:
    """The files this site wrote into one output folder, with their size and mtime."""

    def __init__(self, output_path: str) -> None:
        self.path = Path(output_path) / RECORD_NAME
        self.files: dict[str, list[int]] = self._load()
        self._journal = None
        self._unflushed = 0

    def _load(self) -> dict[str, list[int]]:
        try:
            text = self.path.read_bytes().decode("utf-8", "replace")
        except OSError:
            return {}
        files: dict[str, list[int]] = {}
        bad = 0
        for line in text.split("\n"):
            if not line:
                continue
            try:
                rel, stat = _parse(line)
            except ValueError:
                bad += 1
                continue
            files[rel] = stat
        if bad:
            log.warning("fast_rebuilds: %d damaged lines in %s dropped (the pages they named "
                        "are left in place)", bad, self.path)
        return files

    def note(self, rel: str, stat: list[int]) -> None:
        """Append one written file (kept even if the build is killed later)."""
        try:
            if self._journal is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._journal = open(self.path, "a", encoding="utf-8")  # noqa: SIM115
            self._journal.write(_line(rel, stat))
            self._unflushed += 1
            if self._unflushed >= FLUSH_EVERY:
                self._journal.flush()
                self._unflushed = 0
        except OSError as exc:
            log.warning("fast_rebuilds: could not note %s in %s: %s", rel, self.path, exc)

    def as_previous(self) -> dict[str, dict]:
        """The record in the render state's shape (for `remove_stale`)."""
        return {rel: {"stat": stat} for rel, stat in self.files.items()}

    def save(self, files: dict[str, list[int]]) -> None:
        """Replace the record with `files` (the outputs this build wrote or kept)."""
        self.close()
        text = "".join(_line(rel, stat) for rel, stat in sorted(files.items()))
        try:
            atomic_write_text(self.path, text)
        except OSError as exc:
            log.warning("fast_rebuilds: could not save %s: %s", self.path, exc)
        self.files = files

    def close(self) -> None:
        if self._journal is not None:
            try:
                self._journal.close()
            except OSError:
                pass
            self._journal = None


def still_present(output_path: str, files: dict[str, list[int]]) -> dict[str, list[int]]:
    """The entries of `files` whose file still exists (for a partial build's record)."""
    return {rel: st for rel, st in files.items()
            if os.path.exists(os.path.join(output_path, rel))}
