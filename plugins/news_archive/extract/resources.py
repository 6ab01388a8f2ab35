"""Load the extractor's data files (``extract/data/``) once, with comment headers skipped.

Every data file starts with ``#`` comment lines saying where its data came from; blank lines
and lines starting with ``#`` are ignored everywhere.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_lines(name: str) -> list[str]:
    """Non-comment, non-blank lines of a data file (trailing whitespace stripped)."""
    out = []
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            out.append(line.rstrip())
    return out


def data_rows(name: str) -> list[list[str]]:
    """Rows of a TSV data file, each split on tabs (empty fields kept)."""
    return [line.split("\t") for line in data_lines(name)]


def data_json(name: str) -> object:
    """A JSON data file; a leading block of ``#`` comment lines is allowed."""
    return json.loads("\n".join(data_lines(name)))


@cache
def pattern_groups(name: str) -> dict[str, re.Pattern[str]]:
    """A TSV of ``kind<TAB>regex`` rows compiled into one case-insensitive regex per kind."""
    groups: dict[str, list[str]] = {}
    for row in data_rows(name):
        if len(row) < 2:
            continue
        groups.setdefault(row[0].strip(), []).append(row[1].strip())
    return {
        kind: re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)
        for kind, pats in groups.items()
    }
