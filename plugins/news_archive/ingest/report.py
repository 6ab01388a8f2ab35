"""What one ingest run did: counts, skipped files with reasons, duplicates, kept hand edits."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from pelican.log import LimitLogger

log = logging.getLogger("news_archive")
log.addFilter(LimitLogger.limit_filter)  # Pelican's shared one (added once, also in the CLI)
# Per-file warnings go through Pelican's LimitFilter: the first few are logged, then one line
# says the rest are in the report (output/ingest-report.json, `news-archive ingest` output).
REPORT_FILE = "output/ingest-report.json"


def limited(kind: str) -> dict:
    """`extra=` for a per-file warning: after a few of one kind, one line points to the report."""
    return {"limit_msg": _limit_msg(kind)}


def _limit_msg(kind: str) -> str:
    return f"more {kind}; every one is listed in {REPORT_FILE}"


def restart_caps() -> None:
    """Give this run's per-file warnings a fresh cap (LimitFilter counts per process, and
    `pelican --autoreload` runs many builds in one). A message identical to one already shown
    in this process (the same file, skipped for the same reason) stays silent."""
    counts = LimitLogger.limit_filter._group_count
    for key in [k for k in counts if str(k[1]).endswith(REPORT_FILE)]:
        del counts[key]


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
    undated: list[str] = field(default_factory=list)  # dated by the file's modification time
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (raw path, warning)

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
            "undated": self.undated,
            "warnings": [{"path": p, "warning": w} for p, w in dict.fromkeys(self.warnings)],
        }

    def skip(self, path: str, reason: str, note: str = "") -> None:
        """Record a raw file (or record) that is not published, and say why in one log line."""
        self.skipped.append((path, reason))
        log.warning("%s: skipped%s: %s", path, note, reason, extra=limited("files skipped"))

    def summary_line(self) -> str:
        return (
            f"news_archive ingest: {self.files_seen} raw files seen, "
            f"{len(self.posts_written)} posts written, {self.unchanged} unchanged, "
            f"{len(self.skipped)} skipped, {len(self.duplicates)} duplicates, "
            f"{len(self.kept_edits)} hand-edited posts kept, {len(self.removed)} removed"
            + (f", {len({p for p, _ in self.warnings})} with warnings (cuts, dates: see "
               "ingest-report.json)" if self.warnings else "")
        )
