"""Persons in non-English text (placeholder)."""

from __future__ import annotations


def find_persons(text, toks, hits, fam) -> list[str]:
    return []
