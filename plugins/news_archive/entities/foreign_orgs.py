"""Organizations in non-English text found by cue words (placeholder)."""

from __future__ import annotations


def find_organizations(text, toks, hits, fam) -> list[str]:
    return []
