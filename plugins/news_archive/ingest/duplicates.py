"""Which raw files hold the same article: identical copies and near-duplicates.

Identical files (same sha256) make one post; the first path in sort order is the primary. A
near-duplicate (MinHash, `dedup.py`) is recorded as an alternate source of the post it
duplicates. Each post lists its alternates, so a post is rewritten when they change.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from .report import Report

log = logging.getLogger("news_archive")


@dataclass
class Copies:
    """Primary raw files with their identical copies, and near-duplicates with their original."""

    exact: dict[str, list[str]]  # primary raw file -> identical files it stands for
    near_of: dict[str, str] = field(default_factory=dict)  # near-duplicate -> the original

    def alternates(self, rel: str) -> list[str]:
        """Other raw files that hold this file's article: identical copies, then
        near-duplicates."""
        return self.exact.get(rel, []) + sorted(k for k, v in self.near_of.items() if v == rel)

    def live(self) -> set[str]:
        """Raw files that have posts of their own."""
        return set(self.exact) - set(self.near_of)


def group_identical(hashes: dict[str, str], report: Report) -> dict[str, list[str]]:
    """Primary raw file -> the identical files it stands for (first path in sort order wins)."""
    groups: dict[str, list[str]] = {}
    for rel in sorted(hashes):
        groups.setdefault(hashes[rel], []).append(rel)
    primaries: dict[str, list[str]] = {}
    for first, *rest in groups.values():
        primaries[first] = rest
        for dup in rest:
            report.duplicates.append((dup, first))
            log.info("%s: identical to %s; published once", dup, first)
    return primaries


def remembered_near_duplicates(state: dict, hashes: dict[str, str],
                               exact: dict[str, list[str]]) -> dict[str, str]:
    """Near-duplicate links from earlier runs that still hold (both files unchanged)."""
    near: dict[str, str] = {}
    for rel, entry in state.items():
        of = entry.get("near_of")
        if of and rel in exact and of in exact and entry.get("sha") == hashes.get(rel):
            near[rel] = of
    return near
