"""What one ingest run did: counts, skipped files with reasons, duplicates, kept hand edits."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

log = logging.getLogger("news_archive")
# Skipped files logged one by one; past this, one line says the rest are in the report.
LOG_SKIPS = 50


@dataclass
class Report:
    """What one ingest run did (also written as output/ingest-report.json)."""

    files_seen: int = 0
    processed: int = 0
    posts_written: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (raw path, reason)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (raw path, kept post)
    kept_edits: list[str] = field(default_factory=list)  # hand-edited posts left alone
    removed: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "files_seen": self.files_seen,
            "processed": self.processed,
            "posts_written": len(self.posts_written),
            "posts_written_files": self.posts_written,
            "unchanged": self.unchanged,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "duplicates": [{"path": p, "post": k} for p, k in self.duplicates],
            "hand_edited_kept": self.kept_edits,
            "removed": self.removed,
        }

    def skip(self, path: str, reason: str, note: str = "") -> None:
        """Record a raw file (or record) that is not published, and say why in one log line."""
        self.skipped.append((path, reason))
        if len(self.skipped) <= LOG_SKIPS:
            log.warning("%s: skipped%s: %s", path, note, reason)
        elif len(self.skipped) == LOG_SKIPS + 1:
            log.warning("news_archive: more than %d files skipped; the rest are not logged one by "
                        "one (all are in output/ingest-report.json)", LOG_SKIPS)

    def summary_line(self) -> str:
        return (
            f"news_archive ingest: {self.files_seen} raw files seen, "
            f"{len(self.posts_written)} posts written, {self.unchanged} unchanged, "
            f"{len(self.skipped)} skipped, {len(self.duplicates)} duplicates, "
            f"{len(self.kept_edits)} hand-edited posts kept, {len(self.removed)} removed"
        )
