"""What this site wrote, kept in the output folder itself (`.fast_rebuilds-written.jsonl`).

The render state in `CACHE_PATH` also lists every output, but it is gone after `rm -rf cache`,
ignored by `--ignore-cache` and removed while a build runs. This record lives beside the files
it lists, so stale pages (a deleted article's page) are removed whatever happened to the cache:
every build removes the files the record lists that the build did not write, when they are
still the files written then (same size and mtime), and never any other file.

One JSON line `[path, size, mtime_ns]` per file written; each file rendered is appended as it
is written (flushed, so a killed build leaves the record of what it wrote), and the record is
rewritten compactly (atomically) when a build ends. Unreadable lines are dropped with a warning.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from ..safe_files import atomic_write_text

log = logging.getLogger("fast_rebuilds")
RECORD_NAME = ".fast_rebuilds-written.jsonl"


class WrittenRecord:
    """The files this site wrote into one output folder, with their size and mtime."""

    def __init__(self, output_path: str) -> None:
        self.path = Path(output_path) / RECORD_NAME
        self.files: dict[str, list[int]] = self._load()
        self._journal = None

    def _load(self) -> dict[str, list[int]]:
        try:
            text = self.path.read_bytes().decode("utf-8", "replace")
        except OSError:
            return {}
        files: dict[str, list[int]] = {}
        bad = 0
        for line in text.splitlines():
            try:
                rel, size, mtime = json.loads(line)
                if not (isinstance(rel, str) and isinstance(size, int)
                        and isinstance(mtime, int)) or os.path.isabs(rel) or ".." in Path(
                        rel).parts:
                    raise TypeError
            except (ValueError, TypeError):
                bad += 1
                continue
            files[rel] = [size, mtime]
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
            self._journal.write(json.dumps([rel, *stat]) + "\n")
            self._journal.flush()
        except OSError as exc:
            log.warning("fast_rebuilds: could not note %s in %s: %s", rel, self.path, exc)

    def as_previous(self) -> dict[str, dict]:
        """The record in the render state's shape (for `remove_stale`)."""
        return {rel: {"stat": stat} for rel, stat in self.files.items()}

    def save(self, files: dict[str, list[int]]) -> None:
        """Replace the record with `files` (the outputs this build wrote or kept)."""
        self.close()
        text = "".join(json.dumps([rel, *stat]) + "\n" for rel, stat in sorted(files.items()))
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
